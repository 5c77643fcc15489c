"""Reading one article for names: runs of capitalised words (see `runs`) cut into the names they
hold, each occurrence with the evidence that it names something and the cues to what it names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from .cues import (
    COMPASS_WORDS,
    COMPOUND_HEADS,
    LEGAL_SUFFIXES,
    PLACE_HEADS,
    POSTNOMINALS,
    STORM_WORDS,
    TITLES,
    a_head_noun,
    a_places_role,
    cue,
    federal_name,
    institution_headed,
    is_role,
    named_institution,
    places,
    word_set,
)
from .frequency import how_common, zipf
from .numbers import CURRENCIES, PERCENT, SCALES
from .runs import LINKS, Word, free_tokens, is_initial, runs, without_possessive
from .scan import scan
from .surroundings import COMPANY_HOLDINGS, cues_around
from .vocabulary import (
    COMMON,
    HYPHENS,
    RARE,
    a_noun_before_a_name,
    a_rank_before_a_name,
    articled,
    as_word,
    capitalised,
    demonym,
    frequent_noun,
    genitive_of_a_name,
    genitive_plural_adjective,
    in_apposition,
    is_adjective,
    name_like,
    national,
    noun_compound,
    plural_of_word,
    strict_noun,
    written_small,
)

_CLAUSE_END = re.compile(r"[.,;:!?()\[\]\n]")
KEEP = 3.0  # the evidence a name needs to be proposed
NO_NAME = -10.0  # the evidence of words that are no name whatever the model says (see `weighing`)

_SMALL_WORD = re.compile(r"(?<![\w&])[a-zäöüßàáâçéèêëíìîïñóòôõúùûýÿæœ]+(?![\w&'’\-])")
# A full stop after a word, then a word in small letters: the word is abbreviated (not a number
# after it: a sentence may begin with a year, `… von Salzburg. 1538 warnte …`).
_ABBREVIATION_STOP = re.compile(r"\.[ \u00a0][a-zäöüß]+\b")
_REGIONS = frozenset({"middle", "far", "near"})  # `Middle Eastern`, `Far Eastern`
_COMPASS_ADJECTIVES = frozenset({"eastern", "western", "northern", "southern"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # `400`, `12.000`, `3,5`
_YEAR_AFTER = re.compile(r"(?: (?:19|20)\d\d)+$")
_NOT_NAMES = re.compile(r"[QH][1-4]|[\d.,]+[a-zA-Z]{0,3}|[A-Z]{1,3}\d+|[A-Z]{1,2}&[A-Z]{1,2}|\d.*[-‑].*")
_PRONOUN_I = re.compile(r"I(?:['’](?:d|m|ve|ll))?")
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
DETERMINERS = word_set(
    "the a an this that these those der die das den dem des ein eine einen einem einer eines "
    "kein keine sein seine ihr ihre unser unsere jeder jede dieser diese dieses diesem diesen"
)
_TITLE_ARTICLES = word_set("The Der Die Das")
_ARTICLE_BEFORE = DETERMINERS | word_set("im am vom zum zur beim ins ans")
_CALENDAR = word_set(
    "januar februar märz april mai juni juli august september oktober november dezember "
    "january february march may june july october december montag dienstag mittwoch donnerstag "
    "freitag samstag sonntag monday tuesday wednesday thursday friday saturday sunday"
)
_CALENDAR_SHORT = word_set("jan feb mar apr jun jul aug sep sept oct okt nov dec dez")  # with a stop
_QUANTITY_WORDS = frozenset(
    word for words in (*SCALES.values(), *CURRENCIES.values(), PERCENT) for word in words if len(word) > 3
)
_APPOSITION = "apposition"  # a hint: a description stood before the name (`Plattformbetreiber Flixbus`)


@dataclass
class Occurrence:
    start: int
    end: int
    words: tuple[str, ...]
    initial: bool
    evidence: float
    hints: Counter  # the text's cues to the type: kind → weight
    kinds: Counter = field(default_factory=Counter)  # the name model's: kind → its confidence


@dataclass(frozen=True)
class Text:
    """The body being read, its language (`en`, `de`) and the words it writes in lower case."""

    body: str
    language: str
    small_words: frozenset[str]
    place_adjectives: frozenset[str] = frozenset()  # German places' adjectives (`Kölner`), see `knowing`
    named_inside: frozenset[str] = frozenset()  # words it capitalises alone inside a sentence (`names_in`)

    @classmethod
    def of(cls, body: str, language: str) -> Text:
        return cls(body, language.split("-")[0].lower(), frozenset(_SMALL_WORD.findall(body)))

    def knowing(self, place_adjectives: frozenset[str]) -> Text:
        """The text with the places' adjectives the name model tells of it (`namemodel.place_adjectives`)."""
        return replace(self, place_adjectives=place_adjectives)


