"""The type of a candidate name: the votes of the text's cues and the name model around its
occurrences (`weighing.type_votes`), and what the name's own words and forms say of it.

A surname used alone makes a person; a head word an institution, a paper, a place, a law or an
event (`Marine Stewardship Council`, `Süddeutsche Zeitung`, `Bank of America`, `The Washington
Post`, `Dead Sea`, `… Protocol`, `World War II`), and so does the head of one German compound
(`Handelsblatt`); a storm's word or a compass word first an event or a place (`Hurricane Katrina`,
`North Yorkshire`); a small letter first or a model number a product (`iPhone`, `A380`); a digit
rules a person out. One word the text never shows as a person's is no person,
whatever the model makes of a word it does not know. A name the annotated corpora tag as one kind
nearly every time votes for that kind (`corpus_kind`).
"""

from __future__ import annotations

import re
from collections import Counter

from ...syntax.names import name_key
from .cues import (
    CLUB_FIRST_WORDS,
    COMPANY_WORDS,
    COMPASS_WORDS,
    EVENT_ENDINGS,
    EVENT_HEADS,
    FOREIGN_HEADS,
    LEGAL_SUFFIXES,
    NEWSPAPER_HEADS,
    ORGANIZATION_HEADS,
    ORGANIZATION_TAILS,
    OTHER_HEADS,
    PLACE_FIRST_WORDS,
    PLACE_HEADS,
    STORM_WORDS,
    a_head_noun,
    cue,
    federal_institution,
    named_institution,
    nations,
    places,
)
from .frequency import how_common
from .occurrences import DETERMINERS, Occurrence
from .runs import LINKS, MODEL_WORDS, PARTICLES, a_year
from .vocabulary import (
    COMMON,
    RARE,
    a_peoples_word,
    corpus_kind,
    demonym,
    given_names,
    is_adjective,
    name_like,
    spelled_as_a_given_name,
    spelled_as_adjective,
)
from .weighing import FINER_TYPES, NO_FINER_TYPE, SURE_PERSON, type_of, type_votes

Words = tuple[str, ...]

# The model's mean confidence in a person over the occurrences of one word it tags that keeps the
# word a person's where the text shows nothing of it (see `type_of_name`). Set on the tuning sets: at
# 0.9 (the model sure), GermEval's test sentences typed 1,365 of 1,585 names, at 0.5 1,396; PUD's
# tuning documents 507 and 535 of 670; GUM's other genres 2 more, GUM's Wikinews the same, the pages'
# tuning half one fewer (`Gravis`, a German retailer); at 0.3 the pages lose another. The mean over
# the occurrences it tags, not over all (6 December): PUD's tuning documents 4 more typed in German,
# 2 in English, GermEval 2, the rest the same (at 0.4 the pages lose one, at 0.6 GermEval 6).
LIKELY_PERSON = 0.5


