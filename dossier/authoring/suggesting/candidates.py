"""Names that no entity file has yet: what an article talks about, ranked by the evidence of its text.

No list of names is consulted: a name is what the text treats as one. The evidence, weighed per
occurrence: capitals where the language does not capitalise every noun (English mid-sentence);
spellings no word has (inner capitals or digits: `eBay`, `iPhone`, `DVB-T2`); words the general
vocabulary lacks (wordfreq's lists, which ship in the package, weigh this; they never veto a name
that other evidence carries, so `Amazon` and `Shell` stay names); runs of capitalised words, German
adjectives capitalised inside a name (`Deutsche Bahn`, `Europäischer Gerichtshof`); a legal suffix
(`GmbH`, `Inc.`); a role word before (`Chef`, `CEO`, `Minister`); a German noun written without an
article (`Lyft gab bekannt`); a name joined to a noun (`Waymo-Chef`). Repetition adds it up.

One candidate per thing: a person's surname used alone (`Stenger`), a genitive (`Stengers`,
`Bosch's`), an inflected German adjective (`Deutscher Bahn`), an organization's short form
(`Whole Foods` for `Whole Foods Market`) and an acronym defined in brackets (`Screen Actors Guild
(SAG)`) become aliases of the full name. Its type comes from the words around it (see `cues`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ...syntax.names import name_key
from .cues import LEGAL_SUFFIXES, ORGANIZATION_TAILS, TITLES, cue, is_role, places, word_set
from .numbers import CURRENCIES, PERCENT, SCALES
from .scan import scan, suggestion_id

COMMON = 3.6  # Zipf frequency from which a word is general vocabulary (3 = once per million words)
RARE = 2.5  # below this a capitalised word is hardly ever anything but a name
PART = 3.0  # a part of a German compound must be at least this common
KEEP = 3.0  # the evidence a name needs to be proposed
TITLE = 4.0  # the evidence a name in the title adds

_WORD_BODY = r"(?:[\w&]|['’.\-‐‑/](?=[^\W_]))*"
_TOKEN = re.compile(rf"[^\W_]{_WORD_BODY}")
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# The words a name can hold: capitalised ones, ones spelled with inner capitals or digits (`iPhone`,
# `o2`, `1Password`), years, and the connectors of names (`Kris de Decker`); found by one pattern
# so that the ordinary words between them cost nothing.
_NAMEISH = re.compile(
    rf"(?<![\w&])(?:[{_UPPER}]{_WORD_BODY}|[^\W_][\w&]*?[{_UPPER}\d]{_WORD_BODY}"
    r"|(?:de|da|di|von|van|del|la|le|du|bin|al|der|den)(?![\w]))"
)
_HIS_HER = re.compile(
    r"^[^.!?\n]*?\b(?:his|her|he|she|him|sein|seine|seinen|seiner|seinem|ihre|ihrer|ihren|ihrem)\b"
)  # a person's pronoun later in the sentence
_ITS = re.compile(r"^[^.!?\n]*?\b(?:its|it)\b")
_ABBREVIATION = re.compile(r"(?:^|[\s(])([A-Za-zÄÖÜäöü]{1,4}\.)$")
_ACRONYM_AFTER = re.compile(r"[\s\"”“'’*_]*(?:\(|,?\s*(?:kurz|short|or)\s+\**)([A-Z][A-Za-z]{1,7})\b")
_SMALL_WORD = re.compile(r"(?<![\w&])[a-zäöüßàáâçéèêëíìîïñóòôõúùûýÿæœ]+(?![\w&'’\-])")
_PUNCTUATION = ".,;:!?\"'“”„‚‘’«»()[]{}*_#>-–—/"
_WORD_AT_START = re.compile(rf"[^\w\n]*\n?[^\w\n]*?([^\W_]{_WORD_BODY})")
_DIGIT = re.compile(r"\d")
_HYPHENS = re.compile(r"[-‐‑]")
_NOT_NAMES = re.compile(r"[QH][1-4]|[\d.,]+[a-zA-Z]{0,3}|[A-Z]{1,3}\d+|[A-Z]{1,2}&[A-Z]{1,2}|\d.*[-‑].*")
_POSSESSIVE = ("’s", "'s", "’", "'")
_CONNECTORS = word_set("de da di von van del la le du bin al")
_AFTER_VON = word_set("der den")  # `Ursula von der Leyen`
_DETERMINERS = word_set(
    "the a an this that these those der die das den dem des ein eine einen einem einer eines "
    "kein keine sein seine ihr ihre unser unsere jeder jede dieser diese dieses diesem diesen"
)
_ARTICLE_BEFORE = _DETERMINERS | word_set("im am vom zum zur beim ins ans")
_CALENDAR = word_set(
    "januar februar märz april mai juni juli august september oktober november dezember "
    "january february march may june july october december montag dienstag mittwoch donnerstag "
    "freitag samstag sonntag monday tuesday wednesday thursday friday saturday sunday"
)
_CALENDAR_SHORT = word_set("jan feb mar apr jun jul aug sep sept oct okt nov dec dez")  # with a stop
_SENTENCE_END = re.compile(r"[.!?:;…]|\n\s*\n|^\s*[-*+>#]|\n\s*[-*+>#]|\n\s*\d+[.)]")
_ADJECTIVE_ENDINGS = ("er", "en", "em", "es", "e")
_GERMAN_NOUN_ENDINGS = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "ität", "itäten", "ismus",
    "ismen", "ierung", "tionen", "nisse", "enz", "anz", "tur", "ik", "tion", "ware",
)  # fmt: skip
_QUANTITY_WORDS = frozenset(
    word for words in (*SCALES.values(), *CURRENCIES.values(), PERCENT) for word in words if len(word) > 3
)
_APPOSITION = "apposition"  # a hint: a description stood before the name (`Plattformbetreiber Flixbus`)
_ADJECTIVE_SUFFIXES = ("isch", "sch", "lich", "ig", "bar", "sam", "los", "haft", "iv", "al", "ell", "är")
_SHORT_ADJECTIVES = word_set(
    "neu alt groß klein rot grün schwarz weiß blau gelb erst zweit vereint hoch gut nah fern "
    "mittler nord süd ost west ober unter nieder heilig frei offen"
)
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "ischen", "ische", "ischer", "isches")


@dataclass
class Candidate:
    """A name with the evidence for it; `start`/`end` are its first occurrence in `path`'s body."""

    name: str
    type: str
    aliases: set[str]
    count: int
    score: float
    path: str
    start: int
    end: int
    sources: set[str] = field(default_factory=set)
    place: tuple[int, int, int, int] | None = None  # line, column, end line, end column in the file
    shown: str = ""  # the text of the first occurrence

    @property
    def id(self) -> str:
        return suggestion_id(self.path, "candidate", self.start, self.end, name_key(self.name))

    @property
    def keys(self) -> set[str]:
        return {name_key(self.name)} | {name_key(a) for a in self.aliases}

    def to_json(self) -> dict[str, object]:
        line, column, end_line, end_column = self.place or (0, 0, 0, 0)
        aliases = sorted(self.aliases - {self.name})
        return {
            "id": self.id,
            "path": self.path,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "kind": "candidate",
            "text": self.shown or self.name,
            "annotation": f"[[{self.name}]]"
            if self.shown in ("", self.name)
            else f"[[{self.name}|{self.shown}]]",
            "target": None,
            "count": self.count,
            "sources": sorted(self.sources),
            "type": self.type,
            "aliases": aliases,
            "proposal": {"name": self.name, "type": self.type, "aliases": aliases},
            "reason": f"named {self.count} time{'s' * (self.count != 1)} in {len(self.sources)} "
            f"source{'s' * (len(self.sources) != 1)}; no entity has this name",
        }