@dataclass(frozen=True)
class _Around:
    """What stands around a name: the words before and after it, and whether it begins a sentence."""

    before: Word | None
    after: Word | None
    initial: bool


@dataclass(frozen=True)
class _Found:
    """Words that may name something, and where they stand."""

    words: tuple[str, ...]
    start: int
    end: int
    around: _Around


@cache
def _currency_codes() -> frozenset[str]:
    from babel import Locale

    return frozenset(Locale("en").currencies) | {"RMB"}


def merged_into(
    body: str,
    occurrences: list[Occurrence],
    start: int,
    end: int,
    evidence: Callable[[list[Occurrence]], float | None],
) -> list[Occurrence]:
    """The occurrences with those the rules found inside the words from `start` to `end` (a long
    form, a name the model joins) made one occurrence of the words, with their cues, the model's
    kinds and the `evidence` the pieces give it; as they are where one is those words already, one
    reaches out of them, or the pieces give no evidence (None)."""
    inside = [o for o in occurrences if start <= o.start and o.end <= end]
    pieces = {id(o) for o in inside}  # by identity: comparing occurrences field by field is slow
    reaching = any(o.start < end and start < o.end and id(o) not in pieces for o in occurrences)
    given = None if reaching or any((o.start, o.end) == (start, end) for o in inside) else evidence(inside)
    if given is None:
        return occurrences
    hints: Counter = Counter()
    kinds: Counter = Counter()
    for piece in inside:
        hints.update(piece.hints)
        kinds.update(piece.kinds)
    initial = bool(inside) and inside[0].start == start and inside[0].initial
    whole = Occurrence(start, end, tuple(body[start:end].split()), initial, given, hints, kinds)
    return sorted([o for o in occurrences if id(o) not in pieces] + [whole], key=lambda o: o.start)


def names_in(text: Text) -> Iterator[Occurrence]:
    """Every occurrence of a name in the text, in order, with its evidence and cues."""
    tokens = free_tokens(text.body, scan(text.body).protected)
    found = [
        (run, _Around(before, after, is_initial(text.body, run[0][0])))
        for run, before, after in runs(text.body, tokens, text.language)
    ]
    inside = frozenset(
        without_possessive([run[0][2]])[0] for run, around in found if len(run) == 1 and not around.initial
    )
    text = replace(text, named_inside=inside)
    for run, around in found:
        yield from _occurrences(text, run, around)


