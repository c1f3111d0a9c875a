"""Cyclic garbage collection out of the user's way.

A full collection of the explorer's heap takes 70-130 ms on a small machine, and Python starts one
whenever enough objects have piled up, which is often in the middle of painting a screen. Textual
itself pauses the collector while scrolling; the explorer goes further: the objects alive once it is
open are frozen (never scanned again), automatic collection is off, and a collection runs when the
user has not touched a key for a moment, or when garbage piles up anyway.
"""

from __future__ import annotations

import gc
import time

IDLE_SECONDS = 1.0
"""Collect once no key or mouse event came for this long..."""
SMALL_BACKLOG = 2_000
"""...and more container objects than this were allocated (no collection every tick at rest)."""
BIG_BACKLOG = 100_000
"""Collect even while the user is busy beyond this many (memory stays bounded)."""
CHECK_SECONDS = 0.5


class IdleCollector:
    """Started once the app is open (``start``), stopped when it closes (``stop``)."""

    def __init__(self) -> None:
        self.last_input = time.monotonic()
        self.running = False
        self.collections = 0

    def start(self, app) -> None:
        if self.running or not gc.isenabled():
            return  # someone else (a test runner, a profiler) manages the collector
        gc.freeze()
        gc.disable()
        self.running = True
        app.set_interval(CHECK_SECONDS, self.tick, name="idle-gc")

    def touched(self) -> None:
        """The user did something: a collection now would be in the way."""
        self.last_input = time.monotonic()

    def tick(self) -> None:
        backlog = gc.get_count()[0]
        idle = time.monotonic() - self.last_input >= IDLE_SECONDS
        if backlog > BIG_BACKLOG or (idle and backlog > SMALL_BACKLOG):
            gc.collect()
            self.collections += 1

    def stop(self) -> None:
        if self.running:
            self.running = False
            gc.unfreeze()
            gc.enable()
