"""How the authoring tools do on real news pages nobody here wrote, and how fast.

    python benchmarks/authoring.py [--articles 4000] [--runs 3] [--misread]

Starts a fresh dossier with `new`, brings in every saved page of `../shared/pages/` with `add`, runs
`suggest` on each article and scores the result against what was written by hand beside each page
(`tests/pages/*.yaml`): main entities among each article's first 15 candidates, names split into
two candidates, articles given their `source:` and their byline, relative dates resolved (and to
the day meant), and new figures and events proposed with names made from their sentence. Then the
MiMo dossier: its candidate entities from the bare seeds, and the keys and labels proposed for its
figures and events beside the editor's own. Then speed: one article's suggestions in a process
that has the dossier loaded (the preview's case), and `suggest` over the generated dossier of
`--articles` articles as a whole command (medians of `--runs`).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from dossier.authoring.files.frontmatter import read_content_file  # noqa: E402
from dossier.cli import main as dossier  # noqa: E402
from dossier.syntax.names import name_key  # noqa: E402

TRUTH = REPO / "tests" / "pages"  # what a reader wants of each page, written by hand (NAME.yaml)
SAVED = REPO.parent / "shared" / "pages"  # the pages themselves (NAME.html), kept out of the repository
SEEDS = REPO / "tests" / "seeds"
FIRST = 15  # candidates an editor reads
PLACEHOLDER = re.compile(r"KEY|(figure|event)-\d+")


def key(text: str) -> str:
    """Names compared as an editor would: case, spacing and hyphens aside."""
    return name_key(re.sub(r"[-‐‑]", " ", text))


@dataclass
class Page:
    name: str
    expected: dict
    article: Path | None = None
    front: dict = field(default_factory=dict)
    warned: bool = False
    suggestions: list[dict] = field(default_factory=list)


def run_quietly(*arguments: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = dossier(list(arguments))
    return code, out.getvalue(), err.getvalue()


def bring_in(folder: Path, saved: Path = SAVED) -> tuple[Path, list[Page]]:
    """A fresh dossier in `folder` with every saved page of `saved` added, each page with its article."""
    root = folder / "fresh"
    run_quietly("new", str(root), "--quiet")
    (root / "content/articles/example-article.md").unlink()
    pages = [Page(f.stem, yaml.safe_load(f.read_text())) for f in sorted(TRUTH.glob("*.yaml"))]
    _, out, err = run_quietly(
        "add", *(str(saved / f"{page.name}.html") for page in pages), "--root", str(root)
    )
    by_source = {
        Path(m[2]).stem: m[1] for m in re.finditer(r"^(content/\S+\.md): added from (\S+)", out, re.M)
    }
    warned = {m[1] for m in re.finditer(r"^(content/\S+\.md): warning:", err, re.M)}
    for page in pages:
        path = by_source.get(page.name)
        if path:
            page.article = root / path
            page.front = read_content_file(root, page.article).front
            page.warned = path in warned
    return root, pages


def suggest_each(root: Path, pages: list[Page]) -> None:
    for page in pages:
        if page.article is not None:
            _, out, _ = run_quietly("suggest", "--format", "json", "--root", str(root), str(page.article))
            page.suggestions = json.loads(out)


def entity_hits(page: Page) -> tuple[int, int, int, int]:
    """(main entities among the first candidates, main entities, split names, types right)."""
    candidates = [s for s in page.suggestions if s["kind"] == "candidate"][:FIRST]
    names = [{key(c["proposal"]["name"])} | {key(a) for a in c["proposal"]["aliases"]} for c in candidates]
    hits = split = typed = 0
    used: set[int] = set()
    for entity in page.expected["entities"]:
        wanted = {key(entity["name"])} | {key(form) for form in entity.get("forms", [])}
        by_name = [i for i, c in enumerate(candidates) if key(c["proposal"]["name"]) in wanted]
        by_alias = [i for i, n in enumerate(names) if n & wanted and i not in used]
        matched = by_name or by_alias
        if matched:
            hits += 1
            used.add(matched[0])
            typed += candidates[matched[0]]["type"] == entity["type"]
        split += len({*by_name, *by_alias}) > 1
    return hits, len(page.expected["entities"]), split, typed


def date_hits(page: Page) -> list[tuple[str, str, str | None]]:
    """Each relative date the page uses: (its text, what it means, what suggest read)."""
    if page.article is None:
        return []
    text = page.article.read_text(encoding="utf-8")
    lines = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    events = [
        (lines[s["line"] - 1] + s["column"] - 1, lines[s["end_line"] - 1] + s["end_column"] - 1, s["date"])
        for s in page.suggestions
        if s["kind"] == "event"
    ]
    found = []
    for wanted in page.expected["dates"]:
        at = text.find(wanted["text"], text.index("\n---", 3))
        end = at + len(wanted["text"])
        read = next((date for s, e, date in events if at >= 0 and s < end and at < e), None)
        found.append((wanted["text"], str(wanted["date"]), read))
    return found


def proposals_from_words(page: Page) -> tuple[int, int]:
    """(new figure and event suggestions whose key and name come from their sentence's words, all)."""
    made = total = 0
    for s in page.suggestions:
        if s["kind"] not in ("figure", "event") or s["target"] is not None:
            continue
        total += 1
        proposal = s.get("proposal") or {}
        named = proposal.get("label") or proposal.get("title") or ""
        key_words = [w for w in (proposal.get("key") or "").split("-") if not w.isdigit()]
        words = set(re.findall(r"\w+", key(page.article.read_text(encoding="utf-8"))))
        named_words = re.findall(r"\w+", key(named))
        from_sentence = bool(named_words) and all(word in words for word in named_words)
        made += bool(from_sentence and key_words and not PLACEHOLDER.fullmatch(proposal["key"]))
    return made, total


def source_right(page: Page, root: Path) -> bool | None:
    """Whether the article's `source:` names the page's publication; None where the page names none."""
    publication = page.expected["publication"]
    if not publication:
        return None
    source = page.front.get("source")
    if not source:
        return False
    for file in (root / "content/entities").glob("*.md"):
        front = read_content_file(root, file).front
        if key(str(front.get("name"))) == key(str(source)) and front.get("type") == "publication":
            hosts = [str(link) for link in (front.get("links") or {}).values()]
            host = publication.get("host")
            return host is None or any(host in link for link in hosts)
    return False


WEEKDAY = re.compile(
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday",
    re.I,
)


def publication_named(page: Page) -> bool | None:
    """Whether `source:` is the publication's name as a reader names it (beside the page); None where
    the page names none."""
    publication = page.expected["publication"]
    if not publication:
        return None
    return _without_article(str(page.front.get("source") or "")) == _without_article(str(publication["name"]))


def _without_article(name: str) -> str:
    """`The Washington Post` and `Washington Post` are the same name to a reader."""
    return re.sub(r"^(?:the|der|die|das) ", "", key(name))


def page_table(root: Path, pages: list[Page]) -> dict[str, str]:
    articles = [p for p in pages if not p.expected.get("short")]
    hits = [entity_hits(p) for p in articles]
    found, wanted = sum(h[0] for h in hits), sum(h[1] for h in hits)
    dates = [d for p in pages if p.front.get("published") for d in date_hits(p)]
    proposals = [proposals_from_words(p) for p in pages]
    sources = [source_right(p, root) for p in pages]
    bylines = [(p.front.get("author") or None) == p.expected.get("author") for p in pages]
    warned_right = [p.warned == bool(p.expected.get("short")) for p in pages]
    german = sum(p.expected["language"] == "de" for p in pages)
    entities = sum(h[2] for h in hits), sum(h[3] for h in hits)
    stated = sum(s is not None for s in sources)
    resolved, right = sum(d[2] is not None for d in dates), sum(d[2] == d[1] for d in dates)
    weekdays = [d for d in dates if WEEKDAY.search(d[0])]
    relative = [d for d in dates if not WEEKDAY.search(d[0])]
    named = [n for n in (publication_named(p) for p in pages) if n is not None]
    made, new = sum(p[0] for p in proposals), sum(p[1] for p in proposals)
    return {
        "pages (German, English)": f"{len(pages)} ({german}, {len(pages) - german})",
        f"main entities among the first {FIRST} candidates (goal ≥ 0.9)": f"{found / wanted:.2f} "
        f"({found} of {wanted})",
        "names split into two candidates (goal ≤ 1)": str(entities[0]),
        "entities found with the type written beside the page": f"{entities[1]} of {found}",
        "articles with `source:` (of pages naming a site or address)": f"{sum(s is True for s in sources)} "
        f"of {stated}",
        "publications named as the page names them": f"{sum(named)} of {len(named)}",
        "bylines as written beside the page (people only)": f"{sum(bylines)} of {len(bylines)}",
        "short pages warned, others not": f"{sum(warned_right)} of {len(warned_right)}",
        "relative dates resolved (pages stating their date)": f"{resolved} of {len(dates)}",
        "relative dates resolved to the day meant": f"{right} of {len(dates)}",
        "  of them weekday phrases, to the day meant": _share(weekdays),
        "  of them other relative phrases, to the date meant": _share(relative),
        "proposals named from their sentence's words": f"{made} of {new}",
    }


def _share(dates: list[tuple[str, str, str | None]]) -> str:
    return f"{sum(read == meant for _, meant, read in dates)} of {len(dates)}"


def mimo_candidates(folder: Path) -> tuple[int, int, list[str]]:
    """MiMo entities among the first 40 candidates from the bare seeds."""
    root = folder / "seeds"
    run_quietly("new", str(root), "--quiet")
    (root / "content/articles/example-article.md").unlink()
    run_quietly("add", str(SEEDS), "--root", str(root))
    _, out, _ = run_quietly("suggest", "--format", "json", "--kinds", "candidate", "--root", str(root))
    candidates = json.loads(out)[:40]
    names: dict[str, str] = {}
    for file in sorted((REPO / "content/entities").glob("*.md")):
        front = read_content_file(REPO, file).front
        for spelling in [front["name"], *(front.get("aliases") or [])]:
            names[key(spelling)] = file.stem
    found = {
        names[key(spelling)]
        for c in candidates
        for spelling in [c["proposal"]["name"], *c["proposal"]["aliases"]]
        if key(spelling) in names
    }
    every = set(names.values())
    return len(found), len(every), sorted(every - found)


def mimo_proposals(folder: Path) -> list[tuple[str, str, str, str, str]]:
    """For each figure and event claim of the MiMo dossier: (kind, the editor's key, label (or an
    event's title), the proposed key, label), from the dossier stripped of annotations and registries."""
    from suggest import strip_dossier  # benchmarks/suggest.py

    copy = folder / "mimo"
    editor = strip_dossier(REPO, copy)
    registries = {
        kind: yaml.safe_load((REPO / f"content/{kind}.yaml").read_text(encoding="utf-8"))
        for kind in ("figures", "events")
    }
    for kind in ("figures", "events"):
        (copy / f"content/{kind}.yaml").write_text("{}\n", encoding="utf-8")
    _, out, _ = run_quietly("suggest", "--format", "json", "--kinds", "figure,event", "--root", str(copy))
    suggestions = json.loads(out)
    rows, seen = [], set()
    for annotation in editor:
        if annotation.kind not in ("figure", "event") or (annotation.kind, annotation.target) in seen:
            continue
        text = (copy / annotation.path).read_text(encoding="utf-8")
        lines = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        for s in suggestions:
            if s["path"] != annotation.path:
                continue
            start = lines[s["line"] - 1] + s["column"] - 1
            end = lines[s["end_line"] - 1] + s["end_column"] - 1
            if (
                s["path"] == annotation.path
                and s["kind"] == annotation.kind
                and start < annotation.end
                and annotation.start < end
            ):
                entry = registries[annotation.kind + "s"].get(annotation.target, {})
                named = entry.get("label") or entry.get("title") or ""
                proposal = s.get("proposal") or {}
                proposed = proposal.get("label") or proposal.get("title") or ""
                rows.append((annotation.kind, annotation.target, named, proposal.get("key") or "", proposed))
                seen.add((annotation.kind, annotation.target))
                break
    return rows


def one_article(root: Path, files: list[Path]) -> list[float]:
    """Seconds for each article's suggestions and candidates in a process that has the dossier
    loaded, as the preview has (its word lists loaded by a first article, as the preview's start does)."""
    from dossier.authoring.files.frontmatter import read_content_file as read
    from dossier.authoring.suggesting.known import candidates_of, known_names
    from dossier.authoring.suggesting.suggest import Dossier, suggest_file

    loaded = Dossier.load(root)
    known = frozenset(known_names(root))
    candidates_of(root, known, files[0], read(root, files[0]))
    times = []
    for file in files:
        started = time.perf_counter()
        content = read(root, file)
        suggest_file(loaded, file, content=content)
        candidates_of(root, known, file, content)
        times.append(time.perf_counter() - started)
    return times


def speed(folder: Path, root: Path, articles: int, runs: int) -> dict[str, str]:
    from generate import generate

    pages = one_article(root, sorted((root / "content/articles").glob("*.md")))
    corpus = generate(articles, folder / "corpus", False)
    per_article = one_article(corpus, sorted((corpus / "content/articles").glob("*.md"))[:25])
    for kept in (corpus / ".cache").glob("names-*"):
        shutil.rmtree(kept)  # the first run tags every article with the name model, and keeps it
    whole = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, str(REPO / "build.py"), "suggest", "--format", "json", "--root", str(corpus)],
            stdout=subprocess.DEVNULL,
            check=True,
        )
        whole.append(time.perf_counter() - started)
    cold, whole = whole[0], whole[1:]
    one, slowest = statistics.median(per_article) * 1000, max(per_article) * 1000
    page, slowest_page = statistics.median(pages) * 1000, max(pages) * 1000
    command = statistics.median(whole)
    return {
        "one real page's suggestions, dossier loaded (goal < 100 ms)": f"{page:.0f} ms (median of "
        f"{len(pages)}; slowest {slowest_page:.0f} ms)",
        f"one generated article's suggestions, {articles:,}-article dossier loaded": f"{one:.0f} ms "
        f"(median of {len(per_article)}; slowest {slowest:.0f} ms)",
        f"`suggest` over {articles:,} articles, whole command, the name model's work kept "
        "(goal ≤ 9.3 s, as before the model)": f"{command:.2f} s (median of {runs})",
        f"`suggest` over {articles:,} articles, the first run (every article tagged)": f"{cold:.2f} s",
    }


