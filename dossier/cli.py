"""The command line: `python build.py [COMMAND] [options]`, the same as `dossier` and `python -m dossier`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, progress
from .diagnostics import ContentError, Diagnostic, print_diagnostics
from .pipeline import BuildOptions, BuildResult, build, check
from .program import program, usage_error

DESCRIPTION = """\
Build a sourced topic dossier (config.yaml + content/) into a static site.

commands:
  build              build content/ into the output folder (the default)
  serve              build, serve on http://127.0.0.1:8000/, rebuild and reload the browser on every save
  check              validate the content; write nothing
  new DIR            start a dossier folder that builds at once (--title, --language)
  add SOURCE...      turn .txt/.md/.html files, folders of them or http(s) URLs into articles
  suggest [PATH...]  propose the annotations an editor would make (--write applies the safe ones)
  links              check every source's address for rot and moves (findings in content/links.yaml)
"""

COMMANDS = ("build", "serve", "check", "new", "add", "suggest", "links")

EPILOG = """\
Problems are printed as path:line:col: error: message (or warning:).
exit codes: 0 success, 1 content errors (or warnings with --strict), 2 usage errors.
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=program(),
        usage=f"{program()} [COMMAND [ARGS...]] [options]",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("command", nargs="?", default="build", choices=COMMANDS, help=argparse.SUPPRESS)
    p.add_argument("targets", nargs="*", help=argparse.SUPPRESS)  # new's DIR, add's SOURCEs
    p.add_argument(
        "--root", type=Path, default=Path("."), metavar="DIR",
        help="dossier folder holding config.yaml and content/ (default: current folder)",
    )  # fmt: skip
    p.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: site/ under the root)")
    p.add_argument(
        "--base-url", metavar="URL",
        help="published address, overriding base_url in config.yaml (e.g. https://user.github.io/repo/)",
    )  # fmt: skip
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument(
        "--no-search", dest="search", action="store_false",
        help="build: skip the Pagefind search index (faster; the search box then finds nothing)",
    )  # fmt: skip
    p.add_argument(
        "--host", default="127.0.0.1", help="serve: address to bind (default: 127.0.0.1, this machine only)"
    )
    p.add_argument("--port", type=int, default=8000, help="serve: port (default: 8000; 0 picks a free one)")
    p.add_argument("--open", action="store_true", help="serve: open the preview in a browser")
    p.add_argument(
        "--review", action="store_true",
        help="serve: keep the review panel's actions on when --host is not this machine's loopback",
    )  # fmt: skip
    p.add_argument("--title", metavar="TEXT", help="new: the dossier's title (default: from the folder name)")
    p.add_argument(
        "--language",
        default="en",
        metavar="CODE",
        help="new: the language of the site's own words (default: en)",
    )
    p.add_argument(
        "--engine", metavar="SPEC",
        help="new: what the dossier's requirements.txt installs the engine from (a requirement, git URL or "
        "path; default: where this engine was installed from)",
    )  # fmt: skip
    p.add_argument(
        "--kinds", metavar="LIST", help="suggest: entity,figure,event (default: all; naming figure or event "
        "lets --write apply those with a known target)",
    )  # fmt: skip
    p.add_argument("--format", choices=["text", "json"], default="text", help="suggest, links: output format")
    p.add_argument("--write", action="store_true", help="suggest: apply the unambiguous suggestions")
    p.add_argument("--diff", action="store_true", help="suggest: print what --write would change")
    p.add_argument(
        "--accept", action="append", default=[], metavar="NAME",
        help="suggest: write an entity file for this candidate name (repeatable)",
    )  # fmt: skip
    p.add_argument(
        "--capture", metavar="ARTICLE",
        help="add: capture the source of an article in the dossier (its url, or a saved page given)",
    )  # fmt: skip
    p.add_argument("--quiet", action="store_true", help="print errors only")
    p.add_argument("--version", action="version", version=f"dossier {__version__}")
    return p


def _counts(diagnostics: Sequence[Diagnostic]) -> str:
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' * (errors != 1)}")
    if warnings:
        parts.append(f"{warnings} warning{'s' * (warnings != 1)}")
    return ", ".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_intermixed_args(argv)
    # The preview logs each rebuild on lines of its own; JSON output is for programs.
    progress.start(quiet=args.quiet or args.command == "serve" or args.format == "json")
    if args.command == "new":
        if len(args.targets) != 1:
            return usage_error(f"new takes one folder: {program()} new DIR")
        from .authoring.commands import new

        folder = Path(args.targets[0])
        return new(folder, title=args.title, language=args.language, engine=args.engine, quiet=args.quiet)
    if args.command == "add" and args.capture:
        from .authoring.commands import capture

        return capture(args.root.resolve(), args.capture, args.targets, quiet=args.quiet)
    if args.command == "add":
        if not args.targets:
            return usage_error(f"add takes at least one file, folder or URL: {program()} add SOURCE...")
        from .authoring.commands import add

        return add(args.root.resolve(), args.targets, quiet=args.quiet)
    if args.command == "suggest":
        if args.write and args.diff:
            return usage_error("suggest takes --write or --diff, not both")
        from .authoring.commands import suggest

        mode = "write" if args.write else "diff" if args.diff else None
        root = args.root.resolve()
        return suggest(
            root, args.targets, kinds=args.kinds, output=args.format, mode=mode, accept=args.accept
        )
    if args.targets:
        return usage_error(f"{args.command} takes no arguments besides options, not {args.targets[0]!r}")
    if args.command == "links":
        from .authoring.commands import links

        return links(args.root.resolve(), output=args.format, strict=args.strict, quiet=args.quiet)
    root = args.root.resolve()
    if not root.is_dir():
        return usage_error(f"--root {args.root} is not a folder")
    if args.base_url and not args.base_url.startswith(("http://", "https://")):
        return usage_error("--base-url must start with http:// or https://")
    out = args.out.resolve() if args.out else None
    if out is not None and (out == root or root.is_relative_to(out)):
        return usage_error("--out must not be the dossier folder or hold it")
    if args.command == "serve":
        from .preview.serve import ServeOptions, serve

        return serve(
            ServeOptions(
                root,
                host=args.host,
                port=args.port,
                open_browser=args.open,
                base_url=args.base_url,
                quiet=args.quiet,
                review=args.review,
            )
        )
    options = BuildOptions(root=root, out=out, base_url=args.base_url, strict=args.strict, search=args.search)
    try:
        result: BuildResult = check(options) if args.command == "check" else build(options)
    except ContentError as exc:
        print_diagnostics(exc.diagnostics, args.quiet)
        verb = "check" if args.command == "check" else "build"
        print(f"{verb} failed: {_counts(exc.diagnostics)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; the output folder is unchanged", file=sys.stderr)
        return 130
    print_diagnostics(result.diagnostics, args.quiet)
    if not args.quiet:
        tail = f" ({_counts(result.diagnostics)})" if result.diagnostics else ""
        if args.command == "check":
            print(f"checked in {result.seconds:.2f} s: no errors{tail}")
        else:
            reuse = ""
            if result.rendered < result.files:
                reuse = f", {result.files - result.rendered} of {result.files} files unchanged"
            phases = progress.summary(result.timings)
            timing = f" ({phases})" if phases else ""
            print(f"built {result.pages} pages in {result.seconds:.2f} s{timing}{reuse}{tail}")
            for note in result.notes:
                print(note)
    return 0
