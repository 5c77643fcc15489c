"""Date phrases in German and English prose, read into EDTF at the precision they state.

`17. Dezember 2025` → `2025-12-17`; `Ende 2024` → `2024-Q4~`; `Sommer 2025` → `2025-22`; `Q3` →
`2025-Q3` in an article published in 2025; `zwischen 2021 und 2025` → `2021/2025`. Phrases relative
to the article's `published` date resolve against it at the precision they state: `next year` →
the year after; `am Dienstag`, `on Thursday`, `am Mittwochabend` → the latest such day on or before
it (the next one when the phrase says `next` or `kommenden`, follows a word that points ahead such
as `ab`, `bis`, `from`, `until` or `by`, or its sentence speaks of the future; never after `seit` or
`since`); `last week` → that week's Monday to Sunday; `next month` → that month; `yesterday` → that
day; `vor drei Jahren`, `ten years ago`, `a year earlier` → that year; `vor einem Monat`, `the
following month` → that month; `in zwei Wochen` → that week; `vor drei Tagen` → that day; `early
next year` → its first quarter, approximate; `Feb. 9` without a year → the 9 February nearest to
it. Without an article date a relative phrase has no date (None), and the reason says why. A
phrase's span holds the date words, not the preposition before them (`1994`, not `von 1994`),
except where the preposition is what counts (`vor drei Jahren`, `in zwei Wochen`).

Measured against the annotated dossier, a set of patterns for the phrases news copy uses did better
than `dateparser.search_dates`, which takes "Die" for a date in German prose and cuts "am 17.
Dezember" to "am 17".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10,
    "december": 12, "jan.": 1, "feb.": 2, "aug.": 8, "sept.": 9, "sep.": 9, "okt.": 10, "oct.": 10,
    "nov.": 11, "dez.": 12, "dec.": 12,
}  # fmt: skip
SEASONS = {"frühling": 21, "frühjahr": 21, "sommer": 22, "herbst": 23, "winter": 24,
           "spring": 21, "summer": 22, "autumn": 23, "fall": 23}  # fmt: skip
WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
    "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
WEEKS = {  # the week relative to the article's: -1 the last, 0 this, 1 the next
    "last week": -1, "the previous week": -1, "vergangene woche": -1, "vergangener woche": -1,
    "vergangenen woche": -1, "letzte woche": -1, "letzter woche": -1, "letzten woche": -1,
    "vorige woche": -1, "voriger woche": -1, "vorigen woche": -1, "vorwoche": -1, "this week": 0,
    "diese woche": 0, "dieser woche": 0, "next week": 1, "nächste woche": 1, "nächster woche": 1,
    "nächsten woche": 1, "kommende woche": 1, "kommender woche": 1, "kommenden woche": 1,
}  # fmt: skip
MONTHS_RELATIVE = {
    "last month": -1, "the previous month": -1, "earlier this month": 0, "later this month": 0,
    "this month": 0, "next month": 1, "vergangenen monat": -1, "letzten monat": -1, "vorigen monat": -1,
    "vormonat": -1, "diesen monat": 0, "dieses monats": 0, "diesem monat": 0, "nächsten monat": 1,
    "kommenden monat": 1, "nächsten monats": 1,
}  # fmt: skip
YEARS_RELATIVE = {
    "next year": 1, "this year": 0, "last year": -1, "the year": 0, "nächsten jahr": 1, "kommenden jahr": 1,
    "nächstes jahr": 1, "nächsten jahres": 1, "kommenden jahres": 1, "diesem jahr": 0, "dieses jahr": 0,
    "dieses jahres": 0, "des jahres": 0, "letzten jahr": -1, "vergangenen jahr": -1, "vorigen jahr": -1,
    "letzten jahres": -1, "vergangenen jahres": -1, "vorjahr": -1,
}  # fmt: skip
DAYS_RELATIVE = {
    "yesterday": -1, "gestern": -1, "vorgestern": -2, "tomorrow": 1, "morgen": 1, "übermorgen": 2,
}  # fmt: skip
FORWARD = ("next", "coming", "nächsten", "kommenden")
BACK = ("last", "past", "letzten", "vergangenen", "vorigen")
# Words that put a sentence in the future: a bare weekday in it is the next such day.
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|is to|are to|plans? to|is set to|are set to|is due|are due|is expected to|"
    r"are expected to|scheduled|is going to|are going to|upcoming|soll|sollen|plant|geplant|wird|werden|"
    r"bevorstehend\w*)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:said|told|announced|was|were|had|did|\w{3,}ed|sagte|sagten|erklärte|teilte|hatte|hatten|war|"
    r"waren|wurde|wurden|gab|kam|ging|\w{4,}(?:igte|ierte|elte|erte|ndete|ahlte|ellte|ckte|ahm|ief))\b",
    re.I,
)
ORDINALS = {"erste": 1, "ersten": 1, "zweite": 2, "zweiten": 2, "dritten": 3, "vierten": 4,
            "first": 1, "second": 2, "third": 3, "fourth": 4}  # fmt: skip
NUMBER_WORDS = {
    "ein": 1, "einem": 1, "einer": 1, "eines": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15,
    "zwanzig": 20, "dreißig": 30, "fünfzig": 50, "hundert": 100, "a": 1, "an": 1, "one": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "a hundred": 100,
}  # fmt: skip
# Counts a text may give without saying how many: the phrase is a date, but not one to be resolved.
SOME = ("einigen", "mehreren", "wenigen", "ein paar", "several", "a few", "some", "many", "vielen")
# The unit of a count of time, in every form the phrases use, and what it counts.
TIME_UNITS = {
    "jahren": "year", "jahre": "year", "jahr": "year", "jahrzehnten": "decade", "jahrzehnte": "decade",
    "monaten": "month", "monate": "month", "monat": "month", "wochen": "week", "woche": "week",
    "tagen": "day", "tage": "day", "tag": "day", "years": "year", "year": "year", "decades": "decade",
    "decade": "decade", "months": "month", "month": "month", "weeks": "week", "week": "week", "days": "day",
    "day": "day",
}  # fmt: skip
# The words after a count of time that say which way it counts (`ago`, `später`); not `before` or
# `after`, which count from another event (`two days before the vote`).
COUNT_WAYS = (
    "ago", "earlier", "later", "afterwards", "zuvor", "davor", "früher", "später", "danach",
)  # fmt: skip
# A part of the day joined to a German weekday (`Mittwochabend`, `Freitagmorgen`).
DAY_PARTS = ("morgen", "früh", "vormittag", "mittag", "nachmittag", "abend", "nacht")
# Words before a weekday that point ahead (`ab Montag`, `bis Freitag`, `until Friday`), or back.
_AHEAD_BEFORE = re.compile(
    r"(?<![\w])(?:ab|bis|bis\s+zum|bis\s+spätestens|spätestens|from|until|till|by|as\s+of|starting)"
    r"\s+(?:(?:dem|den|the|this|am|on)\s+)?$",
    re.I,
)
_BACK_BEFORE = re.compile(r"(?<![\w])(?:seit|since|vom|zuletzt)\s+(?:(?:dem|den|the|am|on)\s+)?$", re.I)
EDGES = {  # part of a year → (EDTF suffix, approximate)
    "ende": "-Q4", "end of": "-Q4", "late": "-Q4", "anfang": "-Q1", "beginning of": "-Q1", "early": "-Q1",
    "mitte": "-06", "mid": "-06", "mid-": "-06",
}  # fmt: skip


def _words(table) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(table, key=len, reverse=True))


_Y = r"(?:1[89]|20)\d\d"  # a year of news copy
_YEAR = rf"(?P<year>{_Y})"
_MONTH = rf"(?P<month>{_words(MONTHS)})"
# A weekday named before a day (`Freitag, 16. November`) belongs to its phrase; found by looking back
# from the day, as a pattern that began with it could not skip ahead to the digits it needs.
_WEEKDAY_BEFORE = re.compile(rf"(?:{_words(WEEKDAYS)}),?\s+(?:(?:dem|den|the)\s+)?$")
_COUNTED = rf"(?P<count>{_words(NUMBER_WORDS)}|{_words(SOME)}|\d{{1,3}})\s+(?P<unit>{_words(TIME_UNITS)})"
_AMOUNTS_AFTER = r"(?!\s*(?:Milliarden|Mrd|billion|%|Prozent))"  # "2025 Milliarden" is no year
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("interval", re.compile(
        rf"(?:zwischen|between|von|from)\s+(?P<first>{_Y})\s*(?:und|and|bis|to|–|-)\s*"
        rf"(?P<last>{_Y})(?!\d)", re.I)),
    ("span", re.compile(rf"(?P<first>{_Y})\s*[–/]\s*(?P<last>{_Y})(?!\d)")),
    ("day", re.compile(rf"(?P<day>[0-3]?\d)\.?\s+{_MONTH}(?![\w])(?:\s+{_YEAR})?", re.I)),
    ("day", re.compile(
        rf"{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?(?!\d)", re.I)),
    ("month", re.compile(rf"{_MONTH}\s+{_YEAR}(?!\d)", re.I)),
    ("month-alone", re.compile(  # `im Juli`: the span is the month alone
        rf"(?:\b(?:im|in|by|until|since|seit|bis|ab|from|vom|anfang|ende|mitte|early|late|mid-?)\s+)"
        rf"(?P<date>{_MONTH})(?![\w])(?!\.?\s*\d)", re.I)),
    ("quarter", re.compile(
        rf"(?:Q(?P<q>[1-4])|(?P<qword>{_words(ORDINALS)})\s+(?:Quartal|quarter))"
        rf"(?:\s+(?:of\s+|des\s+Jahres\s+)?{_YEAR})?(?![\w])", re.I)),
    ("half", re.compile(
        rf"(?:H(?P<h>[12])|(?:(?P<hword>erste|ersten|zweite|zweiten|first|second)\s+"
        rf"(?:Jahreshälfte|Halbjahr|half)))(?:\s+(?:of\s+)?{_YEAR})?(?![\w])", re.I)),
    ("season", re.compile(rf"(?P<season>{_words(SEASONS)})(?:\s+{_YEAR})?(?![\w])", re.I)),
    ("edge", re.compile(rf"(?P<edge>{_words(EDGES)})\s*{_YEAR}(?![\w])", re.I)),
    ("relative", re.compile(
        r"(?P<rel>nächsten|kommenden|next|coming|"
        r"letzten|vergangenen|past|last)\s+(?P<count>\w+)\s+(?:Jahren|years)(?![\w])", re.I)),
    # Counting back or forth from the article's date: `vor drei Jahren`, `in zwei Wochen`, `ten years
    # ago`, `a year earlier`, `zwei Monate später`; the span holds the whole phrase.
    ("count", re.compile(rf"(?<![\w])(?P<way>vor|in)\s+{_COUNTED}(?![\w])", re.I)),
    ("count-ago", re.compile(
        rf"(?<![\w]){_COUNTED}\s+(?P<way>{_words(COUNT_WAYS)})(?![\w])"
        r"(?!\s+(?:this|that|last|next|in|on|diese[nmrs]?|im|am)\b)", re.I)),  # not `earlier this month`
    ("following", re.compile(
        r"(?<![\w])(?:the\s+)?(?P<way>following|previous|preceding)\s+(?P<unit>year|month|day)(?![\w])"
        r"|(?<![\w])(?:im|am|in\s+der)\s+(?P<dway>folgenden|darauffolgenden|darauf\s+folgenden|"
        r"vorangegangenen|vorherigen)\s+(?P<dunit>Jahr|Monat|Tag|Woche)(?![\w])", re.I)),
    ("relative-edge", re.compile(
        rf"(?P<edge>{_words(EDGES)})\s*(?:des\s+|of\s+)?(?P<which>{_words(YEARS_RELATIVE)})(?![\w])", re.I)),
    ("relative-year", re.compile(
        r"(?P<which>nächsten Jahr|kommenden Jahr|nächstes Jahr|next year|diesem Jahr|"
        r"dieses Jahr|this year|letzten Jahr|vergangenen Jahr|last year|vorigen Jahr)(?![\w])", re.I)),
    ("weekday", re.compile(
        rf"(?:(?P<wrel>{_words(FORWARD + BACK)}|this|diesen)\s+)?(?P<weekday>{_words(WEEKDAYS)})"
        rf"(?P<part>{_words(DAY_PARTS)})?s?"
        rf"(?:\s+(?P<wweek>{_words(WEEKS)}))?(?![\w])", re.I)),
    ("week", re.compile(rf"(?P<week>{_words(WEEKS)})(?![\w])", re.I)),
    ("relative-month", re.compile(rf"(?P<rmonth>{_words(MONTHS_RELATIVE)})(?![\w])", re.I)),
    ("relative-day", re.compile(rf"(?<![\w])(?P<rday>{_words(DAYS_RELATIVE)})(?![\w])", re.I)),
    ("year", re.compile(
        rf"{_YEAR}(?![\d\w.,]\d)(?![a-z]){_AMOUNTS_AFTER}", re.I)),
]  # fmt: skip


@dataclass(frozen=True)
class DatePhrase:
    start: int
    end: int
    date: str | None  # EDTF, or None where it is relative to a date the article does not state
    reason: str


# The patterns run case-sensitively over lower-cased text: Python's regular expressions skip ahead to
# the possible first characters of a pattern only when it is case-sensitive (about six times faster).
# Words one of which a pattern's phrase must hold: a pattern whose words a text lacks is not run.
_NEEDS = {
    "interval": ("zwischen", "between", "von", "from"),
    "quarter": ("q1", "q2", "q3", "q4", "quartal", "quarter"),
    "half": ("h1", "h2", "hälfte", "halbjahr", "half"),
    "season": tuple(SEASONS),
    "edge": tuple(EDGES),
    "relative": ("jahre", "years"),
    "count": ("vor", "in"),
    "count-ago": COUNT_WAYS,
    "following": ("following", "previous", "preceding", "folgenden", "vorangegangenen", "vorherigen"),
    "relative-year": tuple(YEARS_RELATIVE),
    "relative-edge": tuple(YEARS_RELATIVE),
    "weekday": tuple(WEEKDAYS),
    "week": tuple(WEEKS),
    "relative-month": tuple(MONTHS_RELATIVE),
    "relative-day": tuple(DAYS_RELATIVE),
    "month-alone": tuple(MONTHS),
    "day": tuple(MONTHS),
    "month": tuple(MONTHS),
}


def _automaton():
    """Every word some pattern needs, found in one pass (Aho–Corasick)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in {word for words in _NEEDS.values() for word in words}:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


