"""The idle garbage collector: off while the user works, on when they pause, restored at the end."""

from __future__ import annotations

import gc

import pytest

from tui.ui import idle_gc


class FakeApp:
    def __init__(self) -> None:
        self.intervals = []

    def set_interval(self, seconds, callback, name=None):
        self.intervals.append((seconds, callback))


@pytest.fixture
def collector(monkeypatch):
    c = idle_gc.IdleCollector()
    yield c
    c.stop()
    assert gc.isenabled()


def test_collects_only_when_idle_or_piling_up(collector, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(idle_gc.time, "monotonic", lambda: now[0])
    counts = [50_000, 0, 0]
    monkeypatch.setattr(idle_gc.gc, "get_count", lambda: tuple(counts))
    app = FakeApp()
    collector.touched()
    collector.start(app)
    assert not gc.isenabled() and app.intervals[0][1] == collector.tick
    collector.tick()
    assert collector.collections == 0  # the user is busy and the backlog is moderate
    now[0] += idle_gc.IDLE_SECONDS
    collector.tick()
    assert collector.collections == 1  # a pause: collect now
    counts[0] = idle_gc.SMALL_BACKLOG - 1
    collector.tick()
    assert collector.collections == 1  # at rest with nothing to collect: nothing done
    collector.touched()
    counts[0] = idle_gc.BIG_BACKLOG + 1
    collector.tick()
    assert collector.collections == 2  # too much garbage: collect even while busy


def test_leaves_a_disabled_collector_alone(collector):
    gc.disable()
    try:
        collector.start(FakeApp())
        assert not collector.running
    finally:
        gc.enable()


def test_young_collection_after_paint_then_full_when_idle(collector, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(idle_gc.time, "monotonic", lambda: now[0])
    counts = [idle_gc.YOUNG_BACKLOG + 1, 0, 0]
    monkeypatch.setattr(idle_gc.gc, "get_count", lambda: tuple(counts))
    done = []
    monkeypatch.setattr(idle_gc.gc, "collect", lambda generation=2: done.append(generation))
    collector.after_paint()
    assert done == []  # not started: the app's collector is not in charge
    collector.start(FakeApp())
    collector.after_paint()
    assert done == [1]  # only the young generations, right after the paint
    counts[:] = [idle_gc.YOUNG_BACKLOG - 1, 0, 1]
    collector.after_paint()
    collector.touched()
    collector.tick()
    assert done == [1]  # little garbage and the user busy: nothing more
    now[0] += idle_gc.IDLE_SECONDS
    collector.tick()
    assert done == [1, 2]  # a pause: the survivors of the young collections are looked at too
    collector.touched()
    counts[:] = [0, 0, idle_gc.YOUNG_ROUNDS + 1]
    collector.tick()
    assert done == [1, 2]  # busy: no full collection from the timer, in the middle of a paint
    collector.after_paint()
    assert done == [1, 2, 2]  # busy for too long: a full one once the new place is painted
