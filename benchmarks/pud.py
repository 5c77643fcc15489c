"""How the candidate names read short news and Wikipedia texts in both languages, typed by others: the
documents of the Parallel Universal Dependencies treebanks as Universal NER annotates them
(`../shared/corpora/ner/uner_german-pud/`, `uner_english-pud/`; CC BY-SA 3.0), the same thousand
sentences in German and in English, their persons, organizations and places marked by hand.

    python benchmarks/pud.py [--finder both|model|rules]

The name model never trained on them (they are held apart by `tools/train_names.py`). Two halves,
fixed before any rule was set against them (6 December 2026): every other document in the files'
order is the tuning half, the rest the reporting half. For each document's first 15 candidates:
those naming none of the marked names (PUD marks no product, event or work, so this counts some
names too), and the marked names typed as PUD types them (a publication counts as an organization);
and how many of the marked names the first 15 hold.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from dossier.authoring.suggesting import weighing  # noqa: E402
from dossier.authoring.suggesting.candidates import candidates_in  # noqa: E402
from dossier.syntax.names import name_key  # noqa: E402

CORPORA = REPO.parent / "shared" / "corpora" / "ner"
FILES = {
    "de": CORPORA / "uner_german-pud" / "de_pud-ud-test.iob2",
    "en": CORPORA / "uner_english-pud" / "en_pud-ud-test.iob2",
}
FIRST = 15
TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


@dataclass
class Document:
    name: str
    sentences: list[str] = field(default_factory=list)
    types: dict[str, str] = field(default_factory=dict)  # name key → the type PUD marks

    @property
    def body(self) -> str:
        return " ".join(self.sentences)


def read(path: Path) -> list[Document]:
    """The documents of one file: their sentences as written (`# text`) and their marked names."""
    documents: list[Document] = []
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# newdoc id = "):
            documents.append(Document(line.split(" = ", 1)[1]))
        elif line.startswith("# text = "):
            documents[-1].sentences.append(line[len("# text = ") :].strip())
        elif line and not line.startswith("#"):
            columns = line.split("\t")
            tokens.append((columns[1], columns[2]))
        elif not line and tokens:
            for words, kind in _spans(tokens):
                documents[-1].types[name_key(" ".join(words))] = TYPES[kind]
            tokens = []
    return documents


def _spans(tokens: list[tuple[str, str]]) -> list[tuple[list[str], str]]:
    spans: list[tuple[list[str], str]] = []
    for word, label in tokens:
        if label.startswith("B-") and label[2:] in TYPES:
            spans.append(([word], label[2:]))
        elif label.startswith("I-") and spans and spans[-1][1] == label[2:]:
            spans[-1][0].append(word)
    return spans


def halves(language: str) -> dict[str, list[Document]]:
    documents = read(FILES[language])
    return {"tuning": documents[0::2], "reporting": documents[1::2]}


def score(documents: list[Document], language: str) -> Counter:
    counts: Counter = Counter()
    for document in documents:
        found: set[str] = set()
        for candidate in candidates_in(document.name, document.body, language, frozenset())[:FIRST]:
            counts["candidates"] += 1
            keys = [name_key(candidate.name), *(name_key(alias) for alias in candidate.aliases)]
            found.update(keys)
            marked = next((key for key in keys if key in document.types), None)
            if marked is None:
                counts["no marked name"] += 1
                continue
            given = "organization" if candidate.type == "publication" else candidate.type
            counts["names"] += 1
            counts["typed right"] += given == document.types[marked]
        counts["marked"] += len(document.types)
        counts["held"] += len(document.types.keys() & found)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--finder", choices=("both", "model", "rules"), default="both")
    args = parser.parse_args()
    missing = [str(path) for path in FILES.values() if not path.is_file()]
    if missing:
        print(f"benchmarks/pud.py: error: no PUD corpus at {', '.join(missing)}", file=sys.stderr)
        return 2
    weighing.FINDER = args.finder
    print(f"| language | half ({args.finder}) | documents | marked names among the first 15 | "
          "of the first 15: no marked name | marked names typed as PUD types them |")  # fmt: skip
    print("|---|---|---:|---:|---:|---:|")
    for language in FILES:
        for half, documents in halves(language).items():
            c = score(documents, language)
            held = f"{c['held'] / c['marked']:.2f} ({c['held']} of {c['marked']})"
            unmarked, candidates = c["no marked name"], c["candidates"]
            typed = f"{c['typed right'] / c['names']:.0%} ({c['typed right']} of {c['names']})"
            unmarked = f"{unmarked / candidates:.0%} ({unmarked} of {candidates})"
            print(f"| {language} | {half} | {len(documents)} | {held} | {unmarked} | {typed} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
