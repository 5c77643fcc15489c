"""`python build.py suggest`: the readers of names, numbers and dates, and applying what they find."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run

from dossier.authoring.applying.rewrite import write
from dossier.authoring.suggesting.datephrases import find_dates
from dossier.authoring.suggesting.mentions import MentionMatcher
from dossier.authoring.suggesting.numbers import find_numbers
from dossier.authoring.suggesting.scan import scan
from dossier.authoring.suggesting.suggest import Dossier, suggest_file
from dossier.cli import main
from dossier.syntax.names import name_key

sys.path.insert(0, str(REPO / "benchmarks"))
from suggest import strip_dossier

NUMBERS = [
    ("de", "24.871 Mitarbeiter", "24.871", "24871", None),
    ("en", "24,871 employees", "24,871", "24871", None),
    ("de", "13,5 Prozent", "13,5 Prozent", "13.5", "%"),
    ("en", "13.5 percent", "13.5 percent", "13.5", "%"),
    ("de", "mit 2.500 Ingenieuren", "2.500", "2500", None),
    ("de", "rund 40 Milliarden Yuan", "rund 40 Milliarden Yuan", "~40 bn", "CNY"),
    ("de", "etwa 28,4 Milliarden US-Dollar", "etwa 28,4 Milliarden US-Dollar", "~28.4 bn", "USD"),
    ("de", "über 13,5 Mrd. Euro", "über 13,5 Mrd. Euro", ">13.5 bn", "EUR"),
    ("de", "mehr als 2.500 Ingenieure", "mehr als 2.500", ">2500", None),
    ("en", "about 10 million users", "about 10 million", "~10 m", None),
    ("en", "around RMB 40 billion", "around RMB 40 billion", "~40 bn", "CNY"),
    ("en", "more than 300 thousand cars", "more than 300 thousand", ">300 k", None),
    ("en", "~$28.4B", "~$28.4B", "~28.4 bn", "USD"),
    ("de", "32–33 Milliarden Yuan", "32–33 Milliarden Yuan", "32..33 bn", "CNY"),
    ("de", "~4,5–4,7 Mrd. USD", "~4,5–4,7 Mrd. USD", "~4.5..4.7 bn", "USD"),
    ("en", "between RMB 32 billion and RMB 33 billion", None, "32..33 bn", "CNY"),
    ("en", "CNY 5 bn", "CNY 5 bn", "5 bn", "CNY"),
    ("de", "3 Millionen Euro", "3 Millionen Euro", "3 m", "EUR"),
    ("de", "12 Mio. €", "12 Mio. €", "12 m", "EUR"),
    ("de", "5 Tausend Stück", "5 Tausend", "5 k", None),
    ("en", "USD 7 bn", "USD 7 bn", "7 bn", "USD"),
    ("en", "€12 mn", "€12 mn", "12 m", "EUR"),
    ("de", "5,3 %", "5,3 %", "5.3", "%"),
    ("de", "rund sieben Milliarden Parameter", "rund sieben Milliarden", "~7 bn", None),
    ("de", "elf Prozent der Anteile", "elf Prozent", "11", "%"),
]


@pytest.mark.parametrize(("language", "text", "shown", "value", "unit"), NUMBERS)
def test_number_phrases(language: str, text: str, shown: str | None, value: str, unit: str | None) -> None:
    (phrase,) = find_numbers(text, language)
    assert text[phrase.start : phrase.end] == (shown or text)
    assert (phrase.value, phrase.unit) == (value, unit)


@pytest.mark.parametrize("text", ["im Jahr 2025 war", "Q3 und 5 Autos", "eine Frau", "Modell o1-mini"])
def test_no_number_phrase(text: str) -> None:
    assert find_numbers(text, "de") == []


PUBLISHED = dt.date(2025, 12, 18)  # a Thursday
NEW_YEAR = dt.date(2026, 1, 2)  # a Friday
DATES = [
    ("am 17. Dezember", PUBLISHED, "17. Dezember", "2025-12-17"),
    ("am 17. Dezember", None, "17. Dezember", "XXXX-12-17"),
    ("17 December 2025", None, "17 December 2025", "2025-12-17"),
    ("on December 17, 2025", None, "December 17, 2025", "2025-12-17"),
    ("Ende 2024", None, "Ende 2024", "2024-Q4~"),
    ("late 2024", None, "late 2024", "2024-Q4~"),
    ("im Sommer", PUBLISHED, "Sommer", "2025-22"),
    ("im Sommer", None, "Sommer", None),
    ("in Q3", PUBLISHED, "Q3", "2025-Q3"),
    ("im dritten Quartal 2024", None, "dritten Quartal 2024", "2024-Q3"),
    ("in the first half of 2025", None, "first half of 2025", "2025-H1"),
    ("zwischen 2021 und 2025", None, "zwischen 2021 und 2025", "2021/2025"),
    ("between 2021 and 2025", None, "between 2021 and 2025", "2021/2025"),
    ("next year", PUBLISHED, "next year", "2026"),
    ("next year", None, "next year", None),
    ("im nächsten Jahr", PUBLISHED, "nächsten Jahr", "2026"),
    ("in den nächsten fünf Jahren", PUBLISHED, "nächsten fünf Jahren", "2026/2030"),
    ("im April 2025", None, "April 2025", "2025-04"),
    ("für 2026", None, "2026", "2026"),
    ("seit der Bahnreform von 1994", None, "1994", "1994"),
    # Weekdays: the latest on or before the article's date, the article's own day included.
    ("am Dienstag", PUBLISHED, "Dienstag", "2025-12-16"),
    ("on Thursday", PUBLISHED, "Thursday", "2025-12-18"),
    ("late Thursday", PUBLISHED, "Thursday", "2025-12-18"),
    ("am Freitag", PUBLISHED, "Freitag", "2025-12-12"),
    ("on Monday", NEW_YEAR, "Monday", "2025-12-29"),  # across the turn of the year
    ("am Mittwoch", NEW_YEAR, "Mittwoch", "2025-12-31"),
    ("next Monday", NEW_YEAR, "next Monday", "2026-01-05"),
    ("am kommenden Freitag", NEW_YEAR, "kommenden Freitag", "2026-01-09"),
    ("last Friday", NEW_YEAR, "last Friday", "2025-12-26"),
    ("He will speak on Tuesday.", PUBLISHED, "Tuesday", "2025-12-23"),  # a sentence about the future
    ("Die Konferenz soll am Montag beginnen.", NEW_YEAR, "Montag", "2026-01-05"),
    ("am Donnerstag vergangener Woche", PUBLISHED, "Donnerstag vergangener Woche", "2025-12-11"),
    ("Am Sonntag, 9. Dezember", PUBLISHED, "Sonntag, 9. Dezember", "2025-12-09"),
    ("on Friday", None, "Friday", None),
    # Weeks, months, days and parts of years counted from the article's date.
    ("last week", PUBLISHED, "last week", "2025-12-08/2025-12-14"),
    ("vergangene Woche", NEW_YEAR, "vergangene Woche", "2025-12-22/2025-12-28"),
    ("this week", PUBLISHED, "this week", "2025-12-15/2025-12-21"),
    ("nächste Woche", PUBLISHED, "nächste Woche", "2025-12-22/2025-12-28"),
    ("next month", PUBLISHED, "next month", "2026-01"),
    ("im vergangenen Monat", NEW_YEAR, "vergangenen Monat", "2025-12"),
    ("earlier this month", PUBLISHED, "earlier this month", "2025-12"),
    ("this year", NEW_YEAR, "this year", "2026"),
    ("last year", NEW_YEAR, "last year", "2025"),
    ("yesterday", NEW_YEAR, "yesterday", "2026-01-01"),
    ("gestern", PUBLISHED, "gestern", "2025-12-17"),
    ("early next year", PUBLISHED, "early next year", "2026-Q1~"),
    ("Ende des Jahres", PUBLISHED, "Ende des Jahres", "2025-Q4~"),
    ("Anfang nächsten Jahres", PUBLISHED, "Anfang nächsten Jahres", "2026-Q1~"),
    # A day without a year: the one nearest the article's date.
    ("at the Oscars on Feb. 9", dt.date(2020, 1, 20), "Feb. 9", "2020-02-09"),
    ("am 9. Februar", dt.date(2020, 1, 20), "9. Februar", "2020-02-09"),
    ("on December 30", NEW_YEAR, "December 30", "2025-12-30"),
    ("am 3. Januar", PUBLISHED, "3. Januar", "2026-01-03"),
]


@pytest.mark.parametrize(("text", "published", "shown", "date"), DATES)
def test_date_phrases(text: str, published: dt.date | None, shown: str, date: str | None) -> None:
    (phrase,) = find_dates(text, published)
    assert (text[phrase.start : phrase.end], phrase.date) == (shown, date)


@pytest.mark.parametrize(
    "text", ["Die Firma", "200 Milliarden Yuan", "am Tag der Ankündigung", "am Morgen", "Jun Lei"]
)
def test_no_date_phrase(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


MATCHER = MentionMatcher(
    [("Xiaomi", "xiaomi"), ("Xring", "xring"), ("Baidu", "baidu"), ("Human Car Home", "hch"),
     ("Human Car Home Ecosystem Partner Conference 2025", "hche"), ("Lu Weibing", "lu"), ("Mercedes", "mb")]
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Xiaomis Plan", [("Xiaomis", "xiaomi")]),
        ("Xiaomi's plan", [("Xiaomi's", "xiaomi")]),
        ("Xiaomi’s plan", [("Xiaomi’s", "xiaomi")]),
        ("das Xring‑Chipprojekt", [("Xring", "xring")]),
        ("das Xring-Chipprojekt und Xring–Team", [("Xring", "xring"), ("Xring", "xring")]),
        ("die Baiduzentrale und XBaidu", []),
        ("auf der Human Car Home Ecosystem Partner Conference 2025 und Human Car Home", [
            ("Human Car Home Ecosystem Partner Conference 2025", "hche"), ("Human Car Home", "hch")]),
        ("Mercedes' Plan", [("Mercedes'", "mb")]),
        ("sagte Lu Weibing.", [("Lu Weibing", "lu")]),
    ],
)  # fmt: skip
def test_names_and_their_inflections(text: str, found: list[tuple[str, str]]) -> None:
    got = [(text[u.start : u.end], "/".join(sorted(u.spelling.slugs))) for u in MATCHER.find(text)]
    assert got == found


def _dossier(tmp_path: Path, body: str, entities: dict[str, str] | None = None) -> Path:
    root = tmp_path / "d"
    shutil.copytree(REPO / "tests/invalid/_base", root)
    for slug, front in (entities or {}).items():
        (root / f"content/entities/{slug}.md").write_text(f"---\n{front}\n---\n")
    (root / "content/articles/third.md").write_text(f"---\ntitle: Third\nlanguage: en\n---\n{body}")
    return root


def _suggest(root: Path) -> list:
    return suggest_file(Dossier.load(root), root / "content/articles/third.md")


def test_places_never_touched(tmp_path: Path) -> None:
    body = (
        "ACME in prose. `ACME in code` and [ACME in a link](https://example.org) and [[ACME]] and\n"
        '[ACME said]{event=pledge-day} and <b title="ACME">x</b>.\n\n```\nACME fenced\n```\n'
    )
    root = _dossier(tmp_path, body)
    found = [(s.text, s.line, s.column) for s in _suggest(root) if s.kind == "entity"]
    assert found == [("ACME", 5, 1)]  # line 5: the body's first line; the front matter is never read


def test_a_name_two_entities_share_is_ambiguous_and_never_written(tmp_path: Path, capsys) -> None:
    root = _dossier(tmp_path, "Mercury rose, and Jane Roe too.\n", {
        "mercury-a": "name: Mercury\ntype: organization",
        "mercury-b": "name: Mercury Planet\ntype: place\naliases: [Mercury]",
    })  # fmt: skip
    suggestions = _suggest(root)
    mercury = next(s for s in suggestions if s.text == "Mercury")
    assert mercury.target is None and mercury.reason == "ambiguous: names mercury-a, mercury-b"
    assert main(["suggest", "--write", "--root", str(root)]) == 0
    text = (root / "content/articles/third.md").read_text()
    assert "Mercury rose, and [[Jane Roe]] too." in text


def test_json_output(tmp_path: Path, capsys) -> None:
    root = _dossier(tmp_path, "ACME spent 200 bn yuan on 30 April 2025.\n")
    capsys.readouterr()
    assert (
        main(["suggest", "--format", "json", "--root", str(root), str(root / "content/articles/third.md")])
        == 0
    )
    items = json.loads(capsys.readouterr().out)
    assert [(i["kind"], i["text"], i["target"]) for i in items] == [
        ("entity", "ACME", "acme"),
        ("figure", "200 bn yuan", "pledge"),
        ("event", "30 April 2025", "pledge-day"),
    ]
    figure = items[1]
    assert (figure["line"], figure["column"], figure["end_line"], figure["end_column"]) == (5, 12, 5, 23)
    assert figure["annotation"] == '[200 bn yuan]{fig=pledge value="200 bn"}'
    assert (figure["value"], figure["unit"], figure["date"]) == ("200 bn", "CNY", None)
    assert set(items[0]) == {
        "id", "path", "line", "column", "end_line", "end_column", "kind", "text", "annotation", "target",
        "value", "unit", "date", "reason", "proposal",
    }  # fmt: skip
    assert len({item["id"] for item in items}) == 3 and items[0]["proposal"] is None


def test_write_is_atomic_idempotent_and_the_dossier_checks(tmp_path: Path, capsys) -> None:
    root = _dossier(tmp_path, "ACME's chief Jane Roe spoke. ACME spent 200 bn yuan on 30 April 2025.\n")
    article = root / "content/articles/third.md"
    before = article.read_bytes()
    assert main(["suggest", "--write", "--kinds", "entity,figure,event", "--root", str(root)]) == 0
    after = article.read_text()
    assert after.endswith(
        '[[ACME|ACME\'s]] chief [[Jane Roe]] spoke. [[ACME]] spent [200 bn yuan]{fig=pledge value="200 bn"} '
        "on [30 April 2025]{event=pledge-day}.\n"
    )
    assert after.startswith(before.decode().split("ACME's")[0])  # the front matter, byte for byte
    assert [p.name for p in article.parent.iterdir() if p.name.startswith(".")] == []
    assert main(["suggest", "--write", "--kinds", "entity,figure,event", "--root", str(root)]) == 0
    assert article.read_text() == after  # a second write changes nothing
    assert run(root, "check", capsys=capsys)[0] == 0


def test_write_without_kinds_applies_only_mentions_and_diff_shows_them(tmp_path: Path, capsys) -> None:
    root = _dossier(tmp_path, "ACME spent 200 bn yuan.\n")
    capsys.readouterr()
    assert main(["suggest", "--diff", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "-ACME spent 200 bn yuan.\n+[[ACME]] spent 200 bn yuan.\n" in out
    assert (root / "content/articles/third.md").read_text().endswith("\nACME spent 200 bn yuan.\n")
    assert main(["suggest", "--write", "--root", str(root)]) == 0
    assert (root / "content/articles/third.md").read_text().endswith("\n[[ACME]] spent 200 bn yuan.\n")


def test_a_file_changed_since_it_was_read_or_with_errors_is_left_alone(tmp_path: Path, capsys) -> None:
    root = _dossier(tmp_path, "ACME spoke.\n")
    article = root / "content/articles/third.md"
    suggestions = _suggest(root)
    read = article.read_text()
    article.write_text(read.replace("spoke", "spoke again"))  # the editor saved in between
    result = write(root, "content/articles/third.md", read, suggestions)
    assert result.problem == "changed on disk since it was read; run suggest again"
    assert article.read_text().endswith("ACME spoke again.\n")
    article.write_text(read.replace("spoke.", "spoke [badly]{fig=pledge}."))  # no value: an error
    capsys.readouterr()
    assert main(["suggest", "--write", "--root", str(root)]) == 1
    assert "content/articles/third.md: not written: has content errors" in capsys.readouterr().err
    assert article.read_text().endswith("ACME spoke [badly]{fig=pledge}.\n")


def _mentions_per_entity(root: Path) -> Counter[str]:
    """What the entity pages list: resolved mentions in articles and entity descriptions."""
    slugs = {}
    for file in (root / "content/entities").glob("*.md"):
        text = file.read_text()
        slugs[name_key(file.stem)] = file.stem
        for line in text.split("---")[1].splitlines():
            if line.startswith("name:"):
                slugs[name_key(line[5:].strip())] = file.stem
            if line.startswith("aliases:"):
                for alias in line[8:].strip(" []").split(","):
                    slugs[name_key(alias.strip())] = file.stem
    counts: Counter[str] = Counter()
    for folder in ("content/articles", "content/entities"):
        for file in (root / folder).glob("*.md"):
            for found in scan(file.read_text()).found:
                if found.kind == "mention" and name_key(found.target) in slugs:
                    counts[slugs[name_key(found.target)]] += 1
    return counts


def test_write_on_the_stripped_dossier_restores_the_entity_pages(tmp_path: Path, capsys) -> None:
    copy = tmp_path / "stripped"
    strip_dossier(REPO, copy)
    before = _mentions_per_entity(REPO)
    assert sum(_mentions_per_entity(copy).values()) == 0
    assert main(["suggest", "--write", "--root", str(copy)]) == 0
    after = _mentions_per_entity(copy)
    listed = sum(min(after[slug], count) for slug, count in before.items())
    assert listed >= 0.95 * sum(before.values())
    assert run(copy, "check", capsys=capsys)[0] == 0


def _entity_names(root: Path) -> dict[str, str]:
    names = {}
    for file in (root / "content/entities").glob("*.md"):
        front = yaml.safe_load(file.read_text().split("---")[1])
        for spelling in [front["name"], *(front.get("aliases") or [])]:
            names[name_key(spelling)] = file.stem
    return names


def test_candidates_from_the_four_seeds_name_most_of_the_dossiers_entities(tmp_path: Path, capsys) -> None:
    root = tmp_path / "fresh"
    assert main(["new", str(root)]) == 0
    (root / "content/articles/example-article.md").unlink()
    assert main(["add", str(REPO / "tests/seeds"), "--root", str(root)]) == 0
    capsys.readouterr()
    assert main(["suggest", "--format", "json", "--kinds", "candidate", "--root", str(root)]) == 0
    candidates = json.loads(capsys.readouterr().out)
    assert all(c["kind"] == "candidate" for c in candidates)
    mimo = _entity_names(REPO)
    named = {
        mimo[name_key(spelling)]
        for c in candidates[:40]
        for spelling in [c["proposal"]["name"], *c["proposal"]["aliases"]]
        if name_key(spelling) in mimo
    }
    assert len(named) >= 19, sorted(named)
    first = candidates[0]
    assert (first["proposal"]["name"], len(first["sources"])) == ("Xiaomi", 4)
    lu = next(c for c in candidates if c["proposal"]["name"] == "Lu Weibing")
    assert lu["type"] == "person"
    alibaba = next(c for c in candidates if c["proposal"]["name"] == "Alibaba")
    assert "Alibabas" in alibaba["aliases"]
    for word in ("Grafikprozessoren", "Forschung", "Künstliche Intelligenz", "Der"):
        assert word not in {
            c["proposal"]["name"] for c in candidates
        }  # compounds, vocabulary, sentence starts

    assert main(["suggest", "--accept", "Alibaba", "--accept", "Lu Weibing", "--root", str(root)]) == 0
    entity = yaml.safe_load((root / "content/entities/alibaba.md").read_text().split("---")[1])
    assert entity["name"] == "Alibaba" and "Alibabas" in entity["aliases"]
    assert main(["suggest", "--accept", "Alibaba", "--root", str(root)]) == 1
    assert "Alibaba: error: an entity already has this name" in capsys.readouterr().err
    assert main(["suggest", "--write", "--root", str(root)]) == 0
    texts = "".join(p.read_text() for p in (root / "content/articles").glob("*.md"))
    assert "[[Alibabas]] QwQ-32B" in texts and "[[Alibaba]]. Dieser" in texts and "[[Lu Weibing]]" in texts


def test_write_creates_a_new_figure_with_its_registry_entry_when_asked(tmp_path: Path, capsys) -> None:
    root = _dossier(tmp_path, "ACME had 24,871 R&D employees in 2025.\n")
    figures = (root / "content/figures.yaml").read_text()
    assert main(["suggest", "--write", "--root", str(root)]) == 0  # without --kinds: mentions only
    assert "{fig=" not in (root / "content/articles/third.md").read_text()
    assert main(["suggest", "--write", "--kinds", "figure", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "content/figures.yaml: 1 entry added" in out
    assert '[24,871]{fig=rd-employees value="24871"}' in (root / "content/articles/third.md").read_text()
    after = (root / "content/figures.yaml").read_text()
    assert after.startswith(figures) and after.endswith(
        "rd-employees:\n  label: R&D employees\n  unit: employees\n"
    )
    assert main(["check", "--root", str(root), "--quiet"]) == 0
    assert main(["suggest", "--write", "--kinds", "figure", "--root", str(root)]) == 0  # idempotent
    assert (root / "content/figures.yaml").read_text() == after


def test_an_undated_article_counts_relative_dates_from_the_day_it_reports_on(tmp_path: Path) -> None:
    """An article that states no date, naming a conference (an entity of type event) that one
    dated event of the registry names: `next year` counts from that day, and says so."""
    conference = "name: Harbour Summit 2031\ntype: event\naliases: [Harbour Summit]"
    root = _dossier(tmp_path, "At the Harbour Summit, ACME said it will double its budget next year.\n",
                    {"harbour-summit": conference})  # fmt: skip
    events = root / "content/events.yaml"
    events.write_text(
        events.read_text()
        + "summit-day:\n  date: 2031-11-04\n  title: The Harbour Summit\n  entities: [Harbour Summit 2031]\n"
        + "budget-2032:\n  date: 2032\n  title: ACME doubles its budget\n"
    )
    (found,) = [s for s in _suggest(root) if s.kind == "event"]
    assert found.text == "next year" and found.target == "budget-2032"
    assert "counted from that of Harbour Summit 2031" in found.reason
    # Named beside a second conference on another day, the article has no day to count from.
    other = "name: Delta Forum\ntype: event"
    (root / "content/entities/delta-forum.md").write_text(f"---\n{other}\n---\n")
    forum = "forum-day:\n  date: 2031-05-02\n  title: Forum\n  entities: [Delta Forum]\n"
    events.write_text(events.read_text() + forum)
    body = "At the Harbour Summit and the Delta Forum, ACME said next year.\n"
    (root / "content/articles/third.md").write_text(f"---\ntitle: Third\nlanguage: en\n---\n{body}")
    (found,) = [s for s in _suggest(root) if s.kind == "event"]
    assert found.target is None and found.date is None
