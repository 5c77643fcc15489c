"""Date phrases in German and English prose, read into EDTF at the precision they state.

`am 17. Dezember 2025` → `2025-12-17`; `Ende 2024` → `2024-Q4~`; `im Sommer 2025` → `2025-22`;
`in Q3` → `2025-Q3` in an article published in 2025; `zwischen 2021 und 2025` → `2021/2025`;
`next year` → the year after the article's. A phrase without a year takes it from the article's
`published` date; without one, its year stays open (`XXXX-12-17`) or, for a relative phrase, the
date is unknown (None).

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
ORDINALS = {"erste": 1, "ersten": 1, "zweite": 2, "zweiten": 2, "dritten": 3, "vierten": 4,
            "first": 1, "second": 2, "third": 3, "fourth": 4}  # fmt: skip
NUMBER_WORDS = {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "zehn": 10, "two": 2, "three": 3,
                "four": 4, "five": 5, "six": 6, "ten": 10}  # fmt: skip
EDGES = {  # part of a year → (EDTF suffix, approximate)
    "ende": "-Q4", "end of": "-Q4", "late": "-Q4", "anfang": "-Q1", "beginning of": "-Q1", "early": "-Q1",
    "mitte": "-06", "mid": "-06", "mid-": "-06",
}  # fmt: skip


def _words(table) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(table, key=len, reverse=True))


_Y = r"(?:1[89]|20)\d\d"  # a year of news copy
_YEAR = rf"(?P<year>{_Y})"
# The words before a date that belong to the phrase ("am 17. Dezember", "schon 2024"), found by looking
# back from a match: a pattern that began with them could not skip ahead to the digits it needs.
_LEAD = re.compile(
    r"(?:(?:schon|bereits|already)\s+)?(?:am|an|im|in|on|by|bis|until|seit|since|für|for|from|vom|von|"
    r"at|zum|zur)\s+(?:dem\s+|the\s+)?$|(?:schon|bereits|already)\s+$",
    re.I,
)
_LEADS = ("day", "month", "quarter", "half", "season", "year")
_MONTH = rf"(?P<month>{_words(MONTHS)})"
_AMOUNTS_AFTER = r"(?!\s*(?:Milliarden|Mrd|billion|%|Prozent))"  # "2025 Milliarden" is no year
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("interval", re.compile(
        rf"(?:zwischen|between|von|from)\s+(?P<first>{_Y})\s*(?:und|and|bis|to|–|-)\s*"
        rf"(?P<last>{_Y})(?!\d)", re.I)),
    ("span", re.compile(rf"(?P<first>{_Y})\s*[–/]\s*(?P<last>{_Y})(?!\d)")),
    ("day", re.compile(rf"(?P<day>[0-3]?\d)\.?\s+{_MONTH}(?![\w])(?:\s+{_YEAR})?", re.I)),
    ("day", re.compile(rf"{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?(?!\d)", re.I)),
    ("month", re.compile(rf"{_MONTH}\s+{_YEAR}(?!\d)", re.I)),
    ("quarter", re.compile(
        rf"(?:Q(?P<q>[1-4])|(?P<qword>{_words(ORDINALS)})\s+(?:Quartal|quarter))"
        rf"(?:\s+(?:of\s+|des\s+Jahres\s+)?{_YEAR})?(?![\w])", re.I)),
    ("half", re.compile(
        rf"(?:H(?P<h>[12])|(?:(?P<hword>erste|ersten|zweite|zweiten|first|second)\s+"
        rf"(?:Jahreshälfte|Halbjahr|half)))(?:\s+(?:of\s+)?{_YEAR})?(?![\w])", re.I)),
    ("season", re.compile(rf"(?P<season>{_words(SEASONS)})(?:\s+{_YEAR})?(?![\w])", re.I)),
    ("edge", re.compile(rf"(?:schon\s+|already\s+)?(?P<edge>{_words(EDGES)})\s*{_YEAR}(?!\d)", re.I)),
    ("relative", re.compile(
        r"(?:(?:im|in|over|during|für|for)\s+)?(?:den\s+|the\s+)?(?P<rel>nächsten|kommenden|next|coming|"
        r"letzten|vergangenen|past|last)\s+(?P<count>\w+)\s+(?:Jahren|years)(?![\w])", re.I)),
    ("relative-year", re.compile(
        r"(?:(?:im|in)\s+)?(?P<which>nächsten Jahr|kommenden Jahr|nächstes Jahr|next year|diesem Jahr|"
        r"dieses Jahr|this year|letzten Jahr|vergangenen Jahr|last year|vorigen Jahr)(?![\w])", re.I)),
    ("year", re.compile(
        rf"{_YEAR}(?![\d\w.,]\d){_AMOUNTS_AFTER}", re.I)),
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
    "relative-year": ("jahr", "year"),
}
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
    for kind, pattern in _LOWERED_PATTERNS:
        needs = _NEEDS.get(kind)
        if needs is not None and not any(word in lowered for word in needs):
            continue
        for match in pattern.finditer(lowered):
            start, end = match.start(), match.end()
            if kind in _LEADS:
                lead = _LEAD.search(text, max(start - 24, 0), start)
                start = lead.start() if lead else start
            if (start > 0 and text[start - 1].isalnum()) or any(s < end and start < e for s, e in taken):
                continue
            date, reason = _edtf(kind, match, published)
            found.append(DatePhrase(start, end, date, reason))
            taken.append((start, end))
    return sorted(found, key=lambda d: d.start)


def _edtf(kind: str, m: re.Match[str], published: dt.date | None) -> tuple[str | None, str]:
    year = m.groupdict().get("year")
    if year is None and kind in ("day", "month", "quarter", "half", "season"):
        year = str(published.year) if published else None
    where = "the article's year" if published else "no year stated"
    if kind in ("interval", "span"):
        return f"{m['first']}/{m['last']}", "an interval of years"
    if kind == "day":
        month = MONTHS[" ".join(m["month"].lower().split())]
        return f"{year or 'XXXX'}-{month:02d}-{int(m['day']):02d}", "a day" + (
            "" if m["year"] else f" ({where})"
        )
    if kind == "month":
        return f"{year}-{MONTHS[m['month'].lower()]:02d}", "a month"
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
        edge = EDGES[" ".join(m["edge"].lower().split())]
        return f"{m['year']}{edge}~", "part of a year, approximate"
    if kind == "relative":
        count = NUMBER_WORDS.get(m["count"].lower()) or (int(m["count"]) if m["count"].isdigit() else None)
        if count is None or published is None:
            return None, "years counted from the article's date, which it does not state"
        if m["rel"].lower() in ("nächsten", "kommenden", "next", "coming"):
            return f"{published.year + 1}/{published.year + count}", "the years after the article's"
        return f"{published.year - count}/{published.year - 1}", "the years before the article's"
    if kind == "relative-year":
        if published is None:
            return None, "a year counted from the article's date, which it does not state"
        which = m["which"].lower()
        offset = (
            1
            if ("nächst" in which or "next" in which or "kommend" in which)
            else (0 if ("dies" in which or "this" in which) else -1)
        )
        return str(published.year + offset), "a year counted from the article's"
    return m["year"], "a year"
