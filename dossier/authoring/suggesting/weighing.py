"""The name model's word on what the evidence rules found: an occurrence the model tags as a name
gains evidence and keeps the model's kind, one voice among the text's cues to its type (see
`type_votes`); an occurrence the model tags no word of as a name loses a little, one German word
spelled as a noun more, a German genitive of a name it tags elsewhere nothing. Where the model is
sure of a person inside a German run, nouns beside the name are cut off; where it takes for a name
words the rules cut into pieces (`Markus Söder`: a surname German uses more than English reads as a
noun; `IG Metall`), the pieces are one name, the surname alone no noun, and one word it is nearly
sure of no word (`Commerzbank`). Otherwise the rules decide where a name begins and ends and fold its
forms into one candidate; the model weighs, it does not veto.

The weights were set on the tuning halves alone: of the saved pages (tests/halves.yaml) and of GUM's
Wikinews articles (benchmarks/wikinews.py). There the model's taking 0.75 for an occurrence it tags
as no name brings the not-names among the first 15 candidates from 12 % to 9 %, all main entities
kept; its word for a name counting 6 times its confidence, not 1.5, ranks the names it finds above
those the rules alone find (the pages: 53 of 54 main entities, not 52, the same share typed;
Wikinews: about 25 more names typed as GUM types them, among 20 more names; 5 to 8 give the same on
the pages, 10 loses a main entity, so 6 sits inside the plateau). An event's name is exempt:
the corpora tag no events, so the model's silence says nothing of one (without the exemption an
event of the MiMo seeds fell out of their first 40 candidates).

`FINDER` says what finds names: `both` (the default), `rules` alone or the `model` alone (its names
as occurrences, their evidence its confidence): the benchmark's ablation sets it.
"""

from __future__ import annotations

import bisect
from collections import Counter
from pathlib import Path

from .cues import POSTNOMINALS, STORM_WORDS, a_head_noun, cue
from .namemodel import Name, names_in
from .occurrences import DETERMINERS, KEEP, NO_NAME, Occurrence, Text, merged_into, no_name
from .runs import LINKS, PARTICLES, POSSESSIVE
from .vocabulary import HYPHENS, genitive_name

FINDER = "both"
SAYS_NAME = 6.0  # evidence an occurrence the model tags as a name gains, times its confidence
SAYS_WORD = 0.75  # evidence an occurrence loses when the model tags none of its words as a name
# More where the occurrence is one German word spelled as any noun is (a capital, then small letters,
# or a compound ending so) and no longer name of the text holds it: in a language that capitalises
# every noun, that is most often a noun; a surname used alone is a word of the full name.
SAYS_NOUN = 1.5
SURE_PERSON = 0.9  # the model's confidence in a person that cuts German nouns off its name
SURE_NAME = 0.95  # the model's confidence in one word that no word penalty of the rules sinks
JOIN_PERSON = 0.5  # the model's confidence in a person that joins the pieces the rules cut it into
JOINED = 2.0  # evidence a person's name the model joins gains over its best piece: a name of two words
# The small words inside an institution's name the model finds: its links, and `und`/`and`.
_INSIDE_AN_INSTITUTION = LINKS | {"und", "and"}
NO_FINER_TYPE = "none finer"  # the vote of an `OTHER_HEADS` word (`… Act`, `… Prize`): other, no product
FINER_TYPES = ("product", "event", "publication")  # the engine's types finer than the corpora's kinds
MODEL_VOTE = 3.0  # the weight of the model's kinds among the votes for a name's type (`type_votes`)


