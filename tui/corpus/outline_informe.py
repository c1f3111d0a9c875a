"""Outline of an IMSS annual report (Informe de Labores): parts, chapters, sections.

Chapters are found from the sections themselves (the first ``N.1.`` of a new numeral), because
chapter openers are missing, misplaced or misnumbered in some editions; an opener only gives
the title and, when it comes first, the start. Copies of headings (executive summary,
numeralia, a chapter restating the others, index) are kept inside their own part.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, field

from tui.corpus.chapters import Head, Scanner
from tui.corpus.headings import roman_to_int
from tui.corpus.model import Outline, Section

BODY_PART = "Capítulos"
_TOC_RE = re.compile(r"^([íi]ndice|contenido)\b", re.IGNORECASE)
_TRAILING_YEARS_RE = re.compile(r"[\s,]+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*$")
_ROMANS = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
]


@dataclass(slots=True)
class _Top:
    """A level-1 node: a chapter or a part, with what it consumed."""

    start: int
    number: str | None
    title: str
    part: str
    heads: list[Head] = field(default_factory=list)
    """Accepted body sections (chapters with sections of their own)."""
    lines: set[int] = field(default_factory=set)
    restates: bool = False
    """A chapter without sections of its own numeral (it restates the others)."""


def outline_informe(doc_id: str, lines: list[str], skip: set[int]) -> Outline:
    """Sections of an annual report in reading order; ``skip`` holds 1-based lines to ignore."""
    sc = Scanner(lines, {n - 1 for n in skip})
    openers = sc.openers()
    sc.known_titles = [h.title.lower() for h in openers if h.title]
    inline = sc.inline_chapters()
    sc.known_titles += [h.title.lower() for h in inline if h.title]
    numbered = sc.sections()
    chapters = _chapters(sc, _body_sections(numbered), openers)
    if not chapters:
        return Outline()
    back = max(max((h.end for c in chapters for h in c.heads), default=0), chapters[-1].start) + 1
    tops = _parts(sc, 0, chapters[0].start) + chapters + _parts(sc, back, len(lines))
    tops.sort(key=lambda t: t.start)
    _name_untitled(chapters, tops, inline)
    _trim_glued(chapters, inline)
    return _assemble(doc_id, lines, sc, tops, inline + [h for h in numbered if _restated(h, tops)])


def _body_sections(heads: list[Head]) -> list[Head]:
    """Numbered headings in chapter order; stray numbers (table cells, prose, copies) are dropped."""
    kept: list[Head] = []
    cur, last = 0, ()
    for h in heads:
        v, key = h.value, tuple(int(x) for x in (h.number or "").split(".")[1:])
        if v and ((v == cur and key > last) or (v > cur and key == (1,))):
            kept.append(h)
            cur, last = v, key
    return kept


def _chapters(sc: Scanner, heads: list[Head], openers: list[Head]) -> list[_Top]:
    groups: list[list[Head]] = []
    for h in heads:
        if groups and groups[-1][0].value == h.value:
            groups[-1].append(h)
        else:
            groups.append([h])
    firsts = [g[0].start for g in groups]
    opened: dict[int, Head] = {}
    loose: list[Head] = []
    for n, o in enumerate(openers):
        k = bisect_right(firsts, o.start) - 1
        following = openers[n + 1].start if n + 1 < len(openers) else len(sc.lines)
        if k >= 0 and roman_to_int(o.number or "") == groups[k][0].value and k not in opened:
            opened[k] = o  # printed after the chapter's first section
        elif k + 1 < len(groups) and following > firsts[k + 1] and k + 1 not in opened:
            opened[k + 1] = o
        else:
            loose.append(o)
    tops = []
    limit = 0
    for k, group in enumerate(groups):
        o = opened.get(k)
        starts = [group[0].start, _after_gap(sc, limit, group[0].start)]
        if o is not None and o.start < group[0].start:
            starts.append(o.start)
        top = _Top(min(s for s in starts if s is not None), group[0].number.split(".")[0], "", BODY_PART)
        top.heads, top.title = group, o.title if o else ""
        top.lines = set(o.lines) if o else set()
        tops.append(top)
        limit = group[-1].end + 1
    return _add_loose(tops, loose)


def _add_loose(tops: list[_Top], loose: list[Head]) -> list[_Top]:
    """Openers with no sections of their own become chapters numbered in sequence."""
    for o in loose:
        prev = [t for t in tops if t.start < o.start]
        last = roman_to_int(prev[-1].number or "") if prev else 0
        printed = roman_to_int(o.number or "")
        value = printed if printed > last else last + 1
        number = _ROMANS[value - 1] if value <= len(_ROMANS) else o.number
        tops.append(_Top(o.start, number, o.title, BODY_PART, [], set(o.lines), restates=True))
    return sorted(tops, key=lambda t: t.start)


def _after_gap(sc: Scanner, lo: int, hi: int) -> int | None:
    """First text line after the last run of 3+ blank lines in lo..hi-1 (a part break)."""
    run = 0
    for i in range(hi - 1, lo - 1, -1):
        if not sc.lines[i].strip():
            run += 1
            continue
        if run >= 3:
            j = i + run + 1
            while j < hi and not sc.text(j):
                j += 1
            return j
        run = 0
    return None


def _parts(sc: Scanner, lo: int, hi: int) -> list[_Top]:
    """Front or back parts named by their heading; side-tab labels name the block they sit in."""
    tops: list[_Top] = []
    for h in sc.part_labels(lo, hi):
        start = h.start
        caps = not any(c.islower() for i in h.lines for c in sc.lines[i])
        if caps and not sc.after_gap(h.start):
            if any(len(sc.lines[i].split()) > 1 for i in h.lines):
                continue  # an upper-case topic head, not a side tab
            start = _after_gap(sc, lo, h.start) or lo
        if any(t.start == start for t in tops):
            continue
        name = _TRAILING_YEARS_RE.sub("", h.title)
        tops.append(_Top(start, None, h.title, name, [], set(h.lines)))
    return tops


def _name_untitled(chapters: list[_Top], tops: list[_Top], inline: list[Head]) -> None:
    """Chapters printed without a title take it from a copy in a summary part."""
    starts = [t.start for t in tops]
    copies: dict[str, str] = {}
    for h in inline:
        k = bisect_right(starts, h.start) - 1
        if k >= 0 and tops[k].part != BODY_PART:
            copies.setdefault(h.number or "", h.title)
    for c in chapters:
        c.title = c.title or copies.get(c.number or "", "")


def _trim_glued(chapters: list[_Top], inline: list[Head]) -> None:
    """A copy that glues its first sub-heading to the chapter title keeps only the title."""
    titles = {c.number: c.title for c in chapters if c.title}
    for h in inline:
        title = titles.get(h.number)
        if title and h.title.lower().startswith(title.lower() + " "):
            h.title = h.title[: len(title)]


def _assemble(doc_id: str, lines: list[str], sc: Scanner, tops: list[_Top], copies: list[Head]) -> Outline:
    """Rows for every node, then sections; ``copies`` are heads that may repeat others."""
    rows: list[tuple[int, int, str | None, str, str]] = []
    consumed: set[int] = set()
    for t in tops:
        rows.append((t.start, 1, t.number, t.title, t.part))
        consumed |= t.lines
        for h in t.heads:
            rows.append((h.start, 1 + h.depth, h.number, h.title, BODY_PART))
            consumed |= h.lines
    starts = [t.start for t in tops]
    for h in copies:
        top = tops[bisect_right(starts, h.start) - 1] if h.start >= starts[0] else None
        if top is None or (top.part == BODY_PART and not top.restates):
            continue
        part = _TRAILING_YEARS_RE.sub("", top.title) if top.restates else top.part
        rows.append((h.start, 2 + h.depth, h.number, h.title, part))
        consumed |= h.lines
    for k, t in enumerate(tops):
        if _TOC_RE.match(t.title):
            end = starts[k + 1] if k + 1 < len(tops) else len(lines)
            consumed |= {i for i in range(t.start, end) if sc.text(i)}
    return Outline(_sections(doc_id, lines, sorted(set(rows))), {i + 1 for i in consumed})


def _restated(h: Head, tops: list[_Top]) -> bool:
    """A numbered heading inside a chapter that restates the others (not a body section)."""
    k = bisect_right([t.start for t in tops], h.start) - 1
    return k >= 0 and tops[k].restates


def _sections(doc_id: str, lines: list[str], rows: list) -> list[Section]:
    """Sections from sorted rows: parents from a level stack, ends from the next peer or higher."""
    last = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
    out: list[Section] = []
    stack: list[Section] = []
    for ordinal, (start, level, number, title, part) in enumerate(rows):
        while stack and stack[-1].level >= level:
            done = stack.pop()
            done.line_end = max(done.line_start, start)  # start is 0-based: the line before
        parent = stack[-1].section_id if stack else None
        sec = Section(
            f"{doc_id}:s{ordinal}", doc_id, parent, level, part, number, title, ordinal, start + 1, last
        )
        out.append(sec)
        stack.append(sec)
    return out


def _print_tree(path: str) -> None:
    """Debug helper: ``python -m tui.corpus.outline_informe FILE`` prints the outline."""
    from tui.corpus.furniture import find_furniture

    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    outline = outline_informe("doc", lines, find_furniture(lines))
    for s in outline.sections:
        pad = "  " * (s.level - 1)
        print(f"{s.line_start:>6}-{s.line_end:<6} {pad}{s.number or '-'} {s.title}  [{s.part}]")


if __name__ == "__main__":
    _print_tree(sys.argv[1])
