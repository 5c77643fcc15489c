"""How a text names one person by several forms of the name: in full, with a middle name or an
initial (`Matthew William Goode`), by the surname alone (`Trump` of `Donald Trump`, named before
`Melania Trump`) or by the first word alone (`Jared` in a portrait of `Jared Padalecki`); and
whether the text treats a form as a person's name at all."""

from __future__ import annotations

from .forms import Form
from .vocabulary import given_names, is_adjective, spelled_as_a_given_name, strict_noun
from .weighing import SURE_PERSON, type_votes


def a_person(form: Form, language: str) -> bool:
    """A name the text treats as a person's: a given name's spelling first, no adjective or noun,
    and the cues around it pointing to a person most."""
    first = form.words[0]
    if not spelled_as_a_given_name(first) or is_adjective(first):
        return False
    top = type_votes(form.occurrences).most_common(1)
    noun = strict_noun(first, language) and not sure_of_a_person(form)
    return bool(top) and top[0][0] == "person" and not noun


def sure_of_a_person(form: Form) -> bool:
    """Whether the model is sure of a person at every occurrence of a form of several words. A given
    name only German uses (`Jörg`) reads as a noun, but the model took the words for one name: a
    noun it leaves out (`Dokumentar` of `Dokumentar Geicke`) is cut off before (see `weighing`)."""
    sure = all(occurrence.kinds["person"] >= SURE_PERSON for occurrence in form.occurrences)
    return len(form.words) > 1 and sure


def first_named(surname: Form, people: list[list[Form]], language: str) -> Form | None:
    """The person a surname used alone names where the text names several people by it in full
    (`Trump` of `Donald Trump` and `Melania Trump`; `people`: each one's forms): news copy names its
    subject first and a relative or namesake after, so the first named, where it is named before the
    surname is used alone."""
    first = min((form for forms in people for form in forms), key=_first_start)
    spelled = all(any(spelled_as_a_given_name(form.words[0]) for form in forms) for forms in people)
    named_first = next(forms for forms in people if first in forms)
    if not (spelled and any(a_person(form, language) for form in named_first)):
        return None
    return first if _first_start(first) < _first_start(surname) else None


def first_words_alone(forms: dict[str, Form], language: str) -> dict[str, list[str]]:
    """A person the text names by the first word of the name alone: the given name, in a portrait
    or an interview (`Jared` of `Jared Padalecki`), or the family name of a name written family
    name first (`Wang` of `Wang Anshi`): the word's key → the keys of the people's names of two or
    three words it begins (one person's, where the caller joins them). Only a word the training
    corpora's people begin their names with (`given_names`), so no place or brand (`Paris Hilton`
    and `Paris`)."""
    people: dict[str, list[str]] = {}
    for key, form in forms.items():
        if 2 <= len(form.words) <= 3 and a_person(form, language):
            people.setdefault(form.words[0], []).append(key)
    return {
        key: people[form.words[0]]
        for key, form in forms.items()
        if len(form.words) == 1 and form.words[0] in people and form.words[0] in given_names()
    }


def without_middle_names(forms: dict[str, Form], language: str) -> dict[str, str]:
    """A person's name the text also writes with a middle name or initial (`Matthew Goode` of
    `Matthew William Goode`, `Eugene Nida` of `Eugene A. Nida`): short key → the one long name's
    key."""
    longer: dict[tuple[str, str], set[str]] = {}
    for key, form in forms.items():
        words = form.words
        middle = words[1:-1]
        if 3 <= len(words) <= 4 and all(_given_or_initial(word) for word in middle):
            longer.setdefault((words[0], words[-1]), set()).add(key)
    found = {}
    for key, form in forms.items():
        longs = longer.get((form.words[0], form.words[-1]), set()) if len(form.words) == 2 else set()
        if len(longs) == 1 and (a_person(form, language) or a_person(forms[min(longs)], language)):
            found[key] = min(longs)
    return found


def _given_or_initial(word: str) -> bool:
    """A given name's spelling (`William`) or an initial (`A.`)."""
    bare = word.rstrip(".")
    return (len(bare) == 1 and bare.isupper()) or spelled_as_a_given_name(bare)


def _first_start(form: Form) -> int:
    return min(occurrence.start for occurrence in form.occurrences)
