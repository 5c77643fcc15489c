"""Keep the site's language catalogs in step with the layouts and the engine.

    python tools/catalogs.py          # extract every message into layouts/locales/messages.pot,
                                      # and add the new ones (untranslated) to each LANG.po
    python tools/catalogs.py --check  # exit 1 when messages.pot is out of date

Messages are extracted with Babel from the layouts (Jinja's `_()` and `ngettext()`) and from the
page code (`_()`, `N_()`, `ngettext()`, `_count()`).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
LOCALES = REPO / "layouts" / "locales"
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "counted": (1, 2), "forms": (1, 2)}


def extract() -> Catalog:
    catalog = Catalog(project="dossier", charset="utf-8")
    sources = [
        (REPO / "layouts", [("**.html", "jinja2.ext:babel_extract"), ("**.xml", "jinja2.ext:babel_extract")]),
        (REPO / "dossier" / "pages", [("**.py", "python")]),
    ]
    for folder, methods in sources:
        options = {"**.html": {"extensions": "jinja2.ext.i18n"}, "**.xml": {"extensions": "jinja2.ext.i18n"}}
        for filename, lineno, message, comments, context in extract_from_dir(
            folder, methods, options_map=options, keywords=KEYWORDS
        ):
            path = (folder / filename).relative_to(REPO).as_posix()
            catalog.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return catalog


def render(catalog: Catalog, header: bool = False) -> bytes:
    """PO text without dates or other stamps that would change on every run."""
    catalog.fuzzy = False
    catalog.creation_date = catalog.revision_date = catalog.creation_date.replace(2025, 1, 1, 0, 0)
    out = io.BytesIO()
    write_po(out, catalog, omit_header=not header, sort_output=True, width=110, include_lineno=False)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    template = extract()
    text = render(template)
    pot = LOCALES / "messages.pot"
    if args.check:
        current = pot.read_bytes() if pot.exists() else b""
        if current != text:
            print(
                "layouts/locales/messages.pot is out of date: run python tools/catalogs.py", file=sys.stderr
            )
            return 1
        return 0
    pot.write_bytes(text)
    for po in sorted(LOCALES.glob("*.po")):
        with po.open("rb") as stream:
            catalog = read_po(stream, locale=po.stem.replace("-", "_"))
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        po.write_bytes(render(catalog, header=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