def table(rows: dict[str, str]) -> None:
    print("| measure | value |\n|---|---|")
    for name, value in rows.items():
        print(f"| {name} | {value} |")
    print()


HALVES = yaml.safe_load((REPO / "tests/halves.yaml").read_text())


def names_table(pages: list[Page]) -> tuple[str, str, str]:
    """(main entities among the first candidates, names split, types right) over some pages."""
    hits = [entity_hits(p) for p in pages if not p.expected.get("short")]
    found, wanted = sum(h[0] for h in hits), sum(h[1] for h in hits)
    share = f"{found / wanted:.2f} ({found} of {wanted})" if wanted else "-"
    return share, str(sum(h[2] for h in hits)), f"{sum(h[3] for h in hits)} of {found}"


def read_names(pages: list[Page]) -> tuple[str, str, str] | None:
    """Over the pages whose YAML lists every name on them (`names:`): the share of the first 15
    candidates that name nothing on the list, the share of those that do whose proposed name is the
    listed (titled) name rather than a form or a cut of it, and the share with the listed type."""
    verdicts = [verdict for page in pages for verdict in name_verdicts(page)]
    if not verdicts:
        return None
    shown = len(verdicts)
    named = [v for v in verdicts if v.listed is not None]
    titled = sum(key(v.proposed) == key(v.listed) for v in named)
    typed = sum(v.proposed_type == v.listed_type for v in named)
    not_names, listed = shown - len(named), len({v.page for v in verdicts})
    return (
        f"{not_names / shown:.0%} ({not_names} of {shown}, {listed} pages)",
        f"{titled / len(named):.0%} ({titled} of {len(named)})" if named else "-",
        f"{typed / len(named):.0%} ({typed} of {len(named)})" if named else "-",
    )


