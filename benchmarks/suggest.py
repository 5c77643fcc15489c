"""How much of an editor's annotation `suggest` recovers, scored against the editor's own work.

    python benchmarks/suggest.py [DOSSIER] [--timing-articles 4000]

Copies the dossier (default: this repository's), strips every annotation from its articles and entity
descriptions (keeping the text they show), runs `python build.py suggest --format json` on the copy
and compares the suggestions with the annotations the editor had made:

- entity mentions: recall and precision (the same entity, overlapping text);
- figure claims: recall (overlapping text), and the share of those whose value and unit equal the
  editor's (a suggestion without a unit takes the figure's, as a claim does);
- event claims: recall (overlapping text).

With `--timing-articles N` it also times `suggest` on one article and on the generated benchmark
dossier of N articles (benchmarks/generate.py), the speeds the preview and a large dossier need.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from dossier.authoring.files.frontmatter import read_content_file  # noqa: E402
from dossier.authoring.suggesting.scan import Found, strip  # noqa: E402
from dossier.syntax.names import name_key  # noqa: E402
from dossier.syntax.values import parse_value  # noqa: E402


@dataclass
class Annotation:
    path: str
    start: int
    end: int
    kind: str
    target: str
    value: str | None = None
    unit: str | None = None


def strip_dossier(source: Path, into: Path) -> list[Annotation]:
    """Copy `source` to `into` with every annotation stripped; the editor's annotations, placed in
    the stripped files."""
    shutil.copytree(
        source, into, ignore=shutil.ignore_patterns("site", ".cache", ".git", ".venv", "benchmarks", "tests")
    )
    annotations: list[Annotation] = []
    for folder in ("content/articles", "content/entities"):
        for file in sorted((into / folder).glob("*.md")):
            content = read_content_file(into, file)
            assert content is not None
            head, body = content.text[: content.body_start], content.text[content.body_start :]
            stripped, found = strip(body)
            file.write_text(head + stripped, encoding="utf-8")
            path = file.relative_to(into).as_posix()
            annotations += [_placed(path, len(head), item) for item in found]
    return annotations


def _placed(path: str, offset: int, item: Found) -> Annotation:
    value = item.attributes.get("value")
    return Annotation(
        path,
        offset + item.start,
        offset + item.end,
        item.kind,
        item.target,
        value,
        item.attributes.get("unit"),
    )


def entity_slugs(root: Path) -> dict[str, str]:
    """Every spelling an entity answers to (name, aliases, slug), as name keys → slug."""
    slugs: dict[str, str] = {}
    for file in sorted((root / "content/entities").glob("*.md")):
        front = read_content_file(root, file).front
        for spelling in [front.get("name"), file.stem, *(front.get("aliases") or [])]:
            if isinstance(spelling, str):
                slugs[name_key(spelling)] = file.stem
    return slugs


def figure_units(root: Path) -> dict[str, str]:
    import yaml

    registry = yaml.safe_load((root / "content/figures.yaml").read_text(encoding="utf-8")) or {}
    return {name_key(str(key)): entry.get("unit") for key, entry in registry.items()}


def run_suggest(root: Path, *paths: str) -> tuple[list[dict], float]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "suggest", "--format", "json", "--root", str(root), *paths],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout), time.perf_counter() - started


def offsets(root: Path, suggestions: list[dict]) -> list[tuple[str, int, int, dict]]:
    starts: dict[str, list[int]] = {}
    placed = []
    for s in suggestions:
        if s["kind"] == "candidate":
            continue
        if s["path"] not in starts:
            text = (root / s["path"]).read_text(encoding="utf-8")
            starts[s["path"]] = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        lines = starts[s["path"]]
        placed.append(
            (
                s["path"],
                lines[s["line"] - 1] + s["column"] - 1,
                lines[s["end_line"] - 1] + s["end_column"] - 1,
                s,
            )
        )
    return placed


def _overlap(a: Annotation, path: str, start: int, end: int) -> bool:
    return a.path == path and a.start < end and start < a.end


def _same_value(editor: Annotation, suggestion: dict, units: dict[str, str]) -> bool:
    try:
        a, b = parse_value(editor.value or ""), parse_value(suggestion["value"] or "")
    except ValueError:
        return False
    unit = editor.unit or units.get(name_key(editor.target))
    same_unit = suggestion["unit"] is None or suggestion["unit"] == unit
    return same_unit and (a.qualifier, a.minimum, a.maximum) == (b.qualifier, b.minimum, b.maximum)


def score(root: Path, editor: list[Annotation], suggestions: list[dict]) -> dict[str, float]:
    slugs, units = entity_slugs(root), figure_units(root)
    placed = offsets(root, suggestions)
    mentions = [a for a in editor if a.kind == "mention"]
    entity_suggestions = [p for p in placed if p[3]["kind"] == "entity"]

    def found_mention(a: Annotation) -> bool:
        slug = slugs.get(name_key(a.target))
        return any(_overlap(a, p, s, e) and x["target"] == slug for p, s, e, x in entity_suggestions)

    def right_suggestion(path: str, start: int, end: int, s: dict) -> bool:
        return any(
            _overlap(a, path, start, end) and slugs.get(name_key(a.target)) == s["target"] for a in mentions
        )

    figures = [a for a in editor if a.kind == "figure"]
    figure_suggestions = [p for p in placed if p[3]["kind"] == "figure"]
    recalled = [(a, [x for p, s, e, x in figure_suggestions if _overlap(a, p, s, e)]) for a in figures]
    recalled = [(a, xs) for a, xs in recalled if xs]
    events = [a for a in editor if a.kind == "event"]
    event_suggestions = [p for p in placed if p[3]["kind"] == "event"]
    return {
        "entity mentions": len(mentions),
        "entity recall": sum(map(found_mention, mentions)) / max(len(mentions), 1),
        "entity precision": sum(right_suggestion(*p) for p in entity_suggestions)
        / max(len(entity_suggestions), 1),
        "figure claims": len(figures),
        "figure recall": len(recalled) / max(len(figures), 1),
        "figure values equal": sum(any(_same_value(a, x, units) for x in xs) for a, xs in recalled)
        / max(len(recalled), 1),
        "event claims": len(events),
        "event recall": sum(any(_overlap(a, p, s, e) for p, s, e, _ in event_suggestions) for a in events)
        / max(len(events), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dossier", nargs="?", type=Path, default=REPO)
    parser.add_argument("--timing-articles", type=int, default=0, metavar="N")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-suggest-") as temporary:
        copy = Path(temporary) / "dossier"
        editor = strip_dossier(args.dossier.resolve(), copy)
        suggestions, seconds = run_suggest(copy)
        scores = score(copy, editor, suggestions)
        print("| measure | value |\n|---|---|")
        for name, value in scores.items():
            print(f"| {name} | {value:.3f} |" if isinstance(value, float) else f"| {name} | {value} |")
        print(f"| suggest on the whole stripped dossier | {seconds:.2f} s |")
        if args.timing_articles:
            _timing(Path(temporary), args.timing_articles)
    return 0


def _timing(folder: Path, count: int) -> None:
    from generate import generate

    corpus = generate(count, folder / "corpus", False)
    first = sorted((corpus / "content/articles").glob("*.md"))[0]
    one = _median_in_process(corpus, first)
    _, whole = run_suggest(corpus)
    print(f"| suggest on one article, in process (the preview's case) | {one * 1000:.0f} ms |")
    print(f"| suggest on {count:,} generated articles, the whole command | {whole:.2f} s |")


def _median_in_process(corpus: Path, article: Path) -> float:
    from dossier.authoring.suggesting.suggest import Dossier, suggest_file

    dossier = Dossier.load(corpus)
    times = []
    for _ in range(7):
        started = time.perf_counter()
        suggest_file(dossier, article)
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]


if __name__ == "__main__":
    sys.exit(main())
