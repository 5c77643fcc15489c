"""Hostile content: build time and peak memory for shapes that make naive parsers superlinear.

    python benchmarks/hostile.py [--sizes 100000,300000,1000000] [--runs 1]

Each shape is one article body of about the given number of characters, in an otherwise small
dossier; a build (search index off) runs in a child process under /usr/bin/time. The table shows
the median wall time and peak memory per size and the growth exponent between consecutive sizes
(log(t2/t1) / log(n2/n1): 1.0 is linear). A build that reports errors for the content still counts:
refusing hostile text quickly is as much a guarantee as building it quickly.
"""

from __future__ import annotations

import argparse
import itertools
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIME = shutil.which("time") or "/usr/bin/time"

DOSSIER = {
    "config.yaml": "title: Hostile\n",
    "content/index.md": "---\ntitle: Hostile\n---\nAbout [[Acme]].\n",
    "content/entities/acme.md": "---\nname: Acme\ntype: organization\n---\n",
    "content/figures.yaml": "revenue:\n  label: Revenue\n  unit: USD\n",
}


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


SHAPES: dict[str, Callable[[int], str]] = {
    "bracket soup": lambda n: _repeat("[", n),
    "nested [[": lambda n: _repeat("[[", n),
    "long attribute value": lambda n: f'[text]{{fig=revenue value="1" unit="{_repeat("U", n)}"}}',
    "deep lists": lambda n: _repeat(
        "".join("  " * depth + f"- item {depth}\n" for depth in range(60)) + "\n", n
    ),
    "annotations on one line": lambda n: _repeat('[[Acme]] and [3 bn]{fig=revenue value="3 bn"} ', n),
}


def write_dossier(folder: Path, body: str) -> None:
    files = {**DOSSIER, "content/articles/hostile.md": f"---\ntitle: Hostile\nlanguage: en\n---\n{body}\n"}
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def measure(folder: Path) -> tuple[float, float]:
    """One cold build: wall seconds and peak resident MB of the largest process."""
    shutil.rmtree(folder / ".cache", ignore_errors=True)
    shutil.rmtree(folder / "site", ignore_errors=True)
    result = subprocess.run(
        [TIME, "-f", "%e %M", sys.executable, str(REPO / "build.py"), "--root", str(folder), "--no-search"],
        capture_output=True,
        text=True,
    )
    wall, peak_kb = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(peak_kb) / 1024


def exponent(small: tuple[int, float], large: tuple[int, float]) -> float:
    (n1, t1), (n2, t2) = small, large
    return math.log(max(t2, 1e-3) / max(t1, 1e-3)) / math.log(n2 / n1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,300000,1000000", help="body sizes in characters")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    baseline = _baseline(args.runs)
    print(f"an empty article builds in {baseline:.2f} s (subtracted before the exponents)\n")
    header = " | ".join(f"{n // 1000} k chars: s, MB" for n in sizes)
    print(f"| shape | {header} | exponents |")
    print("|---|" + "---|" * len(sizes) + "---|")
    for name, make in SHAPES.items():
        cells, times = [], []
        for size in sizes:
            with tempfile.TemporaryDirectory(prefix="dossier-hostile-") as temporary:
                folder = Path(temporary)
                write_dossier(folder, make(size))
                runs = [measure(folder) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            cells.append(f"{wall:.2f}, {peak:.0f}")
            times.append((size, max(wall - baseline, 0.01)))
        growth = ", ".join(f"{exponent(a, b):.2f}" for a, b in itertools.pairwise(times))
        print(f"| {name} | " + " | ".join(cells) + f" | {growth} |", flush=True)
    return 0


def _baseline(runs: int) -> float:
    with tempfile.TemporaryDirectory(prefix="dossier-hostile-") as temporary:
        folder = Path(temporary)
        write_dossier(folder, textwrap.dedent("Nothing [[Acme]] says."))
        return statistics.median(measure(folder)[0] for _ in range(runs))


if __name__ == "__main__":
    sys.exit(main())
