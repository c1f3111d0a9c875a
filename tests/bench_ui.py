"""Benchmark of the explorer: startup, opening sections and exhibits, peak memory.

Run: uv run python tests/bench_ui.py [DB_FILE] [--all]
(default DB: data/imss.duckdb; build it first with ``uv run imss build``). The measurement runs in a
fresh process, headless (Textual's test driver), so peak RSS is the explorer's own. Targets: first
screen ready for keys < 1.0 s, any section or exhibit < 100 ms, peak memory < 150 MB.

Times run until the new state is on screen: the data is shown and the screen has been painted.
The child imports the ``imss`` command module first, as the real command does. Python normally
keeps compiled bytecode next to the sources; where writing it is disabled
(``PYTHONDONTWRITEBYTECODE``, as in some sandboxes) every module is compiled at each start, so the
startup is measured both ways: with a warm private bytecode cache (what a user sees from the second
run on) and without one. Each navigation tells the app's idle garbage collector that a key was
pressed, as the key that asks for it would (see ``tui/ui/idle_gc.py``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import time
T0 = time.perf_counter()
import asyncio, random, resource, sys
from pathlib import Path
import tui.cli  # noqa: F401 -- what `imss` imports before the explorer
from tui.ui.app import Settings, make_app
from tui.ui.messages import Target

DB, ALL, STARTUP_ONLY = Path(sys.argv[1]), sys.argv[2] == "1", sys.argv[3] == "1"

# When the new content is handed to the widgets, and when each paint starts and ends: "on screen"
# is the end of the first paint after the hand-over (what the user sees), "settled" the moment
# the app is idle again (the rest of a long section measured, focus styles applied).
from textual.screen import Screen
from tui.ui.screens.exhibit import ExhibitScreen
from tui.ui.screens.main import MainScreen

HANDED, PAINTS = [0.0], []


def _stamp_after(cls, name):
    real = getattr(cls, name)

    def stamped(self, *args, **kwargs):
        result = real(self, *args, **kwargs)
        HANDED[0] = time.perf_counter()
        return result

    setattr(cls, name, stamped)


def _timed_paint(real):
    def paint(self):
        start = time.perf_counter()
        real(self)
        PAINTS.append((start, time.perf_counter(), type(self)))

    return paint


_stamp_after(MainScreen, "on_main_screen_section_loaded")
_stamp_after(ExhibitScreen, "show")
Screen._compositor_refresh = _timed_paint(Screen._compositor_refresh)


def on_screen(t0, screen):
    # The end of the first paint of `screen` that started after the content was handed over.
    ends = (end for start, end, kind in PAINTS if start >= HANDED[0] and kind is screen)
    return next(ends, HANDED[0]) - t0


async def until(pilot, done, limit=10.0, what=""):
    # asyncio.sleep, not pilot.pause: a pause forces a repaint, which the app would not do itself.
    start = time.perf_counter()
    while not done():
        await asyncio.sleep(0.001)
        if time.perf_counter() - start > limit:
            raise TimeoutError(f"{what}: still {pilot.app.screen}")
    await pilot.pause(0)  # the messages it caused handled, and the screen painted


def sample(items, n=60):
    return items if ALL else random.Random(1).sample(items, min(n, len(items)))


async def main():
    app = make_app(DB, Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.main is not None and app.main.shown is not None)
        startup = time.perf_counter() - T0
        if STARTUP_ONLY:
            print(f"{startup * 1000:.0f}")
            return
        main = app.main
        # Every section's text is read in the background once the first screen is up.
        await until(pilot, lambda: main.library is not None, what="library")
        library = time.perf_counter() - T0 - startup
        secs = []
        for s in sample(main.outline.sections):
            t = Target("section", s.section_id, s.doc_id)
            app.idle_gc.touched()  # what the key that asks for it would do
            t0 = time.perf_counter()
            main.navigate(t)
            await until(pilot, lambda: main.shown == t, what=f"section {t.ref}")
            secs.append((time.perf_counter() - t0, on_screen(t0, MainScreen), s.heading))
        exs = []
        for e in sample([e for e in main.outline.exhibits]):
            app.idle_gc.touched()
            t0 = time.perf_counter()
            main.navigate(Target("exhibit", e.exhibit_id, e.doc_id))
            await until(pilot, lambda: getattr(app.screen, "detail", None) is not None, what=e.exhibit_id)
            exs.append((time.perf_counter() - t0, on_screen(t0, ExhibitScreen), e.heading))
            app.pop_screen()
            await pilot.pause(0)
            await asyncio.sleep(0.05)  # the main screen repainted before the next one
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"first screen ready      {startup * 1000:7.0f} ms   (process start to main screen painted)")
    print(f"section texts read      {library * 1000:7.0f} ms   later (in the background)")
    for label, times in (("sections", secs), ("exhibits", exs)):
        for i, when in ((1, "on screen"), (0, "settled")):
            times.sort(key=lambda t: t[i])
            ms = [t[i] * 1000 for t in times]
            print(f"open {label:<8} {when:<9} n={len(ms):<4} median {ms[len(ms) // 2]:5.1f} ms"
                  f"  p90 {ms[len(ms) * 9 // 10]:5.1f} ms  max {ms[-1]:5.1f} ms  ({times[-1][2][:24]})")
    print(f"peak memory             {peak:7.0f} MB   ({app.idle_gc.collections} garbage collections)")


asyncio.run(main())
"""


def run_child(db: Path, everything: bool, startup_only: bool, env: dict[str, str]) -> str:
    args = [sys.executable, "-c", CHILD, str(db), "01"[everything], "01"[startup_only]]
    out = subprocess.run(args, capture_output=True, text=True, env=env)
    return out.stdout.strip() or out.stderr.strip()[-2000:]


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--all"]
    db = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "data" / "imss.duckdb"
    if not db.exists():
        sys.exit(f"no database at {db}: run `uv run imss build --db {db}` first")
    env = dict(os.environ)
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "imss-bench-pycache")
        cold = run_child(db, False, True, {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        print(f"first screen, no bytecode cache {cold:>5} ms   (every module compiled at start)")
        run_child(db, False, True, env)  # warms the private cache
    print(run_child(db, "--all" in sys.argv, False, env))


if __name__ == "__main__":
    main()
