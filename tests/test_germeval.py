"""The GermEval check (benchmarks/germeval.py) reads GermEval 2014's test sentences from news sites,
each with its marked names and their types, the outer level only."""

from __future__ import annotations

import sys

import pytest
from conftest import REPO, unavailable

sys.path.insert(0, str(REPO / "benchmarks"))

from germeval import TEST, news_sentences

from dossier.syntax.names import name_key


@pytest.fixture(scope="module")
def sentences() -> list:
    if not TEST.is_file():
        unavailable(f"the GermEval check reads GermEval 2014's test file, absent at {TEST}")
    return news_sentences(TEST)


def test_only_news_sentences_are_read(sentences) -> None:
    assert 2000 < len(sentences) < 5100  # the test file holds 5,100 sentences, news and Wikipedia


def test_a_sentence_gives_its_text_and_its_marked_names(sentences) -> None:
    text, marked = next((text, marked) for text, marked in sentences if "Sarah Palin" in text)
    assert text.startswith("Washington ( dpa ) - Sarah Palin") and not text.endswith(" .")
    assert marked[name_key("Sarah Palin")] == "person"
    assert marked[name_key("Washington")] == "place"
    assert marked[name_key("dpa")] == "organization"
