"""The dossier speaks its readers' language: catalogs, fallbacks, CLDR dates and numbers, direction."""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import MINIMAL, REPO, run, static_server, unavailable
from lxml import html
from test_golden import GOLDEN, normalise
from test_quality import VIEWPORTS, axe_result

from dossier.cli import main
from dossier.pages import search
from tools.checkers import PAGE_TYPES, ToolMissing, axe_script, nu_check

CATALOGS = REPO / "layouts" / "locales"


def _messages(language: str | None = None) -> dict[str, str]:
    """English message → its translation (every plural form), placeholders taken out."""
    with (CATALOGS / (f"{language}.po" if language else "messages.pot")).open("rb") as stream:
        catalog = read_po(stream)
    pairs = {}
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english, translated in zip(ids, strings, strict=False):
            pairs[english] = translated
    return pairs


def _bare(message: str) -> str:
    return " ".join(re.sub(r"%\(\w+\)[sd]|\{\w+\}", " ", message).split()).strip(" :;.,")


@pytest.fixture(scope="module")
def german_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("german") / "dossier"
    shutil.copytree(REPO / "content", root / "content")
    config = (REPO / "config.yaml").read_text()
    # The site speaks German; the MiMo dossier's registries and entity files are written in English.
    german = re.sub(r"(?m)^language: .*$", "language: de\ncontent_language: en", config)
    (root / "config.yaml").write_text(german)
    assert main(["--root", str(root), "--strict", "--quiet"]) == 0  # a complete catalog: no warning
    return root / "site"


# Where the site's own words are, as opposed to the content's (titles, bodies, summaries, quotes).
LAYOUT_WORDS = (
    "//nav[not(contains(@class, 'breadcrumbs'))] | //nav//a | //th[@scope='col'] | //label | //dt"
    " | //option[not(ancestor::select[@id='event-entity'])]"
    " | //h2[not(a) and not(contains(@class, 'event-title'))"
    " and not(ancestor::section[contains(@class, 'figure-group')])] | //summary"
)


def test_the_german_site_writes_none_of_the_english_words(german_site: Path) -> None:
    english = {_bare(e) for e, t in _messages("de").items() if _bare(e) and _bare(e) != _bare(t)}
    content = " ".join(f.read_text() for f in (REPO / "content").rglob("*") if f.is_file())
    # A phrase the content itself uses ("according to one source") cannot tell the site's words apart.
    phrases = {e for e in english if " " in e and e not in " ".join(content.split())}
    words = {e for e in english if " " not in e}
    for page in sorted(german_site.rglob("*.html")):
        document = html.fromstring(page.read_bytes())
        assert document.get("lang") == "de", page
        for content in document.xpath(
            "//*[contains(@class, 'prose') or contains(@class, 'body') or contains(@class, 'lede')]"
            " | //q | //h1 | //title | //*[@id='site-words'] | //script"
        ):
            content.drop_tree()
        text = " ".join(document.text_content().split())
        attributes = " ".join(document.xpath("//@aria-label | //@placeholder | //@title"))
        for phrase in phrases:
            assert phrase not in text and phrase not in attributes, (page.name, phrase)
        layout = " ".join(" ".join(e.text_content().split()) for e in document.xpath(LAYOUT_WORDS))
        for word in words:
            assert not re.search(rf"(?<![\w.]){re.escape(word)}(?![\w.])", layout), (
                page,
                word,
            )  # not file names


def test_dates_and_numbers_are_german(german_site: Path) -> None:
    timeline = (german_site / "timeline/index.html").read_text()
    figures = (german_site / "figures/index.html").read_text()
    for date in ("17. Dezember 2025", "3. Quartal 2025", "ca. 4. Quartal 2024", "Sommer 2025", "2021–2025"):
        assert date in timeline, date
    for number in (
        "200 Mrd. CNY",
        "24.871",
        "5,3\u00a0%",
        "~40 Mrd. CNY",
        "32–33 Mrd. CNY",
        "&gt;13,5 Mrd. CNY",
    ):
        assert number in figures, number
    assert '<html lang="de">' in figures and 'content="de_DE"' in figures
    assert 'xml:lang="de"' in (german_site / "feed.xml").read_text()
    assert '"display": "17. Dezember 2025"' in (german_site / "data/events.json").read_text().replace(
        ":", ": "
    )


