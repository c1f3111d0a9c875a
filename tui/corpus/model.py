"""Records extracted from one document: plain dataclasses, no I/O.

Line numbers are 1-based lines of the source file (split on ``\\n``); ranges are inclusive.
Ids local to a document (``section_id``, ``paragraph_id``...) are strings prefixed with the
document id so they stay unique once several documents share one database.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Section:
    """A node of a document's outline (part, chapter, section, subsection, clause...)."""

    section_id: str
    doc_id: str
    parent_id: str | None
    level: int
    """1 = chapter or top-level part; 2 = section; 3+ = subsections."""
    part: str
    """The part of the document it belongs to: ``Presentación``, ``Capítulos``, ``Cláusulas``..."""
    number: str | None
    """As printed: ``II.3``, ``5.10``, ``PRIMERA``; None when unnumbered."""
    title: str
    ordinal: int
    line_start: int
    line_end: int


@dataclass(slots=True)
class Paragraph:
    paragraph_id: str
    doc_id: str
    section_id: str | None
    ordinal: int
    line_start: int
    line_end: int
    text: str


@dataclass(slots=True)
class Footnote:
    doc_id: str
    number: str
    text: str
    line_start: int


@dataclass(slots=True)
class GlossaryEntry:
    doc_id: str
    acronym: str
    expansion: str
    line_start: int


@dataclass(slots=True)
class Cell:
    row: int
    col: int
    text: str
    value: float | None
    line: int | None
    note: str | None = None
    """Note marker removed from the printed text (``3/``), if any."""


@dataclass(slots=True)
class Exhibit:
    """A table (Cuadro/Tabla) or a chart (Gráfica) found from its caption."""

    exhibit_id: str
    doc_id: str
    kind: str
    """``table`` or ``chart``."""
    label: str
    """Normalised: ``Cuadro II.3``, ``Tabla II.3``, ``Gráfica I.1``."""
    number: str
    title: str
    line_start: int
    line_end: int
    section_id: str | None = None
    subtitle: str | None = None
    notes: str | None = None
    source: str | None = None
    columns: list[str] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """What could not be read (malformed body, extra cells...), kept for the user."""
    lines: set[int] = field(default_factory=set)
    """Every source line the exhibit consumed, so prose can be rebuilt without it."""

    @property
    def has_data(self) -> bool:
        return bool(self.cells)

    @property
    def n_rows(self) -> int:
        return max((c.row for c in self.cells), default=-1) + 1

    @property
    def n_cols(self) -> int:
        return len(self.columns)


@dataclass(slots=True)
class Check:
    """A consistency check that failed: a total that does not add up."""

    exhibit_id: str
    check: str
    row: int | None
    col: int | None
    expected: float
    found: float


@dataclass(slots=True)
class Fact:
    """A number quoted in the prose."""

    fact_id: str
    doc_id: str
    section_id: str | None
    paragraph_id: str
    line: int
    raw: str
    value: float
    unit: str | None
    kind: str
    context: str


@dataclass(slots=True)
class Document:
    """Everything extracted from one source file."""

    doc_id: str
    source_file: str
    sha256: str
    title: str
    kind: str
    """``informe``, ``convenio``, ``plan``, ``manual`` or ``otro``."""
    period: str | None
    date: str | None
    n_lines: int
    n_chars: int
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    exhibits: list[Exhibit] = field(default_factory=list)
    exhibit_refs: list[tuple[str, str]] = field(default_factory=list)
    """(paragraph_id, exhibit_id) pairs."""
    checks: list[Check] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    fact_cells: list[tuple[str, str, int, int]] = field(default_factory=list)
    """(fact_id, exhibit_id, row, col): a quoted figure found in a table cell."""
    lines: list[str] = field(default_factory=list)
    """The source lines, kept so the database can show them with their numbers."""
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Grid:
    """A table body as read from its lines: column names, typed cells and what was not table."""

    columns: list[str] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    prose: set[int] = field(default_factory=set)
    """Lines inside the body that are interleaved prose; they go back to the paragraphs."""
    problems: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Outline:
    """The sections of a document and the lines they consumed (headings, index rows...)."""

    sections: list[Section] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)
