"""How the candidate names type German news sentences, typed by others: GermEval 2014's test
sentences from news sites (`../shared/corpora/ner/germeval2014/NER-de-test.tsv`, CC BY 4.0), each
read alone, their persons, organizations, places and other names marked by hand (outer level).

    python benchmarks/germeval.py [--finder both|model|rules]

The name model never trained on them (`tools/train_names.py` holds them apart). They are tuning text
of the rules and weights since the round of 6 December that read them name by name: a figure to
tune on, not one from unseen text. Of each sentence's candidates: those naming none of the marked
names, and the marked names typed as GermEval types them (the engine's product, event and other
count as GermEval's other; a publication as an organization, as GermEval marks a paper or a
broadcaster, and as the PUD and Wikinews checks count it).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from dossier.authoring.suggesting import weighing  # noqa: E402
from dossier.authoring.suggesting.candidates import candidates_in  # noqa: E402
from dossier.syntax.names import name_key  # noqa: E402

TEST = REPO.parent / "shared" / "corpora" / "ner" / "germeval2014" / "NER-de-test.tsv"
TYPES = {"PER": "person", "ORG": "organization", "LOC": "place", "OTH": "other"}
OTHER = {"product", "event", "other"}

Sentence = tuple[str, dict[str, str]]  # (text, name key → the type GermEval marks)


def news_sentences(path: Path) -> list[Sentence]:
    """The sentences whose source (the `#` line before each) is no Wikipedia page, with their marked
    names; words joined by spaces, none before a comma or a full stop."""
    sentences: list[Sentence] = []
    source, tokens = "", []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            source = line.split("\t")[1] if "\t" in line else ""
        elif line:
            columns = line.split("\t")
            tokens.append((columns[1], columns[2]))
        elif tokens:
            if "wikipedia" not in source:
                text = " ".join(word for word, _ in tokens).replace(" ,", ",").replace(" .", ".")
                sentences.append((text, {name_key(" ".join(words)): kind for words, kind in _spans(tokens)}))
            tokens = []
    return sentences


def _spans(tokens: list[tuple[str, str]]) -> list[tuple[list[str], str]]:
    spans: list[tuple[list[str], str]] = []
    for word, label in tokens:
        if label.startswith("B-") and label[2:] in TYPES:
            spans.append(([word], TYPES[label[2:]]))
        elif label.startswith("I-") and spans and label[2:] in TYPES and spans[-1][1] == TYPES[label[2:]]:
            spans[-1][0].append(word)
    return spans


def score(sentences: list[Sentence]) -> Counter:
    counts: Counter = Counter()
    for text, marked in sentences:
        for candidate in candidates_in("sentence.md", text, "de", frozenset()):
            counts["candidates"] += 1
            keys = [name_key(candidate.name), *(name_key(alias) for alias in candidate.aliases)]
            found = next((key for key in keys if key in marked), None)
            if found is None:
                counts["no marked name"] += 1
                continue
            given = "other" if candidate.type in OTHER else candidate.type
            given = "organization" if given == "publication" else given
            counts["names"] += 1
            counts["typed right"] += given == marked[found]
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--finder", choices=("both", "model", "rules"), default="both")
    args = parser.parse_args()
    if not TEST.is_file():
        print(f"benchmarks/germeval.py: error: no GermEval test file at {TEST}", file=sys.stderr)
        return 2
    weighing.FINDER = args.finder
    sentences = news_sentences(TEST)
    c = score(sentences)
    unmarked = f"{c['no marked name'] / c['candidates']:.0%} ({c['no marked name']} of {c['candidates']})"
    typed = f"{c['typed right'] / c['names']:.1%} ({c['typed right']} of {c['names']})"
    print("| finder | news sentences | candidates naming no marked name | marked names typed as GermEval "
          "types them |")  # fmt: skip
    print("|---|---:|---:|---:|")
    print(f"| {args.finder} | {len(sentences)} | {unmarked} | {typed} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
