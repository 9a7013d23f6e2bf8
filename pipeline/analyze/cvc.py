"""AMA Guides 5th ed. Combined Values Chart (domain reference §6): the one place for combining.

``C = A + B x (1 - A)``, largest value first, each step rounded half up to a whole percent (the
chart holds whole percents, so step-wise rounding is what raters get). Whether the chart rounds
.5 up is unconfirmed [U §11.10]; half up is the documented convention used here.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal


def _round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def combine_pair(a: float, b: float) -> int:
    """Combine two whole-person impairments (percents) on the chart, rounded half up."""
    big, small = (Decimal(str(a)), Decimal(str(b)))
    if small > big:
        big, small = small, big
    return _round_half_up(big + small * (100 - big) / 100)


def combine_wpi(values: Iterable[float]) -> int:
    """Combined whole-person impairment of ``values`` (percents), largest first.

    Values are rounded to whole percents first (the chart's entries); zero and negative values
    are ignored; an empty input gives 0. The result never exceeds 100.
    """
    whole = sorted((_round_half_up(Decimal(str(v))) for v in values if v and v > 0),
                   reverse=True)
    if not whole:
        return 0
    acc = min(whole[0], 100)
    for value in whole[1:]:
        acc = min(combine_pair(acc, value), 100)
    return acc
