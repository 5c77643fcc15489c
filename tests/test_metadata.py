"""Metadata real clients read: canonical links, Open Graph, JSON-LD, the Atom feed and the sitemap."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
from conftest import run
from lxml import etree

HOSTILE = '</script><script>alert("x")</script> & "quotes"'


def built(make_dossier, capsys, files=None) -> Path:
    root = make_dossier(files)
    code, _, err = run(root, capsys=capsys)
    assert code == 0, err
    return root / "site"


def jsonld(html: str) -> dict:
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_every_page_has_canonical_description_and_open_graph(make_dossier, capsys) -> None:
    site = built(make_dossier, capsys)
    for page in site.rglob("index.html"):
        html = page.read_text()
        path = page.parent.relative_to(site).as_posix()
        expected = "https://example.org/test/" + ("" if path == "." else path + "/")
        assert f'<link rel="canonical" href="{expected}">' in html, path
        assert f'<meta property="og:url" content="{expected}">' in html, path
        assert '<meta name="description" content="' in html, path
        for name in ("og:title", "og:type", "og:site_name"):
            assert f'<meta property="{name}"' in html, path


def test_json_ld_has_the_right_types(make_dossier, capsys) -> None:
    site = built(make_dossier, capsys)
    article = jsonld((site / "articles/first/index.html").read_text())
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "ACME pledges money"
    assert article["datePublished"] == "2025-04-30"
    assert article["publisher"] == {"@type": "Organization", "name": "Daily Paper"}
    assert article["url"] == "https://example.org/test/articles/first/"
    assert jsonld((site / "entities/acme/index.html").read_text())["@type"] == "Organization"
    person = jsonld((site / "entities/jane-roe/index.html").read_text())
    assert (person["@type"], person["jobTitle"]) == ("Person", "Chief executive of ACME")
    timeline = jsonld((site / "timeline/index.html").read_text())
    assert timeline["itemListElement"][0]["item"]["@type"] == "Event"
    assert timeline["itemListElement"][0]["item"]["startDate"] == "2025-04-30"
    assert jsonld((site / "figures/index.html").read_text())["@type"] == "Dataset"
    assert jsonld((site / "index.html").read_text())["@type"] == "WebSite"


def test_hostile_text_is_escaped_in_html_json_ld_and_the_feed(make_dossier, capsys) -> None:
    name = HOSTILE
    site = built(
        make_dossier,
        capsys,
        {
            "content/entities/jane-roe.md": f"---\nname: '{name}'\ntype: person\naliases: [Jane Roe]\n---\n",
            "content/articles/second.md": (
                f"---\ntitle: '{name}'\nlanguage: de\nsummary: '{name}'\n---\n"
                '[[ACME]] und [[Jane Roe]]: [200 Milliarden]{fig=pledge value="200 bn"}.\n'
            ),
        },
    )
    for page in ("entities/jane-roe/index.html", "articles/second/index.html"):
        html = (site / page).read_text()
        assert "<script>alert" not in html
        data = jsonld(html)
        assert name in (data.get("name"), data.get("headline"))
    feed = (site / "feed.xml").read_text()
    assert "<script>" not in feed
    parsed = feedparser.parse(feed)
    assert not parsed.bozo
    assert name in [entry.title for entry in parsed.entries]


def test_the_feed_parses_cleanly_with_absolute_links(make_dossier, capsys) -> None:
    site = built(make_dossier, capsys)
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "Test dossier"
    assert len(parsed.entries) == 2
    for entry in parsed.entries:
        assert entry.link.startswith("https://example.org/test/articles/")
        assert entry.id.startswith("https://")
        assert entry.updated_parsed is not None


def test_the_sitemap_follows_the_protocol(make_dossier, capsys) -> None:
    site = built(make_dossier, capsys)
    tree = etree.parse(str(site / "sitemap.xml"))
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    assert tree.getroot().tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    locations = tree.xpath("//s:url/s:loc/text()", namespaces=namespace)
    pages = [p for p in site.rglob("index.html")]
    assert len(locations) == len(pages)
    assert all(loc.startswith("https://example.org/test/") for loc in locations)
    for lastmod in tree.xpath("//s:url/s:lastmod/text()", namespaces=namespace):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod)
