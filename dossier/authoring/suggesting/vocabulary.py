"""How much a word reads as a word of the language rather than a name: the general vocabulary.

wordfreq's lists (which ship in the package) weigh a word; German's grammar (nouns, compounds,
adjectives inflected inside a name) tells its nouns from its names. Nothing here vetoes a name:
each answer is weighed with the text's own evidence (see `occurrences`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from .cues import (
    LEGAL_SUFFIXES,
    NATIONS_SHORT,
    a_head_noun,
    countries,
    cue,
    inflected_cue,
    is_role,
    languages,
    nations,
    places,
    word_set,
)
from .frequency import how_common, zipf

COMMON = 3.6  # Zipf frequency from which a word is general vocabulary (3 = once per million words)
RARE = 2.5  # below this a capitalised word is hardly ever anything but a name
PART = 3.0  # a part of a German compound must be at least this common
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(r"\d+(?:st|nd|rd|th|s)")  # `60th`, `1990s`
HYPHENS = re.compile(r"[-‐‑]")
# Arabic's article, and its assimilated forms, joined to a name by a hyphen: a word of a person's,
# a paper's or a place's name written small (`Abd al-Karim Qasim`, `al-Ahram`, `as-Sisi`).
ARABIC_ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)[-‐‑]"
_ARTICLED = re.compile(ARABIC_ARTICLE + r"[^\W\d_]")
ADJECTIVE_ENDINGS = ("er", "en", "em", "es", "e")
_GERMAN_NOUN_ENDINGS = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "ität", "itäten", "ismus",
    "ismen", "ierung", "tionen", "nisse", "enz", "anz", "tur", "ik", "tion", "ware",
)  # fmt: skip
_ADJECTIVE_SUFFIXES = ("isch", "sch", "lich", "ig", "bar", "sam", "los", "haft", "iv", "al", "ell", "är")
_SHORT_ADJECTIVES = word_set(
    "neu alt groß klein rot grün schwarz weiß blau gelb erst zweit vereint hoch gut nah fern "
    "mittler nord süd ost west ober unter nieder heilig frei offen allgemein vereinigt"
)
_COMPASS = ("nordost", "nordwest", "südost", "südwest", "nord", "süd", "ost", "west", "mittel")
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "ischen", "ische", "ischer", "isches")


@cache
def native_noun(word: str, language: str) -> bool:
    """A German word that is German vocabulary and not a borrowed English one: a noun such as
    `Vorstoß`, `Gründer` or `Grafikprozessoren` (a compound of known words)."""
    if language != "de":
        return False
    own, english = zipf(word, "de"), zipf(word, "en")
    return (own >= PART and english < own - 1.0) or is_compound(word)


@cache
def is_compound(word: str) -> bool:
    """Whether a German noun splits into known words (`Grafikprozessoren`, `Chipprojekt`)."""
    if len(word) < 7 or zipf(word, "en") >= 1.0 or not word.isalpha():
        return False
    lowered = word.lower()

    @cache
    def splits(start: int) -> bool:
        if start == len(lowered):
            return True
        for end in range(len(lowered), start + 2, -1):
            part = lowered[start:end]
            forms = (part, part[:-1] if part.endswith("s") and end < len(lowered) else part, part + "en")
            if any(zipf(form, "de") >= PART for form in forms) and splits(end):
                return start > 0 or end < len(lowered)
        return False

    return splits(0)


def name_like(token: str) -> bool:
    """Inner capitals or digits: spelled as names are, not as words (`eBay`, `iPhone`, `DVB-T2`);
    the capital after a hyphen of a compound (`Smart-Home`) does not count, nor an ordinal or a
    decade (`60th`, `1990s`)."""
    if _DIGIT.search(token) is not None and not token.isdigit() and any(c.isalpha() for c in token):
        return _NUMBER_WORD.fullmatch(token) is None
    return any(part[1:].lower() != part[1:] for part in HYPHENS.split(token))


def capitalised(token: str) -> bool:
    """A capital first, or spelled as names are (`eBay`, `al-Amr`)."""
    return token[:1].isupper() or name_like(token) or articled(token)


def articled(token: str) -> bool:
    """A name with Arabic's article joined to it (`al-Amr`, `as-Sisi`): one word, no compound."""
    article = _ARTICLED.match(token)
    return article is not None and article[0][-1].isupper()


def genitive_name(word: str) -> bool:
    """A German genitive of a name (`Googles`): a word in -s whose stem is no word."""
    if not (word.endswith("s") and len(word) > 3 and word[:1].isupper()):
        return False
    base = word[:-1]  # `Thomas` and `Andreas` are names in their own right, more common than the stem
    return how_common(base, "de") < COMMON and how_common(word, "de") < how_common(base, "de") + 1.0


