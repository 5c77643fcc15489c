"""The value mini-language: parsing, display, intervals and conflicts."""

from decimal import Decimal

import pytest

from dossier.syntax.values import ValueSyntaxError, format_quantity, parse_value

PARSED = [
    # text, qualifier, minimum, maximum, display
    ("200 bn", "", "200e9", "200e9", "200 bn"),
    ("32..33 bn", "", "32e9", "33e9", "32–33 bn"),
    ("32–33 bn", "", "32e9", "33e9", "32–33 bn"),
    ("~40 bn", "~", "40e9", "40e9", "~40 bn"),
    (">13.5 bn", ">", "13.5e9", "13.5e9", ">13.5 bn"),
    ("<5", "<", "5", "5", "<5"),
    (">= 2500", ">=", "2500", "2500", ">=2,500"),
    ("<=7 m", "<=", "7e6", "7e6", "<=7 m"),
    (24871, "", "24871", "24871", "24,871"),
    ("24_871", "", "24871", "24871", "24,871"),
    ("5.3", "", "5.3", "5.3", "5.3"),
    ("+14.2", "", "14.2", "14.2", "14.2"),
    ("-3.5", "", "-3.5", "-3.5", "-3.5"),
    ("-5..-3", "", "-5", "-3", "-5–-3"),
    ("7 billion", "", "7e9", "7e9", "7 bn"),
    ("1.5 million", "", "1.5e6", "1.5e6", "1.5 m"),
    ("3 mn", "", "3e6", "3e6", "3 m"),
    ("12 k", "", "12e3", "12e3", "12 k"),
    ("2 tn", "", "2e12", "2e12", "2 tn"),
    ("2 trillion", "", "2e12", "2e12", "2 tn"),
    ("10 BN", "", "10e9", "10e9", "10 bn"),
    ("~4.5..4.7 bn", "~", "4.5e9", "4.7e9", "~4.5–4.7 bn"),
    (3, "", "3", "3", "3"),
]


@pytest.mark.parametrize(("text", "qualifier", "low", "high", "shown"), PARSED)
def test_parse(text: str, qualifier: str, low: str, high: str, shown: str) -> None:
    value = parse_value(text)
    assert value.qualifier == qualifier
    assert value.minimum == Decimal(low)
    assert value.maximum == Decimal(high)
    assert str(value) == shown


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("about 40", "not a value"),
        ("24,871", 'group digits with "_"'),
        ("40 gazillion", 'unknown scale word "gazillion"'),
        (">3..4", "a range cannot also be"),
        ("5..3", "ends below where it starts"),
        ("~", "not a value"),
        ("1.2.3", "not a value"),
        (True, "not a number"),
    ],
)
def test_rejects(text: object, reason: str) -> None:
    with pytest.raises(ValueSyntaxError, match=reason):
        parse_value(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("589 bn", "593 bn", False),  # DESIGN.md: a conflict
        ("5.576 m", "~6 m", True),  # DESIGN.md: not a conflict
        ("589 bn", "589.4 bn", True),
        ("589 bn", "590 bn", False),  # 588.5–589.5 and 589.5–590.5 only touch
        ("200 bn", "200 bn", True),
        ("32..33 bn", "32.5 bn", True),
        ("32..33 bn", "34 bn", False),
        ("~40 bn", "38.5 bn", True),  # ~ widens to ±5 %
        ("~40 bn", "37 bn", False),
        (">13.5 bn", "14 bn", True),
        (">13.5 bn", "13 bn", False),
        (">13.5", "<13.5", False),  # half-open ends do not meet
        (">=13.5", "<=13.5", True),
        ("<5", "4.9", True),
        ("~6 m", "5.5 m", True),
        ("~6 m", "5.4 m", False),
    ],
)
def test_overlap(a: str, b: str, overlap: bool) -> None:
    first, second = parse_value(a).interval, parse_value(b).interval
    assert first.overlaps(second) is overlap
    assert second.overlaps(first) is overlap


def test_approximate_uses_the_wider_of_digit_and_five_percent() -> None:
    interval = parse_value("~6").interval  # half a unit (0.5) beats 5 % (0.3)
    assert (interval.low, interval.high) == (Decimal("5.5"), Decimal("6.5"))
    interval = parse_value("~40 bn").interval  # 5 % (2 bn) beats half a unit
    assert (interval.low, interval.high) == (Decimal("38e9"), Decimal("42e9"))


@pytest.mark.parametrize(
    ("text", "unit", "shown"),
    [
        ("200 bn", "CNY", "CNY 200 bn"),
        ("~40 bn", "CNY", "~CNY 40 bn"),
        ("5.3", "%", "5.3%"),
        ("2500", "engineers", "2,500 engineers"),
        ("3", "nm", "3 nm"),
        ("7", "", "7"),
    ],
)
def test_format_quantity(text: str, unit: str, shown: str) -> None:
    assert format_quantity(parse_value(text), unit) == shown


@pytest.mark.parametrize("text", [p[0] for p in PARSED])
def test_display_round_trips(text: object) -> None:
    value = parse_value(text)  # type: ignore[arg-type]
    again = parse_value(str(value).replace(",", ""))
    assert (again.minimum, again.maximum, again.qualifier) == (
        value.minimum,
        value.maximum,
        value.qualifier,
    )
