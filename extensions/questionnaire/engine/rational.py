"""Exact rationals as ``(numerator, denominator)`` pairs, so CPython and MicroPython agree to the digit.

MicroPython has no ``fractions`` and its floats print differently, so scores never touch floats.
"""

Rational = tuple  # (numerator, denominator), denominator > 0


def _gcd(a: int, b: int) -> int:
    # MicroPython's math module has no gcd.
    a, b = abs(a), abs(b)
    while b:
        a, b = b, a % b
    return a


def reduce(num: int, den: int) -> Rational:
    """The pair in lowest terms with a positive denominator."""
    if den == 0:
        raise ValueError("zero denominator")
    if den < 0:
        num, den = -num, -den
    g = _gcd(num, den) or 1
    return (num // g, den // g)


def add(x: Rational, y: Rational) -> Rational:
    """x + y."""
    return reduce(x[0] * y[1] + y[0] * x[1], x[1] * y[1])


def sub(x: Rational, y: Rational) -> Rational:
    """x - y."""
    return reduce(x[0] * y[1] - y[0] * x[1], x[1] * y[1])


def less(x: Rational, y: Rational) -> bool:
    """x < y (cross-multiplication is exact; denominators are positive)."""
    return x[0] * y[1] < y[0] * x[1]


def mean(values: list) -> Rational:
    """The mean of a non-empty list of rationals."""
    total = (0, 1)
    for value in values:
        total = add(total, value)
    return reduce(total[0], total[1] * len(values))


def _parse_decimal(text: str) -> Rational:
    # "0.75" -> (3, 4); also "-1.5", "2", "1e-05" (the forms repr/str give for floats).
    text = text.strip().lower()
    exponent = 0
    if "e" in text:
        text, _, exp_text = text.partition("e")
        exponent = int(exp_text)
    sign = 1
    if text[:1] in ("-", "+"):
        if text[0] == "-":
            sign = -1
        text = text[1:]
    whole, _, frac = text.partition(".")
    digits = whole + frac
    # Only ASCII digits: CPython's isdigit() also accepts other scripts, MicroPython's does not.
    if not digits or not all(char in "0123456789" for char in digits):
        raise ValueError("not a decimal number: " + repr(text))
    num = sign * int(digits)
    exponent -= len(frac)
    if exponent >= 0:
        return reduce(num * 10**exponent, 1)
    return reduce(num, 10 ** (-exponent))


def to_rational(value: object) -> Rational:
    """A number (int, float or decimal string) as an exact pair."""
    # bool is an int subclass in CPython but not in MicroPython: refuse it on both.
    if value is True or value is False or value is None:
        raise ValueError("not a number: " + repr(value))
    if isinstance(value, int):
        return (value, 1)
    if isinstance(value, float):
        # The shortest repr round-trips, so 0.75 becomes exactly 3/4.
        return _parse_decimal(repr(value))
    if isinstance(value, str):
        return _parse_decimal(value)
    raise ValueError("not a number: " + repr(value))


def _round_half_up(num: int, den: int) -> int:
    # num / den rounded to the nearest whole number, halves away from zero.
    sign = -1 if num < 0 else 1
    whole, rest = divmod(abs(num), den)
    if 2 * rest >= den:
        whole += 1
    return sign * whole


def nearest(x: Rational) -> int:
    """x rounded to the nearest whole number, halves away from zero."""
    return _round_half_up(x[0], x[1])


def format2(x: Rational) -> str:
    """Two decimals, half rounded away from zero: (1, 8) -> "0.13"."""
    hundredths = _round_half_up(x[0] * 100, x[1])
    sign = "-" if hundredths < 0 else ""
    hundredths = abs(hundredths)
    return "%s%d.%02d" % (sign, hundredths // 100, hundredths % 100)


def percent(x: Rational, top: Rational) -> int:
    """x as a whole-number percent of top, half rounded up."""
    ratio = reduce(x[0] * top[1] * 100, x[1] * top[0])
    return _round_half_up(ratio[0], ratio[1])


def signed2(x: Rational) -> str:
    """Two decimals with the sign of the exact value: "+0.50", "-1.25", "0.00" (zero only when x is)."""
    if x[0] == 0:
        return "0.00"
    return ("-" if x[0] < 0 else "+") + format2((abs(x[0]), x[1]))