_NEEDED = _automaton()
_LOWERED_PATTERNS = [(kind, re.compile(p.pattern.lower().replace("(?p<", "(?P<"))) for kind, p in _PATTERNS]


def _lowered(text: str) -> str:
    """`text` in lower case, character for character (a letter whose lower case is longer stays)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def find_dates(text: str, published: dt.date | None) -> list[DatePhrase]:
    """Every date phrase, the first pattern (the most specific) winning where two overlap."""
    taken: list[tuple[int, int]] = []
    found: list[DatePhrase] = []
    lowered = _lowered(text)
    present = {word for _, word in _NEEDED.iter(lowered)}
    for kind, pattern in _LOWERED_PATTERNS:
        needs = _NEEDS.get(kind)
        if needs is not None and present.isdisjoint(needs):
            continue
        for match in pattern.finditer(lowered):
            start, end = match.span("date") if "date" in pattern.groupindex else match.span()
            if kind == "day":
                weekday = _WEEKDAY_BEFORE.search(lowered, max(0, start - 24), start)
                start = weekday.start() if weekday else start
            if (start > 0 and text[start - 1].isalnum()) or any(s < end and start < e for s, e in taken):
                continue
            if kind == "relative-day" and text[start:end] == "Morgen":
                continue  # `am Morgen`: the morning, not tomorrow
            if kind == "weekday" and not match["wweek"] and lowered[start:end].endswith("s"):
                continue  # `freitags`, `on Mondays`: every such day, not one
            date, reason = _edtf(kind, match, published, lambda at=start: _ahead(text, at))
            found.append(DatePhrase(start, end, date, reason))
            taken.append((start, end))
    return sorted(found, key=lambda d: d.start)


def _ahead(text: str, at: int) -> bool:
    """Whether a weekday at `at` lies ahead of the article's date: after a word that points ahead
    (`ab`, `bis`, `from`, `until`, `by`), or in a sentence about what is to come; never after one
    that points back (`seit`, `since`)."""
    before = text[max(0, at - 24) : at]
    if _BACK_BEFORE.search(before):
        return False
    return _AHEAD_BEFORE.search(before) is not None or _future(text, at)


def _future(text: str, at: int) -> bool:
    """Whether the sentence around `at` speaks of what is to come: its own clause has no verb in the
    past (`…, wie Krafcik am Dienstag ankündigte`) and the sentence has a word of the future."""
    sentence_start = max(text.rfind(mark, 0, at) for mark in (". ", "\n", "! ", "? ")) + 1
    ends = [e for e in (text.find(mark, at) for mark in (". ", "\n")) if e >= 0]
    sentence_end = min(ends, default=len(text))
    clause_start = max(sentence_start, *(text.rfind(mark, 0, at) + 1 for mark in (",", ";", "–", "—")))
    clause_ends = [e for e in (text.find(mark, at, sentence_end) for mark in (",", ";", "–", "—")) if e >= 0]
    clause = text[clause_start : min(clause_ends, default=sentence_end)]
    if _PAST.search(clause):
        return False
    return _FUTURE.search(text, sentence_start, sentence_end) is not None


_UNKNOWN = "counted from the article's date, which it does not state"


def _edtf(kind: str, m: re.Match[str], published: dt.date | None, future) -> tuple[str | None, str]:
    """The phrase's date in EDTF and why; `future()` tells whether its sentence speaks of what is to come."""
    year = m.groupdict().get("year")
    if year is None and kind in ("month", "quarter", "half", "season"):
        year = str(published.year) if published else None
    where = "the article's year" if published else "no year stated"
    if kind in ("interval", "span"):
        return f"{m['first']}/{m['last']}", "an interval of years"
    if kind == "day":
        month = MONTHS[_key(m["month"])]
        day = int(m["day"])
        if m["year"]:
            return f"{m['year']}-{month:02d}-{day:02d}", "a day"
        if published is None:
            return f"XXXX-{month:02d}-{day:02d}", f"a day ({where})"
        nearest = _nearest_year(published, month, day)
        if nearest is None:
            return None, "no such day"
        return nearest.isoformat(), "a day (the one nearest the article's date)"
    if kind == "month":
        return f"{year}-{MONTHS[m['month'].lower()]:02d}", "a month"
    if kind == "month-alone":
        if published is None:
            return None, f"a month {_UNKNOWN}"
        month = _nearest_year(published, MONTHS[m["month"].lower()], 1)
        return f"{month.year}-{month.month:02d}", "a month (the one nearest the article's date)"
    if kind == "quarter":
        quarter = m["q"] or ORDINALS[m["qword"].lower()]
        return (f"{year}-Q{quarter}" if year else None), "a quarter" + ("" if m["year"] else f" ({where})")
    if kind == "half":
        half = m["h"] or ORDINALS[m["hword"].lower()]
        return (f"{year}-H{half}" if year else None), "a half year"
    if kind == "season":
        return (f"{year}-{SEASONS[m['season'].lower()]}" if year else None), "a season" + (
            "" if m["year"] else f" ({where})"
        )
    if kind == "edge":
        edge = EDGES[_key(m["edge"])]
        return f"{m['year']}{edge}~", "part of a year, approximate"
    if kind == "year":
        return m["year"], "a year"
    if published is None:
        return None, f"a date {_UNKNOWN}"
    if kind == "relative":
        count = NUMBER_WORDS.get(m["count"].lower()) or (int(m["count"]) if m["count"].isdigit() else None)
        if count is None:
            return None, "years counted from the article's date, but how many is not stated"
        if m["rel"].lower() in FORWARD:
            return f"{published.year + 1}/{published.year + count}", "the years after the article's"
        return f"{published.year - count}/{published.year - 1}", "the years before the article's"
    if kind in ("count", "count-ago", "following"):
        return _counted(kind, m, published)
    if kind == "relative-year":
        return str(published.year + YEARS_RELATIVE[_key(m["which"])]), "a year counted from the article's"
    if kind == "relative-edge":
        edge = EDGES[_key(m["edge"])]
        return f"{published.year + YEARS_RELATIVE[_key(m['which'])]}{edge}~", "part of a year, approximate"
    if kind == "relative-month":
        first = published.replace(day=1)
        month = _add_months(first, MONTHS_RELATIVE[_key(m["rmonth"])])
        return f"{month.year}-{month.month:02d}", "a month counted from the article's"
    if kind == "relative-day":
        day = published + dt.timedelta(days=DAYS_RELATIVE[_key(m["rday"])])
        return day.isoformat(), "a day counted from the article's"
    if kind == "week":
        monday = _monday(published, WEEKS[_key(m["week"])])
        return f"{monday}/{monday + dt.timedelta(days=6)}", "a week counted from the article's"
    return _weekday(m, published, future)


