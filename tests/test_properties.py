"""Property-based tests: any input to the parsers, and any generated dossier, ends in a result or in
reported errors, never in an exception; what is parsed can be written back and parsed again."""

from __future__ import annotations

import contextlib
import io
import pickle
import re
import string
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dossier.cli import main
from dossier.incremental import cache
from dossier.model.documents import Article, Citation
from dossier.reading.yamlfile import load_yaml
from dossier.syntax.annotations import MAX_ERRORS, annotate
from dossier.syntax.dates import DateSyntaxError, parse_date
from dossier.syntax.markup import markdown
from dossier.syntax.names import name_key
from dossier.syntax.values import ValueSyntaxError, parse_value

DIAGNOSTIC = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): .+$")

# Text that is mostly Markdown and annotation syntax, so the parser's paths are all reached.
PIECES = st.sampled_from(
    [
        "[[", "]]", "[", "]", "{", "}", "|", "=", '"', "fig=", "event=", "value=", "unit=", "lang=",
        "\n", "\n\n", "`", "\\", "*", "# ", "> ", "- ", "(", ")", "<", ">", "javascript:", "http://x/",
        "Acme", "Jane Roe", "200 bn", "~4", "k", "ä", "梁", " ", "Zu\u0308rich", "ZÜRICH", "&a ", "*a",
    ]
)  # fmt: skip
# Runs of brackets: the shape that once made the [[ rule quadratic.
BRACKET_RUNS = st.builds(
    lambda run, n: run * n, st.sampled_from(["[", "[[", "]{", "[x]{fig=k "]), st.integers(1, 400)
)
MARKUP = st.lists(st.one_of(PIECES, st.text(max_size=5), BRACKET_RUNS), max_size=40).map("".join)
OPTIONS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@OPTIONS
@given(st.one_of(st.text(max_size=30), st.integers(), st.floats()))
def test_any_value_text_parses_or_says_why(text: object) -> None:
    try:
        value = parse_value(text)  # type: ignore[arg-type]
    except ValueSyntaxError as error:
        assert str(error)
        return
    interval = value.interval
    if interval.low is not None and interval.high is not None:
        assert interval.low <= interval.high


NUMBER = st.from_regex(r"(0|[1-9][0-9]{0,5})(\.[0-9]{1,3})?", fullmatch=True)
SCALE = st.sampled_from(["", " k", " m", " bn", " tn"])
QUALIFIER = st.sampled_from(["", "~", ">", ">=", "<", "<="])


@OPTIONS
@given(QUALIFIER, NUMBER, st.one_of(st.none(), NUMBER), SCALE)
def test_values_round_trip_through_their_written_form(qualifier, low, high, scale) -> None:
    text = f"{qualifier}{low}" + (f"..{high}" if high and not qualifier else "") + scale
    try:
        value = parse_value(text)
    except ValueSyntaxError:
        return  # e.g. a range that runs backwards: refused with a reason
    again = parse_value(str(value).replace("–", "..").replace(",", "_"))
    assert again.interval == value.interval
    assert str(again) == str(value)


DATE_TEXT = st.one_of(
    st.text(max_size=25),
    st.from_regex(r"-?[0-9]{1,5}(-[0-9]{1,2}(-[0-9]{1,2})?)?[~?%]?", fullmatch=True),
    st.from_regex(r"[0-9]{4}-(Q[0-5]|H[0-3])[~?]?", fullmatch=True),
    st.from_regex(r"(\.\.|[0-9]{4}(-[0-9]{2})?)/(\.\.|[0-9]{4}(-[0-9]{2})?)", fullmatch=True),
)


@OPTIONS
@given(st.one_of(DATE_TEXT, st.integers(), st.none(), st.booleans()))
def test_any_date_parses_or_says_why(text: object) -> None:
    try:
        date = parse_date(text)
    except DateSyntaxError as error:
        assert str(error)
        return
    assert date.earliest <= date.latest
    assert date.display()
    assert date.sort_key()[0] == date.earliest


@OPTIONS
@given(st.dates(), st.sampled_from(["day", "month", "year"]))
def test_dates_round_trip_through_their_machine_form(day, precision: str) -> None:
    text = day.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]
    date = parse_date(text)
    again = parse_date(date.iso())
    assert (again.earliest, again.latest, again.precision) == (date.earliest, date.latest, date.precision)
    assert again.display() == date.display()


