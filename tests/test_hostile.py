"""Hostile and oddly encoded content: refused quickly with one clear line, or built as meant."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from conftest import run, run_process
from test_invalid import INVALID, assemble

from dossier.reading.yamlfile import MAX_KEY_CHARS, MAX_VALUES, load_yaml
from dossier.syntax.annotations import MAX_ANNOTATIONS, MAX_ERRORS, MAX_NESTING, annotate
from dossier.syntax.markup import markdown

NFD = "Zu\u0308rich"
NFC = unicodedata.normalize("NFC", NFD)


@pytest.mark.parametrize("case", sorted(p.name for p in INVALID.iterdir() if p.name.startswith("yaml-alias")))
def test_an_alias_bomb_is_refused_in_a_child_process(case: str, tmp_path: Path) -> None:
    root = assemble(case, tmp_path / case)
    result = run_process("--root", str(root))  # a hang or a runaway would hit the call's timeout
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "are not allowed in dossier files" in result.stderr


def _with_zurich(root: Path, entity_name: str, mention: str) -> None:
    (root / "content/entities/zurich.md").write_text(f"---\nname: {entity_name}\ntype: place\n---\n")
    article = root / "content/articles/second.md"
    article.write_text(article.read_text() + f"\nIn [[{mention}]] und [[{mention.upper()}|dort]].\n")


@pytest.mark.parametrize(("entity_name", "mention"), [(NFC, NFD), (NFD, NFC)])
def test_a_mention_links_to_its_entity_however_its_letters_are_encoded(
    entity_name: str, mention: str, tmp_path: Path, capsys
) -> None:
    root = tmp_path / "dossier"
    shutil.copytree(INVALID / "_base", root)
    _with_zurich(root, entity_name, mention)
    code, _, err = run(root, "--no-search", capsys=capsys)
    assert code == 0, err
    page = (root / "site/articles/second/index.html").read_text()
    assert page.count('href="../../entities/zurich/"') >= 2
    entity_page = (root / "site/entities/zurich/index.html").read_text()
    assert (
        "2 mentions" in entity_page
        or entity_page.count('class="mention-context"') >= 2
        or "dort" in entity_page
    )


def test_two_entities_whose_names_differ_only_in_encoding_say_so(tmp_path: Path, capsys) -> None:
    root = tmp_path / "dossier"
    shutil.copytree(INVALID / "_base", root)
    (root / "content/entities/zurich.md").write_text(f"---\nname: {NFC}\ntype: place\n---\n")
    (root / "content/entities/zurich-2.md").write_text(f"---\nname: {NFD}\ntype: place\n---\n")
    code, _, err = run(root, capsys=capsys)
    assert code == 1
    assert (
        f'content/entities/zurich.md:2:1: error: "{NFC}" names both "{NFD}" (content/entities/zurich-2.md) '
        f'and "{NFC}" (the same letters, encoded differently: one composed, one decomposed)'
    ) in err.splitlines()


def test_registry_keys_that_differ_only_in_case_are_one_key(tmp_path: Path, capsys) -> None:
    root = tmp_path / "dossier"
    shutil.copytree(INVALID / "_base", root)
    figures = root / "content/figures.yaml"
    figures.write_text(figures.read_text() + "Pledge:\n  label: Again\n  unit: CNY\n")
    code, _, err = run(root, capsys=capsys)
    assert code == 1
    assert (
        'content/figures.yaml:7:1: error: figure key "Pledge" is the same as "pledge" (keys ignore case)'
        in err
    )


def test_a_claim_key_matches_its_figure_in_any_case(tmp_path: Path, capsys) -> None:
    root = tmp_path / "dossier"
    shutil.copytree(INVALID / "_base", root)
    article = root / "content/articles/first.md"
    article.write_text(article.read_text().replace("fig=pledge", "fig=PLEDGE"))
    code, _, err = run(root, "--no-search", capsys=capsys)
    assert code == 0, err


def _body(source: str):
    return annotate(markdown("en", False, True), source, path="content/articles/a.md", line_offset=4)


def test_errors_past_the_first_hundred_are_counted_in_one_line() -> None:
    result = _body("[[" * 1000)
    assert len(result.diagnostics) == MAX_ERRORS + 1
    last = result.diagnostics[-1]
    assert str(last) == (
        f"content/articles/a.md:5:{2 * MAX_ERRORS + 1}: error: {1000 - MAX_ERRORS:,} more errors in this "
        f"file (only the first {MAX_ERRORS} are listed)"
    )


def test_more_annotations_than_a_file_may_hold_is_an_error() -> None:
    result = _body("[[Acme]] " * (MAX_ANNOTATIONS + 1))
    assert [str(d) for d in result.diagnostics] == [
        f"content/articles/a.md:1:1: error: {MAX_ANNOTATIONS + 1:,} annotations; a file may hold at most "
        f"{MAX_ANNOTATIONS:,}"
    ]


def test_annotations_nested_too_deep_are_an_error() -> None:
    depth = MAX_NESTING + 1
    source = "[" * depth + "x" + "]{event=e}" * depth
    messages = [d.message for d in _body(source).diagnostics]
    assert messages == [f"annotations nested more than {MAX_NESTING} deep"]


def test_a_long_unparsed_annotation_is_quoted_as_an_excerpt() -> None:
    source = "[" + "word " * 60 + "]{fig=k value=1.5}"
    (diagnostic,) = _body(source).diagnostics
    assert len(str(diagnostic)) < 200
    assert 'annotation not parsed: "' in diagnostic.message and "…" in diagnostic.message


def test_yaml_with_too_many_values_is_refused_where_the_limit_is_passed() -> None:
    text = "k: [" + ", ".join("0" for _ in range(MAX_VALUES + 10)) + "]\n"
    doc, problems = load_yaml(text, "content/figures.yaml")
    assert doc is None
    assert [p.message for p in problems] == [f"YAML too large: more than {MAX_VALUES:,} values in one file"]


def test_a_yaml_key_longer_than_the_limit_is_refused() -> None:
    doc, problems = load_yaml(f'? "{"k" * (MAX_KEY_CHARS + 1)}"\n: 1\n', "config.yaml")
    assert doc is None
    assert [str(p) for p in problems] == [
        f"config.yaml:1:3: error: YAML too large: a key longer than {MAX_KEY_CHARS:,} characters"
    ]