# The general vocabulary


@cache
def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency  # loaded only when candidates are asked for

    return zipf_frequency(word.lower(), language)


@cache
def _common(word: str, language: str) -> float:
    """How common a word is in the article's language or in English (which news copy borrows from)."""
    return max(_zipf(word, language), _zipf(word, "en"))


@cache
def _native_noun(word: str, language: str) -> bool:
    """A German word that is German vocabulary and not a borrowed English one: a noun such as
    `Vorstoß`, `Gründer` or `Grafikprozessoren` (a compound of known words)."""
    if language != "de":
        return False
    own, english = _zipf(word, "de"), _zipf(word, "en")
    return (own >= PART and english < own - 1.0) or _compound(word)


@cache
def _compound(word: str) -> bool:
    """Whether a German noun splits into known words (`Grafikprozessoren`, `Chipprojekt`)."""
    if len(word) < 7 or _zipf(word, "en") >= 1.0 or not word.isalpha():
        return False
    lowered = word.lower()

    @cache
    def splits(start: int) -> bool:
        if start == len(lowered):
            return True
        for end in range(len(lowered), start + 2, -1):
            part = lowered[start:end]
            forms = (part, part[:-1] if part.endswith("s") and end < len(lowered) else part, part + "en")
            if any(_zipf(form, "de") >= PART for form in forms) and splits(end):
                return start > 0 or end < len(lowered)
        return False

    return splits(0)


def _name_like(token: str) -> bool:
    """Inner capitals or digits: spelled as names are, not as words (`eBay`, `iPhone`, `DVB-T2`);
    the capital after a hyphen of a compound (`Smart-Home`) does not count."""
    if _DIGIT.search(token) is not None and not token.isdigit() and any(c.isalpha() for c in token):
        return True
    return any(part[1:].lower() != part[1:] for part in _HYPHENS.split(token))


def _capitalised(token: str) -> bool:
    return token[:1].isupper() or _name_like(token)


# Reading one article


@dataclass
class _Occurrence:
    start: int
    end: int
    words: tuple[str, ...]
    initial: bool
    evidence: float
    hints: Counter


@dataclass
class _Form:
    words: tuple[str, ...]
    occurrences: list[_Occurrence] = field(default_factory=list)
    spellings: Counter = field(default_factory=Counter)

    @property
    def text(self) -> str:
        return self.spellings.most_common(1)[0][0]