def weighed(text: Text, occurrences: list[Occurrence], store: Path | None = None) -> list[Occurrence]:
    """The occurrences the rules found, weighed by the names the model finds in the text (`store`:
    where the model keeps what it found, see `namemodel.names_in`)."""
    if FINDER == "rules":
        return occurrences
    names = names_in(text.body, text.language, store)
    if FINDER == "model":
        return [found for found in (_occurrence(text, name) for name in names) if found.words]
    if not names:
        return occurrences
    occurrences = _names_joined(text, occurrences, names)
    starts = [name.start for name in names]
    # The words of longer names (`Krafcik` of `John Krafcik`): a surname alone is no noun.
    in_longer = {word for o in occurrences if len(o.words) > 1 for word in o.words}
    tagged = {text.body[name.start : name.end] for name in names}
    for occurrence in occurrences:
        if occurrence.evidence == NO_NAME or no_name(occurrence.words, text.language):
            continue  # no word of the model makes a name of `R&D`, of `Chinese` (a corpus's MISC), of a
            # unit after a number: the rules' veto, not a sum of penalties that reached as low
        overlapping = _overlapping(names, starts, occurrence.start, occurrence.end)
        if not overlapping:
            if len(occurrence.words) > 1 and cue(occurrence.words[-1]) == "event":
                continue  # `… Partner Conference`: the corpora tag no events, the model cannot know one
            if len(occurrence.words) > 1 and text.language == "en" and not occurrence.initial:
                continue  # English writes capitals inside a sentence for names, and the English model
                # misses most organizations (recall 0.33–0.48 held apart): its silence says little
            if _genitive_of_a_tagged_name(text, occurrence, tagged):
                continue  # `des Ruhrgebiets` where the model tags `im Ruhrgebiet`: it misses genitives
            noun = _spelled_as_a_noun(text, occurrence) and occurrence.words[0] not in in_longer
            occurrence.evidence -= SAYS_WORD + (SAYS_NOUN if noun else 0.0)
            continue
        best = max(overlapping, key=lambda name: name.confidence)
        if text.language == "de" and len(occurrence.words) > 1:
            _cut_to_the_person(text, occurrence, best)
        surname = (
            best.kind == "person" and best.confidence >= JOIN_PERSON and occurrence.words[0] in in_longer
        )
        if len(occurrence.words) == 1 and (surname or best.confidence >= SURE_NAME):
            # No word the rules' penalties sink: `Schäuble` of `Wolfgang Schäuble`, `Commerzbank`.
            occurrence.evidence = max(occurrence.evidence, 0.0)
        occurrence.evidence += SAYS_NAME * best.confidence
        # A name the model finds before the occurrence's head noun is a word of it, and its kind that
        # word's (the place of `Vietnam War`): the head types the whole.
        whole = best.end >= occurrence.end or not a_head_noun(occurrence.words[-1])
        if whole and not _inside_a_larger_thing(text, occurrence, best):
            occurrence.kinds[best.kind] += best.confidence
    return occurrences


def type_votes(occurrences: list[Occurrence]) -> Counter:
    """The votes for a name's type: the text's cues around each occurrence, and the model's kinds
    as one voice (`MODEL_VOTE` shared by the kinds it gave, in proportion to the occurrences it
    gave each): a model that takes a foreign company's name for a person's every time does not
    outvote what the text says of it."""
    votes: Counter = Counter()
    said: Counter = Counter()
    for occurrence in occurrences:
        votes.update(occurrence.hints)
        said.update(occurrence.kinds)
    for kind, confidence in said.items():
        votes[kind] += MODEL_VOTE * confidence / len(occurrences)
    return votes


def type_of(votes: Counter) -> str:
    """The type the votes give a name. The model's `other` says only that the name is no person,
    organization or place; where the text shows which finer type it is (a product, an event, a
    publication), `other` votes for that type, and where it shows none, for a product: the thing
    news copy names most often that is none of the three (on the tuning half's pages, read by
    hand, products are 21 of the 37 names typed product or other)."""
    votes = Counter(votes)
    finer = [kind for kind in FINER_TYPES if votes[kind] > 0]
    if votes["other"] > 0:
        votes[max(finer, key=lambda kind: votes[kind]) if finer else "product"] += votes.pop("other")
    votes["other"] += votes.pop(NO_FINER_TYPE, 0)  # a law, a treaty, a prize, a data set
    top = votes.most_common(1)
    return top[0][0] if top and top[0][1] > 0 else "other"


def _inside_a_larger_thing(text: Text, occurrence: Occurrence, name: Name) -> bool:
    """Whether the model's name of no person, organization or place reaches past the occurrence
    over a word in small letters that links no name's words, or a colon or a dash: a work's title
    or a sentence the model took for one (`Das Beispiel: Anna Wahlmer`, `Schatten der Stadt - Men
    Of The City mit Otto Palberg`), whose kind is not the name's inside it."""
    if name.kind != "other":
        return False
    outside = text.body[name.start : max(name.start, occurrence.start)].split()
    outside += text.body[min(name.end, occurrence.end) : name.end].split()
    return any(
        (word.isalpha() and word.islower() and word not in _INSIDE_AN_INSTITUTION | PARTICLES)
        or word.endswith(":")
        or word in ("-", "–")
        for word in outside
    )


def _genitive_of_a_tagged_name(text: Text, occurrence: Occurrence, tagged: set[str]) -> bool:
    """One German word in -s or -es whose stem the model tags as a name elsewhere in the text."""
    word = occurrence.words[0]
    if text.language != "de" or len(occurrence.words) != 1 or not word.endswith("s"):
        return False
    return word[:-1] in tagged or (word.endswith("es") and word[:-2] in tagged)


