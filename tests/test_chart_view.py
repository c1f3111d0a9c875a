"""Axis ticks of the exhibit chart: round values, es-MX labels, inside the plotted range."""

import math

from hypothesis import given
from hypothesis import strategies as st

from tui.ui.widgets.chart_view import nice_ticks

finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


def test_ticks_of_a_column_of_millions_are_round():
    assert nice_ticks(0, 8_204_911) == [0, 2_000_000, 4_000_000, 6_000_000, 8_000_000]


def test_ticks_follow_a_small_range():
    assert nice_ticks(0, 1) == [0, 0.2, 0.4, 0.6, 0.8, 1]


@given(finite, finite)
def test_ticks_are_few_sorted_and_inside(a, b):
    lo, hi = min(a, b), max(a, b)
    ticks = nice_ticks(lo, hi)
    assert ticks == sorted(ticks)
    assert 1 <= len(ticks) <= 12
    slack = (hi - lo) * 1e-9 + 1e-9
    assert all(lo - slack <= t <= hi + slack for t in ticks)
    if hi - lo > 1e-6 * max(1.0, abs(hi)):
        assert len(ticks) >= 2 or math.isclose(lo, hi)


def test_total_and_subtotal_rows_are_left_out_of_bars_but_measures_stay():
    from tui.ui.widgets.chart_view import _TOTAL

    totals = ["Total", "Total general", "Subtotal Obras Médicas", "TOTAL DE EGRESOS PROPIOS IMSS", "Suma"]
    kept = ["Total de niños en control", "Total del gasto ejercido", "Totalidad", "Norte"]
    assert all(_TOTAL.match(t) for t in totals)
    assert not any(_TOTAL.match(t) for t in kept)