def genitive_of_a_name(body: str, word: str) -> bool:
    """A German genitive of a name the text uses alone too (`Boschs Vorstoß` where it names Bosch),
    not a given name that ends in -s (`Jens Marbeck`)."""
    return (
        genitive_name(word) and re.search(rf"(?<![\w\-]){re.escape(word[:-1])}(?![\w\-])", body) is not None
    )


def genitive_plural_adjective(word: str) -> bool:
    """A German adjective in -er with a capital (`Deutscher`, `Freier`): after a noun, before another,
    the genitive plural that makes the first noun a name's head (`Verein Deutscher Ingenieure`)."""
    return word.endswith("er") and word[:1].isupper() and is_adjective(word)


def spelled_as_a_given_name(word: str) -> bool:
    """A capital, then small letters, each part of a hyphenated name so (`Jeanne`, `Jean-Pierre`,
    `Anatole-Désiré`)."""
    parts = HYPHENS.split(word)
    return all(part[:1].isupper() and part[1:].islower() and part.isalpha() for part in parts)


_RANKS = word_set("general")  # a rank that begins companies' names too (`General Motors`)


def a_rank_before_a_name(words: tuple[str, ...]) -> bool:
    """`General` before a person's full name is a rank, not a word of the name (`General Mark
    Milley`, `General Abd al-Karim Qasim`); not before a company's (`General Motors`, `General
    Electric Company`)."""
    rank, *name = words
    last = name[-1].lower() if name else ""
    person = len(name) >= 2 and spelled_as_a_given_name(name[0]) and not a_head_noun(last)
    return rank.lower() in _RANKS and person and last not in LEGAL_SUFFIXES


def given_name(word: str) -> bool:
    """A word a connector may follow inside a name (`Kris de Decker`, `Ursula von der Leyen`), not a
    noun (`Deutschlandtakt von Deutscher Bahn`) nor a role (`Trainer von Borussia Dortmund`)."""
    return (
        word[:1].isupper()
        and word.isalpha()
        and how_common(word, "de") < 5.0
        and zipf(word, "en") < 4.5
        and not is_compound(word)
        and not strict_noun(word, "de")
        and not is_role(word)
    )


@cache
def strict_noun(word: str, language: str) -> bool:
    """Surely a German noun, not a given name that German uses more than English (`Andreas`): a
    common German word, a compound of them, a word made with a noun ending (`Abzweigungen`,
    `Egoismen`), or an inflected form of a common German noun (`Vermarktern`)."""
    if language != "de" or not word.isalpha():
        return False
    own = zipf(word, "de")
    if (own >= 3.0 and zipf(word, "en") < own - 2.0) or is_compound(word):
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
                zipf(base, "de") >= 3.0 > zipf(base, "en") + 1.5
                or (len(base) >= 8 and is_compound(base.title()))
            )
        ):
            return True
    return False


@cache
def plural_of_word(word: str, language: str) -> bool:
    """A common word with a plural or case ending (`Budgets`, `Kunden`): vocabulary, not a name."""
    lowered = word.lower()
    endings = ("s", "es") if language == "en" else ("s", "en", "n", "e", "er", "ern")
    return any(
        lowered.endswith(ending)
        and len(lowered) - len(ending) >= 3
        and how_common(lowered[: -len(ending)], language) >= COMMON
        for ending in endings
    )


def in_apposition(word: str, language: str) -> bool:
    """A German noun that stands before a name as its description (`Ciderfreund`, `Tochter`), not
    a name spelled as none is (`iPhone 16`)."""
    if language != "de" or not word.isalpha() or word.islower() or name_like(word):
        return False
    if spelled_as_adjective(word):  # `des Auswärtigen Amts`: an adjective of the name
        return False
    own = zipf(word, "de")
    return (
        (own >= 3.0 and zipf(word, "en") < own - 2.0)
        or cue(word) is not None
        or (len(word) >= 11 and is_compound(word))
    )


@cache
def frequent_noun(word: str) -> bool:
    """A frequent word of German that English lacks: a noun after a name (`Bosch Kontrolle`)."""
    own = zipf(word, "de")
    return word.isalpha() and own >= 3.5 and zipf(word, "en") < own - 2.0


_COMMON_IN_ENGLISH = 4.0  # zipf: `Time`, `Team`, `Online`; not `Benz` or `Cola`


