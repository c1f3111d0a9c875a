"""Everything the explorer reads from the database, as plain dataclasses.

The UI never holds SQL: each screen calls one function here from a thread worker, with a cursor of
its own (DuckDB connections are not shared between threads; cursors are cheap duplicates).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

import tui.store.db  # noqa: F401 - its import marks pandas absent: see remember_missing_pandas
from tui.corpus.model import Check, Fact

if TYPE_CHECKING:
    import duckdb

    Con = duckdb.DuckDBPyConnection


@dataclass(slots=True)
class DocumentInfo:
    doc_id: str
    title: str
    kind: str
    period: str | None
    source_file: str
    n_lines: int


@dataclass(slots=True)
class SectionInfo:
    section_id: str
    doc_id: str
    parent_id: str | None
    level: int
    number: str | None
    title: str
    line_start: int
    line_end: int

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass(slots=True)
class ExhibitInfo:
    exhibit_id: str
    doc_id: str
    section_id: str | None
    kind: str
    label: str
    title: str
    line_start: int
    has_data: bool

    @property
    def heading(self) -> str:
        return f"{self.label}. {self.title}" if self.title else self.label


@dataclass(slots=True)
class Outline:
    """Every document, section (in reading order) and exhibit: small enough to hold in memory."""

    documents: list[DocumentInfo] = field(default_factory=list)
    sections: list[SectionInfo] = field(default_factory=list)
    exhibits: list[ExhibitInfo] = field(default_factory=list)


@dataclass(slots=True)
class FactSpan:
    fact_id: str
    raw: str
    start: int
    end: int


@dataclass(slots=True)
class ParagraphView:
    paragraph_id: str
    section_id: str | None
    line_start: int
    line_end: int
    text: str
    facts: list[FactSpan] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)
    """(exhibit_id, label) of the exhibits this paragraph cites."""


@dataclass(slots=True)
class FootnoteView:
    number: str
    text: str
    line_start: int


@dataclass(slots=True)
class GlossaryView:
    acronym: str
    expansion: str
    line_start: int


@dataclass(slots=True)
class SectionText:
    """What the reader shows for one section (or, with ``section_id`` None, a document's front matter)."""

    doc_id: str
    section_id: str | None
    paragraphs: list[ParagraphView]
    exhibits: list[ExhibitInfo]
    footnotes: list[FootnoteView]
    glossary: list[GlossaryView] = field(default_factory=list)
    """The acronyms listed in the section (a Siglas part), in line order."""


@dataclass(slots=True)
class Citation:
    paragraph_id: str
    section_id: str | None
    doc_id: str
    line_start: int
    text: str


@dataclass(slots=True)
class ExhibitDetail:
    info: ExhibitInfo
    subtitle: str | None
    notes: str | None
    source: str | None
    problems: str | None
    line_end: int
    columns: list[str]
    numeric: list[bool]
    texts: list[list[str]]
    """Printed cell texts, by row then column ('' where the source printed nothing)."""
    values: list[list[float | None]]
    lines: list[list[int | None]]
    checks: list[Check]
    citations: list[Citation]
    source_lines: list[tuple[int, str]] = field(default_factory=list)
    """(line, text) of the source, when asked for."""


@dataclass(slots=True)
class CellRef:
    exhibit_id: str
    doc_id: str
    label: str
    title: str
    row: int
    col: int
    text: str
    linked: bool
    """True when the build linked the fact to this cell; False for a mere equal value."""


@dataclass(slots=True)
class FactDetail(Fact):
    """A fact with the table cells that hold its value (linked by the build first)."""

    cells: list[CellRef] = field(default_factory=list)


def load_meta(con: Con) -> dict[str, str]:
    return dict(con.execute("SELECT key, value FROM meta").fetchall())


def load_outline(con: Con) -> Outline:
    docs = con.execute(
        "SELECT doc_id, coalesce(title, doc_id), coalesce(kind, ''), period, coalesce(source_file, ''),"
        " coalesce(n_lines, 0) FROM documents ORDER BY source_file, doc_id"
    ).fetchall()
    order = {d[0]: i for i, d in enumerate(docs)}
    secs = con.execute(
        "SELECT section_id, doc_id, parent_id, level, number, coalesce(title, ''), line_start, line_end,"
        " ordinal FROM sections ORDER BY doc_id, ordinal"
    ).fetchall()
    secs.sort(key=lambda r: (order.get(r[1], 0), r[8]))
    exs = con.execute(
        "SELECT exhibit_id, doc_id, section_id, kind, label, coalesce(title, ''), line_start,"
        " coalesce(has_data, false) FROM exhibits ORDER BY doc_id, line_start"
    ).fetchall()
    return Outline(
        [DocumentInfo(*d) for d in docs],
        [SectionInfo(*s[:8]) for s in secs],
        [ExhibitInfo(*e) for e in exs],
    )


def load_section(con: Con, doc_id: str, section: SectionInfo | None, child_starts: list[int]) -> SectionText:
    """The paragraphs, exhibits and footnotes of one section (not of its subsections).

    ``child_starts`` are the first lines of its subsections, which bound the footnotes taken.
    """
    sid = section.section_id if section else None
    where = "{t}section_id = ?" if sid else "{t}section_id IS NULL AND {t}doc_id = ?"
    library = _read_library(con, where, [sid or doc_id])
    lo, hi = _own_lines(section, child_starts)
    notes = con.execute(
        f"{_FOOTNOTES} WHERE doc_id = ? AND line_start BETWEEN ? AND ? ORDER BY line_start", [doc_id, lo, hi]
    ).fetchall()
    library.add_footnotes(notes)
    entries = con.execute(
        f"{_GLOSSARY} WHERE doc_id = ? AND line_start BETWEEN ? AND ? ORDER BY line_start", [doc_id, lo, hi]
    ).fetchall()
    library.add_glossary(entries)
    return library.section_text(doc_id, section, child_starts)


@dataclass(slots=True)
class Library:
    """The reading text of sections, grouped by section (a document's front matter under its id)."""

    paragraphs: dict[str, list[ParagraphView]] = field(default_factory=dict)
    exhibits: dict[str, list[ExhibitInfo]] = field(default_factory=dict)
    footnotes: dict[str, list[FootnoteView]] = field(default_factory=dict)
    """Each document's footnotes, in line order."""
    glossary: dict[str, list[GlossaryView]] = field(default_factory=dict)
    """Each document's acronyms, in line order."""

    def add_footnotes(self, rows: list[tuple]) -> None:
        for doc_id, *note in rows:
            self.footnotes.setdefault(doc_id, []).append(FootnoteView(*note))

    def add_glossary(self, rows: list[tuple]) -> None:
        for doc_id, *entry in rows:
            self.glossary.setdefault(doc_id, []).append(GlossaryView(*entry))

    def section_text(self, doc_id: str, section: SectionInfo | None, child_starts: list[int]) -> SectionText:
        """What :func:`load_section` reads, without a query."""
        key = section.section_id if section else doc_id
        lo, hi = _own_lines(section, child_starts)
        return SectionText(
            doc_id,
            section.section_id if section else None,
            self.paragraphs.get(key, []),
            self.exhibits.get(key, []),
            _between(self.footnotes.get(doc_id, []), lo, hi),
            _between(self.glossary.get(doc_id, []), lo, hi),
        )


def count_paragraphs(con: Con) -> int:
    return con.execute("SELECT count(*) FROM paragraphs").fetchone()[0]


def load_library(con: Con) -> Library:
    """Every section's text in one read (~10 MB for the corpus): sections then open at once."""
    library = _read_library(con, "true", [])
    library.add_footnotes(con.execute(f"{_FOOTNOTES} ORDER BY doc_id, line_start").fetchall())
    library.add_glossary(con.execute(f"{_GLOSSARY} ORDER BY doc_id, line_start").fetchall())
    return library


_FOOTNOTES = "SELECT doc_id, number, text, line_start FROM footnotes"
_GLOSSARY = "SELECT doc_id, acronym, expansion, line_start FROM glossary"


def _between(records: list, lo: int, hi: int) -> list:
    """The records (in line order) whose first line is within ``lo``..``hi``."""
    first = bisect_left(records, lo, key=attrgetter("line_start"))
    return records[first : bisect_right(records, hi, key=attrgetter("line_start"))]


def _read_library(con: Con, where: str, params: list) -> Library:
    """Paragraphs (with their figures and citations) and exhibits of the sections ``where`` selects
    (``{t}`` stands for the table's alias)."""
    library = Library()
    paras: dict[str, ParagraphView] = {}
    for doc_id, *row in con.execute(
        f"SELECT doc_id, paragraph_id, section_id, line_start, line_end, text FROM paragraphs"
        f" WHERE {where.format(t='')} ORDER BY doc_id, ordinal",
        params,
    ).fetchall():
        p = paras[row[0]] = ParagraphView(*row)
        library.paragraphs.setdefault(p.section_id or doc_id, []).append(p)
    # Facts carry their section: no join with the paragraphs (half the time of the read).
    for pid, fid, raw in con.execute(
        f"SELECT paragraph_id, fact_id, raw FROM facts WHERE {where.format(t='')}"
        " ORDER BY paragraph_id, line, fact_id",
        params,
    ).fetchall():
        if pid in paras:
            _place_fact(paras[pid], fid, raw)
    for pid, eid, label in con.execute(
        "SELECT r.paragraph_id, r.exhibit_id, e.label FROM exhibit_refs r"
        " JOIN paragraphs p USING (paragraph_id) JOIN exhibits e USING (exhibit_id)"
        f" WHERE {where.format(t='p.')} ORDER BY e.line_start, r.exhibit_id",
        params,
    ).fetchall():
        paras[pid].refs.append((eid, label))
    for row in con.execute(
        "SELECT exhibit_id, doc_id, section_id, kind, label, coalesce(title, ''), line_start,"
        f" coalesce(has_data, false) FROM exhibits WHERE {where.format(t='')}"
        " ORDER BY line_start, exhibit_id",
        params,
    ).fetchall():
        e = ExhibitInfo(*row)
        library.exhibits.setdefault(e.section_id or e.doc_id, []).append(e)
    return library


def _own_lines(section: SectionInfo | None, child_starts: list[int]) -> tuple[int, int]:
    """The lines whose footnotes and acronyms belong to a section: up to its first subsection."""
    lo = section.line_start if section else 1
    hi = min([*child_starts, (section.line_end + 1) if section else 1 << 31]) - 1
    return lo, hi


def _place_fact(p: ParagraphView, fact_id: str, raw: str) -> None:
    """Find the quoted figure in the text after the previous one, so repeated figures stay in order."""
    after = p.facts[-1].end if p.facts else 0
    at = p.text.find(raw, after)
    if at < 0:
        at = p.text.find(raw)
    if at >= 0:
        p.facts.append(FactSpan(fact_id, raw, at, at + len(raw)))


def load_exhibit(con: Con, exhibit_id: str, with_source: bool = False) -> ExhibitDetail | None:
    """An exhibit with its cells, checks and citations (and its source lines if ``with_source``)."""
    row = con.execute(
        "SELECT exhibit_id, doc_id, section_id, kind, label, coalesce(title, ''), line_start,"
        " coalesce(has_data, false), subtitle, notes, source, problems, line_end, coalesce(n_rows, 0)"
        " FROM exhibits WHERE exhibit_id = ?",
        [exhibit_id],
    ).fetchone()
    if row is None:
        return None
    cols = con.execute(
        "SELECT name, coalesce(numeric, false) FROM exhibit_columns WHERE exhibit_id = ? ORDER BY col",
        [exhibit_id],
    ).fetchall()
    n_rows, n_cols = row[13], len(cols)
    texts = [[""] * n_cols for _ in range(n_rows)]
    values: list[list[float | None]] = [[None] * n_cols for _ in range(n_rows)]
    lines: list[list[int | None]] = [[None] * n_cols for _ in range(n_rows)]
    for r, c, text, value, line in con.execute(
        'SELECT "row", col, text, value, line FROM exhibit_cells WHERE exhibit_id = ?', [exhibit_id]
    ).fetchall():
        if 0 <= r < n_rows and 0 <= c < n_cols:
            texts[r][c], values[r][c], lines[r][c] = text or "", value, line
    checks = con.execute(
        'SELECT exhibit_id, "check", "row", col, expected, found FROM exhibit_checks WHERE exhibit_id = ?',
        [exhibit_id],
    ).fetchall()
    return ExhibitDetail(
        ExhibitInfo(*row[:8]),
        *row[8:13],
        [c[0] for c in cols],
        [bool(c[1]) for c in cols],
        texts,
        values,
        lines,
        [Check(*c) for c in checks],
        load_citations(con, exhibit_id),
        load_source_lines(con, row[1], row[6], row[12]) if with_source else [],
    )


def load_citations(con: Con, exhibit_id: str) -> list[Citation]:
    rows = con.execute(
        "SELECT p.paragraph_id, p.section_id, p.doc_id, p.line_start, p.text FROM exhibit_refs r"
        " JOIN paragraphs p USING (paragraph_id) WHERE r.exhibit_id = ? ORDER BY p.doc_id, p.line_start",
        [exhibit_id],
    ).fetchall()
    return [Citation(*r) for r in rows]


def load_source_lines(con: Con, doc_id: str, start: int, end: int) -> list[tuple[int, str]]:
    return con.execute(
        "SELECT line, text FROM source_lines WHERE doc_id = ? AND line BETWEEN ? AND ? ORDER BY line",
        [doc_id, start, end],
    ).fetchall()


def load_fact(con: Con, fact_id: str, limit: int = 200) -> FactDetail | None:
    row = con.execute(
        "SELECT fact_id, doc_id, section_id, paragraph_id, line, raw, value, unit, kind, context"
        " FROM facts WHERE fact_id = ?",
        [fact_id],
    ).fetchone()
    if row is None:
        return None
    cells = con.execute(
        """SELECT e.exhibit_id, e.doc_id, e.label, coalesce(e.title, ''), c."row", c.col, c.text,
                  fc.fact_id IS NOT NULL AS linked
           FROM exhibit_cells c JOIN exhibits e USING (exhibit_id)
           LEFT JOIN fact_cells fc ON fc.fact_id = ? AND fc.exhibit_id = c.exhibit_id
                AND fc."row" = c."row" AND fc.col = c.col
           WHERE c.value = ? OR fc.fact_id IS NOT NULL
           ORDER BY linked DESC, e.doc_id = ? DESC, e.doc_id, e.line_start, c."row", c.col
           LIMIT ?""",
        [fact_id, row[6], row[1], limit],
    ).fetchall()
    return FactDetail(*row, [CellRef(*c) for c in cells])


def load_paragraph_location(con: Con, paragraph_id: str) -> tuple[str, str | None] | None:
    """(doc_id, section_id) of a paragraph."""
    return con.execute(
        "SELECT doc_id, section_id FROM paragraphs WHERE paragraph_id = ?", [paragraph_id]
    ).fetchone()


def search_hits(con: Con, terms: str, doc: str | None = None, limit: int = 50) -> tuple[list, str | None]:
    """Full-text hits and a notice for the user (degraded search, or search not available)."""
    try:
        from tui.store.search import SearchError, search
    except ImportError:
        return [], "search is not available in this version"
    try:
        hits = search(con, terms, doc=doc, limit=limit)
    except SearchError as exc:
        return [], str(exc)
    return list(hits), getattr(hits, "notice", None)