@dataclass(frozen=True)
class Verdict:
    """One of a page's first candidates against the page's `names:` (`listed` None: no name)."""

    page: str
    proposed: str
    proposed_type: str
    listed: str | None
    listed_type: str | None

    def __str__(self) -> str:
        if self.listed is None:
            return f"{self.page}: {self.proposed} ({self.proposed_type}) is no name"
        said = []
        if key(self.proposed) != key(self.listed):
            said.append(f"titled {self.listed}")
        if self.proposed_type != self.listed_type:
            article = "an" if str(self.listed_type)[:1] in "aeiou" else "a"
            said.append(f"{article} {self.listed_type}, typed {self.proposed_type}")
        return f"{self.page}: {self.proposed} is " + ", ".join(said)


def name_verdicts(page: Page) -> list[Verdict]:
    """The page's first 15 candidates, each with the listed name and type it names (if any)."""
    by_key: dict[str, tuple[str, str]] = {}
    for entry in page.expected.get("names") or []:
        for spelling in [entry["name"], *entry.get("forms", [])]:
            by_key.setdefault(key(str(spelling)), (str(entry["name"]), entry["type"]))
    if not by_key:
        return []
    verdicts = []
    for candidate in [s for s in page.suggestions if s["kind"] == "candidate"][:FIRST]:
        proposal = candidate["proposal"]
        spellings = [proposal["name"], *proposal["aliases"]]
        match = next((by_key[key(spelling)] for spelling in spellings if key(spelling) in by_key), None)
        listed, listed_type = match or _cut_from(key(proposal["name"]), by_key) or (None, None)
        verdicts.append(Verdict(page.name, proposal["name"], proposal["type"], listed, listed_type))
    return verdicts


