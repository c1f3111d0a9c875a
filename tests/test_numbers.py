import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.numbers import format_number, is_missing, parse_number, regroup


@pytest.mark.parametrize(
    ("text", "value", "percent", "note"),
    [
        ("1,053", 1053, False, None),
        ("1'109,630", 1109630, False, None),
        ("3’169,483", 3169483, False, None),
        ("11‘216,750", 11216750, False, None),
        ("1,765'635,026", 1765635026, False, None),
        ("94.0", 94.0, False, None),
        ("10%", 10, True, None),
        ("(2,389)", -2389, False, None),
        ("-0.1%", -0.1, True, None),
        ("(-18.3%)", -18.3, True, None),
        ("4513/", 451, False, "3/"),
        ("3.713/", 3.71, False, "3/"),
        ("492’852,334.16", 492852334.16, False, None),
        ("3,792**", 3792, False, None),
    ],
)
def test_parse_number(text, value, percent, note):
    n = parse_number(text)
    assert n is not None
    assert math.isclose(n.value, value)
    assert n.percent is percent
    assert n.note == note


@pytest.mark.parametrize("text", ["", "abc", "II.3", "1,2,3", "12/31/2022", "(2,389", "2.7.0"])
def test_not_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["-", "S/D", "n.d.", " – "])
def test_missing(text):
    assert is_missing(text)


@given(st.text(max_size=30))
def test_parse_never_raises(text):
    parse_number(text)


@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_format_then_parse_integers(value):
    assert parse_number(format_number(value)).value == value


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_format_then_parse_decimals(value):
    parsed = parse_number(format_number(float(value), 2))
    assert math.isclose(parsed.value, float(value), rel_tol=1e-12, abs_tol=1e-9)


@pytest.mark.parametrize(
    ("printed", "shown"),
    [
        ("1'109,630", "1,109,630"),
        ("3’169,483", "3,169,483"),
        ("1,765'635,026", "1,765,635,026"),
        ("48000", "48000"),
        ("2019", "2019"),
        ("(2,389)", "(2,389)"),
        ("-0.1%", "-0.1%"),
        ("94.0", "94.0"),
        ("12'345.50", "12,345.50"),
        ("S/D", "S/D"),
        ("UMF No. 1", "UMF No. 1"),
    ],
)
def test_regroup_prints_es_mx(printed, shown):
    assert regroup(printed) == shown


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["'", "’", ","]), st.booleans())
def test_regroup_keeps_the_value(value, sep, percent):
    grouped = f"{value:,}".replace(",", sep, 1) + ("%" if percent else "")
    shown = regroup(grouped)
    assert "'" not in shown and "’" not in shown
    assert parse_number(shown) == parse_number(grouped)
