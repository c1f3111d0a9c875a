"""Benchmark of the parse: per-phase, per-document times, the steps of ``parse_document``.

Run: uv run python tests/bench_parse.py [--corpus DIR] [--repeat N] [--profile PREFIX]
                                        [--dump FILE] [--compare FILE]

Each phase is timed over ``--repeat`` runs and the median is printed (``--min``: the fastest
run; ``--cpu``: process CPU time instead of wall time; both steadier on a busy machine).
``--profile 001`` prints a cProfile of the whole parse of that document. ``--dump`` writes
every record of every document as JSON; ``--compare`` checks the parse against such a dump (a
refactor must not change the output).
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

from tui.corpus.exhibits import find_exhibits
from tui.corpus.fact_links import link_facts
from tui.corpus.facts import extract_facts
from tui.corpus.furniture import find_furniture
from tui.corpus.glossary import find_glossary
from tui.corpus.model import Document
from tui.corpus.outline import build_outline, section_at
from tui.corpus.paragraphs import build_paragraphs
from tui.corpus.pipeline import _checks, no_gc, parse_document
from tui.corpus.recognize import recognize
from tui.corpus.refs import find_refs
from tui.corpus.source import decode_source

PHASES = ("decode", "recognize", "furniture", "exhibits", "glossary", "outline", "paragraphs", "refs")
PHASES += ("checks", "facts", "link_facts")
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def timed_parse(name: str, raw: bytes, clock=time.perf_counter) -> dict[str, float]:
    """The steps of ``parse_document``, each timed; seconds per phase."""
    t: dict[str, float] = {}
    c = clock()
    src = decode_source(raw)
    lines = src.lines
    t["decode"], c = clock() - c, clock()
    ident = recognize(lines)
    doc = Document(ident.doc_id, name, src.sha256, ident.title, ident.kind, ident.period, ident.date, 0, 0)
    t["recognize"], c = clock() - c, clock()
    furniture = find_furniture(lines)
    t["furniture"], c = clock() - c, clock()
    doc.exhibits = find_exhibits(doc.doc_id, lines, furniture)
    exhibit_lines = set().union(*(ex.lines for ex in doc.exhibits)) if doc.exhibits else set()
    t["exhibits"], c = clock() - c, clock()
    doc.glossary, glossary_lines = find_glossary(doc.doc_id, lines)
    t["glossary"], c = clock() - c, clock()
    outline = build_outline(doc.doc_id, doc.kind, lines, furniture | exhibit_lines)
    doc.sections = outline.sections
    t["outline"], c = clock() - c, clock()
    skip = furniture | exhibit_lines | outline.consumed | glossary_lines
    doc.paragraphs, doc.footnotes = build_paragraphs(doc.doc_id, lines, doc.sections, skip)
    for ex in doc.exhibits:
        ex.section_id = section_at(doc.sections, ex.line_start)
    t["paragraphs"], c = clock() - c, clock()
    doc.exhibit_refs = find_refs(doc.paragraphs, doc.exhibits)
    t["refs"], c = clock() - c, clock()
    doc.checks = _checks(doc)
    t["checks"], c = clock() - c, clock()
    doc.facts = extract_facts(doc.doc_id, doc.paragraphs, doc.footnotes, lines=lines)
    t["facts"], c = clock() - c, clock()
    doc.fact_cells = link_facts(doc.facts, doc.exhibits)
    t["link_facts"] = clock() - c
    return t


def bench(files: list[Path], repeat: int, clock, stat=statistics.median) -> None:
    raws = {f.name: f.read_bytes() for f in files}
    runs: dict[str, list[dict[str, float]]] = {n: [] for n in raws}
    for _ in range(repeat):
        for name, raw in raws.items():
            with no_gc():  # as parse_document does
                runs[name].append(timed_parse(name, raw, clock))
    print(f"{'doc':<6}" + "".join(f"{p[:9]:>10}" for p in PHASES) + f"{'total':>10}")
    totals = {p: 0.0 for p in PHASES}
    grand = 0.0
    for name, rs in runs.items():
        med = {p: stat(r[p] for r in rs) for p in PHASES}
        total = stat(sum(r.values()) for r in rs)
        for p in PHASES:
            totals[p] += med[p]
        grand += total
        row = "".join(f"{med[p] * 1000:>10.1f}" for p in PHASES)
        print(f"{name[:6]:<6}{row}{total * 1000:>10.1f}")
    print(f"{'all':<6}" + "".join(f"{totals[p] * 1000:>10.1f}" for p in PHASES) + f"{grand * 1000:>10.1f}")
    print(f"(milliseconds, {stat.__name__} of {repeat} runs)")


def profile(path: Path) -> None:
    raw = path.read_bytes()
    prof = cProfile.Profile()
    prof.runcall(parse_document, path.name, raw)
    pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
    pstats.Stats(prof).sort_stats("tottime").print_stats(30)


def _plain(obj):
    """JSON-able form of a record: sets sorted so the dump is deterministic."""
    if dataclasses.is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, set):
        return sorted(obj)
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    return obj


def snapshot(files: list[Path]) -> dict:
    return {f.name: _plain(parse_document(f.name, f.read_bytes())) for f in files}


def compare(files: list[Path], dump: Path) -> int:
    before = json.loads(dump.read_text(encoding="utf-8"))
    now = json.loads(json.dumps(snapshot(files)))
    bad = 0
    for name, doc in now.items():
        for key, value in doc.items():
            if before[name].get(key) != value:
                old = before[name].get(key)
                print(f"{name[:6]} {key}: differs ({_size(old)} before, {_size(value)} now)")
                _first_diff(old, value)
                bad += 1
    print("identical" if not bad else f"{bad} fields differ")
    return 1 if bad else 0


def _size(v) -> str:
    return f"{len(v)} items" if isinstance(v, list) else repr(v)[:40]


def _first_diff(old, new) -> None:
    if isinstance(old, list) and isinstance(new, list):
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            if a != b:
                print(f"   first at {i}:\n   before {str(a)[:300]}\n   now    {str(b)[:300]}")
                return


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cpu", action="store_true", help="time process CPU, not wall clock")
    ap.add_argument("--min", action="store_true", help="print the fastest run, not the median")
    ap.add_argument("--profile", metavar="PREFIX")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--compare", type=Path)
    a = ap.parse_args()
    files = sorted(a.corpus.glob("*.txt"))
    if a.profile:
        profile(next(f for f in files if f.name.startswith(a.profile)))
    elif a.dump:
        a.dump.write_text(json.dumps(snapshot(files), ensure_ascii=False), encoding="utf-8")
    elif a.compare:
        return compare(files, a.compare)
    else:
        clock = time.process_time if a.cpu else time.perf_counter
        bench(files, a.repeat, clock, min if a.min else statistics.median)
    return 0


if __name__ == "__main__":
    sys.exit(main())
