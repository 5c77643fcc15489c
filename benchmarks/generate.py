"""Deterministic large dossiers for benchmarks: `python benchmarks/generate.py N OUT [--plain]`.

The annotated variant is in our content format: N articles of about 600 words with entity mentions,
figure and event claims, and a few hundred entities, figures and events. The plain variant is the
same articles as ordinary Markdown with front matter and no annotations, for other generators.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

WORDS = (  # noqa: SIM905 -- prose reads better than a list of words
    "the company said its new model would reach more users across markets while investors "
    "watched costs rise and engineers built chips for phones cars and homes over several years "
    "analysts expect revenue growth to slow as competition grows and regulators study the plans "
    "of large platforms that collect data and train systems on public and private sources"
).split()
ENTITY_TYPES = ["organization", "person", "product", "publication", "place"]


def entity_name(index: int) -> str:
    syllables = ["ka", "lo", "mi", "ra", "to", "ve", "su", "ne", "di", "pa"]
    return "".join(syllables[(index // 10**k) % 10] for k in range(3)).capitalize() + f" {index}"


def sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def article_body(rng: random.Random, n: int, entities: int, figures: int, events: int, plain: bool) -> str:
    paragraphs = []
    for p in range(6):
        sentences = []
        for s in range(6):
            text = sentence(rng, 16)
            if not plain and s % 2 == 0:
                e = rng.randrange(entities)
                text = f"[[{entity_name(e)}]] " + text[0].lower() + text[1:]
            if not plain and s == 3 and p % 2 == 0:
                f = rng.randrange(figures)
                value = 10 + (f * 37) % 890  # every source states about the same value
                text = text[:-1] + f' with [{value} billion]{{fig=figure-{f} value="~{value} bn"}}.'
            if not plain and s == 5 and p % 3 == 0:
                v = rng.randrange(events)
                text = text[:-1] + f" [that spring]{{event=event-{v}}}."
            sentences.append(text)
        paragraphs.append(" ".join(sentences))
    heading = f"## Section {n}\n\n"
    return heading + "\n\n".join(paragraphs) + "\n"


def generate(count: int, out: Path, plain: bool = False, seed: int = 7) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "content/articles").mkdir(parents=True)
    entities = max(50, min(400, count // 10))
    figures = max(20, min(300, count // 15))
    events = max(20, min(300, count // 15))
    (out / "config.yaml").write_text(
        "title: Benchmark dossier\nbase_url: https://example.org/bench/\nlanguage: en\n"
    )
    for n in range(count):
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        front = (
            f"---\ntitle: Report number {n}\nlanguage: en\n"
            f"published: 2024-{month:02d}-{day:02d}\nsummary: Generated report {n}.\n---\n"
        )
        body = article_body(rng, n, entities, figures, events, plain)
        (out / f"content/articles/report-{n:05d}.md").write_text(front + body)
    if plain:
        return out
    (out / "content/entities").mkdir()
    for e in range(entities):
        kind = ENTITY_TYPES[e % len(ENTITY_TYPES)]
        (out / f"content/entities/entity-{e:04d}.md").write_text(
            f"---\nname: {entity_name(e)}\ntype: {kind}\nsummary: Entity number {e}.\n---\n"
        )
    with (out / "content/figures.yaml").open("w") as registry:
        for f in range(figures):
            registry.write(f"figure-{f}:\n  label: Figure {f}\n  unit: CNY\n  group: Group {f % 7}\n")
    with (out / "content/events.yaml").open("w") as registry:
        for v in range(events):
            registry.write(f"event-{v}:\n  date: 20{20 + v % 6}-Q{1 + v % 4}\n  title: Event {v}\n")
    (out / "content/index.md").write_text("---\ntitle: Benchmark\n---\nA generated dossier.\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--plain", action="store_true", help="plain Markdown, no annotations")
    args = parser.parse_args()
    generate(args.count, args.out, args.plain)


if __name__ == "__main__":
    main()
