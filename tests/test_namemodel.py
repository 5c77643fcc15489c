"""The name model: its features, what it finds in sentences of our own, its cache, and the fallback
for a language it was not trained on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from dossier.authoring.suggesting import namemodel
from dossier.authoring.suggesting.namefeatures import token_features
from dossier.authoring.suggesting.namemodel import has_model, names_in, sentences, words


def test_features_are_a_pure_function_of_the_words() -> None:
    sentence = ["Die", "Talbacher", "Werke", "GmbH", "bauen", "in", "Berlin", "."]
    first = token_features(sentence, 3, "de")
    assert first == token_features(list(sentence), 3, "de")
    assert {"w=gmbh", "legal", "title", "-1w=werke", "1w=bauen"} <= set(first)
    assert "place" in token_features(sentence, 6, "de")
    assert "first" in token_features(sentence, 0, "de") and "-1edge" in token_features(sentence, 0, "de")


def test_sentences_and_words_as_the_corpora_cut_them() -> None:
    body = "Dr. Hanna Berger kam am Montag. Sie blieb.\n\n- Ein Punkt"
    assert [body[a:b] for a, b in sentences(body)] == [
        "Dr. Hanna Berger kam am Montag.",
        "Sie blieb.",
        "- Ein Punkt",
    ]
    first = sentences(body)[0]
    assert [text for _, _, text in words(body, *first, "de")] == [
        "Dr.",
        "Hanna",
        "Berger",
        "kam",
        "am",
        "Montag",
        ".",
    ]


def test_an_english_possessive_is_a_word_apart_as_the_corpora_write_it() -> None:
    body = "Quillotech’s chief, Dana O'Brien's aide, said it's Reuters' view."
    assert [text for _, _, text in words(body, 0, len(body), "en")] == [
        "Quillotech", "'s", "chief", ",", "Dana", "O'Brien", "'s", "aide", ",", "said", "it", "'s", "Reuters",
        "'", "view", ".",
    ]  # fmt: skip
    assert [text for _, _, text in words("Peter's Laden", 0, 13, "de")] == ["Peter's", "Laden"]
    text = "Quillotech's chief executive, Dana Marbeck, resigned."
    found = {(text[name.start : name.end], name.kind) for name in names_in(text, "en")}
    assert ("Quillotech", "organization") in found


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Die Bürgermeisterin Hanna Berger traf am Montag in Hamburg den Vorstand der Talwerke AG.",
         {("Hanna Berger", "person"), ("Hamburg", "place")}),
        ("en", "Mayor Hanna Berger met the board of Talwerk Industries in Boston on Monday.",
         {("Hanna Berger", "person"), ("Boston", "place")}),
    ],
)  # fmt: skip
def test_the_model_finds_people_and_places(language: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert has_model(language)
    found = {(text[name.start : name.end], name.kind) for name in names_in(text, language)}
    assert expected <= found
    assert all(0 < name.confidence <= 1 for name in names_in(text, language))


def test_what_the_model_found_is_kept_by_the_digest_of_the_body(tmp_path: Path, monkeypatch) -> None:
    body = "Mayor Hanna Berger met the board of Talwerk Industries in Boston on Monday."
    first = names_in(body, "en", tmp_path)
    (kept,) = tmp_path.rglob("*.json")
    assert [list(row) for row in json.loads(kept.read_text())] == [
        [n.start, n.end, n.kind, n.confidence] for n in first
    ]

    def no_tagging(*arguments):
        raise AssertionError("tagged again")

    monkeypatch.setattr(namemodel, "_tagged", no_tagging)
    assert names_in(body, "en", tmp_path) == first  # read from the store, not tagged again
    with pytest.raises(AssertionError, match="tagged again"):
        names_in(body + " Then she left.", "en", tmp_path)  # another body: another digest


def test_a_language_without_a_model_falls_back_to_the_rules_and_says_so_once(tmp_path: Path) -> None:
    root = tmp_path / "dossier"
    assert not has_model("fr")
    subprocess.run([sys.executable, str(REPO / "build.py"), "new", str(root), "--quiet"], check=True)
    article = "---\ntitle: {title}\nlanguage: fr\n---\n" + (
        "La société Talwerk Industries a ouvert une usine à Lyon. Talwerk Industries emploie "
        "trois cents personnes, et Talwerk Industries veut grandir.\n"
    )
    for name in ("un", "deux"):
        (root / f"content/articles/{name}.md").write_text(article.format(title=name), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "suggest", "--format", "json", "--root", str(root)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("note: no name model for fr") == 1
    names = {item["proposal"]["name"] for item in json.loads(result.stdout) if item["kind"] == "candidate"}
    assert "Talwerk Industries" in names


def test_a_german_noun_beside_a_person_the_model_is_sure_of_is_cut_off() -> None:
    from collections import Counter

    from dossier.authoring.suggesting.namemodel import Name
    from dossier.authoring.suggesting.occurrences import Occurrence, Text
    from dossier.authoring.suggesting.weighing import SURE_PERSON, _cut_to_the_person

    body = "Das steht im Aufsatz Jonas Brecht nachzulesen."
    text = Text.of(body, "de")
    start = body.index("Aufsatz")
    person = Name(body.index("Jonas"), body.index(" nach"), "person", SURE_PERSON)
    occurrence = Occurrence(start, person.end, ("Aufsatz", "Jonas", "Brecht"), False, 5.0, Counter())
    _cut_to_the_person(text, occurrence, person)
    assert (occurrence.words, body[occurrence.start : occurrence.end]) == (
        ("Jonas", "Brecht"),
        "Jonas Brecht",
    )
    unsure = Occurrence(start, person.end, ("Aufsatz", "Jonas", "Brecht"), False, 5.0, Counter())
    _cut_to_the_person(text, unsure, Name(person.start, person.end, "person", SURE_PERSON / 2))
    assert unsure.words == ("Aufsatz", "Jonas", "Brecht")  # the model not sure: the rules' words stay
    company = Occurrence(start, person.end, ("Aufsatz", "Jonas", "Brecht"), False, 5.0, Counter())
    _cut_to_the_person(text, company, Name(person.start, person.end, "organization", 1.0))
    assert company.words == ("Aufsatz", "Jonas", "Brecht")


def test_one_german_word_spelled_as_a_noun_or_a_compound_ending_in_one() -> None:
    from collections import Counter

    from dossier.authoring.suggesting.occurrences import Occurrence, Text
    from dossier.authoring.suggesting.weighing import _spelled_as_a_noun

    def spelled(word: str, language: str = "de") -> bool:
        return _spelled_as_a_noun(
            Text.of(word, language), Occurrence(0, len(word), (word,), False, 0, Counter())
        )

    assert spelled("Archivar") and spelled("EU-Fördergeld") and spelled("QR-Leser")
    assert not spelled("ZDF") and not spelled("iPhone") and not spelled("Archivar", "en")


def test_the_models_kinds_are_one_voice_among_the_texts_cues() -> None:
    from collections import Counter

    from dossier.authoring.suggesting.occurrences import Occurrence
    from dossier.authoring.suggesting.weighing import type_votes

    def occurrence(hints: dict[str, float], kinds: dict[str, float]) -> Occurrence:
        return Occurrence(0, 6, ("Qinwei",), False, 4.0, Counter(hints), Counter(kinds))

    said_person = [occurrence({}, {"person": 0.9}) for _ in range(12)]
    company = [*said_person, *[occurrence({"organization": 2.0}, {"person": 0.9})] * 2]  # `der Konzern`
    assert type_votes(company).most_common(1)[0][0] == "organization"  # twelve times wrong is one voice
    assert type_votes(said_person).most_common(1)[0][0] == "person"  # where the text says nothing


def test_the_models_other_is_the_finer_type_the_text_shows_or_a_product() -> None:
    from collections import Counter

    from dossier.authoring.suggesting.weighing import type_of

    assert type_of(Counter({"other": 3.0, "organization": 2.5, "product": 1.0})) == "product"  # `die App`
    assert type_of(Counter({"other": 3.0, "organization": 2.5})) == "product"  # the text shows nothing finer
    assert type_of(Counter({"other": 2.0, "organization": 2.5})) == "organization"
    assert type_of(Counter({"other": 1.0, "event": 0.5, "person": 1.2})) == "event"
    assert type_of(Counter({"person": 4.0, "product": 1.0})) == "person"
    assert type_of(Counter({"organization": -1.0})) == type_of(Counter()) == "other"


def test_an_event_the_model_cannot_know_keeps_its_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import Counter

    from dossier.authoring.suggesting import weighing
    from dossier.authoring.suggesting.namemodel import Name
    from dossier.authoring.suggesting.occurrences import Occurrence, Text

    body = "Jonas Brecht sprach auf der Nordischen Hafen Konferenz und beim Hafenverband Nord."
    monkeypatch.setattr(weighing, "names_in", lambda *_: [Name(0, 12, "person", 0.99)])

    def occurrence(words: str) -> Occurrence:
        start = body.index(words)
        return Occurrence(start, start + len(words), tuple(words.split()), False, 4.0, Counter())

    event, other = occurrence("Nordischen Hafen Konferenz"), occurrence("Hafenverband Nord")
    weighing.weighed(Text.of(body, "de"), [event, other])
    assert event.evidence == 4.0 and other.evidence == 4.0 - weighing.SAYS_WORD


def test_a_german_word_the_model_saw_in_no_name_before_a_surname_is_cut_off(monkeypatch) -> None:
    """`Kustodin Jelinek`, where the text names Marta Jelinek in full and the model tags the
    surname but never that word: Jelinek the person, one candidate with her surname an alias."""
    from dossier.authoring.suggesting import weighing
    from dossier.authoring.suggesting.candidates import candidates_in
    from dossier.authoring.suggesting.namemodel import Name

    body = "Die Chronistin Marta Jelinek prüft. Laut Jelinek stimmt es. Dann bat Kustodin Jelinek um Ruhe."

    def model(text: str, *_) -> list[Name]:
        full, alone = text.index("Marta Jelinek"), text.index("Laut Jelinek") + 5
        return [Name(full, full + 13, "person", 0.99), Name(alone, alone + 7, "person", 0.95)]

    monkeypatch.setattr(weighing, "names_in", model)
    found = {c.name: c for c in candidates_in("a.md", body, "de", frozenset(), "")}
    assert "Marta Jelinek" in found and "Jelinek" in found["Marta Jelinek"].aliases
    assert not {"Jelinek", "Kustodin Jelinek"} & set(found)


def test_a_name_the_model_finds_across_a_comma_is_two(monkeypatch: pytest.MonkeyPatch) -> None:
    """`born in Tarnby, Cumbria`: a corpus that tags a town and its county as one place teaches the
    model so, but they are two names, each a place."""
    from dossier.authoring.suggesting import weighing
    from dossier.authoring.suggesting.candidates import candidates_in
    from dossier.authoring.suggesting.namemodel import Name

    body = "Ada Vantor was born in Tarnby, Cumbria. Vantor left Tarnby, Cumbria, in 1990."

    def model(text: str, *_) -> list[Name]:
        return [Name(at, at + 15, "place", 0.95) for at in (text.index("Tarnby"), text.rindex("Tarnby"))]

    monkeypatch.setattr(weighing, "names_in", model)
    found = {c.name: c.type for c in candidates_in("a.md", body, "en", frozenset(), "")}
    assert found.get("Tarnby") == found.get("Cumbria") == "place"
    assert "Tarnby, Cumbria" not in found


def test_the_given_names_are_the_first_words_of_people_and_seldom_of_anything_else() -> None:
    from tools.train_names import given_names

    def tagged(words: str, kind: str) -> list[tuple[str, str]]:
        labels = [f"B-{kind}"] + [f"I-{kind}"] * (len(words.split()) - 1)
        return [("Dann", "O"), *zip(words.split(), labels, strict=True), ("kam", "O")]

    sentences = [
        tagged("Maxine Vantor", "PER"),
        tagged("Hugo Lenz", "PER"),
        tagged("Hugo Quill", "ORG"),  # as often a company's first word as a person's
        tagged("Quillo", "PER"),  # a name of one word tells no given name
        tagged("McKay Brenn", "PER"),  # not spelled as a given name is
    ]
    assert given_names(sentences) == ["Maxine"]


def test_the_corpus_names_are_those_tagged_twice_nearly_always_as_one_kind() -> None:
    from tools.train_names import corpus_names

    def tagged(words: str, kind: str) -> list[tuple[str, str]]:
        labels = [f"B-{kind}"] + [f"I-{kind}"] * (len(words.split()) - 1)
        return [("Dann", "O"), *zip(words.split(), labels, strict=True), ("kam", "O")]

    sentences = [
        *[tagged("Quillo Werke", "ORG")] * 2,
        *[tagged("Vantor", "PER")] * 4,
        tagged("Vantor", "ORG"),  # four of five: 0.8
        tagged("Brenn", "LOC"),  # once: no knowledge
        *[tagged("Tarnby", "LOC"), tagged("Tarnby", "PER")],  # a place and a person alike
        *[tagged("Marbeck Cup", "OTH")] * 3,  # other names: too mixed a kind to list
    ]
    assert corpus_names(sentences) == [("Quillo Werke", "organization"), ("Vantor", "person")]


def test_a_name_the_corpora_know_is_typed_as_they_tag_it_unless_the_text_shows_a_finer_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dossier.authoring.suggesting import nametypes
    from dossier.authoring.suggesting.candidates import candidates_in

    known = {"Vantor": "person", "Quillo Zeitung": "organization"}
    monkeypatch.setattr(nametypes, "corpus_kind", known.get)
    body = "Die Zahlen legte Quillo am Donnerstag vor. Am Abend sprach Vantor. Die Quillo Zeitung berichtete."
    found = {c.name: c.type for c in candidates_in("a.md", body, "de", frozenset(), "")}
    assert found["Vantor"] == "person"  # the model, in its sentence, reads a place
    assert found["Quillo Zeitung"] == "publication"  # a paper, though the corpora tag no paper
