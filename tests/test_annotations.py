"""The annotation syntax: cases as data in tests/fixtures/annotations.md, plus details."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.syntax.annotations import annotate
from dossier.syntax.markup import markdown, resolve_placeholders

FIXTURES = Path(__file__).parent / "fixtures" / "annotations.md"


def read_cases(path: Path) -> list[tuple[str, str, str]]:
    """markdown-it style cases: a title line, then `.`-separated source and expected output."""
    cases = []
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i + 1] == "." and lines[i]:
            title = lines[i]
            j = i + 2
            source = []
            while lines[j] != ".":
                source.append(lines[j])
                j += 1
            expected = []
            j += 1
            while lines[j] != ".":
                expected.append(lines[j])
                j += 1
            cases.append((title, "\n".join(source) + "\n", "\n".join(expected)))
            i = j + 1
        else:
            i += 1
    return cases


def show(source: str) -> str:
    """Rendered HTML with placeholders made visible, then any diagnostics as `! line:col: msg`."""
    result = annotate(markdown("en"), source, path="a.md", content_dir="articles")
    html = resolve_placeholders(result.html, lambda field, ref: f"{{{field} {ref}}}").rstrip("\n")
    problems = [
        f"! {d.position.line}:{d.position.col}: {d.severity}: {d.message}" for d in result.diagnostics
    ]
    return "\n".join([html, *problems])


CASES = read_cases(FIXTURES)


def test_fixture_file_has_cases() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize(("title", "source", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case(title: str, source: str, expected: str) -> None:
    assert show(source) == expected


def test_collects_mentions_claims_and_links_with_positions() -> None:
    source = (
        "Intro line.\n\n"
        'Then [[Lu Weibing]] announced [RMB 200 billion]{fig=rd-pledge value="200 bn" unit=CNY}\n'
        "[on 17 December]{event=conf} and see [more](other.md#top).\n"
    )
    result = annotate(markdown("en"), source, path="x.md", line_offset=4, content_dir="articles")
    assert [(m.target, m.position.line, m.position.col) for m in result.mentions] == [("Lu Weibing", 7, 6)]
    figure, event = result.claims
    assert (figure.kind, figure.key, str(figure.value), figure.unit) == (
        "figure",
        "rd-pledge",
        "200 bn",
        "CNY",
    )
    assert (figure.position.line, figure.position.col) == (7, 31)
    assert (event.kind, event.key, event.position.line, event.position.col) == ("event", "conf", 8, 1)
    assert [(link.target, link.fragment) for link in result.links] == [("articles/other.md", "top")]
    assert result.links[0].position.line == 8


def test_context_is_the_sentence() -> None:
    source = "First sentence. Then [[ACME]] did it on 17. December with z. B. care. Last one.\n"
    (mention,) = annotate(markdown("en"), source, path="x.md").mentions
    assert (mention.context.before, mention.context.text, mention.context.after) == (
        "Then ",
        "ACME",
        " did it on 17. December with z. B. care.",
    )


def test_anchors_are_stable_per_target() -> None:
    source = "[[A]] and [[B]] and [[a]] and [x]{fig=k value=1} [y]{fig=k value=2}\n"
    result = annotate(markdown("en"), source, path="x.md")
    assert [m.anchor for m in result.mentions] == ["m-a-1", "m-b-1", "m-a-2"]
    assert [c.anchor for c in result.claims] == ["fig-k-1", "fig-k-2"]


def test_unicode_names_keep_their_letters() -> None:
    (mention,) = annotate(markdown("en"), "[[梁文锋]] spoke.\n", path="x.md").mentions
    assert (mention.target, mention.anchor) == ("梁文锋", "m-梁文锋-1")


def test_quotes_follow_the_language() -> None:
    german = annotate(markdown("de"), 'Er sagte "Hallo".\n', path="x.md").html
    english = annotate(markdown("en"), 'He said "hello".\n', path="x.md").html
    assert "„Hallo“" in german
    assert "“hello”" in english


def test_raw_html_is_off_by_default() -> None:
    html = annotate(markdown("en"), "<script>alert(1)</script> and <b>x</b>\n", path="x.md").html
    assert "<script>" not in html and "&lt;script&gt;" in html
    allowed = annotate(markdown("en", html=True), "<b>x</b>\n", path="x.md").html
    assert "<b>x</b>" in allowed
