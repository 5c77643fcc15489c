"""Charts drawn at build time: well-formed SVG, escaped text, words for what they show."""

from __future__ import annotations

import pytest
from lxml import etree

from dossier.pages.svg import (
    Bar,
    Mark,
    Neighbour,
    _nice_ceiling,
    bar_chart,
    neighbourhood_graph,
    timeline_svg,
)
from dossier.syntax.dates import parse_date

HOSTILE = '</svg><script>alert("x")</script> & "quotes"'
SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode())  # raises on anything that is not well-formed XML


def test_nice_ceiling_rounds_up_to_a_readable_scale() -> None:
    assert [_nice_ceiling(v) for v in (0, 0.7, 3, 40e9, 105e9, 200e9)] == [1, 1, 5, 50e9, 200e9, 200e9]


def test_bar_chart_scales_bars_and_describes_them_in_words() -> None:
    svg = parse(bar_chart([Bar("2025", 32, 33, "CNY 32–33 bn"), Bar("2026", 40, 40, "~CNY 40 bn")], "T", "c"))
    assert svg.get("role") == "img"
    assert svg.findtext(f"{SVG}desc") == "2025: CNY 32–33 bn; 2026: ~CNY 40 bn"
    bars = svg.findall(f".//{SVG}rect[@class='bar']")
    assert float(bars[1].get("height")) > float(bars[0].get("height")) > 0
    assert len(svg.findall(f".//{SVG}rect[@class='bar-range']")) == 1  # only the stated range


def test_graph_links_every_neighbour_and_shortens_long_names() -> None:
    long = "Human Car Home Ecosystem Partner Conference 2025"
    neighbours = [Neighbour("Xiaomi", "../xiaomi/", 4), Neighbour(long, "../h/", 1)]
    svg = parse(neighbourhood_graph("MiMo", neighbours, "T"))
    links = svg.findall(f".//{SVG}a")
    assert [a.get("href") for a in links] == ["../xiaomi/", "../h/"]
    assert links[1].findtext(f"{SVG}title") == f"{long}: 1 shared document"
    assert links[1].findtext(f"{SVG}text").endswith("…")
    assert neighbourhood_graph("Alone", [], "T") == ""


def test_content_text_is_escaped_in_every_chart() -> None:
    charts = [
        bar_chart([Bar(HOSTILE, 1, 2, HOSTILE)], HOSTILE, "c"),
        neighbourhood_graph(HOSTILE, [Neighbour(HOSTILE, 'x" onclick="y', 1)], HOSTILE),
        timeline_svg([Mark('#a" onmouseover="b', HOSTILE, parse_date("2025"))], HOSTILE),
    ]
    for chart in charts:
        svg = parse(chart)
        assert not svg.findall(".//script") and not svg.findall(f".//{SVG}script")
        assert all(not name.startswith("on") for element in svg.iter() for name in element.attrib)
        assert HOSTILE in "".join(svg.itertext())


def _marks(dates: list[str], title: str = "An event with a fairly long title to shorten") -> list:
    from dossier.pages.svg import Mark

    return [Mark(f"#event-{i}", f"{title} {i}", parse_date(d)) for i, d in enumerate(dates)]


@pytest.mark.parametrize(
    "dates",
    [
        [f"2025-03-{day:02d}" for day in range(1, 31)],  # dense: thirty events in one month
        ["1985", "2025-06-01"],  # sparse: forty years apart
        ["2025-04-30"],  # a single event
        [
            "2021/2025",
            "../2024",
            "2023/..",
            "2024-Q3~",
            "2025-22?",
        ],  # intervals, open, approximate, uncertain
    ],
)
def test_no_two_marks_or_labels_overlap(dates: list[str]) -> None:
    from dossier.pages.svg import GAP, MARGIN, WIDTH, layout

    placed, _, _ = layout(_marks(dates))
    assert len(placed) == len(dates)
    for a in placed:
        assert a.label_left >= 0 and a.label_right <= WIDTH, a  # every label inside the picture
        assert a.label_right - a.label_left == pytest.approx(len(a.mark.name) * 7.2)
        for b in placed:
            if a is b:
                continue
            rows = {(a.lane, a.left, a.right), (a.label_lane, a.label_left, a.label_right)}
            others = {(b.lane, b.left, b.right), (b.label_lane, b.label_left, b.label_right)}
            for row, start, end in rows:
                for other_row, other_start, other_end in others:
                    if row == other_row:
                        assert end + GAP <= other_start or other_end + GAP <= start, (a, b)
    assert MARGIN > 0


def test_labels_are_short_and_say_when_a_date_is_uncertain() -> None:
    from dossier.pages.svg import Mark, shorten

    assert shorten("Xiaomi releases MiMo-7B, its first large language model, as open source") == (
        "Xiaomi releases MiMo-7B, its…"
    )
    assert Mark("#a", "Launch", parse_date("2025-22?")).name == "Launch (?)"
    assert Mark("#a", "A long title that is cut", parse_date("2025"), short="Short").name == "Short"
    svg = timeline_svg(
        [Mark("#a", "Launch", parse_date("2025-22~")), Mark("#b", "Day", parse_date("2025-05-01"))], "T"
    )
    assert 'class="mark approximate"' in svg and "<circle" in svg and "<rect" in svg
    assert ">Launch</text>" in svg and ">Day</text>" in svg


def test_spans_follow_each_date_precision() -> None:
    from dossier.pages.svg import layout

    placed, _, _ = layout(_marks(["2025", "2025-H1", "2025-Q3", "2025-05", "2025-05-05", "2024/2025"]))
    width = {p.mark.date.text: p.right - p.left for p in placed}
    assert width["2025"] == pytest.approx(2 * width["2025-H1"], rel=0.02)
    assert width["2025-H1"] == pytest.approx(2 * width["2025-Q3"], rel=0.03)
    assert width["2025-Q3"] == pytest.approx(3 * width["2025-05"], rel=0.05)
    assert width["2024/2025"] == pytest.approx(2 * width["2025"], rel=0.01)
    assert width["2025-05-05"] == 10  # a day is a point (drawn as a dot), never a span
