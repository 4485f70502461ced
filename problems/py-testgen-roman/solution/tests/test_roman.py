import pytest

from roman import from_roman, to_roman

CASES = [
    (1, "I"), (3, "III"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (90, "XC"),
    (400, "CD"), (900, "CM"), (1994, "MCMXCIV"), (2024, "MMXXIV"), (3999, "MMMCMXCIX"),
]


@pytest.mark.parametrize("number,numeral", CASES)
def test_to_roman(number, numeral):
    assert to_roman(number) == numeral


@pytest.mark.parametrize("number,numeral", CASES)
def test_from_roman(number, numeral):
    assert from_roman(numeral) == number


def test_round_trip():
    for n in range(1, 4000):
        assert from_roman(to_roman(n)) == n


@pytest.mark.parametrize("bad", [0, 4000, -1, 2.5, "7"])
def test_to_roman_rejects_out_of_range(bad):
    with pytest.raises(ValueError):
        to_roman(bad)


@pytest.mark.parametrize("bad", ["", "ABC", "IIII", "IM", "VV", "iv"])
def test_from_roman_rejects_non_canonical(bad):
    with pytest.raises(ValueError):
        from_roman(bad)
