"""What a new figure or event would be called, made from the words of the sentence that states it.

A figure is named by the noun phrase its number counts or measures: the words after the number
(`24,871 R&D employees`, `sieben Milliarden Parameter`, `$19 billion acquisition of WhatsApp`) or,
where none follow, the words before it (`Erlöse von 775 Millionen Dollar`, `R&D staff of 24,871`).
A number with neither a unit nor a counted noun is no figure. An event is titled by its sentence
without the date words, and keyed by the first words that carry meaning. Keys are made like slugs
(`R&D staff` → `rd-staff`) and are unique in the dossier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..files.slugs import slugify
from .cues import word_set

MAX_LABEL_WORDS = 4
MAX_TITLE_WORDS = 12
KEY_WORDS = 3
MAX_KEY = 40  # characters, before a year or a number that makes it unique

_FUNCTION = word_set(
    "the a an of in on at for to from by with and or but nor that which who whom whose is are was were be "
    "been being has have had will would shall should can could may might must do does did said says it its "
    "this these those than as per about around nearly almost some more less over under up down into onto "
    "since until after before while when where there their they them he she his her we our you your not "
    "no only also just even still yet so such if then year years month months week weeks day days time "
    "times rose fell jumped grew dropped climbed reached totaled totalled increased decreased gained lost "
    "raised cut spent earned paid cost costs costing worth totaling totalling estimated according "
    "der die das den dem des ein eine einen einem einer eines und oder aber doch in im am an auf aus bei "
    "mit nach von vom zu zur zum für über unter um ist sind war waren wird werden wurde wurden hat haben "
    "hatte hatten soll sollen kann können sich als wie pro je rund etwa mehr weniger fast knapp bis seit "
    "jahr jahre jahren monat monate monaten woche wochen tag tage tagen mal nun noch schon bereits auch "
    "nur sogar damit dabei dafür davon darauf insgesamt stieg sank lag liegt beträgt betrug erreichte "
    "kostet kostete kosten something anything nothing everything one ones another other others each "
    "every all both many much most few several another whose which what how why next last first total "
    "overall combined"
)
_LINKS = word_set(
    "of at to by is was are were from for with totaling totalling worth reached hit stood came amounted "
    "von bei auf um mit in für beträgt betrug lag liegt liegen erreichte erreicht stieg sank höhe rund "
    "etwa ca"
)
_OF_THE = re.compile(r"\s+(?:der|des|of the|of its|of their|of)\s+(?=\w)", re.I)
_JOINERS = word_set("of von für")  # inside a label before a name: `acquisition of WhatsApp`
_LEADING = word_set("but and so yet however also doch und aber auch zudem dabei denn")
_DANGLING = re.compile(
    r"\b(?:am|an|im|in|on|at|by|bis|seit|since|from|vom|von|zum|zur|ab|until|for|für|der|dem|den|the|"
    r"early|late|mid|spät|früh)\s*$",
    re.I,
)  # the words that led to a date, left hanging once it is cut out
_WORD = re.compile(r"[^\W_](?:[\w&]|['’\-‑](?=\w))*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”“»«')\]]*\s+(?=[\"„“«»(\[]?[A-ZÄÖÜ0-9])|\n\s*\n|\n(?=[-*#>] )")
_NO_END_AFTER = re.compile(
    r"(?:^|[\s(])(?:\d{1,2}|[A-Za-z]|Dr|Mr|Mrs|Ms|St|Nr|vs|ca|bzw|usw|etc|vgl|inkl|Prof|Mrd|Mio|Tsd|Jan|Feb|"
    r"Aug|Sept|Oct|Okt|Nov|Dec|Dez)\.$"
)


def _sentence_ends(body: str, start: int = 0, end: int | None = None):
    """Where sentences end: at . ! ? before a capital, but not after an ordinal (`17. Dezember`),
    an initial or an abbreviation (`Dr.`, `U.S.`, `Feb.`)."""
    for match in _SENTENCE_END.finditer(body, start, len(body) if end is None else end):
        if "\n" not in match[0] and _NO_END_AFTER.search(body, max(0, match.start() - 8), match.start()):
            continue
        yield match


@dataclass(frozen=True)
class Sentence:
    start: int
    text: str


def sentence_at(body: str, start: int, end: int) -> Sentence:
    """The sentence (or list item, or heading) around `start`…`end`."""
    begin = 0
    for match in _sentence_ends(body, max(0, start - 2000), start):
        begin = match.end()
    found = next(_sentence_ends(body, end), None)
    finish = found.start() if found else len(body)
    return Sentence(begin, body[begin:finish])


def figure_label(body: str, start: int, end: int, language: str, measured: bool) -> str | None:
    """The noun phrase the number at `start`…`end` counts or measures, or None. A number with a unit
    (`measured`) may be named by the words before it; a count only by the noun after it."""
    sentence = sentence_at(body, start, end)
    after = body[end : sentence.start + len(sentence.text)]
    before = body[sentence.start : start]
    german = language.startswith("de")
    found = _phrase_after(after, german)
    linked = [m[0].lower() for m in _WORD.finditer(before)][-1:] in ([w] for w in _LINKS)
    if found is None and (measured or linked):  # `R&D staff grew to 24,871`, `Rekordwert von 24.871`
        found = _phrase_before(before, german)
    if found is None and measured:  # an amount is a figure: named by what its sentence is about
        found = _first_words(before) or _first_words(after)
    return found


def _first_words(text: str) -> str | None:
    """The first words of a stretch of text that carry meaning (`Kroger Holdings`)."""
    words = [m[0] for m in _WORD.finditer(text) if not m[0].isdigit()]
    while words and words[0].lower() in _FUNCTION:
        words.pop(0)
    phrase = []
    for word in words:
        if word.lower() in _FUNCTION or len(phrase) == MAX_LABEL_WORDS - 1:
            break
        phrase.append(word)
    return " ".join(phrase) or None


def _phrase_after(text: str, german: bool) -> str | None:
    """The words right after a number, up to punctuation or a word of grammar: `employees`,
    `R&D employees`, `acquisition of WhatsApp`; in German up to the noun (`neue Mitarbeiter`)."""
    words: list[str] = []
    position = 0
    of_what = _OF_THE.match(text)
    if of_what:  # `elf Prozent der Anteile`, `10 percent of the shares`: what the share is of
        text = " " + text[of_what.end() :]
    for match in _WORD.finditer(text):
        named = german and words and words[-1][:1].isupper()
        if named and match[0][:1].islower() and match[0] not in _JOINERS:
            break  # the noun is named: `11 Likes gesammelt`
        gap = text[position : match.start()]
        if gap.strip(" \u00a0" + ("-‑" if not words else "")):
            break  # punctuation ends the phrase
        word = match[0]
        lowered = word.lower()
        if lowered in _JOINERS and words and _WORD.match(text[match.end() :].lstrip()):
            following = _WORD.match(text[match.end() :].lstrip())
            if following is None or not following[0][:1].isupper():
                break
        elif lowered in _FUNCTION or word.isdigit():
            break
        words.append(word)
        position = match.end()
        if len(words) >= MAX_LABEL_WORDS:
            break
    while words and (words[-1].lower() in _JOINERS or (german and not words[-1][:1].isupper())):
        words.pop()
    return " ".join(words) or None


def _phrase_before(text: str, german: bool) -> str | None:
    """The words before a number and the words linking them to it: `Erlöse` in `Erlöse von`, `R&D
    staff` in `R&D staff grew to`, a list item's label (`Five-year R&D pledge:`); in German the
    nearest noun and its adjective (`stoffliche Wiederverwertung von`)."""
    text = text.rstrip()
    if text.endswith(":"):
        text = text[:-1]
    cut = max(text.rfind(mark) for mark in (",", ";", ":", "(", "—", "–", '"', "“", "„")) + 1
    words = [m[0] for m in _WORD.finditer(text[cut:])]
    if german:
        nouns = [i for i, word in enumerate(words) if word[:1].isupper() and word.lower() not in _FUNCTION]
        if not nouns or len(words) - nouns[-1] > 5:
            return None
        first = nouns[-1]
        previous = words[first - 1] if first else ""
        inflected = previous.endswith(("e", "en", "er", "es", "em"))
        if previous.islower() and inflected and previous not in _FUNCTION:
            first -= 1
        return " ".join(words[first : nouns[-1] + 1])
    while words and (words[-1].lower() in _LINKS or words[-1].lower() in _FUNCTION):
        words.pop()
    while words and _verb_or_adverb(words[-1]):
        words.pop()  # `routinely sell`, `racked up`: what is done, not what is counted
    phrase: list[str] = []
    while words and len(phrase) < MAX_LABEL_WORDS:
        word = words.pop()
        if word.lower() in _FUNCTION or word.isdigit() or _verb_or_adverb(word):
            break
        phrase.insert(0, word)
    return " ".join(phrase) or None


def _verb_or_adverb(word: str) -> bool:
    """An English word that reads as a verb's past or an adverb (`racked`, `routinely`)."""
    lowered = word.lower()
    return word.islower() and len(lowered) > 4 and lowered.endswith(("ed", "ly"))


