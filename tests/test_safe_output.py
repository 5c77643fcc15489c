"""Safe output: hostile text in every content field stays text in every kind of output the build writes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import feedparser
from conftest import run
from lxml import etree, html

MARK_JS = 'document.documentElement.classList.add("js")'  # the <head>'s one inline script
HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)> \"q\" 's' </"


def yaml_text(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def hostile_dossier(make_dossier) -> Path:
    h = yaml_text(HOSTILE)
    return make_dossier(
        {
            "content/entities/jane-roe.md": (
                f"---\nname: {yaml_text('Jane ' + HOSTILE)}\ntype: person\naliases: [Jane Roe, {h}]\n"
                f"summary: {h}\nrole: {h}\n---\nShe leads [[ACME]].\n"
            ),
            "content/articles/second.md": (
                f"---\ntitle: {h}\nlanguage: de\nsummary: {h}\nauthor: {h}\n"
                "url: https://example.org/a?x=1&y=%22%3E%3Cscript%3E\n---\n"
                '[[ACME]] und [[Jane Roe]]: [200 Milliarden]{fig=pledge value="200 bn"} '
                "[am 30. April]{event=pledge-day}.\n"
            ),
            "content/figures.yaml": (
                f"pledge:\n  label: {h}\n  unit: CNY\n  group: {h}\n  entity: ACME\n  period: 2026\n"
                f"  note: {h}\n"
                f"other:\n  label: {h}\n  unit: CNY\n  group: {h}\n  period: 2027\n"
            ),
            "content/events.yaml": (
                f"pledge-day:\n  date: 2025-04-30\n  title: {h}\n  summary: {h}\n  entities: [ACME]\n"
                f"  references:\n    - title: {h}\n      url: https://example.org/r\n"
            ),
        }
    )


def scripts_and_handlers(document: html.HtmlElement) -> list[str]:
    """Every place in a page that could run code, except the site's own script and its data blocks
    (JSON-LD, and the site's words for its script), which browsers never run."""
    found = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        tag = etree.QName(element).localname
        ours = "/site." in (element.get("src") or "") or element.text == MARK_JS
        data = element.get("type") in ("application/ld+json", "application/json")
        if tag == "script" and not data and not ours:
            found.append(etree.tostring(element, encoding="unicode")[:120])
        found += [f"{tag} {name}" for name in element.attrib if name.lower().startswith("on")]
        for name in ("href", "src", "action"):
            value = (element.get(name) or "").strip().lower()
            if value.startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"{tag} {name}={value[:40]}")
        if tag in ("img", "iframe", "object", "embed"):
            found.append(tag)
    return found


def test_hostile_text_stays_text_in_every_output(make_dossier, capsys) -> None:
    root = hostile_dossier(make_dossier)
    code, _, err = run(root, capsys=capsys)
    assert code == 0, err
    site = root / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 8
    svg_pages = 0
    for page in pages:
        document = html.fromstring(page.read_bytes())
        assert scripts_and_handlers(document) == [], page.relative_to(site)
        for data in document.xpath(
            '//script[@type="application/ld+json" or @type="application/json"]/text()'
        ):
            json.loads(data)  # still valid JSON, so no script tag broke out of it
        svg_pages += bool(document.xpath("//*[local-name()='svg']"))
    assert svg_pages >= 3  # the timeline axis, the figures chart and the entity graphs were checked too

    text = (site / "figures/index.html").read_text()
    assert "alert(1)" in text and "&lt;script&gt;" in text  # shown to the reader as written
    timeline = html.fromstring((site / "timeline/index.html").read_bytes())
    assert HOSTILE in timeline.xpath("string(//*[local-name()='desc'])")

    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo
    assert HOSTILE in [entry.title for entry in feed.entries]
    etree.parse(str(site / "sitemap.xml"))

    figures = json.loads((site / "data/figures.json").read_text())
    assert [f["label"] for f in figures] == [HOSTILE, HOSTILE]
    rows = list(csv.reader(io.StringIO((site / "data/figures.csv").read_text())))
    assert any(HOSTILE in cell for row in rows for cell in row)
