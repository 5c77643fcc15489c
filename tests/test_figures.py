"""Figures logic: grouping by unit, corroboration and conflicts (checked against brute force)."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from dossier.diagnostics import Position
from dossier.model.documents import Article, Citation, Figure
from dossier.model.figures import series_of, summarize
from dossier.syntax.annotations import Claim, Context
from dossier.syntax.dates import parse_date
from dossier.syntax.values import parse_value

FIGURE = Figure("k", "A figure", "CNY", Position("content/figures.yaml"))


def citations(*claims: tuple[str, str | None, str]) -> list[Citation]:
    """Claims as (value, unit, document slug)."""
    made = []
    for index, (value, unit, slug) in enumerate(claims):
        article = Article(slug, f"content/articles/{slug}.md", slug, "en", body=None)  # type: ignore[arg-type]
        claim = Claim(
            "figure", "k", value, f"fig-k-{index}", Position(article.path, index + 1), Context("", value, ""),
            parse_value(value), unit,
        )  # fmt: skip
        made.append(Citation(article, claim, 0))
    return made


def test_units_split_into_main_and_also_stated_as() -> None:
    summary = summarize(
        FIGURE, citations(("200 bn", None, "a"), ("28 bn", "USD", "a"), ("200 bn", "CNY", "b"))
    )
    assert [c.document.slug for c in summary.main] == ["a", "b"]
    assert list(summary.also) == ["USD"]
    assert summary.sources == 2
    assert summary.values() == ["CNY 200 bn"]
    assert not summary.conflict


def test_other_units_never_conflict() -> None:
    summary = summarize(FIGURE, citations(("200 bn", None, "a"), ("1 bn", "USD", "b")))
    assert not summary.conflict


def test_the_design_examples() -> None:
    assert summarize(FIGURE, citations(("589 bn", None, "a"), ("593 bn", None, "b"))).conflict
    assert not summarize(FIGURE, citations(("5.576 m", None, "a"), ("~6 m", None, "b"))).conflict


def test_an_outlier_is_the_claim_that_disagrees() -> None:
    summary = summarize(
        FIGURE,
        citations(("~40 bn", None, "a"), ("40 bn", None, "b"), ("39.5 bn", None, "c"), ("55 bn", None, "d")),
    )
    assert summary.conflict
    assert [c.document.slug for c in summary.disagreeing] == ["a", "b", "c", "d"]
    summary = summarize(
        FIGURE, citations(("~40 bn", None, "a"), ("38..45 bn", None, "b"), ("44 bn", None, "c"))
    )
    assert summary.conflict
    assert sorted(c.document.slug for c in summary.disagreeing) == ["a", "c"]


VALUES = st.builds(
    lambda q, a, span, scale: f"{q}{a}" + (f"..{a + span}" if span and q in ("", "~") else "") + scale,
    st.sampled_from(["", "~", ">", "<", ">=", "<="]),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=5),
    st.sampled_from(["", " bn"]),
)


@given(st.lists(VALUES, min_size=0, max_size=7))
def test_single_pass_matches_every_pair(values: list[str]) -> None:
    cited = citations(*((v, None, f"d{i}") for i, v in enumerate(values)))
    summary = summarize(FIGURE, cited)
    pairs = [
        (a, b)
        for a, b in combinations(cited, 2)
        if not a.annotation.value.interval.overlaps(b.annotation.value.interval)
    ]
    assert summary.conflict == bool(pairs)
    assert {id(c) for c in summary.disagreeing} == {id(c) for pair in pairs for c in pair}


def figure(key: str, period: str | None, unit: str = "CNY") -> Figure:
    period_date = parse_date(period) if period else None
    return Figure(key, key, unit, Position("content/figures.yaml"), period=period_date)


def test_series_are_figures_of_one_unit_over_periods_of_one_length() -> None:
    summaries = [
        summarize(figure("y2026", "2026"), citations(("~40 bn", None, "a"))),
        summarize(figure("y2025", "2025"), citations(("32..33 bn", None, "a"), ("33 bn", None, "b"))),
        summarize(figure("five", "2026/2030"), citations(("200 bn", None, "a"))),
        summarize(figure("staff", "2025", unit="employees"), citations(("24871", None, "a"))),
        summarize(figure("bound", "2024"), citations((">13.5 bn", None, "a"))),  # a bound, no bar
        summarize(figure("undated", None), citations(("1 bn", None, "a"))),
    ]
    series = series_of(summaries)
    assert [(s.unit, s.span) for s in series] == [("CNY", "per year")]  # one five-year figure is no series
    assert [(p[0].figure.key, p[1], p[2]) for p in series[0].points] == [
        ("y2025", 32e9, 33e9),
        ("y2026", 40e9, 40e9),
    ]


def test_quarters_and_multi_year_periods_get_their_own_series() -> None:
    summaries = [
        summarize(figure(k, period), citations(("1 bn", None, "a")))
        for k, period in [("q1", "2025-Q1"), ("q2", "2025-Q2"), ("a", "2016/2020"), ("b", "2021/2025")]
    ]
    assert [s.span for s in series_of(summaries)] == ["over 5 years", "per quarter"]
