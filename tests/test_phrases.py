"""Number and date phrases as people write them, in sentences of our own, and the finders' promise
never to raise: what does not parse as a value or a date is no suggestion."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.authoring.suggesting.datephrases import find_dates
from dossier.authoring.suggesting.numbers import find_numbers
from dossier.syntax.dates import parse_date
from dossier.syntax.values import parse_value


def values(text: str, language: str = "de") -> list[str]:
    return [f"{text[n.start : n.end]}={n.value}" for n in find_numbers(text, language)]


def dates(text: str, published: dt.date | None) -> dict[str, str | None]:
    return {text[d.start : d.end]: d.date for d in find_dates(text, published)}


# Model numbers: the digits after a letter or digit and a hyphen or slash are the rest of a name.
@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Die Zentrale bestellte sechs Maschinen vom Typ Falke K210-400.", "de", []),
        ("Der Sender TX-3000/3100 kam im Frühjahr.", "de", []),
        ("The crew flew a Heron J90-500 over the bay.", "en", []),
        ("The router ships as the R7/R9 in two sizes.", "en", []),
        ("Die Serie 840-120 blieb im Lager.", "de", []),  # an end below the start: no range
        ("Sie kostet 12–15 Millionen Euro.", "de", ["12–15 Millionen Euro=12..15 m"]),
        ("It rose by 4-6 percent.", "en", ["4-6 percent=4..6"]),
        ("Die Anlage kostet 300 Millionen Euro, das Modell Falke K210-400 nicht.", "de",
         ["300 Millionen Euro=300 m"]),
    ],
)  # fmt: skip
def test_model_numbers_with_hyphens_and_slashes_are_not_figures(text: str, language: str, found) -> None:
    assert values(text, language) == found


THURSDAY = dt.date(2026, 12, 31)  # the last day of a year, a Thursday
MONDAY = dt.date(2026, 3, 2)  # the first Monday of March


@pytest.mark.parametrize(
    ("text", "published", "phrase", "meant"),
    [
        # A weekday joined to a part of the day, across a month and a year boundary.
        ("Der Zug hielt am Mittwochabend in Kassel.", THURSDAY, "Mittwochabend", "2026-12-30"),
        ("Seit Freitagmorgen ruht die Arbeit im Hafen.", MONDAY, "Freitagmorgen", "2026-02-27"),
        ("Am Sonntagnachmittag schloss das Museum.", MONDAY, "Sonntagnachmittag", "2026-03-01"),
        ("Die Messe wird am Montagvormittag eröffnet.", THURSDAY, "Montagvormittag", "2027-01-04"),
        ("Donnerstagnacht brannte die Scheune.", THURSDAY, "Donnerstagnacht", "2026-12-31"),
        # Forward after words that point ahead, or in a sentence about what is to come.
        ("Ab Dienstag gilt der neue Fahrplan.", THURSDAY, "Dienstag", "2027-01-05"),
        ("Die Frist läuft bis Freitag.", THURSDAY, "Freitag", "2027-01-01"),
        ("Bis zum Samstag soll die Brücke stehen.", MONDAY, "Samstag", "2026-03-07"),
        ("Am kommenden Mittwoch tagt der Rat.", THURSDAY, "kommenden Mittwoch", "2027-01-06"),
        ("The depot stays shut until Wednesday.", THURSDAY, "Wednesday", "2027-01-06"),
        ("Bids are due by Friday.", MONDAY, "Friday", "2026-03-06"),
        ("The ferry resumes service from Sunday.", MONDAY, "Sunday", "2026-03-08"),
        ("The board will vote on Tuesday.", THURSDAY, "Tuesday", "2027-01-05"),
        ("Der Vertrag wird am Donnerstag unterzeichnet.", MONDAY, "Donnerstag", "2026-03-05"),
        ("Next Monday the school reopens.", MONDAY, "Next Monday", "2026-03-09"),
        # Backward: the latest such day, and after words that point back.
        ("Der Bürgermeister trat am Dienstag zurück.", THURSDAY, "Dienstag", "2026-12-29"),
        ("The mill closed on Saturday.", MONDAY, "Saturday", "2026-02-28"),
        ("Since Friday the road has been closed.", THURSDAY, "Friday", "2026-12-25"),
        ("Seit Montag wird gestreikt.", THURSDAY, "Montag", "2026-12-28"),
        ("Last Thursday the harbour froze.", THURSDAY, "Last Thursday", "2026-12-24"),
    ],
)
def test_weekdays(text: str, published: dt.date, phrase: str, meant: str) -> None:
    assert dates(text, published).get(phrase) == meant


@pytest.mark.parametrize(
    ("text", "phrase", "meant"),
    [
        # Years: the year, as precise as the phrase.
        ("Vor drei Jahren eröffnete die Bäckerei.", "Vor drei Jahren", "2023"),
        ("Vor einem Jahr war der Platz noch leer.", "Vor einem Jahr", "2025"),
        ("Ten years ago the quarry was flooded.", "Ten years ago", "2016"),
        ("A year earlier the club had folded.", "A year earlier", "2025"),
        ("Zwei Jahre später soll die Strecke fertig sein.", "Zwei Jahre später", "2028"),
        ("In zwei Jahren läuft die Lizenz aus.", "In zwei Jahren", "2028"),
        ("The lease ends in five years.", "in five years", "2031"),
        ("Vor zwei Jahrzehnten begann der Bau.", "Vor zwei Jahrzehnten", "2006"),
        # Months: the month, across a year boundary.
        ("Vor einem Monat kündigte der Wirt.", "Vor einem Monat", "2026-11"),
        ("In drei Monaten öffnet das Bad.", "In drei Monaten", "2027-03"),
        ("Two months ago the bakery moved.", "Two months ago", "2026-10"),
        ("The following month, the river rose.", "The following month", "2027-01"),
        ("Im folgenden Jahr wurde gewählt.", "Im folgenden Jahr", "2027"),
        ("The previous year had been dry.", "The previous year", "2025"),
        # Weeks: Monday to Sunday of that week.
        ("In zwei Wochen beginnt die Ernte.", "In zwei Wochen", "2027-01-11/2027-01-17"),
        ("Vor einer Woche brach der Damm.", "Vor einer Woche", "2026-12-21/2026-12-27"),
        ("Three weeks ago the mayor resigned.", "Three weeks ago", "2026-12-07/2026-12-13"),
        # Days.
        ("Vor drei Tagen fiel der Strom aus.", "Vor drei Tagen", "2026-12-28"),
        ("In fünf Tagen endet die Frist.", "In fünf Tagen", "2027-01-05"),
        ("Two days later the bridge reopened.", "Two days later", "2027-01-02"),
        ("Vor 12 Tagen schloss der Laden.", "Vor 12 Tagen", "2026-12-19"),
    ],
)
def test_counting_back_and_forth(text: str, phrase: str, meant: str) -> None:
    assert dates(text, THURSDAY).get(phrase) == meant
    assert parse_date(meant)  # a date the content format takes


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Vor einigen Jahren lag hier ein Acker.", "Vor einigen Jahren"),
        ("A few weeks ago the shop was busy.", "A few weeks ago"),
    ],
)
def test_a_count_not_stated_is_a_phrase_without_a_date(text: str, phrase: str) -> None:
    (found,) = [d for d in find_dates(text, THURSDAY) if text[d.start : d.end] == phrase]
    assert found.date is None and "how far is not stated" in found.reason


@pytest.mark.parametrize(
    "text", ["Two days before the vote the hall was full.", "A week earlier this month the tap ran dry."]
)
def test_counts_from_another_event_are_not_counted_from_the_article(text: str) -> None:
    assert not any(phrase in dates(text, THURSDAY) for phrase in ("Two days before", "A week earlier"))


def test_without_an_article_date_the_reason_says_so() -> None:
    for text in ("Vor drei Jahren kam sie.", "Ab Montag gilt die Regel.", "In zwei Wochen kommt er."):
        (found,) = find_dates(text, None)
        assert found.date is None and "does not state" in found.reason


# Any text at all: the finders answer, and what they answer parses.
prose = st.text(
    alphabet=st.sampled_from(list("0123456789 -–/.,:;()%€$") + list("AaBbeEinrstuvzäöüßQHJ")),
    max_size=80,
) | st.text(max_size=80)
VOCABULARY = """vor in zwei drei einem einer Jahren Monaten Wochen Tagen ago later earlier years months weeks
days Mittwochabend Freitag ab bis until by next kommenden zwischen und between and Q3 H2 Ende Anfang 2025
1999 17. Dezember December rund über mehr als Millionen Milliarden Euro Prozent percent A320-200 737-800
90-30 5/3 RMB 20 bn a an one the following previous"""
words = st.lists(st.sampled_from(VOCABULARY.split()), max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(text=prose | words, language=st.sampled_from(["de", "en"]))
def test_the_number_finder_never_raises_and_every_value_parses(text: str, language: str) -> None:
    for number in find_numbers(text, language):
        assert 0 <= number.start < number.end <= len(text)
        parse_value(number.value)


@settings(max_examples=400, deadline=None)
@given(
    text=prose | words,
    published=st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
)
def test_the_date_finder_never_raises_and_every_date_parses(text: str, published: dt.date | None) -> None:
    for phrase in find_dates(text, published):
        assert 0 <= phrase.start < phrase.end <= len(text)
        if phrase.date is not None and "X" not in phrase.date:
            parse_date(phrase.date)


@pytest.fixture(scope="module")
def small_dossier(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("anytext")
    (root / "content/articles").mkdir(parents=True)
    (root / "content/entities").mkdir()
    (root / "config.yaml").write_text("title: Any text\nlanguage: de\n", encoding="utf-8")
    (root / "content/entities/talbach.md").write_text(
        "---\nname: Talbach\ntype: place\n---\n", encoding="utf-8"
    )
    (root / "content/figures.yaml").write_text("[]\n", encoding="utf-8")
    (root / "content/events.yaml").write_text("[]\n", encoding="utf-8")
    return root


@settings(max_examples=150, deadline=None)
@given(body=prose | words, published=st.none() | st.dates(min_value=dt.date(1990, 1, 1)))
def test_every_step_of_suggest_answers_on_any_article(small_dossier: Path, body: str, published) -> None:
    """Suggestions and candidates for an article holding any text at all: a list, never an exception."""
    from dossier.authoring.suggesting.known import candidates_of
    from dossier.authoring.suggesting.suggest import Dossier, suggest_file

    front = f"---\ntitle: Irgendwas\nlanguage: de\n{f'published: {published}' if published else ''}\n---\n"
    article = small_dossier / "content/articles/any.md"
    article.write_text(front + body + "\n", encoding="utf-8")
    dossier = Dossier.load(small_dossier)
    for suggestion in suggest_file(dossier, article):
        assert suggestion.to_json()["kind"] in ("entity", "figure", "event")
    for candidate in candidates_of(small_dossier, frozenset(), article):
        assert candidate.to_json()["kind"] == "candidate"