def _occurrences(text: Text, run: list[Word], around: _Around) -> Iterator[Occurrence]:
    """The names a run of capitalised words holds, with their evidence and the cues around them
    (`around`: the words before and after the run, and whether it begins a sentence).

    A run is cut at calendar words (`Montag`, `December`) and at role words inside it (`Facebook CEO
    Mark Zuckerberg`: the company before the role, the person after it)."""
    body, language = text.body, text.language
    before, after, initial = around.before, around.after, around.initial
    words = [word for _, _, word in run]
    pieces: list[tuple[list[int], Counter]] = [([], Counter())]
    for index, word in enumerate(words):
        short = word.lower() in _CALENDAR_SHORT and body.startswith(".", run[index][1])
        if word.lower() in _CALENDAR or short:
            pieces.append(([], Counter()))
        elif is_role(word) and index > 0 and pieces[-1][0] and index < len(words) - 1:
            # The role's company (`Microsoft President Brad Smith`) or town (`Brenthaven Mayor …`: no
            # company has one, a vote to outweigh the model's).
            pieces[-1][1].update({"place": 3} if a_places_role(word) else {"organization": 2})
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
            if (in_apposition(words[i], language) or noun_compound(words[i], language))
            and not _named_institution(words[i], language)
            and words[i + 1] not in LINKS  # `Bundesagentur für Arbeit`: the head of the name
            # `Gewerkschaft Deutscher Lokomotivführer`: an adjective in the genitive plural after it
            and not (i + 1 < last and genitive_plural_adjective(words[i + 1]))
            and not _placed_head(text, words, i + 1)
        ]
        if any(word in _QUANTITY_WORDS for word in words[first : last + 1]):
            continue  # `sieben Milliarden Parameter`: a quantity, and what it counts
        if nouns and language == "de":  # a noun in apposition: `Kieler Ciderfreund Philipp H.`
            for index in range(first, nouns[-1] + 1):
                kind = cue(words[index])
                if kind:
                    hints[kind] += 2
                if HYPHENS.search(words[index]):  # `Waymo-Chef John Krafcik`: Waymo is a name too
                    yield from _single(text, run[index], _Around(None, None, False), Counter(), False)
            first = nouns[-1] + 1
            piece_initial = False
            hints[_APPOSITION] = 1
        while first < last or (first == last and is_role(words[first])):
            word = words[first]
            kind = None if name_like(word) and not word.isupper() else cue(word)  # `iPhone 15` is a name
            an_initial_next = first < last and len(words[first + 1]) == 1 and words[first + 1].isupper()
            common = how_common(word, language) >= 5.0 and not name_like(word)
            # Not `John` of `John F. Kennedy`, nor `Sturm` of `Sturm Xaver`.
            leading_word = piece_initial and common and not an_initial_next
            leading_word = leading_word and word.lower() not in STORM_WORDS
            role = is_role(word) or a_rank_before_a_name(tuple(words[first : last + 1]))
            # `German Chancellor Olaf Scholz`, `US President Joe Biden`: whose the role is.
            role = role or (first + 1 < last and is_role(words[first + 1]) and national(word, language))
            # An article written with a capital inside a sentence is a title's (`watched The Crown`).
            titled = word in _TITLE_ARTICLES and not piece_initial
            determiner = word.lower() in DETERMINERS and not titled
            # A number before a name is not its part: `the 2025 Human Car Home …`, `In 2005 Vantor Labs`.
            no_part = kind or role or determiner or leading_word or word.isdigit()
            no_part = no_part or a_noun_before_a_name(word, language)
            # `Bank of America`, `State Council`: the head word of an institution's name is its word
            headed = kind not in (None, "person") and (
                institution_headed(words[first + 1 : last + 1])
                or (first + 1 < last and genitive_plural_adjective(words[first + 1]))
            )
            linked = first < last and words[first + 1] in LINKS
            if not no_part or headed or linked or _named_institution(word, language):
                break
            if kind:
                hints[kind] += 2
            first += 1
            piece_initial = False
        while first < last and (noun_compound(words[last], language) or words[last] in POSTNOMINALS):
            last -= 1  # `Human Car Home‑Ökosystems`: a noun made with the name; `Daniel Bernoulli FRS`
        legal = first < last and words[last].lower() in LEGAL_SUFFIXES  # part of the name, as titled
        if (
            language == "de"
            and not legal
            and first < last
            and not is_adjective(words[last - 1])
            and not _placed_head(text, words, last)
            and not is_adjective(words[last])
            and words[last - 1] not in LINKS  # `Bundesagentur für Arbeit`
            # `Stadtwerke München`, `Technische Universität München`: the place is the name's
            and not any(_named_institution(word, language) for word in words[first:last])
        ):
            # A genitive before a noun: `Boschs Vorstoß`, `Lindners Aussagen`; before a role, a
            # product or what only a company has, the owner's or the maker's (`Quillos Chef`,
            # `Quillos Smartphone`, `Quillos Umsatz`), no person.
            kind = cue(words[last])
            if a_places_role(words[last]):
                hints["place"] += 3  # `Quillonias Ministerpräsident`
            elif kind in ("product", "person") or words[last].lower() in COMPANY_HOLDINGS:
                hints["organization"] += 1
            elif kind:
                hints[kind] += 1
            # After a name spelled as none is, a name's genitive or a place (`in Berlin Einsparungen`;
            # not `Berlin Hauptbahnhof`).
            a_place = words[last - 1] in places() and words[last].lower() not in PLACE_HEADS
            after_name = name_like(words[last - 1]) or genitive_of_a_name(body, words[last - 1]) or a_place
            if (after_name and strict_noun(words[last], language)) or frequent_noun(words[last]):
                last -= 1
        if first > last:
            continue
        name = words[first : last + 1]
        previous = before if first == 0 else run[first - 1]
        if len(name) == 1:
            yield from _single(text, run[first], _Around(previous, after, piece_initial), hints, legal)
            continue
        start, end = run[first][0], run[last][1]
        # A full stop after an initial or, last, a legal form is the name's: `George W. Bush`, `Apple Inc.`
        stops = []
        for index, word in enumerate(name):
            legal_form = index == len(name) - 1 and f"{word.lower()}." in LEGAL_SUFFIXES
            abbreviation = (len(word) == 1 and word.isupper()) or legal_form
            stops.append(abbreviation and body.startswith(".", run[first + index][1]))
        name = [word + "." if stop else word for word, stop in zip(name, stops, strict=True)]
        end += 1 if stops[-1] else 0
        found = _Found(tuple(without_possessive(name)), start, end, _Around(previous, after, piece_initial))
        yield _occurrence(text, found, hints, legal)


