"""Reading a build's documents: each parsed, its passages rendered and its parts digested in a
worker process, and what was read kept out of the cycle collector's way."""

from __future__ import annotations

import contextlib
import gc
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2

from ..diagnostics import ContentError, Diagnostic
from ..model.documents import Article, Entity
from ..pages.passages import attach_passages
from ..pages.render import layout_error
from ..reading.config import MarkdownOptions
from ..reading.documents import parse_article, parse_entity
from .facets import facets, mention_facets


@contextlib.contextmanager
def apart_from_the_collector() -> Iterator[None]:
    """Read a dossier without the cycle collector, and keep what was read out of its way until the
    next build (`gc.freeze`). Reading makes millions of objects and no cycles: the collector would
    scan them again and again for nothing, and forked workers would copy every page of memory its
    scans touch."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if collecting:
            gc.enable()


def read_document(
    root: Path, options: MarkdownOptions, passage: jinja2.Template, path: str
) -> tuple[Any, bytes, list[Diagnostic], dict[str, str], dict[str, str]]:
    """Parse one article or entity file in a worker, render its passages, and digest what other
    pages show of it (`facets`, `mention_facets`), so each walk over its mentions is made where
    they were found. The body travels back as its pickle, which the build cache can keep as it is
    (`take_body`)."""
    parse = parse_article if path.startswith("content/articles/") else parse_entity
    result, problems = parse(root / path, path, options)
    if not isinstance(result, Article | Entity):
        return result, b"", problems, {}, {}
    attach_passages_at(root, passage, result)
    found, mentions = facets(path, result), mention_facets(path, result)
    blob = pickle.dumps(result.__dict__.pop("body"), protocol=pickle.HIGHEST_PROTOCOL)
    return result, blob, problems, found, mentions


def attach_passages_at(root: Path, passage: jinja2.Template, document: Any) -> None:
    """`attach_passages`, with a layout's error told where it is (in a worker, where its traceback is)."""
    try:
        attach_passages(passage, document)
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
        raise ContentError([layout_error(exc, root)]) from None
