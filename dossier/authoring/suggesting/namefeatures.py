"""The features of a token in its sentence for the name model: a pure function of the words, the same
in training (`tools/train_names.py`) and in use (`namemodel`).

The signals the evidence rules weigh, given to the model to weigh itself: the word, its shape and
affixes, capitals (in a language that capitalises every noun, a capital says less), how common the
word is in the language's vocabulary (wordfreq, binned), the words around it, and the cues of
`cues`: a legal suffix, a role word, a country or a city of the time-zone database.
"""

from __future__ import annotations

import re
from functools import cache

from .cues import LEGAL_SUFFIXES, cue, is_role, places

_DIGIT = re.compile(r"\d")
_SHAPE_RUNS = re.compile(r"(.)\1+")


@cache
def _zipf_bin(word: str, language: str) -> str:
    """How common a word is, in bins (0: not in the list; 6: among the most common)."""
    from wordfreq import zipf_frequency  # loaded with the model

    return str(min(7, int(zipf_frequency(word.lower(), language))))


@cache
def _shape(word: str) -> str:
    """`Xx`, `xXx`, `X.X`, `d-d`: the word's kinds of characters, each run written once."""
    mapped = "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in word)
    return _SHAPE_RUNS.sub(r"\1", mapped)[:6]


@cache
def _word_features(word: str, language: str) -> tuple[str, ...]:
    """What a word says of itself, made once per word and language."""
    lowered = word.lower()
    features = [
        f"w={lowered}",
        f"shape={_shape(word)}",
        f"p2={lowered[:2]}",
        f"p3={lowered[:3]}",
        f"s2={lowered[-2:]}",
        f"s3={lowered[-3:]}",
        f"s4={lowered[-4:]}",
        f"s5={lowered[-5:]}",
        f"p4={lowered[:4]}",
        f"zipf={_zipf_bin(word, language)}",
    ]
    if language != "en":
        features.append(f"zipf-en={_zipf_bin(word, 'en')}")  # a word news copy borrows from English
    if not any(c.isalnum() for c in word):
        features.append("punctuation")
    if word[:1].isupper():
        features.append("title")
    if word.isupper() and len(word) > 1:
        features.append("upper")
    if _DIGIT.search(word):
        features.append("digit")
    if "-" in word:
        features.append("hyphen")
        features.append(f"head={word.split('-')[0].lower()}")
        features.append(f"tail={word.rsplit('-', 1)[-1].lower()}")
    if any(c.isupper() for c in word[1:]) and any(c.islower() for c in word):
        features.append("inner-capital")
    if lowered.strip(".") in LEGAL_SUFFIXES:
        features.append("legal")
    if is_role(word):
        features.append("role")
    kind = cue(word)
    if kind:
        features.append(f"cue={kind}")
    if word in places():
        features.append("place")
    return tuple(features)


def place_words(words: list[str]) -> list[str]:
    """Per word, where it stands in a place name of several words (`South Carolina`): `B` for the
    first, `I` for the others, `` outside one."""
    marks = [""] * len(words)
    every_place = places()
    index = 0
    while index < len(words):
        length = next((n for n in range(4, 1, -1) if " ".join(words[index : index + n]) in every_place), 0)
        if length and index + length <= len(words):
            marks[index : index + length] = ["B"] + ["I"] * (length - 1)
            index += length
        else:
            index += 1
    return marks


def token_features(
    words: list[str], index: int, language: str, in_places: list[str] | None = None
) -> list[str]:
    """The features of `words[index]` in its sentence (`language`: `de` or `en`; `in_places`: the
    sentence's `place_words`, made once per sentence)."""
    word = words[index]
    features = ["bias", *_word_features(word, language)]
    if index == 0:
        features.append("first")
    elif word[:1].isupper():
        features.append("title-inside")  # a capital no sentence start explains
    mark = (in_places or place_words(words))[index]
    if mark:
        features.append(f"place-{mark}")
    for offset in (-2, -1, 1, 2):
        at = index + offset
        if 0 <= at < len(words):
            other = words[at]
            features.append(f"{offset}w={other.lower()}")
            if abs(offset) == 1:
                features.append(f"{offset}shape={_shape(other)}")
                features.append(f"{offset}zipf={_zipf_bin(other, language)}")
                features.append(f"{offset}s3={other[-3:].lower()}")
                features.append(f"{offset}|w={other.lower()}|{word.lower()}")
                if other[:1].isupper():
                    features.append(f"{offset}title")
                kind = cue(other)
                if kind:
                    features.append(f"{offset}cue={kind}")
                if is_role(other):
                    features.append(f"{offset}role")
        elif abs(offset) == 1:
            features.append(f"{offset}edge")
    return features


def sentence_features(words: list[str], language: str) -> list[list[str]]:
    in_places = place_words(words)
    return [token_features(words, index, language, in_places) for index in range(len(words))]
