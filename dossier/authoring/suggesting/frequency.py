"""How common a word is, from wordfreq's lists (which ship in the package): the one measure of it
the finders share, from the places of `cues` up to the candidates."""

from __future__ import annotations

from functools import cache


@cache
def zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency  # loaded only when candidates are asked for

    return zipf_frequency(word.lower(), language)


@cache
def how_common(word: str, language: str) -> float:
    """How common a word is in the article's language or in English (which news copy borrows from)."""
    return max(zipf(word, language), zipf(word, "en"))
