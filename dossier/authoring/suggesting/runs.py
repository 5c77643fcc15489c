"""Runs of capitalised words in a body: the words a name can be made of, found in one sweep, and
what stands around each run (the word before and after it, whether it begins a sentence)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from .cues import LINKS, ORGANIZATION_HEADS, TITLES, cue, institution_head, places, word_set
from .frequency import how_common
from .vocabulary import ARABIC_ARTICLE, capitalised, genitive_name, given_name, name_like

Word = tuple[int, int, str]  # a word of the body: where it starts and ends, and its text

_WORD_BODY = r"(?:[\w&]|['’.\-‐‑/](?=[^\W_]))*"
_TOKEN = re.compile(rf"[^\W_]{_WORD_BODY}")
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# The words a name can hold: capitalised ones, ones spelled with inner capitals or digits (`iPhone`,
# `o2`, `1Password`), ones Arabic's article is joined to, years, and the connectors of names (`Kris
# de Decker`); found by one pattern so that the ordinary words between them cost nothing.
_NAMEISH = re.compile(
    rf"(?<![\w&])(?:[{_UPPER}]{_WORD_BODY}|[^\W_][\w&]*?[{_UPPER}\d]{_WORD_BODY}"
    rf"|{ARABIC_ARTICLE}[{_UPPER}]{_WORD_BODY}"  # `al-Amr`
    r"|\d(?!\w)(?![.,]\d)|(?:de|da|di|von|van|del|la|le|du|bin|al|der|den|of|for|für)(?![\w]))"
)
_ABBREVIATION = re.compile(r"(?:^|[\s(])((?:[A-Z]\.){2,}|[A-Za-zÄÖÜäöü]{1,4}\.)$")  # `Dr.`, `D.`, `U.S.`
_PUNCTUATION = ".,;:!?\"'“”„‚‘’«»()[]{}*_#>-–—/"
_WORD_AT_START = re.compile(rf"[^\w\n]*\n?[^\w\n]*?([^\W_]{_WORD_BODY})")
POSSESSIVE = ("’s", "'s", "’", "'")
_CONNECTORS = word_set("de da di von van del la le du bin al")
_AFTER_VON = word_set("der den")  # `Ursula von der Leyen`
PARTICLES = _CONNECTORS | _AFTER_VON  # small words inside a person's name
_SENTENCE_END = re.compile(r"[.!?:;…]|\n\s*\n|^\s*[-*+>#]|\n\s*[-*+>#]|\n\s*\d+[.)]")
_HEADING = re.compile(r"^#.*$", re.M)


def free_tokens(body: str, protected: list[tuple[int, int]]) -> list[Word]:
    """The words of the body outside annotations, links, code and headings (title case: every word
    capitalised, none of it evidence), found in one sweep."""
    blocked = sorted(protected + [m.span() for m in _HEADING.finditer(body)])
    tokens = []
    index, count = 0, len(blocked)
    for match in _NAMEISH.finditer(body):
        start, end = match.span()
        while index < count and blocked[index][1] <= start:
            index += 1
        if index < count and blocked[index][0] < end:
            continue
        tokens.append((start, end, match[0]))
    return tokens


Run = tuple[list[Word], Word | None, Word | None]  # a run's words, and the words before and after it


def runs(body: str, tokens: list[Word], language: str) -> Iterator[Run]:
    """Runs of capitalised words (with the connectors names hold: `Kris de Decker`, `Bank of
    America`; `Securities and Exchange Commission`), each with the word before and after it
    (`language`: the body's; a German genitive before a name ends a run)."""
    found = _runs(body, tokens, language)
    return _joined_by_and(body, found) if language == "en" else found


def _joined_by_and(body: str, found: Iterator[Run]) -> Iterator[Run]:
    """Two runs an `and` joins into an institution's name: one word of the language before it, words
    of the language after it and an institution's head last (`Securities and Exchange Commission`,
    `Food and Drug Administration`; not `Apple and Deutsche Bank`, nor `Europe and Asia`); or into a
    country's name (`Trinidad and Tobago`). (German's `und` joins none: the noun runs there cut
    `Bosnien und Herzegowina` otherwise.)"""
    held: Run | None = None
    for current in found:
        if held is not None and _and_joins(body, held[0], current[0]):
            start, end = held[0][-1][1] + 1, current[0][0][0] - 1
            yield [*held[0], (start, end, body[start:end]), *current[0]], held[1], current[2]
            held = None
            continue
        if held is not None:
            yield held
        held = current
    if held is not None:
        yield held


def _and_between(body: str, first: list[Word], second: list[Word]) -> bool:
    if len(first) == 2 and first[0][2] == "The":
        first = first[1:]  # `The Securities and …` at a sentence's start
    if body[first[-1][1] : second[0][0]] not in (" and ", " & ") or len(first) != 1 or len(second) < 2:
        return False
    words, head = (first[0][2], second[0][2]), second[-1][2]
    common = all(how_common(word, "en") >= _COMMON_WORD and not name_like(word) for word in words)
    institution = institution_head(head) or head.lower() in ORGANIZATION_HEADS
    # Not an institution's noun first: `the Court and National Assembly` are two.
    return common and institution and words[0] != "The" and words[0] not in places() and not cue(words[0])


def _and_joins(body: str, first: list[Word], second: list[Word]) -> bool:
    return _and_between(body, first, second) or _one_place(body, first, second)


def _one_place(body: str, first: list[Word], second: list[Word]) -> bool:
    """Whether `first`, an `and` and `second` are one place's name the gazetteer knows."""
    joined = body[first[-1][1] : second[0][0]] in (" and ", " & ")
    return joined and body[first[0][0] : second[-1][1]] in places()


_COMMON_WORD = 4.0  # how common a word of the language is (wordfreq's Zipf scale): `Food`, `Exchange`


def _runs(body: str, tokens: list[Word], language: str) -> Iterator[Run]:
    run: list[Word] = []
    numbered = _numbered_names(body)
    for index, token in enumerate(tokens):
        start, end, text = token
        gap = body[run[-1][1] : start] if run else ""
        possessive = bool(run) and run[-1][2].endswith(POSSESSIVE) and not _inner_possessive(run[-1][2])
        joined = bool(run) and _joins(gap, run[-1][2]) and not possessive
        adjacent = index + 1 < len(tokens) and body[end : tokens[index + 1][0]] == " "
        following = tokens[index + 1][2] if adjacent else ""
        number = run and (_model_number(text, run[-1][2], following) or (run[-1][2], text) in numbered)
        capital = capitalised(text) or (run and a_year(text)) or number
        if run and capital and name_like(text) and language == "de" and genitive_name(run[-1][2]):
            joined = False  # `Googles GPT-5`: a genitive, then the next name
        connector = bool(run) and (
            (
                text in _CONNECTORS
                and given_name(run[-1][2])
                and (following[:1].isupper() or (text in ("von", "van") and following in _AFTER_VON))
                and not name_like(following)
                and (text != "von" or len(run) == 1)
            )
            or (text in _AFTER_VON and run[-1][2] in ("von", "van"))
            or (
                text in LINKS
                and institution_head(run[-1][2])
                and (following[:1].isupper() or a_year(following))
            )
        )
        if run and not (joined and (capital or connector)):
            yield from _closed(body, run)
            run = []
        if capital or connector:
            run.append(token)
    if run:
        yield from _closed(body, run)


def _inner_possessive(word: str) -> bool:
    """A people's possessive that is a word of a name (`Korean People's Army`, `Women's World Cup`),
    not an owner's before another name (`Apple's Tim Cook`)."""
    return word[:-2].lower() in _PEOPLE or word[:-1].lower() in _PEOPLE


_PEOPLE = word_set("people women men children workers veterans")


def a_year(word: str) -> bool:
    """A year a name may end in (`Investment Company Act of 1940`, `Partner Conference 2025`), not
    any number of four digits (`Verdi 1000 Flüge`)."""
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def _model_number(word: str, before: str, following: str) -> bool:
    """A model's number inside a product's name: after a name spelled as one (`iPhone 15`, `iOS 17`)
    or before a model's word (`Galaxy 24 Ultra`); not a count after a name (`Xiaomi 10 Milliarden`)."""
    number = word.isdigit() and len(word) <= 3
    return number and (name_like(before) or following.lower() in MODEL_WORDS)


_NAME_AND_NUMBER = re.compile(r"\b([A-ZÄÖÜ][\w-]*) (\d{1,3}(?:\.\d{1,3})?)\b(?![.,]\d)")  # `OS X 10.10`


def _numbered_names(body: str) -> frozenset[tuple[str, str]]:
    """A name and a small number the text writes together more than once: a product's name and its
    model's number (`Windows 11`, `PlayStation 5`), not a count after a name (`Microsoft 10 days`)
    nor a score after a place's (`Sweden 1`)."""
    pairs = Counter(_NAME_AND_NUMBER.findall(body))
    return frozenset(pair for pair, count in pairs.items() if count > 1 and pair[0] not in places())


# A model's word after a product's name (`Galaxy S24 Ultra`, `MacBook Air`).
MODEL_WORDS = word_set("pro max plus ultra mini lite air neo se fold flip edge note xl")


def _joins(gap: str, last: str) -> bool:
    """Two words are one name's when only spaces lie between them (not a line break: the line may
    have ended a caption or a list of names), or an initial's full stop."""
    if gap in (" ", "\u00a0") or (not gap.strip() and "\n" not in gap):
        return True
    return gap in (". ", ".\u00a0") and len(last) == 1 and last.isupper()


def _closed(body: str, run: list[Word]) -> Iterator[tuple[list[Word], Word | None, Word | None]]:
    while run and run[-1][2] in PARTICLES | LINKS:
        run = run[:-1]
    while run and run[0][2] in PARTICLES | LINKS:
        run = run[1:]
    if run:
        yield run, _word_before(body, run[0][0]), _word_after(body, run[-1][1])


# Speech quoted after a comma begins a sentence (`say, 'Hey Frank`; a colon ends one anyway): a
# quotation mark closes where a space follows it (`"We agree," Smith said`), opens where a word does.
_QUOTED_SPEECH = re.compile(r",\s+[\"'“„‘‚«»]$")


def _word_before(body: str, at: int) -> Word | None:
    """The word before `at` in its paragraph, with where it stands."""
    low = max(0, at - 60, body.rfind("\n\n", 0, at) + 1)
    pieces = body[low:at].rsplit(None, 2)
    for piece in reversed(pieces):
        word = piece.strip(_PUNCTUATION)
        if word:
            start = low + body[low:at].rfind(piece) + piece.find(word)
            return start, start + len(word), word
    return None


def _word_after(body: str, at: int) -> Word | None:
    found = _WORD_AT_START.match(body, at, at + 60)
    return (found.start(1), found.end(1), found[1]) if found else None


def is_initial(body: str, start: int) -> bool:
    """Whether a word begins a sentence, a line item or a paragraph (where any word is capitalised);
    not after a title's or an initial's full stop (`Dr. Thomas Schulte`, `Nelson D. Schwartz`, `the
    U.S. Federal Trade Commission`)."""
    window = body[max(0, start - 12) : start]
    stripped = window.rstrip(" \t*_\"'“”„‚‘’«»()[]")
    abbreviation = _ABBREVIATION.search(stripped, max(0, len(stripped) - 6))
    dotted = abbreviation and (len(abbreviation[1]) == 2 or abbreviation[1].count(".") > 1)
    if abbreviation and (abbreviation[1].lower() in TITLES or dotted):
        return False
    if not stripped or (start < 12 and not body[:start].strip(" \t*_\"'“”„‚‘’«»()[]#>-")):
        return True
    return (
        bool(_SENTENCE_END.search(stripped[-1:]))
        or _QUOTED_SPEECH.search(window) is not None
        or stripped.endswith("\n")
        or "\n" in window[len(stripped) :]
    )


def without_possessive(words: list[str]) -> list[str]:
    """The words of a name without the possessive its last word ends in (`Quillo's` → `Quillo`)."""
    last = words[-1]
    for suffix in POSSESSIVE:
        if last.endswith(suffix) and len(last) > len(suffix) + 1:
            return [*words[:-1], last[: -len(suffix)]]
    return words