def noun_compound(word: str, language: str) -> bool:
    """A hyphenated German noun (`Bertelsmann-Musik-Sparte`, `Waymo-Chef`): in apposition before a
    name. Its last part is a German noun, a word that says what a name is, or a word both languages
    use often (`One-Time`, `Online-Vermarkter`); a name of its own is not (`Mercedes-Benz`,
    `Coca-Cola`: a brand German copy writes as often as a noun, English less)."""
    parts = HYPHENS.split(word)
    branded = name_like(parts[0]) and not parts[0].isupper()
    if language != "de" or len(parts) < 2 or branded or articled(word):
        return False
    tail = parts[-1]
    both = zipf(tail, "de") >= COMMON and zipf(tail, "en") >= _COMMON_IN_ENGLISH
    return native_noun(tail, language) or strict_noun(tail, language) or cue(tail) is not None or both


def a_noun_before_a_name(word: str, language: str) -> bool:
    """A German noun in apposition before a name, no word of it: a hyphenated compound (`Waymo-Chef`,
    see `noun_compound`) or a noun that says what a name is in the genitive (`des früheren Händlers
    Ernano Valdetta`, `des Präsidenten`)."""
    return noun_compound(word, language) or (language == "de" and inflected_cue(word) is not None)


@cache
def is_adjective(word: str) -> bool:
    """A German adjective written with a capital, as inside a name (`Deutsche Bahn`): an inflected
    form of a common adjective (`deutsch`, `europäisch`, `neu`), of one a point of the compass
    begins (`Süddeutsche`), or of a city's (`Frankfurter`)."""
    lowered = word.lower()
    compass = next((point for point in _COMPASS if lowered.startswith(point)), "")
    if compass and len(lowered) > len(compass) + 3 and is_adjective(lowered[len(compass) :]):
        return True
    for ending in ADJECTIVE_ENDINGS:
        base = lowered[: -len(ending)]
        if lowered.endswith(ending) and len(base) >= 2:
            if base in _SHORT_ADJECTIVES or (base.endswith(_ADJECTIVE_SUFFIXES) and zipf(base, "de") >= RARE):
                return True
            if ending == "er" and base.title() in places():
                return True
    return False


# A people's word made from its place's name: `Kenya` → `Kenyan`, `Brazil` → `Brazilian`, `China` →
# `Chinese`, `Israel` → `Israeli`, `Italy` → `Italian`, `Germany` → `German`.
_DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ns", "n", "ese", "is", "i")
_PLACE_ENDINGS = ("", "a", "ia", "y", "o", "e", "as", "any")


@cache
def demonym(word: str, language: str) -> bool:
    """Whether a word names a people or is the adjective of a place (`Kenyan`, `Chinese`; English
    makes them from the place's name) or a common adjective of its kind (`American`, `Islamic`,
    `chinesischer`) or a language's name (`French`), not a thing."""
    if word in places():
        return False
    one = re.match(r"(\w{4,}?)(?:wo)?m[ae]n$", word)  # `Frenchman`, `Scotswomen`: one of a people
    if one and language == "en" and demonym(one[1], language):
        return True
    ending = next((e for e in _DEMONYM_ENDINGS if word.lower().endswith(e)), "")
    adjective = len(word) - len(ending) >= 2 if ending else word in languages()  # not `Fischer`
    # English nouns end so too (`Guardian`, `Historian`, `Ocean`): there only a place's word makes one.
    placed = language == "en" and _of_a_country(word)
    if adjective and how_common(word, language) >= COMMON and (ending not in _NOUN_ENDINGS or placed):
        return True  # a language's name a common word too: `French`, `Dutch`, `Greek`
    return placed  # German: a country's name with an ending is its case there (`den Niederlanden`)


_NOUN_ENDINGS = ("ian", "ean")


def _of_a_country(word: str) -> bool:
    """An English word made from a country's name or a word of one: the name and an ending (`Kenyan`,
    `Korean` of `South Korea`), or, before `-(i)an`, the first four letters of a nation's (`Belgian`,
    `Norwegian`; not a federal state's: `Marymegan` is no Marylander)."""
    stems = [word[: -len(suffix)] for suffix in _DEMONYM_SUFFIXES if word.endswith(suffix)]
    made = (stem + ending for stem in stems if len(stem) >= 3 for ending in _PLACE_ENDINGS)
    if any(name in _words_of(countries()) for name in made):  # the names are among their words
        return True
    stem = _AN.sub("", word)
    return len(stem) >= 4 and stem != word and any(name.startswith(stem[:4]) for name in _words_of(nations()))


_AN = re.compile(r"[ie]?ans?$")