def candidates_in(
    path: str, body: str, language: str, known: frozenset[str], title: str = ""
) -> list[Candidate]:
    """The candidate entities of one article body, best first (`known`: name keys of the dossier's
    entities, which are never proposed). A name the title repeats is what the article is about."""
    language = language.split("-")[0].lower()
    scanned = scan(body)
    forms: dict[str, _Form] = {}
    acronyms: dict[str, str] = {}  # acronym key → key of the name it abbreviates
    tokens = _free_tokens(body, scanned.protected)
    lowered = frozenset(_SMALL_WORD.findall(body))
    for run, before, after in _runs(body, tokens):
        for occurrence in _occurrences(body, run, before, after, language, lowered):
            key = name_key(" ".join(occurrence.words))
            form = forms.setdefault(key, _Form(occurrence.words))
            form.occurrences.append(occurrence)
            form.spellings[" ".join(occurrence.words)] += 1
            acronym = _defined_acronym(body, occurrence)
            if acronym:
                acronyms[name_key(acronym)] = key
    _listed_together(body, [o for form in forms.values() for o in form.occurrences])
    clusters = _cluster(forms, acronyms, language)
    found = []
    for members in clusters:
        candidate = _candidate(path, members, forms, title)
        if candidate is not None and not (candidate.keys & known):
            found.append(candidate)
    found.sort(key=lambda c: (-c.score, c.start))
    return found


@cache
def _currency_codes() -> frozenset[str]:
    from babel import Locale

    return frozenset(Locale("en").currencies) | {"RMB"}


def _contains(text: str, name: str) -> bool:
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalpha()):
            return True
        at = text.find(name, at + 1)
    return False


_LIST_GAP = re.compile(r",\s*|\s+(?:und|and|oder|or|sowie|as well as|&)\s+|,\s+(?:und|and|oder|or)\s+")


def _listed_together(body: str, occurrences: list[_Occurrence]) -> None:
    """Names listed together (`ByteDance, Tencent und Baidu`) are of a kind: where one of a list
    carries good evidence, the others gain."""
    ordered = sorted(occurrences, key=lambda o: o.start)
    lists: list[list[_Occurrence]] = []
    for previous, current in itertools.pairwise(ordered):
        if _LIST_GAP.fullmatch(body[previous.end : current.start]):
            if lists and lists[-1][-1] is previous:
                lists[-1].append(current)
            else:
                lists.append([previous, current])
    for members in lists:
        if len(members) >= 3 and max(o.evidence for o in members) >= KEEP:
            for occurrence in members:
                occurrence.evidence += 1.5


_HEADING = re.compile(r"^#.*$", re.M)