@pytest.mark.parametrize("page", ["index.html", "timeline/index.html", "figures/index.html"])
def test_german_page_matches_golden(german_site: Path, page: str) -> None:
    built = normalise((german_site / page).read_text(encoding="utf-8"))
    golden = GOLDEN / "de" / page.replace("/", "__")
    if os.environ.get("DOSSIER_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(built, encoding="utf-8")
    assert built == golden.read_text(encoding="utf-8")


def test_the_german_site_passes_the_nu_html_checker(german_site: Path) -> None:
    try:
        messages = nu_check(german_site)
    except ToolMissing as missing:
        unavailable(str(missing))
    # The English registry and entity text is marked `lang="en"` (`content_language`): no excuse needed.
    assert messages == []


@pytest.fixture(scope="module")
def german_site_url(german_site: Path):
    with static_server(german_site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_the_german_site_has_no_wcag_violation(
    browser, german_site_url: str, kind: str, viewport: str, scheme: str
) -> None:
    """The same gate as the English site's (test_quality.py): every page type, phone and desktop,
    light and dark."""
    try:
        axe = axe_script().read_text()
    except ToolMissing as missing:
        unavailable(str(missing))
    result = axe_result(browser, german_site_url + PAGE_TYPES[kind], axe, viewport, scheme)
    assert [f"{v['id']} at {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]] == []


@pytest.mark.browser
def test_german_search_finds_an_inflected_form(browser, german_site: Path) -> None:
    if not search.available():
        pytest.fail("Pagefind is missing: pip install -r requirements-test.txt")
    with static_server(german_site) as url:
        page = browser.new_page()
        page.goto(url)
        page.focus("#search-input")
        page.keyboard.type("Grafikprozessor")  # the articles say "Grafikprozessoren"
        status = "document.querySelector('#search-status').textContent"
        found = f"/^[1-9]\\d* Treffer für „Grafikprozessor“$/.test({status})"
        page.wait_for_function(found, timeout=20_000)
        page.close()


def _dossier(tmp_path: Path, language: str, catalog: str | None = None) -> Path:
    root = tmp_path / "dossier"
    for name, text in MINIMAL.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text))
    config = root / "config.yaml"
    config.write_text(config.read_text() + f"language: {language}\n")
    if catalog is not None:
        (root / "layouts/locales").mkdir(parents=True)
        (root / f"layouts/locales/{language}.po").write_text(catalog)
    return root


FRENCH = """\
msgid ""
msgstr ""
"Language: fr\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Key figures"
msgstr "Chiffres clés"

msgid "%(num)d source"
msgid_plural "%(num)d sources"
msgstr[0] "%(num)d source"
msgstr[1] "%(num)d sources"
"""


def test_a_third_language_falls_back_to_english_entry_by_entry(tmp_path: Path, capsys) -> None:
    root = _dossier(tmp_path, "fr", FRENCH)
    code, _, err = run(root, "--no-search", capsys=capsys)
    assert code == 0
    warnings = [line for line in err.splitlines() if "no translation of" in line]
    with (CATALOGS / "messages.pot").open("rb") as stream:
        expected = len([m for m in read_po(stream) if m.id]) - 2  # every message but the two translated
    assert len(warnings) == expected
    assert (
        'layouts/locales/fr.po:1:1: warning: no translation of "Recent events"; the site says it in English'
        in warnings
    )
    home = (root / "site/index.html").read_text()
    assert '<html lang="fr">' in home and "Chiffres clés" in home and "Recent events" in home


def test_a_language_without_a_catalog_keeps_the_site_english(tmp_path: Path, capsys) -> None:
    root = _dossier(tmp_path, "sw")
    code, _, err = run(root, "--no-search", capsys=capsys)
    assert code == 0
    assert err.splitlines()[0] == (
        'config.yaml:1:1: warning: no catalog for the language "sw" (layouts/locales/sw.po); '
        "the site's own words stay English"
    )
    page = (root / "site/articles/second/index.html").read_text()
    assert '<html lang="en">' in page and 'lang="de"' in page  # the article keeps its own language


ARABIC = """\
msgid ""
msgstr ""
"Language: ar\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Key figures"
msgstr "أرقام رئيسية"
"""


@pytest.mark.browser
def test_a_right_to_left_language_mirrors_the_page(browser, tmp_path: Path, capsys) -> None:
    root = _dossier(tmp_path, "ar", ARABIC)
    assert run(root, "--no-search", capsys=capsys)[0] == 0
    assert '<html lang="ar" dir="rtl">' in (root / "site/index.html").read_text()
    with static_server(root / "site") as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "articles/first/")
        side = page.locator("aside.side").bounding_box()
        body = page.locator("article .body").bounding_box()
        page.screenshot(path=str(tmp_path / "rtl.png"))
        page.close()
    assert side["x"] + side["width"] <= body["x"] + 1  # the side column sits on the left


def test_the_message_template_is_current() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(REPO / "tools/catalogs.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_german_ships_complete() -> None:
    from dossier.pages.words import load_words

    words, problems = load_words(REPO, "de")
    assert problems == [] and words.language == "de"


def test_registry_and_entity_text_is_marked_with_its_own_language(tmp_path: Path, capsys) -> None:
    """`content_language` names the language of the registries and entity files; an entity file's
    `language` its own; the site's words keep the site's."""
    root = _dossier(tmp_path, "de")
    config = root / "config.yaml"
    config.write_text(config.read_text() + "content_language: en\n")
    entity = root / "content/entities/jane-roe.md"
    entity.write_text(entity.read_text().replace("name: Jane Roe\n", "name: Jane Roe\nlanguage: fr\n"))
    code, _, err = run(root, "--no-search", "--strict", capsys=capsys)
    assert code == 0, err
    site = root / "site"
    figures = (site / "figures/index.html").read_text()
    assert '<html lang="de"' in figures and '<th scope="row" lang="en">' in figures
    assert re.search(r'class="event-title" lang="en"', (site / "timeline/index.html").read_text())
    assert (
        '<p class="lede" lang="en">A maker of everything.</p>'
        in (site / "entities/acme/index.html").read_text()
    )
    assert 'class="prose" lang="fr"' in (site / "entities/jane-roe/index.html").read_text()


def test_without_content_language_registry_text_speaks_the_sites(tmp_path: Path, capsys) -> None:
    root = _dossier(tmp_path, "de")
    assert run(root, "--no-search", capsys=capsys)[0] == 0
    figures = (root / "site/figures/index.html").read_text()
    assert '<th scope="row">' in figures and '<th scope="row" lang=' not in figures


def test_a_content_language_that_is_no_language_tag_is_an_error(tmp_path: Path, capsys) -> None:
    root = _dossier(tmp_path, "de")
    config = root / "config.yaml"
    config.write_text(config.read_text() + "content_language: not a tag\n")
    code, _, err = run(root, "--no-search", capsys=capsys)
    assert code == 1 and "config.yaml:" in err and "content_language" in err
