"""Names that no entity file has yet: what a fresh dossier's sources talk about.

A name is a word or phrase the language's general vocabulary does not hold: capitalised words a
word list (wordfreq, whose lists ship in the package) finds rare in the article's language, words
with inner capitals or digits (`MiMo`, `QwQ-32B`, `o1-mini`), acronyms, and runs of capitalised
words with a rare one among them (`Lu Weibing`, `South China Morning Post`). German compound nouns
(`Grafikprozessoren` = `Grafik` + `Prozessoren`) and words seen only at the start of a sentence are
kept out. Candidates are ranked by how many sources name them, then how often.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ..syntax.names import name_key
from .scan import strip

COMMON = 3.6  # Zipf frequency from which a word is general vocabulary (3 = once per million words)
PART = 3.0  # a part of a compound must be at least this common
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[^\W_](?:[\w'’&]|[-‑](?=\w))*", re.U)
_NOT_NAMES = re.compile(r"[QH][1-4]|\d+[a-z]*|[A-Z]{1,3}\d+|[A-Z]{1,2}&[A-Z]{1,2}")  # Q3, 3nm, R&D
_TITLES = {
    "person": ("präsident", "president", "ceo", "chef", "chefin", "gründer", "founder", "chairman",
               "vorstand", "minister", "forscherin", "forscher", "researcher", "dr.", "mr.", "ms.", "herr",
               "frau", "präsidenten", "gründers", "staatschef", "chief"),
    "organization": ("konzern", "unternehmen", "company", "firma", "group", "inc", "corporation", "holdings"),
    "event": ("conference", "konferenz", "summit", "gipfel", "messe"),
    "product": ("modell", "model", "chip", "suv", "smartphone", "sprachmodell"),
    "publication": ("berichtete", "reported", "zeitung", "newspaper"),
}  # fmt: skip


_PERSON_TITLES = set(_TITLES["person"])
# Endings of German nouns made from other words: such a word is vocabulary even when rare.
_GERMAN_NOUN_ENDINGS = (
    "ung", "ungen", "heit", "keit", "schaft", "ität", "ismus", "ierung", "zieher", "aufgaben",
)  # fmt: skip


@dataclass
class Candidate:
    text: str
    count: int = 0
    sources: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)  # inflected forms seen (`Xiaomis`), for aliases
    hints: dict[str, int] = field(default_factory=dict)

    @property
    def type(self) -> str | None:
        if not self.hints:
            return None
        best = max(self.hints.items(), key=lambda item: item[1])
        return best[0]

    def to_json(self) -> dict[str, object]:
        return {
            "kind": "candidate",
            "text": self.text,
            "count": self.count,
            "sources": sorted(self.sources),
            "type": self.type,
            "aliases": sorted(self.forms - {self.text}),
            "reason": f"named {self.count} time{'s' * (self.count != 1)} in {len(self.sources)} "
            f"source{'s' * (len(self.sources) != 1)}; no entity has this name",
        }


@cache
def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency  # loaded only when candidates are asked for

    return zipf_frequency(word.lower(), language)


@cache
def _native(word: str, language: str) -> bool:
    """A word of the article's own language that English does not use: a German noun such as
    `Vorstoß` or `Gründer`, common in German and near absent from English."""
    own = _zipf(word, language)
    if language == "de" and word.lower().endswith(_GERMAN_NOUN_ENDINGS) and _zipf(word, "en") == 0:
        return True
    return language != "en" and own >= 2.0 and _zipf(word, "en") < own - 1.5


@cache
def _vocabulary(word: str, language: str) -> bool:
    """General vocabulary of the article's language or of English (which news copy borrows from)."""
    return _zipf(word, language) >= COMMON or _zipf(word, "en") >= COMMON or _native(word, language)


@cache
def _compound(word: str, language: str) -> bool:
    """Whether a German noun splits into known words (`Grafikprozessoren`, `Chipprojekt`)."""
    if language != "de" or len(word) < 7 or _zipf(word, "en") >= 1.0:
        return False  # a word English knows is no German compound (`Tencent` is not `Ten` + `cent`)
    lowered = word.lower()

    @cache
    def splits(start: int) -> bool:
        if start == len(lowered):
            return True
        for end in range(len(lowered), start + 2, -1):
            part = lowered[start:end]
            forms = (part, part[:-1] if part.endswith("s") and end < len(lowered) else part, part + "en")
            if any(_zipf(form, language) >= PART for form in forms) and splits(end):
                return start > 0 or end < len(lowered)
        return False

    return splits(0)


def _name_like(token: str) -> bool:
    """Inner capitals or digits: spelled as names are, not as words (`MiMo`, `QwQ-32B`, `YU7`)."""
    rest = token[1:]
    return rest.lower() != rest or (_DIGIT.search(token) is not None and not token.isdigit())


@cache
def _word_like_name(token: str, language: str) -> bool:
    """A single token that can name an entity on its own."""
    if token.isdigit() or _NOT_NAMES.fullmatch(token) or len(token) < 2:
        return False
    bare = token[:-1] if token.endswith("s") and token[:-1].isupper() else token  # GPUs, SoCs
    if _name_like(token):
        return not (bare.isupper() and _vocabulary(bare, language)) and not _vocabulary(bare, language)
    return (
        token[:1].isupper()
        and len(token) >= 3
        and not _vocabulary(token, language)
        and not (_compound(token, language))
    )


