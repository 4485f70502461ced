# A deliberately broken variant of roman.py: good tests fail on it.
"""Roman numerals for chapter headings (1 to 3999)."""

_VALUES = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (1, "I"),
]


def to_roman(n):
    if not isinstance(n, int) or not 1 <= n <= 3999:
        raise ValueError(f"roman numerals cover 1..3999, got {n!r}")
    out = []
    for value, symbol in _VALUES:
        while n >= value:
            out.append(symbol)
            n -= value
    return "".join(out)


def from_roman(text):
    if not text or any(c not in "MDCLXVI" for c in text):
        raise ValueError(f"not a roman numeral: {text!r}")
    singles = {symbol: value for value, symbol in _VALUES if len(symbol) == 1}
    total = 0
    for i, c in enumerate(text):
        value = singles[c]
        if i + 1 < len(text) and singles[text[i + 1]] > value:
            total -= value
        else:
            total += value
    if to_roman(total) != text:
        raise ValueError(f"not a canonical roman numeral: {text!r}")
    return total
