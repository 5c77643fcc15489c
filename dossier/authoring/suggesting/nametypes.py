"""The type of a candidate name: the votes of the text's cues and the name model around its
occurrences (`weighing.type_votes`), and what the name's own words and forms say of it.

A surname used alone makes a person; a head word an institution, a paper or an event (`Marine
Stewardship Council`, `Süddeutsche Zeitung`, `Bank of America`, `The Washington Post`); a small
letter first or a model number a product (`iPhone`, `A380`); a digit rules a person out. One word
the text never shows as a person's is no person, whatever the model makes of a word it does not know.
"""

from __future__ import annotations

from ...syntax.names import name_key
from .cues import EVENT_ENDINGS, EVENT_HEADS, NEWSPAPER_HEADS, cue, nations, places
from .occurrences import Occurrence
from .runs import LINKS, PARTICLES, a_year
from .vocabulary import demonym, name_like, spelled_as_adjective
from .weighing import type_of, type_votes

Words = tuple[str, ...]


def type_of_name(name: str, words: Words, forms: list[Words], occurrences: list[Occurrence]) -> str:
    """The type of the name titled `name`, its words `words`, the text's `forms` of it (`words`
    among them) and their `occurrences`."""
    hints = type_votes(occurrences)
    if name in places():
        hints["place"] += 4
    shorts = [form for form in forms if len(form) < len(words)]
    given_name = words[0][:1].isupper() and words[0][1:].islower()
    a_head_noun = cue(words[-1]) not in (None, "person")  # `The Journal` of `The Wall Street Journal`
    surname = any(last_words(words, form) for form in shorts) and not a_head_noun
    if surname and len(words) in (2, 3, 4) and given_name:
        hints["person"] += 3  # a surname used alone, `Van Gogh` too (not `Congress` of `US Congress`)
    if any(form == words[:1] for form in shorts) and len(words) > 1:
        hints["organization"] += 1
    linked = [i for i, word in enumerate(words) if word in LINKS]
    last = words[-2] if len(words) > 2 and a_year(words[-1]) else words[-1]  # `Partner Conference 2025`
    head = words[linked[0] - 1] if linked and linked[0] > 0 else last  # `Bank` of America
    if len(words) > 1 and cue(head) and cue(head) != "person":
        hints[cue(head)] += 3  # `Marine Stewardship Council`, `Süddeutsche Zeitung`, `Bank of America`
    elif len(words) > 1 and _newspaper(words):
        hints["publication"] += 3
    if len(words) > 1 and (head.lower() in EVENT_HEADS or head.lower().endswith(EVENT_ENDINGS)):
        hints["event"] += 2  # `Fashion Week`, `Boston Marathon`
    if len(words) > 1 and a_year(words[-1]) and words[-2] not in LINKS:
        hints["event"] += 2  # a year after a name: `CES 2024` (not `… Act of 1940`)
    first_word = words[0]
    numbered = len(words) == 1 and any(c.isdigit() for c in first_word)
    if name_like(first_word) and (first_word[:1].islower() or numbered):
        hints["product"] += 2  # `iPhone`, `iPad`; a model's number: `A380`, `DVB-T2`
    elif len(words) > 1 and _model_number(words[-1]):
        hints["product"] += 2  # `Galaxy S24`, `Boeing 737` (not `CES 2024`: a year)
    if not hints and len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 5:
        hints["organization"] += 1  # an acronym the text shows nothing else of: most name bodies
    if any(c.isdigit() for c in name):
        hints.pop("person", None)  # `1Password`: no one's name has a digit in it
    if len(words) == 1 and not any(o.hints["person"] for o in occurrences):
        # News copy names a person in full before it uses the surname alone: one word the text
        # never names in full nor shows as a person's is a name the model does not know (a foreign
        # company's: `Spotify` in German copy), most often an organization's.
        hints["organization"] += hints.pop("person", 0)
    return type_of(hints)


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


def _model_number(word: str) -> bool:
    """A model's number or code after a name (`737`, `S24`, `i5`), not a year."""
    return any(c.isdigit() for c in word) and len(word) <= 5 and word.isalnum() and not a_year(word)
