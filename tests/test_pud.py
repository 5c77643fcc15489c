"""The PUD check (benchmarks/pud.py) reads Universal NER's PUD documents as they are annotated: the
sentences of each document as written, its marked names with their types, in two halves."""

from __future__ import annotations

import sys

import pytest
from conftest import REPO, unavailable

sys.path.insert(0, str(REPO / "benchmarks"))

from pud import FILES, halves, read

from dossier.syntax.names import name_key


@pytest.fixture(scope="module")
def pud() -> None:
    missing = [str(path) for path in FILES.values() if not path.is_file()]
    if missing:
        unavailable(f"the PUD check reads Universal NER's PUD files, absent at {', '.join(missing)}")


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_halves_are_fixed_apart(pud, language: str) -> None:
    split = halves(language)
    tuning, reporting = ({document.name for document in split[half]} for half in ("tuning", "reporting"))
    assert len(tuning) > 150 and len(reporting) > 150 and not tuning & reporting
    assert sum(len(document.sentences) for document in split["tuning"] + split["reporting"]) == 1000


def test_a_document_gives_its_text_and_its_marked_names(pud) -> None:
    first = read(FILES["en"])[0]
    assert first.name == "n01001" and first.body.startswith("“While much of the digital transition")
    assert first.types[name_key("Kori Schulman")] == "person"
    assert first.types[name_key("United States")] == "place"
    assert name_key("digital transition") not in first.types