def event_title(body: str, start: int, end: int) -> str:
    """The sentence stating the event, without its date words, cut at a clause where it is long."""
    sentence = sentence_at(body, start, end)
    offset = start - sentence.start
    before = _DANGLING.sub("", sentence.text[:offset])
    text = before.rstrip() + " " + sentence.text[offset + (end - start) :].lstrip()
    text = re.sub(r"[*_`#>\[\]]|\\", "", text)
    text = " ".join(text.split()).strip(" ,;:-–—\"“”„«»'")
    words = text.split()
    while words and words[0].lower().strip(",") in _LEADING:
        words.pop(0)
    if len(words) > MAX_TITLE_WORDS:
        clause = " ".join(words[:MAX_TITLE_WORDS])
        cut = max(clause.rfind(","), clause.rfind(";"))
        words = (clause[:cut] if cut > 20 else clause).split()
    title = " ".join(words).rstrip(" ,;:.")
    title = re.sub(r"\s+([,.;:])", r"\1", title)
    return title[:1].upper() + title[1:]


def key_for(words: str, taken: set[str], year: str | None = None) -> str:
    """A key from the first words that carry meaning (`R&D staff` → `rd-staff`), with the year where
    one is known, made unique against `taken` (which it joins)."""
    meaningful = [w for w in _WORD.findall(words) if w.lower() not in _FUNCTION] or _WORD.findall(words)
    base = slugify(" ".join(re.sub(r"(?<=\w)&(?=\w)", "", w) for w in meaningful[:KEY_WORDS]))
    if len(base) > MAX_KEY:
        base = base[:MAX_KEY].rsplit("-", 1)[0]
    if year and not base.endswith(year):
        base = f"{base}-{year}"
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    taken.add(key)
    return key