_A_WORDS_POSSESSIVE = 4.5  # from this common on, a possessive opening a sentence is a word's (`Today's`)


def _single(text: Text, token: Word, around: _Around, hints: Counter, legal: bool) -> Iterator[Occurrence]:
    """One capitalised word: a name, a name joined to a noun (`Waymo-Chef`), or a word."""
    language = text.language
    start, end, word = token
    if around.initial and word.lower() in text.small_words and not name_like(word):
        return  # a word of the text's own, capitalised because it starts a sentence
    parts = HYPHENS.split(word)
    if len(parts) > 1 and {word, word.removesuffix("s")} & places():  # `Guinea-Bissau`, `Sachsen-Anhalts`
        yield _occurrence(text, _Found((word,), start, end, around), hints, legal)
        return
    if len(parts) > 1 and language == "de" and parts[-1].lower() in COMPOUND_HEADS:
        own = Counter(hints)
        own["organization"] += 2  # `Robert-Koch-Institut`, `Kraftfahrt-Bundesamt`: the compound is the name
        yield _occurrence(text, _Found((word,), start, end, around), own, legal)
        return
    if len(parts) > 1 and not name_like(parts[-1]) and len(parts[-1]) > 2 and not articled(word):
        tail = parts[-1]
        known = how_common(tail, language) >= RARE or strict_noun(tail, language)
        german_noun = language == "de" and tail[:1].isupper() and known
        common = how_common(tail, language) >= COMMON and (language == "de" or tail.islower())
        joined_to_word = german_noun or common or cue(tail) is not None  # not `Bankman-Fried`: English
        # capitalises no common word after a hyphen
        a_model = name_like(parts[0]) and len(tail) <= 4 and cue(tail) is None  # `GPT-4o`, `A380-neo`
        # `Waymo-Chef`, `Amazon-owned`: the name is the first part
        if (joined_to_word or tail.islower()) and not a_model:
            head = word[: len(word) - len(tail) - 1]
            kind = cue(tail)
            own = Counter(hints)
            if kind == "person" or tail.lower() in {"owned", "based", *COMPANY_HOLDINGS}:
                own["organization"] += 2  # `Quillo-Chef`, `Quillo-Aktie`: the role's or the share's company
            elif kind:
                own[kind] += 2
            plain = not HYPHENS.search(head)
            if name_like(head) or (capitalised(head) and plain and how_common(head, language) < COMMON):
                # The name is capitalised inside the compound, wherever the compound stands.
                found = _Found((head,), start, start + len(head), _Around(around.before, None, False))
                yield _occurrence(text, found, own, legal, joined=True)
            return
    if _DOTTED_INITIALS.fullmatch(word) and text.body.startswith(".", end):
        word, end = word + ".", end + 1  # `U.S.`: the full stop after the last initial is the name's
    bare = without_possessive([word])[0]
    if around.initial and bare != word and how_common(bare, language) < _A_WORDS_POSSESSIVE:
        around = replace(around, initial=False)  # `Nintendo's new console`: a possessor, a name
    if around.initial and _a_name_inside(text, bare):
        around = replace(around, initial=False)  # `Lyft shares fell` where the text says `… said Lyft`
    yield _occurrence(text, _Found((bare,), start, end, around), hints, legal)


