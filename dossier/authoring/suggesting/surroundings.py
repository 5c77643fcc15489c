"""What the words around one occurrence of a name say of what it names: a role or a cue before it,
a kin word after a possessive (`her daughter, …`), a cue after it, a description set off by a
comma, the noun before `called`, German's `auf der … in` (a fair), in English `who` or a verb only a
person is the subject of after it, and the pronoun later in its sentence."""

from __future__ import annotations

import re
from collections import Counter

from .cues import NATIONS_SHORT, a_places_role, cue, is_role, places, word_set
from .runs import Word
from .vocabulary import ADJECTIVE_ENDINGS

# A person's pronoun later in the sentence, before another name of two words (`Goldman Sachs analyst
# Jane Porter cut her forecast`: hers). English only: German's `sein` and `ihr` stand as often for a
# company (`das Unternehmen und seine Kunden`, `die Bahn und ihre Züge`) as for a person.
_HIS_HER = re.compile(r"^(?:(?![A-ZÄÖÜ]\w+\s+[A-ZÄÖÜ])[^.!?\n])*?\b(?:his|her|he|she|him)\b")
_WHO = re.compile(r",?\s+who(?:se|m)?\b")
# A verb after a name that only a person is the subject of (a company recalls, apologises and posts
# too).
_A_PERSONS_VERB = re.compile(
    r"\s+(?:died|dies|was\s+born|is\s+survived|married|resigned|retired|testified|pleaded|smiled|laughed|"
    r"sighed|starred|graduated|grew\s+up)\b"
)
_AFFILIATION = word_set("of at for")  # `the chief of Quillo, who`: the chief
_ITS = re.compile(r"^[^.!?\n]*?\b(?:its|it)\b")
# A description after a name, set off by a comma (`Huawei, the Chinese tech giant,`, `Xiaomi, der
# chinesische Hersteller,`, `MiMo, seinem ersten Sprachmodell,`): its first words.
_GERMAN_DETERMINERS = (
    "der die das dem den des ein eine einem einer eines sein seine seinem seinen seiner ihr ihre ihrem ihren "
    "ihrer"
)
_GERMAN_ARTICLES = word_set(_GERMAN_DETERMINERS)
_DESCRIPTION_AFTER = re.compile(
    r",\s+(?:the|a|an|its|his|her|their|" + _GERMAN_DETERMINERS.replace(" ", "|") + r")\s+"
    r"([^\W\d][\w\-‐‑]*(?:\s+[\w\-‐‑]+){0,3})"
)
KIN = word_set(
    "wife husband son daughter brother sister mother father widow widower ehefrau ehemann frau mann "
    "sohn tochter bruder schwester mutter vater witwe witwer"
)
# A possessive, perhaps a word such as `first` or `late`, then the kin word before a given name.
KIN_BEFORE = re.compile(
    r"\b(?:his|her|their|seine|seiner|seinem|seinen|ihre|ihrer|ihrem|ihren)\s+(?:[^\W\d]+\s+)?"
    r"([^\W\d]+)\s*,?\s*$",
    re.IGNORECASE,
)
# A work's noun: its maker is as often a person as a company (`Edgar's films`).
_WORKS = word_set("film movie album serie thriller drama comedy novel song book")
# German's daughter and mother name a company's subsidiary and parent as often (`ihre Tochter …`).
_COMPANY_KIN = word_set("tochter mutter")
# The words that name a thing after the noun for its kind (`a startup called`, `ein Start-up namens`).
_NAMING = word_set("called named dubbed namens genannt")
# What only a company has, before `of` or `von` or after its possessive (`the shares of Quillo`, `der
# Umsatz von Quillo`, `Quillo's revenue`): not sales (of a product), staff or `Mitarbeiter` (a
# person's too).
COMPANY_HOLDINGS = word_set(
    "revenue revenues profit profits earnings shares stock shareholders employees headquarters takeover "
    "acquisition buyout subsidiary valuation umsatz umsätze gewinn gewinne aktie aktien aktionäre "
    "börsenwert börsengang übernahme hauptsitz firmensitz tochterfirma tochtergesellschaft"
)
_HOLDING_OF_BEFORE = re.compile(r"\b([^\W\d][\w\-]*)\s+(?:of|von|der|des)\s+$")
# A role of an institution before a comma and a name: the name is the role's holder (`the secretary
# general of CEI (Italian Episcopal Conference), Nunzio Galantino`, `der Chef von Quillo, Jan Brenn`).
_ROLE_OF_BEFORE = re.compile(
    r"\b(?:([^\W\d][\w\-]*)\s+)?([^\W\d][\w\-]*)\s+(?:of|at|for|von|der|des|bei)\s+[^,;.!?\n]{1,80},\s*$"
)
# A verb of saying after a quotation or a comma, before the speaker's name (not `told`: its object
# is the listener, `told LA Weekly`); a company's statement is put otherwise (`Quillo said`, `teilte
# Quillo mit`).
_SAID = word_set(
    "said says added adds explained explains argued argues sagte sagt erklärte erklärt betonte betont"
)
_QUOTATION_END = re.compile(r"[,\"”’']\s*$")
_LAST_WORD = re.compile(r"([\w\-]+)\s+$")
_AT_A_FAIR = re.compile(r"\bauf (?:der|dem)$", re.IGNORECASE)
_IN_A_PLACE = re.compile(r"\s+in\s+[A-ZÄÖÜ]")
_CAPITAL_AFTER_WORD = re.compile(r" [A-ZÄÖÜ][a-zäöüß]")
_SMALL_WORD_AFTER = re.compile(r" ([a-zäöüß]+)\b")
_REPORTING = word_set("reported reports berichtete berichtet")
_REPORT_OBJECTS = word_set(
    "that on in first earlier last late this yesterday today citing dass am im zuerst zuletzt bereits "
    "unter gestern heute"
)


