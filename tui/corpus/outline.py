"""One entry point for a document's outline, whatever its kind."""

from __future__ import annotations

from tui.corpus.model import Outline, Section


def build_outline(doc_id: str, kind: str, lines: list[str], skip: set[int]) -> Outline:
    """Sections of a document in reading order, with the heading lines they consumed."""
    if kind == "informe":
        from tui.corpus.outline_informe import outline_informe

        return outline_informe(doc_id, lines, skip)
    from tui.corpus.outline_legal import outline_legal

    return outline_legal(doc_id, kind, lines, skip)


def section_at(sections: list[Section], line: int) -> str | None:
    """The id of the deepest section whose line range holds ``line``."""
    best: Section | None = None
    for s in sections:
        if s.line_start <= line <= s.line_end and (best is None or s.level >= best.level):
            best = s
    return best.section_id if best else None
