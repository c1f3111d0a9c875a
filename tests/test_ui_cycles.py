"""The patches of Textual's self-referring caches: same results, and garbage freed without the collector."""

from __future__ import annotations

import gc
import weakref

import pytest
from rich.segment import Segment
from textual.cache import LRUCache
from textual.strip import Strip

from tui.ui import textual_cycles


@pytest.fixture
def no_collector():
    textual_cycles.install()
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    yield
    gc.set_debug(0)
    gc.garbage.clear()
    gc.enable()


def _strips_only_the_collector_frees() -> list[Strip]:
    gc.collect()
    return [o for o in gc.garbage if isinstance(o, Strip)]


def test_whole_strip_cut_and_crop_leave_no_cycle(no_collector):
    strip = Strip([Segment("abc"), Segment("de")])
    assert strip.divide([5]) == [strip]
    assert strip.divide([5, 9]) == [strip]  # cuts beyond the end are ignored, as in Textual
    assert strip.crop_extend(0, 5, None) is strip
    del strip
    assert _strips_only_the_collector_frees() == []


def test_other_cuts_and_crops_unchanged(no_collector):
    strip = Strip([Segment("abc"), Segment("de")])
    assert [s.text for s in strip.divide([1, 5])] == ["a", "bcde"]
    assert strip.divide([1, 5]) is strip.divide([1, 5])  # still cached
    assert strip.crop_extend(1, 7, None).text == "bcde  "
    assert strip.crop_extend(0, 2, None).text == "ab"


def test_cleared_lru_cache_frees_its_values(no_collector):
    class Value:
        pass

    cache: LRUCache[int, Value] = LRUCache(4)
    values = [Value() for _ in range(3)]
    refs = [weakref.ref(v) for v in values]
    for i, v in enumerate(values):
        cache[i] = v
    assert cache.get(0) is values[0]  # moves a link: the ring is rewired
    del values, v
    cache.clear()
    assert [r() for r in refs] == [None, None, None]  # freed by reference counting alone
    cache[7] = Value()
    assert cache.get(7) is not None and len(cache) == 1