def type_of_name(
    name: str, words: Words, forms: list[Words], occurrences: list[Occurrence], alone: frozenset[str]
) -> str:
    """The type of the name titled `name`, its words `words`, the text's `forms` of it (`words`
    among them) and their `occurrences` (`alone`: the words the text uses alone as names)."""
    hints = type_votes(occurrences)
    person = sum(o.kinds["person"] for o in occurrences) / len(occurrences)  # the model's mean confidence
    # A place of several words the gazetteer knows is no person's: a role before it is its holder's
    # (`der Bürgermeister New Yorks`, `die Regierung Sri Lankas`).
    several = name in places() and len(words) > 1
    if several:
        hints.pop("person", None)
    if name in places() and (person < SURE_PERSON or several):
        hints["place"] += 4  # not where the model is sure of a person (`„…“, hoffte Darwin`)
    hints.update(_forms_say(words, forms, alone, _model_says_a_thing(words, occurrences)))
    if 2 <= len(words) <= 3 and words[0] in given_names() and _a_persons(words):
        hints["person"] += 2  # `Gennadij Quellbrink`, whom the model, in its sentence, took for a firm
    elif len(words) == 2 and _a_persons(words) and all(_rare_name(word) for word in words):
        hints["person"] += 2  # `Tadeo Varrubel`: two words no vocabulary holds, spelled as names are
    if len(words) > 1:
        titled = tuple(name.split())  # the head in the nominative (`des Hamburger Hafens`)
        hints.update(_head_says(titled if len(titled) == len(words) else words))
    else:
        hints.update(_compound_says(words[0]))
    hints.update(_spelling_says(words, bool(hints)))
    institution = len(words) > 1 and _foreign_institution(words[0])
    if any(c.isdigit() for c in name) or institution:
        hints.pop("person", None)  # `1Password`, `Banco Quillo`: no one's name has a digit or a bank in it
    uncued = not any(vote > 0 for o in occurrences for vote in o.hints.values())
    # The model's mean confidence over the occurrences it tags: its silence on one (inside a longer
    # name, at a sentence's start) says nothing against a person.
    tagged = [o.kinds["person"] for o in occurrences if any(o.kinds.values())]
    likely = sum(tagged) / len(tagged) if tagged else 0.0
    kept = likely >= SURE_PERSON or (likely >= LIKELY_PERSON and uncued)
    if len(words) == 1 and not any(o.hints["person"] for o in occurrences) and not kept:
        # News copy names a person in full before it uses the surname alone: one word the text
        # never names in full nor shows as a person's is a name the model does not know (a foreign
        # company's: `Spotify` in German copy), most often an organization's, where nothing says
        # what it is too; unless the model is sure of a person every time (`Merkel`, whom a text may
        # name so alone), or takes it for a person's more often than not and the text shows nothing
        # else (`"…," Mailis said`: an excerpt's person, named in full before it). Where the text
        # says what else it is (`the Tarvex headset`), the model's doubt votes for nothing.
        person = hints.pop("person", 0)
        if not any(o.hints[kind] > 0 for o in occurrences for kind in (*FINER_TYPES, "place")):
            hints["organization"] += person
        if not any(vote > 0 for vote in hints.values()):
            hints["organization"] += 1  # where nothing says what it is, too (`Snapchat`)
    hints.update(_corpus_says(name, hints))
    return type_of(hints)


# The weight of the kind the corpora give a name (`corpus_kind`): set on the tuning text (1: 19
# names fewer typed right than 3 over all of it, 2: 3 fewer, 4: 1 fewer).
CORPUS_VOTE = 3


def _corpus_says(name: str, hints: Counter) -> Counter:
    """The kind the annotated corpora give the name (`Boeing`, an organization); their organization
    says nothing where the text shows a finer type (a paper, an event, a product: `Handelsblatt`,
    `French Open`), as the corpora tag none."""
    kind = corpus_kind(name)
    finer = any(hints[other] > 0 for other in (*FINER_TYPES, "other", NO_FINER_TYPE))
    return Counter({kind: CORPUS_VOTE} if kind and not (kind == "organization" and finer) else {})


def _model_says_a_thing(words: Words, occurrences: list[Occurrence]) -> bool:
    """Whether the name begins with a word of English's vocabulary (`Google`, `Travel`, `Great`) and
    the model, reading its full form, takes it for no person's more than for one (`Google Chrome`,
    where the text also writes `Chrome`): no surname of a person's name, then."""
    said: Counter = Counter()
    for occurrence in occurrences:
        if occurrence.words == words:
            said.update(occurrence.kinds)
    common = how_common(words[0], "en") >= COMMON
    return common and sum(said.values()) > 2 * said["person"]


def _forms_say(words: Words, forms: list[Words], alone: frozenset[str], thing: bool) -> Counter:
    """A surname used alone makes a person (`Van Gogh` too; not `The Journal` of `The Wall Street
    Journal`, nor `Congress` of `US Congress`), unless the text uses the first word alone too: news
    copy seldom names a person by the given name alone, a product by its maker's name often
    (`Quillo Vantage`, `Vantage` and `Quillo`), or the model reads the full form as a `thing`'s
    (see `_model_says_a_thing`); a first word used alone an organization."""
    votes: Counter = Counter()
    shorts = [form for form in forms if len(form) < len(words)]
    surname = any(last_words(words, form) for form in shorts)
    if surname and len(words) in (2, 3, 4) and _a_persons(words) and words[0] not in alone and not thing:
        votes["person"] += 3
    if any(form == words[:1] for form in shorts) and len(words) > 1:
        votes["organization"] += 1
    return votes