def _a_name_inside(text: Text, word: str) -> bool:
    """Whether a word at a sentence's start is one the text also capitalises alone inside a sentence: a
    name there, so the same name here, not a word any sentence may begin with (a word the text writes
    small never gets this far). Not in German, which capitalises every noun inside a sentence."""
    return text.language != "de" and word in text.named_inside


def no_name(words: tuple[str, ...], language: str) -> bool:
    """Words no name is, whatever stands around them: a quarter, a number, a measure or a term with
    digits (`Q3`, `KB/50 MB`, `R&D 2026`), a people or its adjective (`Kenyan`, `Chinese`, `North
    Korean`, `Middle Eastern`), English's `I` (`I'd`, `I’m`)."""
    if len(words) == 1 and (demonym(words[0], language) or _PRONOUN_I.fullmatch(words[0])):
        return True
    if len(words) == 2 and _a_peoples_pair(words, language):
        return True
    phrase = " ".join(words)
    measured = "/" in phrase and any(c.isdigit() for c in phrase)  # `KB/50 MB`, a case number `C131/12`
    core = _YEAR_AFTER.sub("", phrase)  # `R&D 2026`: a term and a year is no name either
    return bool(_NOT_NAMES.fullmatch(core.replace(" ", ""))) or phrase.isdigit() or measured


def _a_peoples_pair(words: tuple[str, ...], language: str) -> bool:
    """A people's adjective after a point of the compass or another people's (`North Korean`, `Latin
    American`, `Thai Chinese`), or a region's (`Middle Eastern`, `Far Eastern`)."""
    first, second = words[0].lower(), words[1].lower()
    described = first in COMPASS_WORDS | _REGIONS or demonym(words[0], language)
    return described and (demonym(words[1], language) or second in _COMPASS_ADJECTIVES)


def _placed_head(text: Text, words: Sequence[str], head: int) -> bool:
    """A head noun after a German place's adjective: `Kölner Dom`, `Münchner Sicherheitskonferenz`,
    `Frankfurter Börse` are names, the adjective no noun in apposition nor the noun one after a name."""
    return 0 < head < len(words) and a_head_noun(words[head]) and words[head - 1] in text.place_adjectives


def _named_institution(word: str, language: str) -> bool:
    """A German institution's noun its name goes on after (`Universität Hamburg`, `Stiftung Warentest`),
    in the genitive too (`des Amtsgerichts Köln`)."""
    return language == "de" and named_institution(word) is not None