# The words that count back: `vor drei Jahren`, `ten years ago`, `the previous year`, …
_BACKWARD_WAYS = (
    "vor", "ago", "earlier", "zuvor", "davor", "früher", "previous", "preceding",
    "vorangegangenen", "vorherigen",
)  # fmt: skip


def _counted(kind: str, m: re.Match[str], published: dt.date) -> tuple[str | None, str]:
    """A date counted back or forth from the article's, at the precision of its unit: a year, a
    month, the week (Monday to Sunday) or the day."""
    groups = m.groupdict()
    if kind == "following":
        way = _key(groups["way"] or groups["dway"])
        unit = TIME_UNITS.get(_key(groups["unit"] or groups["dunit"]), "day")
        count = -1 if way in _BACKWARD_WAYS else 1
    else:
        words = _key(m["count"])
        if words in SOME:
            return None, "counted from the article's date, but how far is not stated"
        count = NUMBER_WORDS.get(words) or int(words)
        unit = TIME_UNITS[_key(m["unit"])]
        count = -count if _key(m["way"]) in _BACKWARD_WAYS else count
    return _shifted(published, unit, count)


def _shifted(published: dt.date, unit: str, count: int) -> tuple[str | None, str]:
    if unit in ("year", "decade"):
        years = count * (10 if unit == "decade" else 1)
        year = published.year + years
        if not 1 <= year <= 9999:
            return None, "no such year"
        return str(year), "a year counted from the article's"
    if unit == "month":
        month = _add_months(published.replace(day=1), count)
        return f"{month.year}-{month.month:02d}", "a month counted from the article's"
    if unit == "week":
        monday = _monday(published, count)
        return f"{monday}/{monday + dt.timedelta(days=6)}", "a week counted from the article's"
    return (published + dt.timedelta(days=count)).isoformat(), "a day counted from the article's"


