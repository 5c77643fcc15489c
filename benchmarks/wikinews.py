"""How the candidate names read English news articles nobody here wrote, typed by others: the
Wikinews articles and interviews of GUM (`../shared/corpora/ner/gum/cc-by/`, CC BY 2.5 text, CC BY
4.0 annotations), whose named mentions carry a type and the Wikipedia page they name.

    python benchmarks/wikinews.py [--finder both|model|rules] [--other-genres]

Two halves, fixed before any rule was tuned against them (6 December 2026): GUM's own training
documents are the tuning half, its dev and test documents (named in its README) the reporting half.
For each article's first 15 candidates: those naming none of GUM's named mentions (GUM gives a
Wikipedia page to a name only where one exists, so this counts some names too), the names typed
as GUM types them (its `object` a product, its `abstract` and the rest other; GUM has no
publication and calls a paper an organization, so either counts), and the names titled as the
Wikipedia page they name where the article spells that title out.

`--other-genres` scores GUM's other training documents the same way (biographies, travel guides,
academic and court texts; both licence folders): more tuning text, never reporting text.
"""

from __future__ import annotations

import argparse
import re
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

GUM = REPO.parent / "shared" / "corpora" / "ner" / "gum"
FIRST = 15
TYPES = {
    "person": "person",
    "organization": "organization",
    "place": "place",
    "event": "event",
    "object": "product",
}
# An entity's bracket in CoNLL-U's `Entity=`: an opening with its fields, closed at once where the
# mention is one word (`(12-person-…-Barack_Obama)`), or the closing of mention 12 (`12)`).
_BRACKET = re.compile(r"\(([^()]*)(\))?|(\d+)\)")


@dataclass
class Article:
    name: str
    title: str = ""
    body: str = ""
    types: dict[str, Counter] = field(default_factory=dict)  # name key → GUM's types of its mentions
    titles: dict[str, str] = field(default_factory=dict)  # name key → the Wikipedia title it names


def read(path: Path) -> Article:
    """One GUM document: its sentences as written (`# text`), paragraphs apart, and its named
    mentions (those with a Wikipedia identity and a proper noun in them)."""
    article = Article(path.stem)
    sentences: list[str] = []
    tokens: list[tuple[str, str]] = []  # (word, part of speech)
    open_mentions: dict[str, list[tuple[int, str, str]]] = {}
    mentions: list[tuple[int, int, str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# meta::title = "):
            article.title = line.split(" = ", 1)[1]
        elif line.startswith("# text = "):
            sentences.append(line[len("# text = ") :])
        elif line == "# newpar" or line.startswith("# newpar "):
            sentences.append("\n\n")
        elif line and not line.startswith("#"):
            columns = line.split("\t")
            if not columns[0].isdigit():
                continue  # a word of several tokens (`Lessig's`): its tokens follow
            index = len(tokens)
            tokens.append((columns[1], columns[3]))
            entity = re.search(r"Entity=([^|]+)", columns[9])
            if entity is None:
                continue
            for bracket in _BRACKET.finditer(entity[1]):
                if bracket[3] is not None:  # a closing
                    if open_mentions.get(bracket[3]):
                        start, kind, identity = open_mentions[bracket[3]].pop()
                        mentions.append((start, index + 1, kind, identity))
                    continue
                fields = bracket[1].split("-")
                identity = fields[7] if len(fields) > 7 else ""
                if bracket[2]:
                    mentions.append((index, index + 1, fields[1], identity))
                else:
                    open_mentions.setdefault(fields[0], []).append((index, fields[1], identity))
    article.body = " ".join(sentences).replace(" \n\n ", "\n\n").strip()
    for start, end, kind, identity in mentions:
        if not identity or not any(tag == "PROPN" for _, tag in tokens[start:end]):
            continue
        words = [word for word, _ in tokens[start:end]]
        words = words[1:] if words[0].lower() == "the" else words
        title = re.sub(r"_\(.*\)$", "", identity).replace("%2D", "-").replace("_", " ")
        for said in {" ".join(words), title}:
            article.types.setdefault(name_key(said), Counter())[TYPES.get(kind, "other")] += 1
            if title in article.body:
                article.titles[name_key(said)] = title
    return article


def halves() -> dict[str, list[Path]]:
    """GUM's Wikinews documents, its training ones apart from its dev and test ones."""
    held = _held()
    documents = sorted((GUM / "cc-by").glob("GUM_*.conllu"))
    wikinews = [path for path in documents if _WIKINEWS.match(path.name)]
    return {
        "tuning": [path for path in wikinews if path.stem not in held],
        "reporting": [path for path in wikinews if path.stem in held],
    }


def other_genres() -> list[Path]:
    """GUM's training documents of its other genres, in both licence folders."""
    held = _held()
    documents = [
        path for folder in ("cc-by", "cc-by-sa") for path in sorted((GUM / folder).glob("GUM_*.conllu"))
    ]
    return [path for path in documents if path.stem not in held and not _WIKINEWS.match(path.name)]


_WIKINEWS = re.compile(r"GUM_(news|interview)_")


def _held() -> set[str]:
    """GUM's dev and test documents, as its README names them."""
    readme = (GUM / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"GUM_\w+", readme.split("**dev**", 1)[1].split("## Licence", 1)[0]))


def score(paths: list[Path]) -> Counter:
    counts: Counter = Counter()
    for path in paths:
        article = read(path)
        for candidate in candidates_in(path.name, article.body, "en", frozenset(), article.title)[:FIRST]:
            counts["candidates"] += 1
            keys = [name_key(candidate.name), *(name_key(alias) for alias in candidate.aliases)]
            found = next((key for key in keys if key in article.types), None)
            if found is None:
                counts["no named mention"] += 1
                continue
            wanted = article.types[found].most_common(1)[0][0]
            typed = candidate.type == wanted or (wanted, candidate.type) == ("organization", "publication")
            counts["names"] += 1
            counts["typed right"] += typed
            title = next((article.titles[key] for key in keys if key in article.titles), None)
            if title is not None:
                counts["with a title"] += 1
                counts["titled"] += name_key(candidate.name) == name_key(title)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--finder", choices=("both", "model", "rules"), default="both")
    parser.add_argument("--other-genres", action="store_true", help="GUM's other training documents")
    args = parser.parse_args()
    if not GUM.is_dir():
        print(f"benchmarks/wikinews.py: error: no GUM corpus at {GUM}", file=sys.stderr)
        return 2
    weighing.FINDER = args.finder
    print(f"| half ({args.finder}) | articles | of the first 15: no named mention | names typed as GUM types "
          "them | names titled as their Wikipedia page |")  # fmt: skip
    print("|---|---:|---:|---:|---:|")
    groups = {"tuning, other genres": other_genres()} if args.other_genres else halves()
    for half, paths in groups.items():
        c = score(paths)
        print(
            f"| {half} | {len(paths)} | {c['no named mention'] / c['candidates']:.0%} "
            f"({c['no named mention']} of {c['candidates']}) | {c['typed right'] / c['names']:.0%} "
            f"({c['typed right']} of {c['names']}) | {c['titled'] / c['with a title']:.0%} "
            f"({c['titled']} of {c['with a title']}) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
