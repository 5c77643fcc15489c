"""The forms a text names one thing by (`Deutsche Bahn`, `Deutschen Bahn`, `DB`), what stands
around each, and the one that titles the candidate they make: the longest, not a German genitive
of another, in the nominative as its page would be titled, without a country or an article the
text does not write with it."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from ...syntax.names import name_key
from .cues import (
    NATIONS_SHORT,
    a_head_noun,
    cue,
    federal_institution,
    head_at,
    named_institution,
    nations,
    places,
    word_set,
)
from .occurrences import Occurrence
from .vocabulary import (
    ADJECTIVE_ENDINGS,
    HYPHENS,
    a_peoples_word,
    genitive_name,
    is_adjective,
    spelled_as_adjective,
)


@dataclass
class Form:
    words: tuple[str, ...]
    language: str
    occurrences: list[Occurrence] = field(default_factory=list)
    spellings: Counter = field(default_factory=Counter)
    articles: Counter = field(default_factory=Counter)  # the German article before each occurrence
    before_a_noun: int = 0  # occurrences a capitalised word follows (`Rudolf Augsteins Motto`)
    after_a_nation: int = 0  # occurrences a country's name stands before (`US` in `US Congress`)
    after_the: int = 0  # occurrences after a small `the` (`the Church of Scientology`)

    @property
    def text(self) -> str:
        return self.spellings.most_common(1)[0][0]

    def add(self, body: str, occurrence: Occurrence) -> None:
        """One more occurrence of the form in `body`, with what stands around it."""
        self.occurrences.append(occurrence)
        self.spellings[" ".join(occurrence.words)] += 1
        article = _ARTICLE.search(body, max(0, occurrence.start - 12), occurrence.start)
        self.articles[article.group(1).lower() if article else ""] += 1
        self.before_a_noun += bool(_CAPITAL_NEXT.match(body, occurrence.end))
        self.after_a_nation += _nation(body[max(0, occurrence.start - 40) : occurrence.start].split()[-1:])
        self.after_the += body[max(0, occurrence.start - 4) : occurrence.start] == "the "


def stem_key(words: tuple[str, ...]) -> str:
    """A multi-word name with its adjectives' endings cut and its hyphens spaces: `Europäischen
    Gerichtshof` and `Europäischer Gerichtshof` give the same, `Creative-Commons` and `Creative Commons`
    (and `DVB‐T`, its hyphen another of Unicode's, and `DVB-T`)."""
    stems = []
    for word, following in itertools.pairwise(words):
        lowered = word.lower()
        if following == "für" and _GENITIVE_HEAD.search(lowered):  # `des Bundesministeriums für …`
            lowered = _GENITIVE_HEAD.sub("", lowered)
        lowered = named_institution(word) or lowered  # `des Amtsgerichts Köln`
        for ending in ADJECTIVE_ENDINGS:
            if lowered.endswith(ending) and (len(lowered) > len(ending) + 3 or is_adjective(word)):
                lowered = lowered[: -len(ending)]
                break
        stems.append(lowered)
    return name_key(HYPHENS.sub(" ", " ".join([*stems, words[-1]])))


_GENITIVE_HEAD = re.compile(r"(?<=\w{4})e?s$")


def _genitive_head(form: Form) -> bool:
    """A German institution's head noun in the genitive before its link (`Bundesministeriums für`), or
    its noun first (`Amtsgerichts Köln`)."""
    pairs = itertools.pairwise(form.words)
    first = form.words[0].lower()
    return any(following == "für" and word.endswith("s") for word, following in pairs) or (
        named_institution(first) not in (None, first)
    )


def longest(chosen: list[Form]) -> list[Form]:
    """The forms with the most words."""
    most = max(len(form.words) for form in chosen)
    return [form for form in chosen if len(form.words) == most]


def title_of(chosen: list[Form]) -> tuple[Form, str]:
    """The form that titles the candidate the `chosen` forms make, and its name as titled."""
    stems = {stem_key(form.words) for form in chosen}
    # The longest form, not a German genitive of another (`Karla Wendlands`, `Bundestages`), not an
    # acronym where a word spells it out (`Weltgesundheitsorganisation (WHO)`), the most used.
    best = max(
        longest(chosen),
        key=lambda form: (
            not {stem_key(form.words)[:-1], stem_key(form.words)[:-2]} & stems and not _genitive_head(form),
            not form.text.isupper(),
            len(form.occurrences),
            -form.occurrences[0].start,
        ),
    )
    best = _before_a_person(_without_article(_without_nation(best, chosen), chosen), chosen)
    best = _without_middle_name(_without_people(best, chosen), chosen)
    if best.language != "de":
        return best, best.text
    name = _titled(best, chosen)
    institution = named_institution(best.words[0])
    if institution and len(institution) < len(best.words[0]) and name.startswith(best.words[0]):
        name = best.words[0][: len(institution)] + name[len(best.words[0]) :]  # `Amtsgerichts Köln`
    if len(best.words) == 1 and federal_institution(name):
        name = _GENITIVE_HEAD.sub("", name)  # `des Bundesrechnungshofs`: no federal head ends in -s
    if name not in places() and name[:-1] in places() and name.endswith(("s", "n")):
        name = name[:-1]  # a place's genitive or dative: `Frankreichs`, `New Yorks`, `den Niederlanden`
    name = _nominative_head(name, best)
    return best, name[:-1] if _prenominal_genitive(best, chosen) else name  # `Rudolf Augsteins Motto`


def _without_middle_name(best: Form, chosen: list[Form]) -> Form:
    """A person's name titled without the middle name the text writes once (`Matthew Goode`, where
    it also writes `Matthew William Goode`): the form without it, where the text uses it as often."""
    words = best.words
    short = next((form for form in chosen if len(words) > 2 and form.words == (words[0], words[-1])), None)
    return short if short is not None and len(short.occurrences) >= len(best.occurrences) else best


# The article before a name, an opening quotation mark between (`der „Süddeutschen Zeitung“`).
_ARTICLE = re.compile(r"\b(der|die|das|dem|des|im|vom|zum|beim)\s+[„“\"»«‚‘']?$", re.IGNORECASE)
_CAPITAL_NEXT = re.compile(r" [A-ZÄÖÜ][a-zäöüß]")


def _prenominal_genitive(form: Form, chosen: list[Form]) -> bool:
    """A German name of several words in the genitive before a noun, every time the text writes it:
    `Rudolf Augsteins Motto` (the last word a genitive whose stem is no word, see `genitive_name`, or
    one the text uses alone: `Markus Söders Kabinett` and `Söder`)."""
    last = form.words[-1]
    several = len(form.words) > 1 and form.text.endswith(last)
    stem_alone = last.endswith("s") and any(other.words == (last[:-1],) for other in chosen)
    genitive = genitive_name(last) or stem_alone
    return several and genitive and form.before_a_noun == len(form.occurrences)


# A German adjective's ending after the article, and the ending of the name as it is titled (the
# adjective's strong form, without an article): `der Europäische Gerichtshof` is the Europäischer
# Gerichtshof, `das Statistische Bundesamt` the Statistisches, `der Deutschen Bahn` the Deutsche
# (feminine genitive or dative), `die Vereinigten Staaten` the Vereinigte (a plural). After `dem`,
# `den` and `des` masculine and neuter look alike; the spelling stays as the text writes it.
_TITLED_ENDINGS = {("der", "e"): "er", ("das", "e"): "es", ("die", "e"): "e", ("der", "en"): "e",
                   ("die", "en"): "e"}  # fmt: skip


def _titled(best: Form, chosen: list[Form]) -> str:
    """A German name with adjectives as its page would be titled: in the nominative, without the
    article (see `_TITLED_ENDINGS`); the text's own spelling where its articles do not tell. Only
    the adjectives before the name's head agree with its article (not `geistigen` in `Verband zum
    Schutz geistigen Eigentums`)."""
    # A place's adjective in -er may stand among the adjectives: it takes no ending to agree.
    agreeing = [spelled_as_adjective(word) for word in best.words[:-1]]
    placed = [a or _place_adjective(word) for a, word in zip(agreeing, best.words, strict=False)]
    adjectives = [i for i in itertools.takewhile(lambda i: placed[i], range(len(placed))) if agreeing[i]]
    if not adjectives:
        return best.text
    votes: Counter = Counter()
    stem = stem_key(best.words)
    gender = _gender(best.words[head_at(best.words)])
    for form in chosen:
        if len(form.words) != len(best.words) or stem_key(form.words) != stem:
            continue
        ending = _ending(form.words[adjectives[0]])
        for article, count in form.articles.items():
            titled = _TITLED_ENDINGS.get((article, ending))
            if titled is None and ending == "en" and article in _OBLIQUE and gender:
                titled = "er" if gender == "m" else "es"  # `im Deutschen Bundestag`: a masculine noun
            if titled:
                votes[titled] += count
    if not votes:
        return best.text
    ending = votes.most_common(1)[0][0]
    words = best.text.split()
    if len(words) != len(best.words):
        return best.text
    for i in adjectives:
        words[i] = words[i][: len(words[i]) - len(_ending(words[i]))] + ending
    return " ".join(words)


def _place_adjective(word: str) -> bool:
    """A German place's adjective in -er, which takes no ending (`Frankfurter`, `Zürcher`, `Kieler`)."""
    return word[:1].isupper() and word.endswith("er") and len(word) > 4 and not spelled_as_adjective(word)


# After `dem`, `des` and the articles joined to a preposition, masculine and neuter look alike; the
# noun's ending tells most institutions' gender (`Bundestag`, `Rundfunk`; `Bundesamt`, `Museum`).
_OBLIQUE = frozenset({"dem", "des", "im", "vom", "zum", "beim"})
_MASCULINE = (
    "tag", "hof", "bund", "fonds", "dienst", "funk", "verein", "verband", "rat", "konzern", "kreis",
    "markt", "hafen", "sender", "ausschuss", "gipfel", "kongress", "preis", "senat", "club", "klub",
    "krieg", "dom", "turm",
)  # fmt: skip
_NEUTER = (
    "amt", "museum", "parlament", "institut", "gericht", "ministerium", "zentrum", "kreuz", "fernsehen",
    "werk", "haus", "theater", "orchester", "netz", "unternehmen", "büro", "archiv", "kabinett",
    "krankenhaus", "klinikum", "komitee", "königreich", "reich", "fest", "stadion",
)  # fmt: skip


def _gender(noun: str) -> str:
    """`m` or `n` by a German noun's ending, in the genitive too (`Parlaments`, `Bundestages`), or
    nothing where the ending does not tell."""
    lowered = noun.lower()
    return _gender_by_ending(lowered) or _gender_by_ending(_GENITIVE_HEAD.sub("", lowered))


def _gender_by_ending(lowered: str) -> str:
    return "m" if lowered.endswith(_MASCULINE) else "n" if lowered.endswith(_NEUTER) else ""


def _nominative_head(name: str, best: Form) -> str:
    """A German institution's name the text writes only after `des`, its head noun in the nominative
    where the genitive's ending hides the gender its stem tells (`des Europäischen Parlaments`, `des
    Deutschen Instituts für Wirtschaftsforschung`; not `Währungsfonds`) or the head noun it is (`des
    Silicon Valleys`, `des Wall Street Journals`)."""
    words = name.split()
    if set(best.articles) != {"des"} or len(words) != len(best.words) or len(words) < 2:
        return name
    head = head_at(best.words)
    stem = _GENITIVE_HEAD.sub("", words[head])
    hidden = not _gender_by_ending(words[head].lower()) and _gender_by_ending(stem.lower())
    borrowed = not a_head_noun(words[head]) and a_head_noun(stem)  # `des Silicon Valleys`
    if stem != words[head] and (hidden or borrowed):
        words[head] = stem
    return " ".join(words)


def _ending(word: str) -> str:
    lowered = word.lower()
    long_enough = (e for e in ADJECTIVE_ENDINGS if len(lowered) > len(e) + 3 or is_adjective(word))
    return next((e for e in long_enough if lowered.endswith(e)), "")


def _without_nation(best: Form, chosen: list[Form]) -> Form:
    """A country's name before an institution's that the text also uses alone, with no country
    before it, is no word of it (`US Congress` and `Congress`; not `China Mobile` where only the
    start of a sentence cut the country off), and a country's short form before a national or federal
    institution's (`US National Park Service`, `US Federal Reserve`; not `China National Petroleum
    Corporation`, a company's name); the form with it is an alias."""
    if len(best.words) > 1 and _nation(best.words[:1]):
        rest = best.words[1:]
        if best.words[0] in NATIONS_SHORT and len(rest) > 1 and rest[0] in _NATIONAL:
            return Form(rest, best.language, best.occurrences, Counter({" ".join(rest): 1}))
        alone = (form for form in chosen if form.words == rest)
        return next((form for form in alone if form.after_a_nation < len(form.occurrences)), best)
    return best


_NATIONAL = frozenset({"National", "Federal"})


def _without_people(best: Form, chosen: list[Form]) -> Form:
    """In English, a people's adjective or a language's name before one word the text also names
    alone is no word of the name (`American YouTube`, `English wikiHow`): the word alone, where its
    own evidence says it is a name (not `Airways` of `British Airways`). Not before two words (`the
    Chinese Communist Party` is one party's name); not in German (`Deutsche Bank`, and the noun
    `Bank`)."""
    if best.language != "en" or len(best.words) != 2 or not a_peoples_word(best.words[0], "en"):
        return best
    if a_head_noun(best.words[1]):
        return best  # an institution's head noun alone is its name cut short (`the Commission`)
    named = (form for form in chosen if form.words == best.words[1:])
    return next((form for form in named if sum(o.evidence for o in form.occurrences) > 0), best)


def _without_article(best: Form, chosen: list[Form]) -> Form:
    """A name the text writes after a small `the` more often than with a capital `The` inside a
    sentence is titled without it (`the Church of Scientology`, once quoted as `The Church of
    Scientology`; not `The Crown`, a title the text always writes so)."""
    if len(best.words) < 2 or best.words[0] != "The":
        return best
    bare = next((form for form in chosen if form.words == best.words[1:]), None)
    return bare if bare is not None and bare.after_the > len(best.occurrences) else best


def _before_a_person(best: Form, chosen: list[Form]) -> Form:
    """A place, a people, a party or a rank before a name in one run of capitals is no word of it
    (`Ambassador to the United States Hamdullah Mohib`, `Republican Mitt Romney`, `Captain Lisa
    Quent`, `United Kingdom Home Office`) where the text names it by its last word alone (a person
    by the surname): the name is the rest (two words at least, none a cue), the whole an alias."""
    words = best.words
    surname = any(form.words == words[-1:] for form in chosen)
    for cut in (1, 2):
        before, rest = " ".join(words[:cut]), words[cut:]
        described = before in places() or a_peoples_word(before, best.language) or _an_adherent(before)
        if surname and len(rest) >= 2 and described and not any(cue(word) for word in rest):
            return Form(rest, best.language, best.occurrences, Counter({" ".join(rest): 1}))
    return best


# A party's man or woman, and a rank that begins a name's run as often as a company's or a hero's
# name (`General Motors`, `Captain America`): no word of a person's name the text uses alone.
_BEFORE_NAMES = word_set(
    "republican democrat tory conservative liberal socialist communist general major captain"
)


def _an_adherent(word: str) -> bool:
    """A party's or a faith's man or woman (`Republican`, `Scientologist`, `Buddhist`), or a rank
    (see `_BEFORE_NAMES`), or their plural before two names (`Generals Rowan Delmare and …`)."""
    ranked = word.lower().removesuffix("s") in _BEFORE_NAMES  # none of them ends in -s
    return ranked or (len(word) >= 7 and word.endswith(("ist", "ists")))


def _nation(words: list[str] | tuple[str, ...]) -> bool:
    return bool(words) and (words[0] in nations() or words[0] in NATIONS_SHORT)
