"""Reference cycles Textual 8 makes on every paint, broken where they are made.

Only Python's cyclic collector frees an object that refers to itself, and a full collection of
the explorer's heap costs 100-250 ms: the time to open a section or an exhibit twice over. Found
with ``gc.set_debug(gc.DEBUG_SAVEALL)`` after a few navigations, nine in ten of the objects only
the collector freed came from two places:

- ``Strip.divide`` and ``Strip.crop_extend`` cache their result in the strip itself, and when the
  cut or the crop is the whole strip that result *is* the strip (``[self]`` or ``self``): every
  painted line that is not cut becomes a cycle, with its eight small caches and their segments.
  :func:`install` returns those results without caching them; they cost nothing to recompute.
- ``LRUCache.clear`` drops its ring of links (each entry points to its neighbours) in one piece,
  so a cleared cache (DataTable and OptionList clear theirs on every new content) stays alive with
  every strip it held until a collection. Emptying each link first lets reference counting free it.

Everything else returns what Textual returns; see ``tests/test_ui_cycles.py``.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.cache import LRUCache
from textual.strip import Strip

_divide = Strip.divide
_crop_extend = Strip.crop_extend


def _divide_without_self(self: Strip, cuts: Iterable[int]):
    length = self.cell_length
    kept = [cut for cut in cuts if cut <= length]
    if kept == [length]:
        return [self]  # Textual would cache [self] in self: a cycle
    return _divide(self, kept)


def _crop_extend_without_self(self: Strip, start: int, end: int, style):
    if start <= 0 and end == self.cell_length:
        return self  # Textual would cache self in self: a cycle
    return _crop_extend(self, start, end, style)


def _clear_links(self: LRUCache) -> None:
    for link in self._cache.values():
        link.clear()  # [prev, next, key, value]: the ring is cut at every link
    self._cache.clear()
    self._full = False
    self._head = []


def install() -> None:
    """Patch Textual's classes (once; later calls do nothing)."""
    Strip.divide = _divide_without_self
    Strip.crop_extend = _crop_extend_without_self
    LRUCache.clear = _clear_links