def cues_around(
    body: str,
    language: str,
    words: tuple[str, ...],
    span: tuple[int, int],
    before: Word | None,
    after: Word | None,
) -> tuple[float, Counter]:
    """The evidence the words around an occurrence of `words` (at `span`, between the words `before`
    and `after`) add that it is a name, and their votes for its type."""
    start, end = span
    evidence, hints = 0.0, Counter()
    kin = KIN_BEFORE.search(body, max(0, start - 40), start)
    if kin and kin[1].lower() in KIN - _COMPANY_KIN:
        hints["person"] += 2  # `her daughter, Angel`, `seine Frau Mirela`: a comma may stand between
    word_before = before[2] if before else ""
    holder = _ROLE_OF_BEFORE.search(body, max(0, start - 100), start)
    if holder and any(is_role(word) for word in holder.groups(default="")) and len(words) > 1:
        hints["person"] += 3  # `The chief executive of Quillo, Jane Porter,`: the role's holder
    held = _HOLDING_OF_BEFORE.search(body, max(0, start - 40), start)
    if held and held[1].lower() in COMPANY_HOLDINGS:
        hints["organization"] += 1  # `der Umsatz von Quillo`, `the shares of Quillo`
    if word_before and is_role(word_before):
        evidence += 2.0
        hints[cue(word_before) or "person"] += 2
    elif word_before and cue(word_before):
        hints[cue(word_before)] += 1
    elif before and word_before.lower() in _NAMING:
        called = _LAST_WORD.search(body, max(0, before[0] - 40), before[0])
        if called and cue(called[1]):
            hints[cue(called[1])] += 2  # `a ransomware called Vortexa`, `ein Start-up namens Quillo`
    if after is not None:
        hints.update(_after(body, words, end, after))
    if before is not None and _speaker(body, before):
        hints["person"] += 1  # `“…,” says Tarlo`: a company's name goes before the verb (`teilte … mit`)
    described = _DESCRIPTION_AFTER.match(body, end, end + 80)
    kind = _description_kind(described[1].split(), language) if described else None
    if kind:
        hints[kind] += 2  # `Huawei, the Chinese tech giant,`
    following = body[end : end + 60]
    at_a_fair = before is not None and _AT_A_FAIR.search(body, max(0, before[0] - 6), before[1])
    if language == "de" and at_a_fair and _IN_A_PLACE.match(following):
        hints["event"] += 2  # `auf der Gamescom in Köln`: a fair, a show, a festival
    after_the = language == "en" and word_before.lower() == "the"  # `the US`: a thing, not a person
    if language == "en" and _A_PERSONS_VERB.match(following):
        hints["person"] += 1  # `Vexley died`, `Vexley was born`: what only a person does
    of_a_body = word_before.lower() in _AFFILIATION  # `members of Scientology, who`: the members
    if language == "en" and _WHO.match(following) and not (after_the or of_a_body):
        hints["person"] += 1  # `Vexley, who`: English asks `who` of a person only
    if language == "en" and _HIS_HER.search(following) and not after_the:
        hints["person"] += 1  # `Steve Jobs said his`
    elif _ITS.search(following):
        hints["organization"] += 1
    return evidence, hints