def _cut_from(name: str, by_key: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The listed name a candidate is a cut form of: its first or last words, at least half of them
    (`KraSeb` of `KraSeb GmbH`); such a candidate names something, though not in its titled form."""
    words = name.split()
    for spelling, listed in by_key.items():
        whole = spelling.split()
        if (
            len(whole) > len(words)
            and 2 * len(words) >= len(whole)
            and words in (whole[: len(words)], whole[-len(words) :])
        ):
            return listed
    return None


def ablation(root: Path, pages: list[Page]) -> None:
    """The candidates of each half of the pages (tests/halves.yaml) as the rules alone, the name
    model alone and both find them."""
    from dossier.authoring.suggesting import weighing

    print(
        "| finder | half | main entities among the first 15 (goal ≥ 0.9) | names split | main entities "
        "typed right | of the first 15: not names (goal ≤ 10 %) | names in their titled form (goal ≥ 95 %) "
        "| names typed right (goal ≥ 90 %) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    chosen = weighing.FINDER
    try:
        for finder in ("rules", "model", "both"):
            weighing.FINDER = finder
            suggest_each(root, pages)
            for half in ("tuning", "reporting"):
                members = [page for page in pages if page.name in HALVES[half]]
                row = [*names_table(members), *(read_names(members) or ("-", "-", "-"))]
                print(f"| {finder} | {half} ({len(members)} pages) | " + " | ".join(row) + " |")
    finally:
        weighing.FINDER = chosen
        suggest_each(root, pages)
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles", type=int, default=4000, help="size of the generated dossier (0: no timing)"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--misread",
        action="store_true",
        help="list the tuning half's candidates that are no name, or not titled or typed as listed "
        "(never the reporting half's: it is scored, not read)",
    )
    args = parser.parse_args()
    if not SAVED.is_dir():
        print(f"benchmarks/authoring.py: error: the saved news pages are not at {SAVED}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="dossier-authoring-") as temporary:
        folder = Path(temporary)
        root, pages = bring_in(folder)
        suggest_each(root, pages)
        halves = {
            half: [page for page in pages if page.name in HALVES[half]] for half in ("tuning", "reporting")
        }
        columns = {
            "all pages": page_table(root, pages),
            **{f"{half} half": page_table(root, members) for half, members in halves.items()},
        }
        print("| measure | " + " | ".join(columns) + " |\n|---|" + "---|" * len(columns))
        for measure in columns["all pages"]:
            print(f"| {measure} | " + " | ".join(column[measure] for column in columns.values()) + " |")
        print()
        misses = []
        for page in pages:
            for text, meant, read in date_hits(page):
                if read != meant and page.front.get("published"):
                    misses.append(f"{page.name}: “{text}” is {meant}, read {read}")
        if misses:
            print("Relative dates read otherwise:\n" + "\n".join(f"- {m}" for m in misses) + "\n")
        if args.misread:
            wrong = [
                verdict
                for verdict in (v for page in halves["tuning"] for v in name_verdicts(page))
                if verdict.listed is None
                or key(verdict.proposed) != key(verdict.listed)
                or verdict.proposed_type != verdict.listed_type
            ]
            print("Tuning half, read otherwise:\n" + "\n".join(f"- {v}" for v in wrong) + "\n")
        ablation(root, pages)
        found, every, missing = mimo_candidates(folder)
        measure = "MiMo entities among the first 40 candidates from the bare seeds (goal ≥ 21)"
        table({measure: f"{found} of {every} (not: {', '.join(missing)})"})
        print("| kind | the editor's key | the editor's label | proposed key | proposed label |")
        print("|---|---|---|---|---|")
        for row in mimo_proposals(folder):
            print("| " + " | ".join(row) + " |")
        print()
        if args.articles:
            table(speed(folder, root, args.articles, args.runs))
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
