import pytest

from stats import mean, median, spread


def test_mean():
    assert mean([1, 2, 3, 4]) == 2.5


def test_median_of_odd_length():
    assert median([5, 1, 3]) == 3


def test_median_of_even_length_averages_the_middle_pair():
    assert median([4, 1, 3, 2]) == 2.5
    assert median([10, 20]) == 15


def test_median_does_not_reorder_the_callers_list():
    data = [3, 1, 2]
    median(data)
    assert data == [3, 1, 2]


def test_empty_input_is_an_error():
    with pytest.raises(ValueError):
        median([])


def test_spread():
    assert spread([7, 2, 9]) == 7