def _description_kind(words: list[str], language: str) -> str | None:
    """The type the words of a description after a name point to (`the Chinese tech giant`). In
    German, its head noun's, after adjectives only: `, die von Seiten des Ministeriums …` begins a
    relative clause, whose nouns describe something else."""
    if language != "de":
        return next((kind for kind in map(cue, words) if kind), None)
    for word in words:
        if word[:1].isupper():
            return cue(word)
        if not word.endswith(ADJECTIVE_ENDINGS) or word.lower() in _GERMAN_ARTICLES:
            return None
    return None


def _after(body: str, words: tuple[str, ...], end: int, after: Word) -> Counter:
    """A cue right after a name (or after a comma): `Quillo reported that` a paper, not `Quillo
    reported record sales`; a role after a name qualifies it (`Xiaomi CEO`), and where another name
    follows, the name is the role's company (`Goldman Sachs analyst Jane Porter`; not `US president
    Joe Biden`, `Paris mayor Anne Hidalgo`: the role's place); after its possessive, a role's or a
    product's noun or what only a company has makes it their owner (`Quillo's chief executive`,
    `Vantix's phone`, `Vantix's revenue`)."""
    hints: Counter = Counter()
    gap = body[end : after[0]].strip()
    kind = cue(after[2]) if gap in ("", ",") else None
    owned = after[2].lower().removesuffix("s")  # `Quillo's chips`
    owner = (kind or cue(owned)) in ("person", "product") or after[2].lower() in COMPANY_HOLDINGS
    if owner and not gap and body[end - 2 : end] in ("'s", "’s"):
        if a_places_role(after[2]):
            hints["place"] += 3  # `Brenthaven's mayor`: no company has one
        elif owned not in _WORKS | KIN:
            hints["organization"] += 2  # the owner of a role or the maker of a product: `Quillo's CEO`
        return hints
    if kind == "publication" and _reports_a_thing(body, after):
        kind = None
    if kind and not (kind == "person" and not gap):
        hints[kind] += 1
    elif kind == "person" and _CAPITAL_AFTER_WORD.match(body, after[1]) and not _a_place(words):
        hints["organization"] += 2
    return hints


def _speaker(body: str, before: Word) -> bool:
    """Whether the word before a name is a verb of saying after a quotation or a comma."""
    quoted = _QUOTATION_END.search(body, max(0, before[0] - 3), before[0])
    return before[2].lower() in _SAID and quoted is not None


def _reports_a_thing(body: str, after: Word) -> bool:
    """Whether a verb of reporting after a name has a thing as its object (`reported record sales`,
    `berichtete einen Gewinn`), not a report (`reported that`, `reported on Monday`, `berichtete, dass`)."""
    if after[2].lower() not in _REPORTING:
        return False
    following = _SMALL_WORD_AFTER.match(body, after[1])
    return following is not None and following[1] not in _REPORT_OBJECTS


def _a_place(words: tuple[str, ...]) -> bool:
    return " ".join(words) in places() or words[0] in NATIONS_SHORT