def _free_tokens(body: str, protected: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
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


def _runs(body: str, tokens: list[tuple[int, int, str]]):
    """Runs of capitalised words (with the connectors names hold: `Kris de Decker`), each with the
    word before and after it."""
    run: list[tuple[int, int, str]] = []
    for index, token in enumerate(tokens):
        start, end, text = token
        gap = body[run[-1][1] : start] if run else ""
        joined = bool(run) and _joins(gap, run[-1][2]) and not run[-1][2].endswith(_POSSESSIVE)
        capital = _capitalised(text) or (run and text.isdigit() and len(text) == 4)
        if run and capital and _name_like(text) and _genitive_name(run[-1][2]):
            joined = False  # `Googles GPT-5`: a genitive, then the next name
        adjacent = index + 1 < len(tokens) and body[end : tokens[index + 1][0]] == " "
        following = tokens[index + 1][2] if adjacent else ""
        connector = bool(run) and (
            (
                text in _CONNECTORS
                and _given_name(run[-1][2])
                and following[:1].isupper()
                and not _name_like(following)
                and (text != "von" or len(run) == 1)
            )
            or (text in _AFTER_VON and run[-1][2] in ("von", "van"))
        )
        if run and not (joined and (capital or connector)):
            yield from _closed(body, run)
            run = []
        if capital or connector:
            run.append(token)
    if run:
        yield from _closed(body, run)


def _genitive_name(word: str) -> bool:
    """A German genitive of a name (`Googles`): a word in -s whose stem is no word."""
    if not (word.endswith("s") and len(word) > 3 and word[:1].isupper()):
        return False
    base = word[:-1]  # `Thomas` and `Andreas` are names in their own right, more common than the stem
    return _common(base, "de") < COMMON and _common(word, "de") < _common(base, "de") + 1.0


def _given_name(word: str) -> bool:
    """A word a connector may follow inside a name (`Kris de Decker`, `Ursula von der Leyen`), not a
    noun (`Deutschlandtakt von Deutscher Bahn`)."""
    return (
        word[:1].isupper()
        and word.isalpha()
        and _common(word, "de") < 5.0
        and _zipf(word, "en") < 4.5
        and not _compound(word)
        and not _strict_noun(word, "de")
    )


@cache
def _strict_noun(word: str, language: str) -> bool:
    """Surely a German noun, not a given name that German uses more than English (`Andreas`): a
    common German word, a compound of them, a word made with a noun ending (`Abzweigungen`,
    `Egoismen`), or an inflected form of a common German noun (`Vermarktern`)."""
    if language != "de" or not word.isalpha():
        return False
    own = _zipf(word, "de")
    if (own >= 3.0 and _zipf(word, "en") < own - 2.0) or _compound(word):
        return True
    lowered = word.lower()
    if len(lowered) >= 6 and lowered.endswith(_GERMAN_NOUN_ENDINGS):
        return True
    for ending in ("en", "ern", "n", "s"):
        base = lowered[: -len(ending)]
        if (
            lowered.endswith(ending)
            and len(base) >= 4
            and (
                _zipf(base, "de") >= 3.0 > _zipf(base, "en") + 1.5
                or (len(base) >= 8 and _compound(base.title()))
            )
        ):
            return True
    return False


@cache
def _plural(word: str, language: str) -> bool:
    """A common word with a plural or case ending (`Budgets`, `Kunden`): vocabulary, not a name."""
    lowered = word.lower()
    endings = ("s", "es") if language == "en" else ("s", "en", "n", "e", "er", "ern")
    return any(
        lowered.endswith(ending)
        and len(lowered) - len(ending) >= 3
        and _common(lowered[: -len(ending)], language) >= COMMON
        for ending in endings
    )


def _joins(gap: str, last: str) -> bool:
    """Two words are one name's when only spaces lie between them (not a line break: the line may
    have ended a caption or a list of names), or an initial's full stop."""
    if gap in (" ", "\u00a0") or (not gap.strip() and "\n" not in gap):
        return True
    return gap in (". ", ".\u00a0") and len(last) == 1 and last.isupper()


def _closed(body: str, run):
    while run and run[-1][2] in _CONNECTORS | _AFTER_VON:
        run = run[:-1]
    while run and run[0][2] in _CONNECTORS | _AFTER_VON:
        run = run[1:]
    if run:
        yield run, _word_before(body, run[0][0]), _word_after(body, run[-1][1])


def _word_before(body: str, at: int) -> tuple[int, int, str] | None:
    """The word before `at` in its paragraph, with where it stands."""
    low = max(0, at - 60, body.rfind("\n\n", 0, at) + 1)
    pieces = body[low:at].rsplit(None, 2)
    for piece in reversed(pieces):
        word = piece.strip(_PUNCTUATION)
        if word:
            start = low + body[low:at].rfind(piece) + piece.find(word)
            return start, start + len(word), word
    return None


def _word_after(body: str, at: int) -> tuple[int, int, str] | None:
    found = _WORD_AT_START.match(body, at, at + 60)
    return (found.start(1), found.end(1), found[1]) if found else None


def _is_initial(body: str, start: int) -> bool:
    """Whether a word begins a sentence, a line item or a paragraph (where any word is capitalised);
    not after a title's or an initial's full stop (`Dr. Thomas Schulte`, `Nelson D. Schwartz`)."""
    window = body[max(0, start - 12) : start]
    stripped = window.rstrip(" \t*_\"'“”„‚‘’«»()[]")
    abbreviation = _ABBREVIATION.search(stripped, max(0, len(stripped) - 6))
    if abbreviation and (abbreviation[1].lower() in TITLES or len(abbreviation[1]) == 2):
        return False
    if not stripped or (start < 12 and not body[:start].strip(" \t*_\"'“”„‚‘’«»()[]#>-")):
        return True
    return (
        bool(_SENTENCE_END.search(stripped[-1:]))
        or stripped.endswith("\n")
        or "\n" in window[len(stripped) :]
    )


def _occurrences(body: str, run, before, after, language: str, lowered: frozenset[str]):
    """The names a run of capitalised words holds, with their evidence and the cues around them.

    A run is cut at calendar words (`Montag`, `December`) and at role words inside it (`Facebook CEO
    Mark Zuckerberg`: the company before the role, the person after it)."""
    words = [text for _, _, text in run]
    initial = _is_initial(body, run[0][0])
    pieces: list[tuple[list[int], Counter]] = [([], Counter())]
    for index, word in enumerate(words):
        short = word.lower() in _CALENDAR_SHORT and body.startswith(".", run[index][1])
        if word.lower() in _CALENDAR or short:
            pieces.append(([], Counter()))
        elif is_role(word) and index > 0 and pieces[-1][0] and index < len(words) - 1:
            pieces[-1][1]["organization"] += 2  # the role's company: `Microsoft President Brad Smith`
            pieces.append(([], Counter()))
            pieces[-1][0].append(index)
        else:
            pieces[-1][0].append(index)
    for piece, hints in pieces:
        if not piece:
            continue
        first, last = piece[0], piece[-1]
        piece_initial = initial and first == 0
        # Role words, titles, nouns in apposition and determiners before the name are not its part.
        nouns = [
            i
            for i in range(first, last)
            if _apposition(words[i], language) or _noun_compound(words[i], language)
        ]
        if any(word in _QUANTITY_WORDS for word in words[first : last + 1]):
            continue  # `sieben Milliarden Parameter`: a quantity, and what it counts
        if nouns and language == "de":  # a noun in apposition: `Kieler Ciderfreund Philipp H.`
            for index in range(first, nouns[-1] + 1):
                kind = cue(words[index])
                if kind:
                    hints[kind] += 2
                if _HYPHENS.search(words[index]):  # `Waymo-Chef John Krafcik`: Waymo is a name too
                    yield from _single(
                        body, run[index], None, None, language, False, Counter(), False, lowered
                    )
            first = nouns[-1] + 1
            piece_initial = False
            hints[_APPOSITION] = 1
        while first < last and words[first].isdigit():
            first += 1  # `the 2025 Human Car Home …`: a year before a name is not its part
        while first < last or (first == last and is_role(words[first])):
            word = words[first]
            kind = cue(word)
            leading_word = piece_initial and _common(word, language) >= 5.0 and not _name_like(word)
            role = is_role(word)
            if not (
                kind or role or word.lower() in _DETERMINERS or leading_word or _noun_compound(word, language)
            ):
                break
            if kind:
                hints[kind] += 2
            first += 1
            piece_initial = False
        while first < last and _noun_compound(words[last], language):
            last -= 1  # `Human Car Home‑Ökosystems`: a noun made with the name
        legal = False
        while first < last and words[last].lower() in LEGAL_SUFFIXES:
            legal = True
            last -= 1
        if (
            language == "de"
            and first < last
            and not _adjective(words[last - 1])
            and not _adjective(words[last])
        ):
            kind = cue(words[last])  # a genitive before a noun: `Boschs Vorstoß`, `Lindners Aussagen`
            if kind:
                hints[kind] += 1
            after_name = _name_like(words[last - 1]) or _genitive_name(words[last - 1])
            if (after_name and _strict_noun(words[last], language)) or _frequent_noun(words[last]):
                last -= 1
        if first > last:
            continue
        name = words[first : last + 1]
        previous = before if first == 0 else run[first - 1]
        if len(name) == 1:
            yield from _single(
                body, run[first], previous, after, language, piece_initial, hints, legal, lowered
            )
            continue
        start, end = run[first][0], run[last][1]
        if len(name[-1]) == 1 and name[-1].isupper() and body.startswith(".", end):
            name, end = [*name[:-1], name[-1] + "."], end + 1  # `Philipp H.`
        yield _occurrence(body, tuple(_without_possessive(name)), start, end, previous, after, language,
                          piece_initial, hints, legal, lowered)  # fmt: skip


def _apposition(word: str, language: str) -> bool:
    """A German noun that stands before a name as its description (`Ciderfreund`, `Tochter`)."""
    if language != "de" or _adjective(word) or not word.isalpha() or word.islower():
        return False
    own = _zipf(word, "de")
    return (
        (own >= 3.0 and _zipf(word, "en") < own - 2.0)
        or cue(word) is not None
        or (len(word) >= 11 and _compound(word))
    )


@cache
def _frequent_noun(word: str) -> bool:
    """A frequent word of German that English lacks: a noun after a name (`Bosch Kontrolle`)."""
    own = _zipf(word, "de")
    return word.isalpha() and own >= 3.5 and _zipf(word, "en") < own - 2.0


def _noun_compound(word: str, language: str) -> bool:
    """A hyphenated German noun (`Bertelsmann-Musik-Sparte`): in apposition before a name."""
    parts = _HYPHENS.split(word)
    if language != "de" or len(parts) < 2 or (_name_like(parts[0]) and not parts[0].isupper()):
        return False
    tail = parts[-1]
    return _native_noun(tail, language) or _strict_noun(tail, language) or _zipf(tail, "de") >= COMMON


def _single(body, token, before, after, language, initial, hints, legal, lowered) -> Iterable[_Occurrence]:
    """One capitalised word: a name, a name joined to a noun (`Waymo-Chef`), or a word."""
    start, end, text = token
    if initial and text.lower() in lowered and not _name_like(text):
        return  # a word of the text's own, capitalised because it starts a sentence
    parts = _HYPHENS.split(text)
    if len(parts) > 1 and not _name_like(parts[-1]) and len(parts[-1]) > 2:
        tail = parts[-1]
        german_noun = (
            language == "de"
            and tail[:1].isupper()
            and (_common(tail, language) >= RARE or _strict_noun(tail, language))
        )
        joined_to_word = german_noun or _common(tail, language) >= COMMON or cue(tail) is not None
        a_model = _name_like(parts[0]) and len(tail) <= 4 and cue(tail) is None  # `GPT-4o`, `A380-neo`
        if (
            joined_to_word or tail.islower()
        ) and not a_model:  # `Waymo-Chef`, `Amazon-owned`: the name is the first part
            head = text[: len(text) - len(tail) - 1]
            kind = cue(tail)
            own = Counter(hints)
            if kind == "person" or tail.lower() in ("owned", "based"):
                own["organization"] += 2
            elif kind:
                own[kind] += 2
            plain = not _HYPHENS.search(head)
            if _name_like(head) or (_capitalised(head) and plain and _common(head, language) < COMMON):
                # The name is capitalised inside the compound, wherever the compound stands.
                yield _occurrence(body, (head,), start, start + len(head), before, None, language, False,
                                  own, legal, lowered, joined=True)  # fmt: skip
            return
    yield _occurrence(body, tuple(_without_possessive([text])), start, end, before, after, language,
                      initial, hints, legal, lowered)  # fmt: skip


def _without_possessive(words: list[str]) -> list[str]:
    last = words[-1]
    for suffix in _POSSESSIVE:
        if last.endswith(suffix) and len(last) > len(suffix) + 1:
            return [*words[:-1], last[: -len(suffix)]]
    return words


@cache
def _adjective(word: str) -> bool:
    """A German adjective written with a capital, as inside a name (`Deutsche Bahn`): an inflected
    form of a common adjective (`deutsch`, `europäisch`, `neu`) or of a city's (`Frankfurter`)."""
    lowered = word.lower()
    for ending in _ADJECTIVE_ENDINGS:
        base = lowered[: -len(ending)]
        if lowered.endswith(ending) and len(base) >= 2:
            if base in _SHORT_ADJECTIVES or (
                base.endswith(_ADJECTIVE_SUFFIXES) and _zipf(base, "de") >= RARE
            ):
                return True
            if ending == "er" and base.title() in places():
                return True
    return False


def _occurrence(body, words, start, end, before, after, language, initial, hints, legal, lowered,
                joined=False):  # fmt: skip
    """The evidence that `words`, found at `start`, name something."""
    hints = Counter(hints)
    evidence = 2.0 if hints.pop(_APPOSITION, 0) else 0.0
    text = " ".join(words)
    rarest = min(_common(word, language) for word in words)
    spelled = any(_name_like(word) for word in words)
    acronym = len(words) == 1 and words[0].isupper() and len(words[0]) <= 4
    if len(words) > 1:
        evidence += 2.0
        if language == "de" and _adjective(words[0]) and not _adjective(words[-1]):
            if _written_small(body, words):
                evidence -= 5.0  # `Künstliche Intelligenz`, where the text writes `künstliche` too
            elif not initial:
                evidence += 1.0  # an adjective is written small unless a name holds it
    if spelled:
        evidence += 1.0 if acronym else 2.5
    if acronym:
        if words[0] in _currency_codes():
            evidence -= 10.0
        evidence -= max(0.0, _common(words[0], language) - 3.5)  # `AI`, `KI`: terms more than names
    if rarest < RARE:
        evidence += 2.5
    elif rarest < COMMON:
        evidence += 1.0
    if not initial:
        evidence += 1.5 if language != "de" else 0.5
    if legal:
        evidence += 3.0
        hints["organization"] += 5
    if joined:
        evidence += 1.0
    word_before = before[2] if before else ""
    word_after = after[2] if after else ""
    gap_after = body[end : after[0]] if after else ""
    if word_before and is_role(word_before):
        evidence += 2.0
        hints[cue(word_before) or "person"] += 2
    elif word_before and cue(word_before):
        hints[cue(word_before)] += 1
    if word_after and gap_after.strip() in ("", ",") and cue(word_after):
        hints[cue(word_after)] += 1
    following = body[end : end + 60]
    if _HIS_HER.search(following):
        hints["person"] += 1  # `Greta Thunberg hatte bei ihrer Rückreise`, `Steve Jobs said his`
    elif _ITS.search(following):
        hints["organization"] += 1
    if language == "de" and not initial and len(words) == 1:
        if (
            word_before.lower() not in _ARTICLE_BEFORE
            and not _adjective(word_before)
            and not _plural(words[0], language)
        ):
            evidence += 1.0  # a German noun goes with an article or an adjective; a name need not
        elif word_before.islower() and _adjective(word_before) and not _name_like(words[0]):
            evidence -= 1.0
    if len(words) == 1 and not spelled:
        after_article = word_before.lower() in _ARTICLE_BEFORE
        evidence -= _as_word(words[0], language, words[0].lower() in lowered, after_article)
    elif _vocabulary_run(words, language):
        evidence -= 6.0
    if _NOT_NAMES.fullmatch(text.replace(" ", "")) or text.isdigit():
        evidence = -10.0
    if initial and not (len(words) > 1 and rarest < COMMON):
        evidence = min(evidence, evidence / 2)  # any word may start a sentence; not a rare pair
    after_number = before and before[2].isdigit() and body[before[1] : start].strip() == ""
    if after_number and language == "de" and all(_zipf(word, "de") >= COMMON for word in words):
        evidence -= 6.0  # after a number, a unit: `400 Millionen Euro`
    return _Occurrence(start, end, words, initial, evidence, hints)


@cache
def _as_word(word: str, language: str, written_small: bool, after_article: bool) -> float:
    """How much a single capitalised word reads as a word of the language rather than a name. The
    word list weighs it; the text outweighs the list: a word the text never writes small, such as
    `Amazon` or `Shell` in English, is not taken for vocabulary, and in German, where every noun is
    capitalised, a word used without an article as names are (`auf Facebook`) is not either."""
    common = _common(word, language)
    if len(word) < 3 or written_small:
        return 3.0
    if word.lower().endswith(_DEMONYM_ENDINGS) and common >= COMMON:
        return 3.0  # `American`, `Chinese`: capitalised, but no name of a thing
    if _plural(word, language):
        return 2.0
    if language == "de":
        if _compound(word):
            return 3.0 if len(word) >= 12 else 1.5  # a long compound is a noun; a short one may be a brand
        if _strict_noun(word, language):
            return 4.0
        if _native_noun(word, language) and _zipf(word, "de") >= COMMON:
            return 2.5  # a German word, though names use it too (`Fischer`)
        return 1.5 if common >= COMMON and after_article else 0.0
    return 1.0 if common >= 5.5 else 0.0


def _written_small(body: str, words: tuple[str, ...]) -> bool:
    """Whether the text writes the phrase with its adjective in lower case too (`künstliche
    Intelligenz` beside `Künstliche Intelligenz`): a phrase of the language, not a name."""
    stem = words[0].lower()
    for ending in _ADJECTIVE_ENDINGS:
        if stem.endswith(ending):
            stem = stem[: -len(ending)]
            break
    return re.search(rf"(?<!\w){re.escape(stem)}\w*\s+{re.escape(words[-1][:4])}", body) is not None


def _vocabulary_run(words: tuple[str, ...], language: str) -> bool:
    """German nouns one after the other (`Millionen Euro`, `Absenkung der Mehrwertsteuer`): no name
    unless an adjective written with a capital shows one (`Deutsche Bahn`)."""
    if language != "de" or _adjective(words[0]) or any(_name_like(word) for word in words):
        return False
    return all(_strict_noun(word, language) for word in words)


def _defined_acronym(body: str, occurrence: _Occurrence) -> str | None:
    """`Screen Actors Guild (SAG)`, `Verband zum Schutz … , kurz VSGE`: the acronym defined right after."""
    following = body[occurrence.end : occurrence.end + 24]
    found = _ACRONYM_AFTER.match(following)
    if not found or len(occurrence.words) < 2:
        return None
    acronym = found[1]
    capitals = [c for c in acronym if c.isupper()]
    initials = [w[0].upper() for w in occurrence.words if w[:1].isupper()]
    return acronym if capitals and capitals[0] == initials[0] and len(capitals) >= 2 else None


# One candidate per thing


def _cluster(forms: dict[str, _Form], acronyms: dict[str, str], language: str) -> list[list[str]]:
    """Group the forms one thing is named by: genitives, inflections, short forms, acronyms."""
    _split_genitives(forms, language)
    parent = {key: key for key in forms}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(short: str, long: str) -> None:
        parent[root(short)] = root(long)

    stems: dict[str, list[str]] = {}
    for key, form in forms.items():
        if len(form.words) > 1 or "-" in key:
            stems.setdefault(_stem_key(form.words), []).append(key)
    for keys in stems.values():  # `Deutsche Bahn`, `Deutscher Bahn`
        for key in keys[1:]:
            join(key, keys[0])
    for key, form in forms.items():
        if key.endswith("s") and key[:-1] in forms and len(form.words) == 1:
            join(key, key[:-1])  # the German genitive: `Stengers` names Stenger
    for acronym, long in acronyms.items():
        if acronym in forms:
            join(acronym, long)
    every_place = places()
    longer = [form for form in forms.values() if len(form.words) > 1]
    for key, form in forms.items():
        if not _evidence(form) > -3:
            continue
        words = form.words
        if words[-1].endswith("s") and len(words) == 1 and key[:-1] in forms:
            continue
        a_place = " ".join(words) in every_place
        by_suffix = [
            other for other in longer
            if len(other.words) > len(words) and other.words[-len(words):] == words
            and " ".join(other.words) not in every_place
            and not (a_place and _common(other.words[0], language) >= COMMON)  # `South Sudan`
        ]  # fmt: skip
        by_prefix = [
            other for other in longer
            if len(other.words) > len(words) and other.words[: len(words)] == words
            and _generic_tail(other.words[len(words):], language)
        ]  # fmt: skip
        targets = {name_key(" ".join(o.words)) for o in by_suffix + by_prefix}
        if len({root(t) for t in targets}) == 1:
            join(key, next(iter(targets)))
    groups: dict[str, list[str]] = {}
    for key in forms:
        groups.setdefault(root(key), []).append(key)
    return list(groups.values())


def _split_genitives(forms: dict[str, _Form], language: str) -> None:
    """`Microsofts Windows Mobile` is Microsoft's genitive before another name, where `Microsoft` is
    seen alone too: the occurrences go to the two names."""
    if language != "de":
        return
    for key, form in list(forms.items()):
        head = form.words[0]
        base = name_key(head[:-1])
        if len(form.words) < 2 or not head.endswith("s") or base not in forms or len(forms[base].words) > 1:
            continue
        rest = form.words[1:]
        rest_key = name_key(" ".join(rest))
        for occurrence in form.occurrences:
            evidence = max(occurrence.evidence / 2, 1.0)
            genitive = _Occurrence(
                occurrence.start,
                occurrence.start + len(head),
                (head,),
                occurrence.initial,
                evidence,
                Counter(),
            )
            forms[base].occurrences.append(genitive)
            forms[base].spellings[head] += 0  # an alias, not the name's spelling
            remainder = _Occurrence(occurrence.start + len(head) + 1, occurrence.end, rest, False,
                                    occurrence.evidence / 2, occurrence.hints)  # fmt: skip
            forms.setdefault(rest_key, _Form(rest)).occurrences.append(remainder)
            forms[rest_key].spellings[" ".join(rest)] += 1
        del forms[key]


def _stem_key(words: tuple[str, ...]) -> str:
    """A multi-word name with its adjectives' endings cut and its hyphens spaces: `Europäischen
    Gerichtshof` and `Europäischer Gerichtshof` give the same, `Creative-Commons` and `Creative Commons`."""
    stems = []
    for word in words[:-1]:
        lowered = word.lower()
        for ending in _ADJECTIVE_ENDINGS:
            if lowered.endswith(ending) and len(lowered) > len(ending) + 3:
                lowered = lowered[: -len(ending)]
                break
        stems.append(lowered)
    return name_key(" ".join([*stems, words[-1]]).replace("-", " ").replace("‑", " "))


def _generic_tail(words: tuple[str, ...], language: str) -> bool:
    """Words after an organization's short name that do not make another thing of it: `Market` in
    `Whole Foods Market`, `Group`, `Media`, `VR` (but not `Japan` in `Yahoo Japan`)."""
    every_place = places()
    return all(
        word not in every_place
        and (word.lower() in LEGAL_SUFFIXES | ORGANIZATION_TAILS or cue(word) == "organization"
             or (word.isupper() and len(word) <= 3))
        for word in words
    )  # fmt: skip


def _evidence(form: _Form) -> float:
    return sum(o.evidence for o in form.occurrences)


def _candidate(path: str, members: list[str], forms: dict[str, _Form], title: str) -> Candidate | None:
    chosen = [forms[key] for key in members]
    occurrences = sorted((o for form in chosen for o in form.occurrences), key=lambda o: o.start)
    score = sum(o.evidence for o in occurrences)
    in_title = any(_contains(title, spelling) for form in chosen for spelling in form.spellings)
    if in_title:
        score += TITLE
    if len(chosen) > 1:
        score += 1.5 * (len(chosen) - 1)  # a name used in several forms
    only_initial = all(o.initial for o in occurrences) and all(len(o.words) == 1 for o in occurrences)
    if score < KEEP or (only_initial and score < 2 * KEEP and not in_title):
        return None
    most_words = max(len(form.words) for form in chosen)
    longest = [form for form in chosen if len(form.words) == most_words]
    best = max(longest, key=lambda form: (len(form.occurrences), -form.occurrences[0].start))
    if most_words > 1 and sum(_evidence(form) for form in longest) < 0:
        return None  # the full form is a phrase of the language (`Künstliche Intelligenz (KI)`)
    name = best.text
    hints: Counter = Counter()
    for occurrence in occurrences:
        hints.update(occurrence.hints)
    if name in places():
        hints["place"] += 4
    shorts = [form for form in chosen if len(form.words) < most_words]
    if any(best.words[-1:] == form.words for form in shorts) and most_words in (2, 3):
        hints["person"] += 3  # a surname used alone
    if any(form.words == best.words[:1] for form in shorts) and most_words > 1:
        hints["organization"] += 1
    if len(best.words) > 1 and cue(best.words[-1]) and cue(best.words[-1]) != "person":
        hints[cue(best.words[-1])] += 3  # `Marine Stewardship Council`, `Süddeutsche Zeitung`
    if _name_like(best.words[0]) and best.words[0][:1].islower():
        hints["product"] += 2  # `iPhone`, `iPad`
    if not hints and len(best.words) == 1 and best.words[0].isupper() and 2 <= len(best.words[0]) <= 5:
        hints["organization"] += 1  # an acronym the text shows nothing else of: most name bodies
    kind = "other"
    if hints:
        top, weight = hints.most_common(1)[0]
        kind = top if weight > 0 else "other"
    aliases = {form.text for form in chosen} | {s for form in chosen for s in form.spellings}
    first = occurrences[0]
    return Candidate(
        name, kind, aliases - {name}, len(occurrences), round(score, 2), path, first.start, first.end,
        {path},
    )  # fmt: skip


# Across articles


def rank(per_file: Iterable[list[Candidate]]) -> list[Candidate]:
    """Merge the candidates of each file (see `candidates_in`): a name seen in more sources first."""
    merged: dict[str, Candidate] = {}
    alias_of: dict[str, str] = {}
    for candidates in per_file:
        for candidate in candidates:
            key = name_key(candidate.name)
            if key not in merged and key.endswith("s") and key[:-1] in merged:
                key = key[:-1]  # `OpenAIs` in one article, `OpenAI` in another
            if key not in merged:
                key = alias_of.get(key) or next(
                    (alias_of[alias] for alias in sorted(candidate.keys) if alias in alias_of), key
                )
            into = merged.get(key)
            if into is None:
                merged[key] = candidate
                for alias in candidate.keys:
                    alias_of.setdefault(alias, key)
                continue
            _fold(into, candidate)
    for key in [k for k in merged if k.endswith("s") and k[:-1] in merged]:
        _fold(merged[key[:-1]], merged.pop(key))  # a genitive seen before its name
    ranked = list(merged.values())
    ranked.sort(key=lambda c: (-len(c.sources), -c.score, c.name))
    return ranked


def _fold(into: Candidate, candidate: Candidate) -> None:
    into.count += candidate.count
    into.score += candidate.score
    into.sources |= candidate.sources
    into.aliases |= candidate.aliases | ({candidate.name} - {into.name})
    if into.type == "other":
        into.type = candidate.type
