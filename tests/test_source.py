"""Reading source bytes into lines, and finding the lines that hold given words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.source import SourceError, decode_source, lines_containing


def test_decode_splits_lines_and_falls_back_to_cp1252() -> None:
    src = decode_source("Año\r\nCuadro I.1\n".encode())
    assert src.lines == ["Año", "Cuadro I.1", ""] and src.warning is None
    assert decode_source("Año".encode("cp1252")).warning == "not UTF-8; read as CP1252"
    with pytest.raises(SourceError):
        decode_source(b"\x00\x01binary")


def test_lines_containing_finds_every_line_once() -> None:
    lines = ["Cuadro II.1", "", "la tabla y el cuadro", "nada", "TABLA 3", "cuadro"]
    assert lines_containing(lines, ("uadro", "abla", "ABLA")) == [0, 2, 4, 5]
    assert lines_containing(lines, ("zzz",)) == []
    assert lines_containing([], ("a",)) == []


@given(
    st.lists(st.text(alphabet="ab \t", max_size=8), max_size=12),
    st.lists(st.text(alphabet="ab", min_size=1, max_size=3), min_size=1, max_size=3),
)
def test_lines_containing_is_a_per_line_in_test(lines, words) -> None:
    expected = [k for k, line in enumerate(lines) if any(w in line for w in words)]
    assert lines_containing(lines, tuple(words)) == expected
