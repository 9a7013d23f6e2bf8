"""Tests of pipeline/analyze/cvc.py: the Combined Values Chart (domain §6 worked examples)."""

import pytest

from pipeline.analyze.cvc import combine_pair, combine_wpi


def test_two_values_are_combined_not_added():
    assert combine_wpi([30, 20]) == 44


def test_three_values_round_at_each_step():
    assert combine_wpi([25, 15, 10]) == 42          # unrounded chaining would give 43


@pytest.mark.parametrize("order", [[8, 5, 3], [3, 5, 8], [5, 3, 8]])
def test_largest_first_whatever_the_input_order(order):
    assert combine_wpi(order) == 16                 # ascending chart order would give 15


def test_edge_cases():
    assert combine_wpi([]) == 0
    assert combine_wpi([0, 12]) == 12
    assert combine_wpi([12]) == 12
    assert combine_wpi([100, 50]) == 100
    assert combine_wpi(v for v in (10, 10)) == 19


def test_half_rounds_up():
    # 10 & 5: 10 + 5 * 0.90 = 14.5 -> 15
    assert combine_pair(10, 5) == 15
    assert combine_pair(5, 10) == 15


def test_half_down_when_asked():
    assert combine_pair(10, 5, half_up=False) == 14
    assert combine_wpi([10, 5], half_up=False) == 14
    assert combine_wpi([30, 20], half_up=False) == 44
