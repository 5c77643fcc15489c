"""Figures logic: grouping by unit, corroboration and conflicts (checked against brute force)."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from dossier.annotations import Claim, Context
from dossier.diagnostics import Position
from dossier.figures import summarize
from dossier.model import Article, Citation, Figure
from dossier.values import parse_value

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
        made.append(Citation(article, claim))
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