def _occurrence(text: Text, found: _Found, hints: Counter, legal: bool, joined: bool = False) -> Occurrence:
    """The evidence that the words found name something."""
    body, language, words, start, end = text.body, text.language, found.words, found.start, found.end
    before, after, initial = found.around.before, found.around.after, found.around.initial
    hints = Counter(hints)
    evidence = 2.0 if hints.pop(_APPOSITION, 0) else 0.0
    rarest = min(how_common(word, language) for word in words)
    # One compound that names a federal institution is a name as a spelling no word has is.
    federal = language == "de" and federal_name(words)
    spelled = any(name_like(word) for word in words) or federal
    acronym = len(words) == 1 and words[0].isupper() and len(words[0]) <= 4
    if len(words) > 1:
        evidence += 2.0 + (1.5 if LINKS & set(words) else 0.0)  # `Bank of America`: a name's build
        if language == "en" and not initial and cue(words[-1]) in ("organization", "event", "publication"):
            evidence += 0.5  # `the European Commission`: English writes no common noun with a capital
        if language == "de" and is_adjective(words[0]) and not is_adjective(words[-1]):
            if written_small(body, words):
                evidence -= 5.0  # `Künstliche Intelligenz`, where the text writes `künstliche` too
            elif not initial:
                evidence += 1.0  # an adjective is written small unless a name holds it
    if spelled:
        evidence += 1.0 if acronym else 2.5
    if acronym:
        if words[0] in _currency_codes():
            evidence -= 10.0
        evidence -= max(0.0, how_common(words[0], language) - 3.5)  # `AI`, `KI`: terms more than names
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
    said, around_hints = cues_around(body, language, words, (start, end), _beside(body, before, start), after)
    evidence += said
    hints.update(around_hints)
    if language == "de" and not initial and len(words) == 1:
        if (
            word_before.lower() not in _ARTICLE_BEFORE
            and not is_adjective(word_before)
            and not plural_of_word(words[0], language)
        ):
            evidence += 1.0  # a German noun goes with an article or an adjective; a name need not
        elif word_before.islower() and is_adjective(word_before) and not name_like(words[0]):
            evidence -= 1.0
    if len(words) == 1 and not spelled:
        after_article = word_before.lower() in _ARTICLE_BEFORE
        evidence -= as_word(words[0], language, words[0].lower() in text.small_words, after_article)
    elif _vocabulary_run(text, words):
        evidence -= 6.0
    if no_name(words, language) or (len(words) == 1 and _ABBREVIATION_STOP.match(body, end)):
        evidence = NO_NAME  # `v. Chr. gegründet`, `Abb. unten`: an abbreviation's full stop
    if initial and not (len(words) > 1 and rarest < COMMON):
        evidence = min(evidence, evidence / 2)  # any word may start a sentence; not a rare pair
    after_number = before and _NUMBER.fullmatch(before[2]) and body[before[1] : start].strip() == ""
    unit = acronym and len(words[0]) <= 3  # `50 KB`, `3 GW`
    if after_number and (unit or (language == "de" and all(zipf(word, "de") >= COMMON for word in words))):
        evidence = NO_NAME  # after a number, a unit: `400 Millionen Euro`, `12.000 Pfund` (the model
        # takes `Pfund` for a name)
    return Occurrence(start, end, words, initial, evidence, hints)


def _beside(body: str, before: Word | None, start: int) -> Word | None:
    """The word before a name where it stands beside it: not across a sentence's end or a comma (`the
    Journal, Apple said`; `a new iPhone. Apple declined`), but after a title's full stop (`Dr. …`)."""
    if before is None:
        return None
    gap = body[before[1] : start]
    if gap.startswith(".") and f"{before[2].lower()}." in TITLES:
        gap = gap[1:]
    return None if _CLAUSE_END.search(gap) else before


def _vocabulary_run(text: Text, words: Sequence[str]) -> bool:
    """German nouns one after the other (`Millionen Euro`, `Absenkung der Mehrwertsteuer`): no name
    unless an adjective written with a capital (`Deutsche Bahn`), an institution's noun first, a
    place's adjective before a head noun or one federal institution's compound shows one."""
    language = text.language
    if language != "de" or is_adjective(words[0]) or any(name_like(word) for word in words):
        return False
    if federal_name(words):
        return False  # `Bundesrechnungshof`, `Bundesagentur für Arbeit`
    if _named_institution(words[0], language) or _placed_head(text, words, 1):
        return False  # `Stadtwerke München`, `Münchner Sicherheitskonferenz`
    return all(strict_noun(word, language) for word in words)
