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

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ...syntax.names import name_key
from .acronyms import defined_acronym, with_long_forms
from .cues import (
    LEGAL_SUFFIXES,
    ORGANIZATION_TAILS,
    cue,
    federal_institution,
    named_institution,
    places,
    word_set,
)
from .forms import Form, longest, stem_key, title_of
from .frequency import how_common, zipf
from .lists import listed_together
from .namemodel import place_adjectives
from .nametypes import type_of_name
from .occurrences import KEEP, Occurrence, Text, names_in
from .people import a_person, first_named, first_words_alone, sure_of_a_person, without_middle_names
from .runs import LINKS
from .scan import suggestion_id
from .vocabulary import (
    COMMON,
    HYPHENS,
    RARE,
    genitive_name,
    given_names,
    in_apposition,
    strict_noun,
)
from .weighing import weighed

TITLE = 4.0  # the evidence a name in the title adds


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


def candidates_in(
    path: str, body: str, language: str, known: frozenset[str], title: str = "", store: Path | None = None
) -> list[Candidate]:
    """The candidate entities of one article body, best first (`known`: name keys of the dossier's
    entities, which are never proposed). A name the title repeats is what the article is about.
    `store`: where the name model keeps what it found (see `namemodel.names_in`)."""
    text = Text.of(body, language)
    language = text.language
    text = text.knowing(place_adjectives(body, language))
    forms: dict[str, Form] = {}
    acronyms: dict[str, str] = {}  # acronym key → key of the name it abbreviates
    for occurrence in with_long_forms(text, weighed(text, list(names_in(text)), store)):
        key = name_key(" ".join(occurrence.words))
        forms.setdefault(key, Form(occurrence.words, language)).add(body, occurrence)
        acronym = defined_acronym(body, occurrence)
        if acronym:
            acronyms[name_key(acronym)] = key
    listed_together(body, [o for form in forms.values() for o in form.occurrences])
    clusters = _cluster(forms, acronyms, language)
    alone = frozenset(form.words[0] for form in forms.values() if len(form.words) == 1)
    found = []
    for members in clusters:
        candidate = _candidate(path, members, forms, title, alone)
        if candidate is not None and not (candidate.keys & known):
            found.append(candidate)
    found.sort(key=lambda c: (-c.score, c.start))
    return found


def _contains(text: str, name: str) -> bool:
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalpha()):
            return True
        at = text.find(name, at + 1)
    return False


def _cluster(forms: dict[str, Form], acronyms: dict[str, str], language: str) -> list[list[str]]:
    """Group the forms one thing is named by: genitives, inflections, short forms, acronyms."""
    _split_genitives(forms, language)
    _split_joined(forms, language)
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
        if len(form.words) > 1 or HYPHENS.search(key):
            stems.setdefault(stem_key(form.words), []).append(key)
    for keys in stems.values():  # `Deutsche Bahn`, `Deutscher Bahn`
        for key in keys[1:]:
            join(key, keys[0])
    for key, form in forms.items():
        if key.endswith("s") and key[:-1] in forms and (len(form.words) == 1 or language == "de"):
            join(key, key[:-1])  # the German genitive: `Stengers` names Stenger, `Karla Wendlands` her
        elif language == "de" and key.endswith("s") and len(key) > 5:  # `Bundestages`, `des Deutschen
            # Gewerkschaftsbundes` and `Deutscher Gewerkschaftsbund`, `des Bayerischen Rundfunks`
            stem = stem_key(form.words)
            bases = ([stem[:-2]] if key.endswith("es") else []) + ([stem[:-1]] if len(form.words) > 1 else [])
            base = next((base for base in bases if base in stems or base in forms), None)
            if base is not None:
                join(key, stems[base][0] if base in stems else base)
    for acronym, long in acronyms.items():
        if acronym in forms and long in forms:
            join(acronym, long)
    for key, long in _initials(forms).items():
        if root(key) == key:
            join(key, long)
    for key, long in without_middle_names(forms, language).items():
        join(key, long)
    every_place, given = places(), given_names()
    longer = [form for form in forms.values() if len(form.words) > 1]
    for key, form in forms.items():
        if not _evidence(form) > -3:
            continue
        words = form.words
        if words[-1].endswith("s") and len(words) == 1 and key[:-1] in forms:
            continue
        a_place = " ".join(words) in every_place
        # `Quellmanns Prognose` after `Marta Quellmann`: the surname's genitive alone
        own_genitive = _genitive_stem(form, language) if genitive_name(words[0]) else None
        by_suffix = [
            other for other in longer
            if len(other.words) > len(words)
            and (key in (name_key(" ".join(other.words[-len(words):])), _genitive_stem(other, language))
                 or (len(words) == 1 and own_genitive == name_key(other.words[-1])))
            and " ".join(other.words) not in every_place
            # `South Sudan`; not `Jessica Lau` (Lau, a Fijian province)
            and not (a_place and how_common(other.words[0], language) >= COMMON
                     and other.words[0] not in given)
        ]  # fmt: skip
        # `Landgericht` of `Landgericht Köln`, where the text names one court so
        institution = len(words) == 1 and (named_institution(words[0]) or federal_institution(words[0]))
        # `Whole Foods` of `Whole Foods Market`; not `Andy Warhol` of `Andy Warhol Foundation`, an
        # institution named after a person (but `Talbot Widgets` of `Talbot Widgets Inc.`)
        person = len(words) > 1 and a_person(form, language)
        by_prefix = [
            other for other in longer
            if len(other.words) > len(words) and other.words[: len(words)] == words
            and (_generic_tail(other.words[len(words):], language) or institution)
            and not (person and any(w.lower() not in LEGAL_SUFFIXES for w in other.words[len(words):]))
        ]  # fmt: skip
        targets = {name_key(" ".join(o.words)) for o in by_suffix + by_prefix}
        if len({root(t) for t in targets}) == 1:
            join(key, next(iter(targets)))
        elif len(words) == 1 and by_suffix and not by_prefix:
            people: dict[str, list[Form]] = {}  # each one's forms (`Rowan Delmare`, `Generals Rowan …`)
            for other in by_suffix:
                people.setdefault(root(name_key(" ".join(other.words))), []).append(other)
            namesake = first_named(form, list(people.values()), language)
            if namesake is not None:
                join(key, name_key(" ".join(namesake.words)))
    for key, named in first_words_alone(forms, language).items():
        if root(key) == key and len({root(other) for other in named}) == 1:
            join(key, named[0])
    groups: dict[str, list[str]] = {}
    for key in forms:
        groups.setdefault(root(key), []).append(key)
    return list(groups.values())