def _key(words: str) -> str:
    return " ".join(words.lower().split())


def _nearest_year(published: dt.date, month: int, day: int) -> dt.date | None:
    """The day of that month and day nearest the article's date (`Feb. 9` in a January article is
    the coming February's)."""
    days = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            days.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(days, key=lambda d: abs((d - published).days), default=None)


def _add_months(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _monday(published: dt.date, weeks: int) -> dt.date:
    return published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=weeks)


def _weekday(m: re.Match[str], published: dt.date, future) -> tuple[str, str]:
    """`Dienstag` → the latest Tuesday on or before the article's date; `next Tuesday` or a Tuesday in
    a sentence about the future → the next one on or after it; `Donnerstag vergangener Woche` → the
    Thursday of the week before the article's."""
    weekday = WEEKDAYS[m["weekday"].lower()]
    relation = (m["wrel"] or "").lower()
    if m["wweek"]:
        day = _monday(published, WEEKS[_key(m["wweek"])]) + dt.timedelta(days=weekday)
        return day.isoformat(), "a weekday of a week counted from the article's"
    if relation in FORWARD or (relation not in BACK and relation not in ("this", "diesen") and future()):
        ahead = (weekday - published.weekday()) % 7
        if relation in FORWARD and ahead == 0:
            ahead = 7
        day = published + dt.timedelta(days=ahead)
        return day.isoformat(), "the next such weekday from the article's date"
    back = (published.weekday() - weekday) % 7
    if relation in BACK and back == 0:
        back = 7
    day = published - dt.timedelta(days=back)
    return day.isoformat(), "the latest such weekday up to the article's date"
