"""The Wikinews check (benchmarks/wikinews.py) reads GUM's documents as GUM annotates them: its named
mentions with their types and the Wikipedia pages they name, the text as written."""

from __future__ import annotations

import sys

import pytest
from conftest import REPO, unavailable

sys.path.insert(0, str(REPO / "benchmarks"))

from wikinews import GUM, halves, other_genres, read

from dossier.syntax.names import name_key


@pytest.fixture(scope="module")
def gum() -> None:
    if not GUM.is_dir():
        unavailable(f"the Wikinews check reads the GUM corpus at {GUM}, which is absent")


def test_the_halves_are_fixed_apart(gum) -> None:
    split = halves()
    tuning, reporting = (set(path.stem for path in split[half]) for half in ("tuning", "reporting"))
    assert len(tuning) > 30 and len(reporting) >= 8 and not tuning & reporting
    assert all(name.startswith(("GUM_news_", "GUM_interview_")) for name in tuning | reporting)


def test_the_other_genres_are_training_documents_of_neither_half(gum) -> None:
    others = {path.stem for path in other_genres()}
    split = halves()
    wikinews = {path.stem for half in split.values() for path in half}
    assert len(others) > 40 and not others & wikinews
    assert not any(name.startswith(("GUM_news_", "GUM_interview_")) for name in others)
    assert {path.parent.name for path in other_genres()} == {"cc-by", "cc-by-sa"}


def test_a_document_gives_its_text_and_its_named_mentions(gum) -> None:
    article = read(GUM / "cc-by" / "GUM_news_nasa.conllu")
    assert article.title.startswith("NASA celebrates")
    assert "Kennedy Space Center" in article.body and "\n\n" in article.body
    assert article.types[name_key("NASA")].most_common(1)[0][0] == "organization"  # one word, closed at once
    assert article.types[name_key("Charles Bolden")].most_common(1)[0][0] == "person"
    assert article.titles[name_key("Charles Bolden")] == "Charles Bolden"
    assert name_key("retired shuttles") not in article.types  # a mention with no proper noun