def _spelled_as_a_noun(text: Text, occurrence: Occurrence) -> bool:
    """One German word spelled as a noun is: a capital, then small letters (`Dokumentar`), or a
    compound ending in one (`QR-Code`)."""
    word = occurrence.words[0] if len(occurrence.words) == 1 else ""
    last = HYPHENS.split(word)[-1]
    return text.language == "de" and last[:1].isupper() and last[1:].islower() and len(last) > 2


def _cut_to_the_person(text: Text, occurrence: Occurrence, name: Name) -> None:
    """A German noun before or after a person's name is no word of it (`Text Juan Morenos`, `Rudolf
    Augsteins Motto`): where the model is sure of the person inside the words and every word outside
    is spelled as a noun, the occurrence is the person's name."""
    inside = occurrence.start <= name.start and name.end <= occurrence.end
    if name.kind != "person" or name.confidence < SURE_PERSON or not inside:
        return
    outside = (text.body[occurrence.start : name.start] + " " + text.body[name.end : occurrence.end]).split()
    nouns = all(word[:1].isupper() and word[1:].isalpha() and word[1:].islower() for word in outside)
    if outside and nouns and not any(word.lower() in STORM_WORDS for word in outside):  # `Sturm Xaver`
        occurrence.start, occurrence.end = name.start, name.end
        occurrence.words = tuple(text.body[name.start : name.end].split())


def _names_joined(text: Text, occurrences: list[Occurrence], names: list[Name]) -> list[Occurrence]:
    """Where the model takes for a name words the rules cut into pieces or kept in part (`Markus
    Söder`: a surname German uses more than English reads as a noun; `Frank-Walter Steinmeier`; `IG
    Metall`, `FC Bayern München`), the pieces are one occurrence of the model's name, where no piece
    reaches out of it (see `_joinable`)."""
    joined = sorted(occurrences, key=lambda o: o.start)
    for name in names:
        if _joinable(text, name):
            joined = merged_into(text.body, joined, name.start, name.end, _joined_evidence)
    return joined


def _joined_evidence(pieces: list[Occurrence]) -> float | None:
    return max(piece.evidence for piece in pieces) + JOINED if pieces else None


def _joinable(text: Text, name: Name) -> bool:
    """A name of several capitalised words (and a name's particles) the model gives even odds of a
    person's or is sure of otherwise; none of its words a role's or a company's (`Chef`, `Konzern`)
    but an institution's head noun, last or before a link (`Neue Zürcher Zeitung`,
    `Bundesministerium für Wirtschaft`); no article first (`Die Media Broadcast` at a sentence's
    start), no genitive before its last word (`Alibabas QwQ-32B` is Alibaba's model, `King Arthur's
    Court` a court), no digit in a person's name."""
    name_text = text.body[name.start : name.end]
    words = name_text.split()
    if name.confidence < (JOIN_PERSON if name.kind == "person" else SURE_PERSON) or len(words) < 2:
        return False
    # An institution's head noun is a word of its name: last (`Neue Zürcher Zeitung`) or before a
    # link (`Bundesministerium für Wirtschaft`); the links between are its words too.
    institution = name.kind != "person"
    heads = {i for i in range(len(words)) if i == len(words) - 1 or words[i + 1] in _INSIDE_AN_INSTITUTION}
    linked = {i for i in range(1, len(words) - 1) if words[i] in _INSIDE_AN_INSTITUTION}
    if not all(
        (word[:1].isupper() and (not cue(word) or (institution and index in heads)))
        or word in PARTICLES
        or (institution and index in linked)
        for index, word in enumerate(words)
    ):
        return False
    possessive = any(word.endswith(POSSESSIVE) for word in words[:-1])  # `King Arthur's Court`
    genitive = possessive or (text.language == "de" and any(genitive_name(word) for word in words[:-1]))
    digits = name.kind == "person" and any(c.isdigit() for c in name_text)
    honoured = words[-1] in POSTNOMINALS  # `Daniel Bernoulli FRS`: the rules cut the letters off
    listed = any(word.endswith(",") for word in words)  # `Exeter, Devon`: a town, then its county
    return words[0].lower() not in DETERMINERS and not genitive and not digits and not honoured and not listed


def _overlapping(names: list[Name], starts: list[int], start: int, end: int) -> list[Name]:
    found = []
    index = max(0, bisect.bisect_right(starts, start) - 1)
    while index < len(names) and names[index].start < end:
        if names[index].end > start:
            found.append(names[index])
        index += 1
    return found


def _occurrence(text: Text, name: Name) -> Occurrence:
    words = tuple(text.body[name.start : name.end].split())
    return Occurrence(name.start, name.end, words, False, 2 * KEEP * name.confidence, Counter(),
                      Counter({name.kind: name.confidence}))  # fmt: skip
