"""The events as iCalendar and as TimelineJS data, and the article side list's stated values."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import icalendar
from conftest import MINIMAL, REPO, run

from dossier.reading.registries import load_events
from dossier.syntax.dates import DAY, MONTH, YEAR

EVENTS, _ = load_events(REPO)


def test_every_event_is_in_the_calendar_at_its_precision(real_site: Path) -> None:
    calendar = icalendar.Calendar.from_ical((real_site / "data/events.ics").read_bytes())
    found = {str(v["uid"]).split("@")[0]: v for v in calendar.walk("VEVENT")}
    assert set(found) == {e.key for e in EVENTS}
    for event in EVENTS:
        entry = found[event.key]
        assert str(entry["summary"]) == event.title
        assert entry.decoded("dtstart") == event.date.earliest
        assert entry.decoded("dtend") == event.date.latest + dt.timedelta(days=1)  # exclusive end
        assert f"Date as the sources give it: {event.date.display()}." in str(entry["description"])
    release = found["mimo-7b-release"]
    assert (release.decoded("dtstart"), release.decoded("dtend")) == (
        dt.date(2025, 4, 30),
        dt.date(2025, 5, 1),
    )


def test_every_event_is_in_timelinejs_data_at_its_precision(real_site: Path) -> None:
    data = json.loads((real_site / "data/timeline.json").read_text())
    found = {e["unique_id"]: e for e in data["events"]}
    assert set(found) == {e.key for e in EVENTS}
    for event in EVENTS:
        entry = found[event.key]
        start, precision = entry["start_date"], event.date.precision
        assert start["year"] == event.date.earliest.year
        assert ("month" in start) == (precision > YEAR)
        assert ("day" in start) == (precision == DAY)
        assert entry["display_date"] == event.date.display()
        assert entry["text"]["headline"] == event.title
        spans = event.date.is_interval or precision not in (DAY, MONTH, YEAR)
        assert ("end_date" in entry) == spans
    assert found["hche-conference-2025"]["start_date"] == {"year": 2025, "month": 12, "day": 17}
    assert found["rd-headcount-record"]["end_date"] == {"year": 2025, "month": 9}  # Q3: July to September


def test_a_value_stated_twice_is_listed_once_with_its_count(make_dossier, capsys) -> None:
    first = textwrap.dedent(MINIMAL["content/articles/first.md"])
    again = first + '\nOnce more: [200 billion yuan]{fig=pledge value="200 bn"}.\n'
    root = make_dossier({"content/articles/first.md": again})
    assert run(root, "--no-search", capsys=capsys)[0] == 0
    page = (root / "site/articles/first/index.html").read_text()
    assert 'Five-year pledge</a>: CNY 200 bn <span class="count">(2 times)</span>, USD 28 bn</li>' in page
