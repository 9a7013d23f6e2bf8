"""AMA Guides 5th ed. Combined Values Chart (domain reference §6): the one place for combining.

``C = A + B x (1 - A)``, largest value first, each step rounded to a whole percent (the chart
holds whole percents, so step-wise rounding is what raters get). Whether the chart rounds .5 up
is unconfirmed [U §11.10]: half up is the default here, and ``half_up=False`` rounds a .5 down
(callers can wire it to a setting).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal


def _round(value: Decimal, half_up: bool = True) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP if half_up else ROUND_HALF_DOWN))


def combine_pair(a: float, b: float, half_up: bool = True) -> int:
    """Combine two whole-person impairments (percents) on the chart, rounded to a whole percent."""
    big, small = Decimal(str(a)), Decimal(str(b))
    if small > big:
        big, small = small, big
    return _round(big + small * (100 - big) / 100, half_up)


def combine_wpi(values: Iterable[float], half_up: bool = True) -> int:
    """Combined whole-person impairment of ``values`` (percents), largest first.

    Values are rounded to whole percents first (the chart's entries); zero and negative values
    are ignored; an empty input gives 0. The result never exceeds 100.
    """
    whole = sorted((_round(Decimal(str(v)), half_up) for v in values if v and v > 0),
                   reverse=True)
    if not whole:
        return 0
    acc = min(whole[0], 100)
    for value in whole[1:]:
        acc = min(combine_pair(acc, value, half_up), 100)
    return acc