@OPTIONS
@given(MARKUP, st.sampled_from(["en", "de"]))
def test_annotation_parser_never_raises_and_points_into_the_file(source: str, language: str) -> None:
    result = annotate(markdown(language, False, True), source, path="content/articles/a.md", line_offset=4)
    lines = source.split("\n")
    for diagnostic in result.diagnostics:
        assert 5 <= diagnostic.position.line <= len(lines) + 4
        assert diagnostic.position.col >= 1
    for annotation in [*result.mentions, *result.claims]:
        assert annotation.position.line >= 5
    assert "<script" not in result.html  # raw HTML is off: nothing in the text becomes a tag
    assert len(result.diagnostics) <= MAX_ERRORS + 1  # the rest are counted in one line
    assert all(len(d.message) < 400 for d in result.diagnostics)  # quotes are excerpts


@OPTIONS
@given(st.text())
def test_names_compare_the_same_however_their_letters_are_encoded(text: str) -> None:
    composed, decomposed = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    assert name_key(composed) == name_key(decomposed) == name_key(text)
    assert name_key(name_key(text)) == name_key(text)


YAML_NAME = st.sampled_from(["a", "b", "x1"])
YAML_ITEM = st.one_of(
    st.sampled_from(["plain", "1", "2025-04-30", "[1, 2]"]),
    YAML_NAME.map(lambda name: f"&{name} value"),
    YAML_NAME.map(lambda name: f"*{name}"),
    YAML_NAME.map(lambda name: f"&{name} [x, y]"),
)


@OPTIONS
@given(st.lists(YAML_ITEM, min_size=1, max_size=9))
def test_yaml_with_an_anchor_or_alias_is_refused_before_it_is_expanded(items: list[str]) -> None:
    text = "".join(f"k{index}: {item}\n" for index, item in enumerate(items))
    doc, problems = load_yaml(text, "content/figures.yaml")
    if any(item.startswith(("&", "*")) for item in items):
        assert doc is None and len(problems) == 1
        line = problems[0].position.line
        assert problems[0].message.endswith("are not allowed in dossier files")
        assert items[line - 1].startswith(("&", "*"))  # at the first anchor or alias's line
    else:
        assert doc is not None and problems == []


@OPTIONS
@given(MARKUP)
def test_a_body_comes_back_from_the_build_cache_as_it_was(source: str) -> None:
    body = annotate(markdown("en", False, True), source, path="content/articles/a.md")
    article = Article("a", "content/articles/a.md", "A", "en", body)
    citations = [Citation(article, m, i) for i, m in enumerate(body.mentions)]
    citations += [Citation(article, c, i) for i, c in enumerate(body.claims)]
    stored = io.BytesIO()
    cache._dump((article, citations), stored)
    loaded, loaded_citations = pickle.loads(stored.getvalue())
    assert "body" not in loaded.__dict__  # read when first used
    assert [c.annotation for c in loaded_citations] == [*body.mentions, *body.claims]
    assert loaded.body == body and loaded.body.html == body.html
    assert article.body == body  # the stored document reads its own body back too


def _dossier(root: Path, bodies: list[str], titles: list[str], dates: list[str]) -> None:
    (root / "content/articles").mkdir(parents=True)
    (root / "content/entities").mkdir()
    (root / "config.yaml").write_text("title: Generated\nbase_url: https://example.org/g/\n")
    (root / "content/entities/acme.md").write_text(
        "---\nname: Acme\ntype: organization\naliases: [ACME]\n---\nA company.\n"
    )
    (root / "content/entities/jane.md").write_text("---\nname: Jane Roe\ntype: person\n---\n")
    (root / "content/figures.yaml").write_text("k:\n  label: A figure\n  unit: CNY\n")
    (root / "content/events.yaml").write_text("e:\n  date: 2025-04-30\n  title: A day\n")
    for index, (body, title, date) in enumerate(zip(bodies, titles, dates, strict=False)):
        front = f"---\ntitle: {title!r}\nlanguage: en\npublished: {date!r}\n---\n"
        (root / f"content/articles/a{index}.md").write_text(front + body)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(MARKUP, min_size=1, max_size=3),
    st.lists(st.text(string.printable, max_size=12), min_size=3, max_size=3),
    st.lists(DATE_TEXT, min_size=3, max_size=3),
)
def test_any_generated_dossier_builds_or_reports_errors(bodies, titles, dates) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "dossier"
        _dossier(root, bodies, titles, dates)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--root", str(root), "--no-search"])
        assert code in (0, 1), err.getvalue()
        event(f"exit code {code}")
        lines = err.getvalue().splitlines()
        if code == 1:
            assert lines[-1].startswith("build failed: ")
            assert all(DIAGNOSTIC.match(line) for line in lines[:-1]), lines
            assert not (root / "site").exists()
        else:
            assert all(DIAGNOSTIC.match(line) for line in lines), lines
            assert (root / "site/index.html").is_file()