@cache
def _words_of(names: frozenset[str]) -> frozenset[str]:
    """Names and the words of those of several words (`Kenya`; `Korea`, `Arabia`)."""
    return frozenset(word for name in names for word in {name, *name.split()})


GIVEN_NAMES = "given-names.txt"  # written beside the name models by `tools/train_names.py`
CORPUS_NAMES = "corpus-names.tsv"  # the same


def _beside_the_models(name: str) -> str:
    """The text of a list `tools/train_names.py` writes beside the name models, or "" without it."""
    listed = Path(__file__).resolve().parent / "models" / name
    return listed.read_text(encoding="utf-8") if listed.is_file() else ""


@cache
def given_names() -> frozenset[str]:
    """The given names the training corpora's people of two words or more begin with (`Maxine`,
    `Gennadij`): a word the name model weighs in its sentence, the candidates over the whole text
    (see `nametypes`)."""
    return frozenset(_beside_the_models(GIVEN_NAMES).split())


@cache
def _corpus_names() -> dict[str, str]:
    rows = (line.split("\t") for line in _beside_the_models(CORPUS_NAMES).splitlines())
    return {name: kind for name, kind in rows}


def corpus_kind(name: str) -> str | None:
    """The kind the name model's training corpora and the social-media corpora give a name they tag
    twice or more, nearly always as one person, organization or place (`Boeing`, `Lafontaine`,
    `York`), or None: what the annotators knew of a name the text may say nothing of (the model,
    reading a sentence, may not know it either: `Boeing` a person's in one German sentence)."""
    return _corpus_names().get(name)


def a_peoples_word(word: str, language: str) -> bool:
    """A people's adjective or a language's name before a name (see `demonym`), not a given name
    that ends as one (`Julian`, `Christian`, `Brian`)."""
    return demonym(word, language) and word not in given_names()


def spelled_as_adjective(word: str) -> bool:
    """An inflected German adjective by its spelling alone, known to the word list or not
    (`Baltische`, `Westfälischen`): what stands before the noun of a name with an article."""
    lowered = word.lower()
    ending = next((e for e in ADJECTIVE_ENDINGS if lowered.endswith(e)), "")
    base = lowered[: len(lowered) - len(ending)]
    return (bool(ending) and len(base) >= 5 and base.endswith(("isch", "lich", "ig"))) or is_adjective(word)


@cache
def as_word(word: str, language: str, written_small: bool, after_article: bool) -> float:
    """How much a single capitalised word reads as a word of the language rather than a name. The
    word list weighs it; the text outweighs the list: a word the text never writes small, such as
    `Amazon` or `Shell` in English, is not taken for vocabulary, and in German, where every noun is
    capitalised, a word used without an article as names are (`auf Facebook`) is not either."""
    common = how_common(word, language)
    if len(word) < 3 or written_small:
        return 3.0
    if plural_of_word(word, language):
        return 2.0
    if language == "de":
        if is_compound(word):
            return 3.0 if len(word) >= 12 else 1.5  # a long compound is a noun; a short one may be a brand
        if strict_noun(word, language):
            return 4.0
        if native_noun(word, language) and zipf(word, "de") >= COMMON:
            return 2.5  # a German word, though names use it too (`Fischer`)
        return 1.5 if common >= COMMON and after_article else 0.0
    return 1.0 if common >= 5.5 else 0.0


def compound_spells(word: str, letters: list[str]) -> bool:
    """Whether one German compound holds an acronym's letters in order, the first its first
    (`Weltgesundheitsorganisation` and WHO, `Bundeskriminalamt` and BKA)."""
    rest = iter(word[1:].lower())
    first = word[:1].isupper() and word[:1].lower() == letters[0].lower()
    return (
        len(word) >= 10 and word.isalpha() and first and all(letter.lower() in rest for letter in letters[1:])
    )


def written_small(body: str, words: tuple[str, ...]) -> bool:
    """Whether the text writes the phrase with its adjective in lower case too (`künstliche
    Intelligenz` beside `Künstliche Intelligenz`): a phrase of the language, not a name."""
    stem = words[0].lower()
    for ending in ADJECTIVE_ENDINGS:
        if stem.endswith(ending):
            stem = stem[: -len(ending)]
            break
    return re.search(rf"(?<!\w){re.escape(stem)}\w*\s+{re.escape(words[-1][:4])}", body) is not None


def national(word: str, language: str) -> bool:
    """A country's name or its adjective (`German`, `US`, `französische`)."""
    return word in countries() or demonym(word, language) or word in NATIONS_SHORT