def rank(per_file: Iterable[tuple[dict[str, Candidate], dict[str, bool]]]) -> list[Candidate]:
    """Merge the candidates of each file (see `candidates_in`) and rank them."""
    found: dict[str, Candidate] = {}
    initial_only: dict[str, bool] = {}
    for names, initials in per_file:
        for key, candidate in names.items():
            merged = found.setdefault(key, Candidate(candidate.text))
            _merge(merged, candidate)
            initial_only[key] = initial_only.get(key, True) and initials[key]
    ranked = [c for key, c in found.items() if not initial_only.get(key)]
    for candidate in ranked:  # a genitive form folds into its base when both are seen
        base = found.get(name_key(candidate.text[:-1])) if candidate.text.endswith("s") else None
        if base is not None and base is not candidate:
            _merge(base, candidate)
            candidate.count = 0
    ranked = [c for c in ranked if c.count]
    ranked.sort(key=lambda c: (-len(c.sources), -c.count, -_name_score(c.text), c.text))
    return ranked


def _merge(into: Candidate, other: Candidate) -> None:
    into.count += other.count
    into.sources |= other.sources
    into.forms |= other.forms
    for kind, count in other.hints.items():
        into.hints[kind] = into.hints.get(kind, 0) + count


def candidates_in(path: str, body: str, language: str, known: frozenset[str]) -> tuple[dict, dict]:
    """The candidates of one file (`known`: name keys of the dossier's entities), and whether each
    was seen only at the start of a sentence."""
    found: dict[str, Candidate] = {}
    initial_only: dict[str, bool] = {}
    plain, _ = strip(body)
    for line in plain.split("\n"):
        if not line.lstrip().startswith("#"):  # headings are title case: every word capitalised
            _line(line, path, language, known, found, initial_only)
    return found, initial_only


def _name_score(text: str) -> float:
    """Among names seen as often, those spelled like names, or known in English too, come first."""
    words = text.split()
    return len(words) + 2 * _name_like(text) + max(_zipf(w, "en") for w in words) / 10


def _line(line, path, language, known, found, initial_only) -> None:
    run: list[tuple[int, int, str, bool]] = []

    def close_run() -> None:
        while run and (_native(run[0][2], language) or run[0][2].lower() in _PERSON_TITLES):
            run.pop(0)  # a noun or title before a name: "Gründer Lei Jun"
        while run and (_native(run[-1][2], language) or (run[-1][2].isdigit() and len(run[-1][2]) != 4)):
            run.pop()  # a noun after a name: "Xiaomis Vorstoß"
        if len(run) >= 2:
            words = [t for _, _, t, _ in run]
            borrowed = len(words) >= 3 and all(not _native(w, language) for w in words)  # an English name
            if any(_NOT_NAMES.fullmatch(w) for w in words):
                pass
            elif language == "en" or borrowed or any(not _vocabulary(w, language) for w in words):
                _add(" ".join(words), line, run[0][0], run[-1][1], path, known, found, initial_only, False)
        elif run:
            start, end, token, initial = run[0]
            _single(token, line, start, end, path, language, known, found, initial_only, initial)
        run.clear()

    previous_end = None
    for match in _TOKEN.finditer(line):
        start, end, token = match.start(), match.end(), match[0]
        if token.islower() and (token.isalpha() or _DIGIT.search(token) is None):  # an ordinary word
            if run:
                close_run()
            previous_end = end
            continue
        gap = line[previous_end:start] if previous_end is not None else ""
        initial = previous_end is None or any(mark in gap for mark in ".!?:;")
        joined = previous_end is not None and gap.strip() == ""
        if not joined or initial or token.lower() in _PERSON_TITLES:
            close_run()
        capitalised = token[:1].isupper() or _name_like(token)
        if capitalised or (run and token.isdigit() and len(token) == 4):
            run.append((start, end, token, initial))
            genitive = language == "de" and token.endswith("s") and not _vocabulary(token[:-1], language)
            if token.lower() in _PERSON_TITLES or genitive:
                close_run()  # "Präsident Lu Weibing", "Alibabas QwQ-32B": the name stands alone
        else:
            close_run()
        previous_end = end
    close_run()


def _single(token, line, start, end, path, language, known, found, initial_only, initial) -> None:
    parts = re.split(r"[-‑]", token)
    if len(parts) > 1:
        first_is_name = _name_like(parts[0]) and not _vocabulary(parts[0], language)
        whole = first_is_name and not any(len(p) >= 5 and _vocabulary(p, language) for p in parts[1:])
        if not whole:  # `MiMo-Präsentation`: the name is a part of the compound
            for part in parts:
                if _word_like_name(part, language):
                    _add(part, line, start, end, path, known, found, initial_only, initial)
            return
        if not _vocabulary(parts[0], language) or _name_like(parts[0]):
            _add(token, line, start, end, path, known, found, initial_only, initial)
        return
    form = token
    for suffix in ("’s", "'s"):
        if token.endswith(suffix):
            token = token[: -len(suffix)]
    genitive = token.endswith("s") and _word_like_name(token, language)
    if language == "de" and genitive and _word_like_name(token[:-1], language):
        token = token[:-1]  # the German genitive: `Alibabas` names Alibaba
    if _word_like_name(token, language):
        _add(token, line, start, end, path, known, found, initial_only, initial, form)


def _add(text, line, start, end, path, known, found, initial_only, initial, form=None) -> None:
    key = name_key(text)
    if key in known or (key.endswith("s") and key[:-1] in known):
        return
    candidate = found.setdefault(key, Candidate(text))
    candidate.count += 1
    candidate.sources.add(path)
    candidate.forms.add(form or text)
    initial_only[key] = initial_only.get(key, True) and initial
    before = line[max(0, start - 40) : start].lower().split()
    after = line[end : end + 30].lower().split()
    for kind, words in _TITLES.items():
        if (before and before[-1].strip(",") in words) or (after and after[0].strip(",.") in words):
            candidate.hints[kind] = candidate.hints.get(kind, 0) + 1