def _rare_name(word: str) -> bool:
    """A word spelled as a given name is that neither German's nor English's vocabulary holds, and
    not as a German adjective (`Norländische`)."""
    rare = how_common(word, "de") < RARE
    return rare and spelled_as_a_given_name(word) and not spelled_as_adjective(word)


def _a_persons(words: Words) -> bool:
    """Whether words could be a person's name: a given name's spelling first, not an article nor a
    German adjective (`The Onion`, `Deutsche Telekom`); no head noun last (`Paralympic Games`, `New
    York Press`, `Palm Springs`); no word that links an institution's head to the rest of its name
    (`Centre for Social Evolution`)."""
    first = words[0]
    spelled = spelled_as_a_given_name(first)
    # `Hurricane Katrina`, `North Yorkshire`, `Landratsamt Harlow`
    not_given = first.lower() in DETERMINERS | STORM_WORDS | PLACE_FIRST_WORDS
    not_given = not_given or named_institution(first) or _foreign_institution(first)
    people = a_peoples_word(first, "en")  # `English Wikipedia`
    given_name = spelled and not not_given and not is_adjective(first) and not people
    headed = a_head_noun(words[-1])
    linked = any(word in LINKS for word in words)
    return given_name and not headed and not linked


def _foreign_institution(word: str) -> bool:
    """A Romance language's institution's noun (`Banco`, `Universidad`): no person's name begins so,
    where a place's word may (`Isla`, `Rue`)."""
    return FOREIGN_HEADS.get(word.lower()) == "organization"


def _head_says(words: Words) -> Counter:
    """What the head word of a name of several words says (`Marine Stewardship Council`,
    `Süddeutsche Zeitung`, `Bank` of America, `The Washington Post`, `Fashion Week`), and a year
    after it (`CES 2024`, not `… Act of 1940`)."""
    votes: Counter = Counter()
    linked = [i for i, word in enumerate(words) if word in LINKS]
    numbered = a_year(words[-1]) or _ROMAN.fullmatch(words[-1])  # `Partner Conference 2025`, `World War II`
    last = words[-2] if len(words) > 2 and numbered else words[-1]
    head = words[linked[0] - 1] if linked and linked[0] > 0 else last
    if named_institution(words[0]):  # `Universität Hamburg`, `Stiftung Warentest`
        head = words[0]
    if words[0].lower() in FOREIGN_HEADS:  # `Banco Santander`, `Museo del Prado`, `Piazza Navona`
        votes[FOREIGN_HEADS[words[0].lower()]] += 3
    elif words[0].lower() in CLUB_FIRST_WORDS and words[0] != words[0].capitalize():
        votes["organization"] += 3  # `SC Freiburg`, `VfB Stuttgart`: a club, not its town
    elif head.lower() in ORGANIZATION_TAILS | COMPANY_WORDS:  # `Frontier Communications`, `Manz Automation`
        votes["organization"] += 3
    elif cue(head) and cue(head) != "person":
        votes[cue(head)] += 3
    elif _newspaper(words):
        votes["publication"] += 3
    elif head.lower() in ORGANIZATION_HEADS:
        votes["organization"] += 3
    elif head.lower() == "reserve" and words[-2].lower() in _RESERVE_HOLDERS:
        votes["organization"] += 3  # `Federal Reserve`, `Army Reserve`: not a nature reserve
    elif head.lower() in PLACE_HEADS:
        votes["place"] += 3
    elif head.lower() in OTHER_HEADS:
        votes[NO_FINER_TYPE] += 3
    if head.lower() in EVENT_HEADS or head.lower().endswith(EVENT_ENDINGS):
        votes["event"] += 3
    if a_year(words[-1]) and words[-2] not in LINKS:
        votes["event"] += 2
    if words[0].lower() in STORM_WORDS:
        votes["event"] += 3  # `Hurricane Katrina`
    elif words[0].lower() in COMPASS_WORDS:
        votes["place"] += 2  # `North Yorkshire`, `Upper Manhattan`; not always (`Western Digital`)
    return votes


