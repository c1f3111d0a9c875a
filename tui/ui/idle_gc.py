"""Cyclic garbage collection out of the user's way.

A full collection of the explorer's heap takes 70-130 ms on a small machine, and Python starts one
whenever enough objects have piled up, which is often in the middle of painting a screen. Textual
itself pauses the collector while scrolling; the explorer goes further: the objects alive once it is
open are frozen (never scanned again), automatic collection is off, and a collection runs when the
user has not touched a key for a moment, or when garbage piles up anyway.

Garbage piles up fast: Textual's strips hold caches that refer to the strip itself, so every
screenful painted leaves a few thousand objects only the collector frees, at about a microsecond
each. Letting 100,000 of them pile up made one navigation in twenty pay 150-250 ms; instead the
young generations are collected right after a new place has been painted (:meth:`after_paint`),
a few milliseconds the user does not wait for.
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
YOUNG_BACKLOG = 3_000
"""After a paint, collect the young generation beyond this many new container objects."""
YOUNG_ROUNDS = 50
"""A full collection even while busy after this many young ones (memory stays bounded)."""


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

    def busy(self, seconds: float) -> bool:
        """The user pressed a key or moved the mouse less than ``seconds`` ago."""
        return time.monotonic() - self.last_input < seconds

    def touched(self) -> None:
        """The user did something: a collection now would be in the way."""
        self.last_input = time.monotonic()

    def tick(self) -> None:
        backlog, _, young_rounds = gc.get_count()
        idle = not self.busy(IDLE_SECONDS)
        # What outlived the young collections (cached strips mostly) piles up in the old
        # generation: a full collection when the user pauses (or see after_paint).
        if backlog > BIG_BACKLOG or (idle and (backlog > SMALL_BACKLOG or young_rounds > 0)):
            self._collect_all()

    def _collect_all(self) -> None:
        gc.collect()
        self.collections += 1

    def after_paint(self) -> None:
        """A new place is on screen: collect what its predecessor left while it is cheap."""
        if not self.running:
            return
        young, _, rounds = gc.get_count()
        if rounds > YOUNG_ROUNDS:
            # Many places visited without a pause: the full collection the idle user did not
            # give time for, once what they asked for is already on screen.
            self._collect_all()
        elif young > YOUNG_BACKLOG:
            # The middle generation too: it holds what the previous place had alive at its
            # paint (its strips mostly), garbage now. Still only a few thousand objects.
            gc.collect(1)

    def stop(self) -> None:
        if self.running:
            self.running = False
            gc.unfreeze()
            gc.enable()