_DOTTED = re.compile(r"(?:[A-Z]\.)+[A-Z]\.?")  # initials with full stops: `U.S.`


_SMALL_IN_INITIALS = LINKS | {"and", "und", "&"}  # `Securities and Exchange Commission`: SEC


def _initials(forms: dict[str, Form]) -> dict[str, str]:
    """Acronyms the text does not define but spells as the initials of one longer name of it
    (`EU` for `Europäische Union`, `UCPS` for `User Centric Payment System`, `RKI` for
    `Robert-Koch-Institut`): acronym key → name key."""
    by_initials: dict[str, set[str]] = {}
    for key, form in forms.items():
        parts = [part for word in form.words for part in HYPHENS.split(word)]
        if len(parts) > 1 and all(part[:1].isupper() or part in _SMALL_IN_INITIALS for part in parts):
            spelled = {"".join(part[0] for part in parts), "".join(p[0] for p in parts if p[:1].isupper())}
            for initials in spelled:  # `BoE` and `BE` of `Bank of England`, `SEC`
                by_initials.setdefault(initials, set()).add(key)
    found = {}
    for key, form in forms.items():
        word = form.words[0]
        word = word.replace(".", "") if _DOTTED.fullmatch(word) else word  # `U.S.` spells `US`
        longer = by_initials.get(word, set()) if len(form.words) == 1 and 2 <= len(word) <= 6 else set()
        acronym = word[:1].isupper() and word[-1:].isupper() and sum(c.isupper() for c in word) >= 2
        if acronym and len({stem_key(forms[other].words) for other in longer}) == 1:
            found[key] = min(longer)
    return found


def _split_genitives(forms: dict[str, Form], language: str) -> None:
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
            genitive = Occurrence(
                occurrence.start,
                occurrence.start + len(head),
                (head,),
                occurrence.initial,
                evidence,
                Counter(),
            )
            forms[base].occurrences.append(genitive)
            forms[base].spellings[head] += 0  # an alias, not the name's spelling
            if len(rest) == 1 and (strict_noun(rest[0], language) or cue(rest[0])):
                continue  # `Quillos Smartphone`: a noun, no second name
            remainder = Occurrence(occurrence.start + len(head) + 1, occurrence.end, rest, False,
                                    occurrence.evidence / 2, occurrence.hints)  # fmt: skip
            forms.setdefault(rest_key, Form(rest, language)).occurrences.append(remainder)
            forms[rest_key].spellings[" ".join(rest)] += 1
        del forms[key]


