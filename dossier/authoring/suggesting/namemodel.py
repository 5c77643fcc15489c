"""The name model in use: a CRF per language (trained by `tools/train_names.py`, shipped in the
package), read once, tagging an article's words as the names of people, organizations, places and
other things.

The body is cut into sentences and words the way the training corpora are (punctuation apart, a
hyphenated compound one word); each name found comes back with its span in the body, its kind and
the model's confidence in it (the marginal probability of its labels, the least of its words').
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path

from .cues import places
from .namefeatures import sentence_features

MODELS = Path(__file__).resolve().parent / "models"
KINDS = {"PER": "person", "ORG": "organization", "LOC": "place", "OTH": "other"}

_WORD = re.compile(r"\w+(?:[-‐‑'’.&/]\w+)*\.?|[^\w\s]", re.U)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n\s*\n|\n(?=\s*[-*#>])")
_ABBREVIATED = re.compile(r"(?:^|\s)(?:[A-ZÄÖÜ]|Dr|Prof|Mr|Mrs|Ms|St|Nr|bzw|z\.B|u\.a|ca|etc|vs)\.$")


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    kind: str  # person, organization, place, other
    confidence: float


@cache
def tagger(language: str):
    """The language's model, opened once; None for a language without one."""
    model = MODELS / f"names-{language}.crfsuite"
    if not model.is_file():
        return None
    import pycrfsuite

    opened = pycrfsuite.Tagger()
    opened.open(str(model))
    return opened


def has_model(language: str) -> bool:
    return tagger(language) is not None


def place_adjectives(body: str, language: str) -> frozenset[str]:
    """The German places' adjectives in -er of a body (`Kölner`, `Münchner`, `Harlower`): of a place
    the gazetteer or the model knows, or one the body names (`München` drops its -en before -er)."""
    if language != "de":
        return frozenset()
    found = set()
    for word in set(_PLACE_ADJECTIVE.findall(body)):
        stem = word[:-2]
        named = [stem, stem[:-1] + "en"] if stem.endswith("n") else [stem]
        if any(
            place in places() or _known_place(place) or re.search(rf"\b{place}\b", body) for place in named
        ):
            found.add(word)
    return frozenset(found)


_PLACE_ADJECTIVE = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]{2,}er\b")


@cache
def _known_place(word: str) -> bool:
    """Whether the German model, shown the word alone, takes it for a place's name at even odds or
    better: a place the corpora named often enough for it to learn (`Köln`, `Frankfurt`), no word."""
    model = tagger("de")
    if model is None:
        return False
    model.set(sentence_features([word], "de"))
    return model.marginal("B-LOC", 0) >= 0.5


def sentences(body: str) -> list[tuple[int, int]]:
    """Where the body's sentences start and end; not after an initial or a common abbreviation."""
    spans, start = [], 0
    for end in _SENTENCE_END.finditer(body):
        if _ABBREVIATED.search(body[max(start, end.start() - 6) : end.start()]):
            continue
        spans.append((start, end.start()))
        start = end.end()
    spans.append((start, len(body)))
    return [(a, b) for a, b in spans if body[a:b].strip()]


def words(body: str, start: int, end: int, language: str) -> list[tuple[int, int, str]]:
    """The words of `body[start:end]`, each with its place; a full stop ends a word only where it
    abbreviates (`Dr.`, `Inc.`), not where it ends the sentence; in English, a possessive is a word
    of its own (`Microsoft` `'s`), as the English corpora write it."""
    found = []
    for match in _WORD.finditer(body, start, end):
        text = match[0]
        if text.endswith(".") and len(text) > 1 and match.end() == end:
            found.append((match.start(), match.end() - 1, text[:-1]))
            found.append((match.end() - 1, match.end(), "."))
            continue
        possessive = _POSSESSIVE.search(text) if language == "en" else None
        if possessive:
            cut = match.start() + possessive.start()
            found.append((match.start(), cut, text[: possessive.start()]))
            found.append((cut, match.end(), "'s"))  # the corpora's apostrophe, whichever the text's
            continue
        found.append((match.start(), match.end(), text))
    return found


_POSSESSIVE = re.compile(r"(?<=\w)['’]s$")


# How a body is cut into the model's words (see `words`) and what its features read beside them:
# another value wherever that changes, so that no answer kept from the old is read back (2: the
# English possessive a word apart; 3: the places of ISO 3166-2's second level and China's provinces
# without `Sheng`, see `cues.places`).
_CUTTING = b"3"


@cache
def _model_digest(language: str) -> str:
    model = (MODELS / f"names-{language}.crfsuite").read_bytes()
    return hashlib.sha256(_CUTTING + b"\0" + model).hexdigest()[:16]


def names_in(body: str, language: str, store: Path | None = None) -> list[Name]:
    """The names the model finds in a body, in order; none for a language without a model.

    With a `store` (a folder of the dossier's cache), what the model found in a body is kept there
    by the digest of the body and the model, so asking again costs a file read: `suggest` over a
    large dossier tags only the articles that changed."""
    model = tagger(language)
    if model is None:
        return []
    if store is None:
        return _tagged(model, body, language)
    key = hashlib.sha256(f"{_model_digest(language)}\0{language}\0{body}".encode()).hexdigest()
    file = store / f"names-{language}-{_model_digest(language)}" / key[:2] / f"{key}.json"
    try:
        return [Name(*row) for row in json.loads(file.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        pass
    found = _tagged(model, body, language)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary = file.with_name(f".{file.name}.{os.getpid()}")
        temporary.write_text(json.dumps([astuple(name) for name in found]), encoding="utf-8")
        temporary.replace(file)
    except OSError:
        pass  # a cache that cannot be written is no cache
    return found


def _tagged(model, body: str, language: str) -> list[Name]:
    found = []
    for start, end in sentences(body):
        tokens = words(body, start, end, language)
        if not tokens:
            continue
        labels = model.tag(sentence_features([text for _, _, text in tokens], language))
        index = 0
        while index < len(labels):
            label = labels[index]
            if label == "O":
                index += 1
                continue
            kind, first = label[2:], index
            confidence = model.marginal(label, index)
            index += 1
            while index < len(labels) and labels[index] == f"I-{kind}":
                confidence = min(confidence, model.marginal(labels[index], index))
                index += 1
            found.append(Name(tokens[first][0], tokens[index - 1][1], KINDS.get(kind, "other"), confidence))
    return found
