"""The date grammar: every form in DESIGN.md, display at precision, and sorting."""

import datetime as dt

import pytest

from dossier.syntax.dates import DateSyntaxError, parse_date

D = dt.date

PARSED = [
    # text, display, earliest, latest
    ("2025", "2025", D(2025, 1, 1), D(2025, 12, 31)),
    (2025, "2025", D(2025, 1, 1), D(2025, 12, 31)),
    ("2025-04", "April 2025", D(2025, 4, 1), D(2025, 4, 30)),
    ("2024-02", "February 2024", D(2024, 2, 1), D(2024, 2, 29)),
    ("2025-04-30", "30 April 2025", D(2025, 4, 30), D(2025, 4, 30)),
    (D(2025, 4, 30), "30 April 2025", D(2025, 4, 30), D(2025, 4, 30)),
    ("2025-Q3", "Q3 2025", D(2025, 7, 1), D(2025, 9, 30)),
    ("2025-q1", "Q1 2025", D(2025, 1, 1), D(2025, 3, 31)),
    ("2025-H1", "H1 2025", D(2025, 1, 1), D(2025, 6, 30)),
    ("2025-H2", "H2 2025", D(2025, 7, 1), D(2025, 12, 31)),
    ("2025-35", "Q3 2025", D(2025, 7, 1), D(2025, 9, 30)),  # EDTF quarter code
    ("2025-40", "H1 2025", D(2025, 1, 1), D(2025, 6, 30)),  # EDTF semestral
    ("2025-21", "spring 2025", D(2025, 3, 1), D(2025, 5, 31)),  # EDTF season
    ("2025-22", "summer 2025", D(2025, 6, 1), D(2025, 8, 31)),
    ("2025-24", "winter 2025", D(2025, 12, 1), D(2026, 2, 28)),
    ("2025-37", "Jan–Apr 2025", D(2025, 1, 1), D(2025, 4, 30)),
    ("2024~", "c. 2024", D(2024, 1, 1), D(2024, 12, 31)),
    ("2023-07~", "c. July 2023", D(2023, 7, 1), D(2023, 7, 31)),
    ("2024-Q4~", "c. Q4 2024", D(2024, 10, 1), D(2024, 12, 31)),
    ("2025?", "2025?", D(2025, 1, 1), D(2025, 12, 31)),
    ("2025-06%", "c. June 2025?", D(2025, 6, 1), D(2025, 6, 30)),
    ("2026/2030", "2026–2030", D(2026, 1, 1), D(2030, 12, 31)),
    ("2021/2025", "2021–2025", D(2021, 1, 1), D(2025, 12, 31)),
    ("2025-03/2025-Q3", "March 2025 – Q3 2025", D(2025, 3, 1), D(2025, 9, 30)),
    ("2025/..", "from 2025", D(2025, 1, 1), D(2025, 12, 31)),
    ("../2030", "until 2030", D(2030, 1, 1), D(2030, 12, 31)),
]


@pytest.mark.parametrize(("text", "shown", "earliest", "latest"), PARSED)
def test_parse(text: object, shown: str, earliest: dt.date, latest: dt.date) -> None:
    date = parse_date(text)
    assert date.display() == shown
    assert date.earliest == earliest
    assert date.latest == latest


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty date"),
        ("April 2025", "is not a date"),
        ("2025-13", "neither a month nor an EDTF code"),
        ("2025-00", "neither a month"),
        ("2025-02-30", "has no day 30"),
        ("2025-Q5", "is not a date"),
        ("2025-H3", "is not a date"),
        ("2025-Q1-05", "takes no day"),
        ("2030/2026", "ends before it starts"),
        ("../..", "needs at least one end"),
        ("0000", "no year 0"),
        ("25-04-30", "is not a date"),
        (True, "is not a date"),
    ],
)
def test_rejects(text: object, reason: str) -> None:
    with pytest.raises(DateSyntaxError, match=reason):
        parse_date(text)


def test_sorts_by_earliest_day_coarser_first() -> None:
    texts = ["2025-07-15", "2025-Q3", "2025", "2025-07", "2024-Q4~", "2025-H2", "2026/2030"]
    ordered = sorted((parse_date(t) for t in texts), key=lambda d: d.sort_key())
    assert [d.text for d in ordered] == [
        "2024-Q4~",
        "2025",
        "2025-H2",
        "2025-Q3",
        "2025-07",
        "2025-07-15",
        "2026/2030",
    ]


@pytest.mark.parametrize(
    ("text", "iso"),
    [("2025-04-30", "2025-04-30"), ("2025-04", "2025-04"), ("2025-Q3", "2025"), ("2026/2030", "2026")],
)
def test_machine_form(text: str, iso: str) -> None:
    assert parse_date(text).iso() == iso


@pytest.mark.parametrize("text", [p[0] for p in PARSED if isinstance(p[0], str)])
def test_text_is_kept(text: str) -> None:
    assert parse_date(text).text == text