def _split_joined(forms: dict[str, Form], language: str) -> None:
    """Two people named side by side (`konfrontieren Fichtner und Geyer Claas Relotius`), or a German
    noun before or after a person's name (`Dokumentar Geicke`, `Text Juan Morenos`), where the text
    names the person elsewhere, or after any name the text names alone (`in Dresden Einsparungen`):
    the occurrences go to the names alone (a genitive to its name)."""
    people = {key for key, form in forms.items() if 2 <= len(form.words) <= 3 and a_person(form, language)}
    by_surname: dict[str, set[str]] = {}
    for key in people:
        by_surname.setdefault(name_key(forms[key].words[-1]), set()).add(key)

    def person(words: tuple[str, ...], within: str) -> str | None:
        """The key of the person these words name, other than the form `within` they were read in."""
        key = name_key(" ".join(words))
        if key in people or (len(words) == 1 and by_surname.get(key, set()) - {within}):
            return key
        return key[:-1] if key.endswith("s") and key[:-1] in people else None

    def german_noun(word: str) -> bool:
        """A German noun English has no word for (`Einsparungen`; not `Connection`)."""
        return strict_noun(word, language) and zipf(word, "en") < RARE

    def alone(words: tuple[str, ...]) -> bool:
        """Whether the text names a thing by these words alone, not only in the form read."""
        found = forms.get(name_key(" ".join(words)))
        return found is not None and language == "de" and any(not o.initial for o in found.occurrences)

    def noun(word: str, form: Form) -> bool:
        german = language == "de" and word[:1].isupper() and word[1:].islower()
        # A word the model saw in no name, before a surname it did (`Dokumentar Geicke`).
        unseen = not any(occurrence.kinds for occurrence in form.occurrences)
        noun_like = strict_noun(word, language) or in_apposition(word, language) or unseen
        return german and noun_like and not sure_of_a_person(form)

    for key, form in list(forms.items()):
        words = form.words
        for cut in range(1, len(words) if 2 <= len(words) <= 4 else 0):
            left, right = (words[:cut], 0), (words[cut:], cut)
            if person(left[0], key) and person(right[0], key):
                parts = [left, right]
            elif cut == 1 and noun(words[0], form) and person(right[0], key):
                parts = [right]
            elif cut == len(words) - 1 and noun(words[-1], form) and person(left[0], key):
                parts = [left]
            elif cut == len(words) - 1 and german_noun(words[-1]) and alone(left[0]):
                parts = [left]  # `in Dresden Einsparungen`, where the text names Dresden alone
            else:
                continue
            for occurrence in form.occurrences:
                for part, at in parts:
                    start = occurrence.start + sum(len(word) + 1 for word in words[:at])
                    piece = Occurrence(start, start + len(" ".join(part)), part, occurrence.initial,
                                       occurrence.evidence, occurrence.hints)  # fmt: skip
                    into = person(part, key) or name_key(" ".join(part))
                    forms.setdefault(into, Form(part, language)).occurrences.append(piece)
                    forms[into].spellings[" ".join(part)] += into == name_key(" ".join(part))
            del forms[key]
            break


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


def _genitive_stem(form: Form, language: str) -> str | None:
    """The key of a German name's last word without its genitive's -s (`Söder` of `Markus Söders
    Kabinett`), or None."""
    last = form.words[-1]
    return name_key(last[:-1]) if language == "de" and last.endswith("s") and len(last) > 3 else None


def _evidence(form: Form) -> float:
    return sum(o.evidence for o in form.occurrences)


def _candidate(
    path: str, members: list[str], forms: dict[str, Form], title: str, alone: frozenset[str]
) -> Candidate | None:
    """The candidate the forms `members` name, or None (`alone`: the words the text uses alone as
    names, see `nametypes.type_of_name`)."""
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
    full = longest(chosen)
    if len(full[0].words) > 1 and sum(_evidence(form) for form in full) < 0:
        return None  # the full form is a phrase of the language (`Künstliche Intelligenz (KI)`)
    best, name = title_of(chosen)
    name = HYPHENS.sub("-", name)  # titled with the keyboard's hyphen (`DVB-T2`); the page's is an alias
    kind = type_of_name(name, best.words, [form.words for form in chosen], occurrences, alone)
    aliases = {form.text for form in chosen} | {s for form in chosen for s in form.spellings}
    first = occurrences[0]
    return Candidate(
        name, kind, aliases - {name}, len(occurrences), round(score, 2), path, first.start, first.end,
        {path},
    )  # fmt: skip


_PUBLICATION_TAILS = word_set("news online digital magazin magazine zeitung daily weekly tv radio plus")
_LEADING_ARTICLE = re.compile(r"^(?:the|der|die|das)\s+", re.IGNORECASE)


def names_the_publication(candidate: Candidate, source: str, url: str) -> bool:
    """Whether a candidate names the article's own publication: the first word of its `source:`
    (`BBC` of BBC News, `SPIEGEL` of Spiegel Online) alone, or a name that begins with the site's
    own name in its address (`VICE US` on vice.com)."""
    words = candidate.name.casefold().split()
    own = _LEADING_ARTICLE.sub("", source).casefold().split()
    if len(words) == 1 and own and words[0] == own[0] and len(words[0]) > 2:
        return set(own[1:]) <= _PUBLICATION_TAILS  # not `Mac` of `Mac & i`
    host = urlsplit(url).hostname or ""
    labels = [label for label in host.split(".") if label != "www"]
    return len(labels) >= 2 and len(labels[0]) > 2 and words[0] == labels[0]