_RESERVE_HOLDERS = frozenset({"federal", "central", "army", "naval", "strategic"})
# A compound in `-schau` alone is as often a programme's name as a show's (`Tagesschau`, `Sportschau`).
_EVENT_COMPOUNDS = tuple(ending for ending in EVENT_ENDINGS if ending != "schau")


def _compound_says(word: str) -> Counter:
    """What the head of one German compound says of the name it is: `Handelsblatt` a paper,
    `Bundesgerichtshof` and `Bundesrechnungshof` organizations, `Koreakrieg` and `Oktoberfest`
    events; a person's noun says nothing (a name made of one is no person's)."""
    votes: Counter = Counter()
    kind = "event" if word.lower().endswith(_EVENT_COMPOUNDS) else cue(word)
    kind = "organization" if federal_institution(word) else kind  # `Bundesrechnungshof`
    if kind and kind != "person" and len(word) > 8:
        votes[kind] += 3
    return votes


_ROMAN = re.compile(r"[IVX]{2,5}")
# A variant's letter after a hyphen: a standard's, a connector's, a model's (`DVB-T`, `USB-C`).
_VARIANT = re.compile(r"[A-Z]{2,5}[-‐‑][A-Z]")  # any hyphen (`DVB‐T`)


def _spelling_says(words: Words, said: bool) -> Counter:
    """A small letter first, a model's number or a variant's letter makes a product (`iPhone`,
    `A380`, `DVB-T2`, `Galaxy S24`, `USB-C`); an acronym nothing else was `said` of is most often
    an organization."""
    votes: Counter = Counter()
    first = words[0]
    numbered = len(words) == 1 and any(c.isdigit() for c in first)
    spelled = name_like(first) and (first[:1].islower() or numbered)
    variant = len(words) == 1 and _VARIANT.fullmatch(first) is not None  # `DVB-T`, `USB-C`
    last = words[-1].lower()
    model = len(words) > 1 and last in MODEL_WORDS and last not in LEGAL_SUFFIXES  # `Quillo Plus`, not `… SE`
    if spelled or variant or model or any(_model_code(word) for word in words[1:]):  # `Galaxy S24`
        votes["product"] += 2
    elif not said and len(words) == 1 and first.isupper() and 2 <= len(first) <= 5:
        votes["organization"] += 1  # most name bodies
    return votes


def last_words(long: Words, short: Words) -> bool:
    """Whether `short` is the last word of `long`, or its last words from a particle on (`van Gogh`
    of `Vincent van Gogh`, and `Van Gogh` where it begins a sentence)."""
    tail = long[-len(short) :]
    particle = len(short) > 1 and short[0].lower() in PARTICLES
    return (len(short) == 1 or particle) and name_key(" ".join(tail)) == name_key(" ".join(short))


def _newspaper(words: Words) -> bool:
    """A newspaper's name by its last word (`Financial Times`, `The Denver Post`); a country's or
    its people's post is its postal service (`Canada Post`, `Swiss Post`, `Deutsche Post`)."""
    head, before = words[-1].lower(), words[-2]
    if head not in NEWSPAPER_HEADS:
        return False
    national = before in nations() or demonym(before, "en") or spelled_as_adjective(before)
    return head != "post" or not national


def _model_code(word: str) -> bool:
    """A model's number, code or version after a name (`737`, `S24`, `i5`, `10.10`), not a year."""
    code = len(word) <= 5 and word.replace(".", "").isalnum()
    return any(c.isdigit() for c in word) and code and not a_year(word)
