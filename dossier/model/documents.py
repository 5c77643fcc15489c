"""The dossier model: plain dataclasses passed between the pipeline's steps."""

from __future__ import annotations

import os
import pickle
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from typing import BinaryIO

from ..diagnostics import Position
from ..syntax.annotations import Annotated, Claim, Mention
from ..syntax.dates import FuzzyDate
from ..syntax.names import name_key

ENTITY_TYPES = ("person", "organization", "product", "publication", "place", "event", "other")


@dataclass
class Config:
    title: str
    description: str = ""
    base_url: str = ""
    language: str = "en"
    content_language: str = ""  # of the registries and entity files, where not the site's language
    author: str = ""
    markdown_html: bool = False
    typographer: bool = True
    path: str = "config.yaml"
    captures: str = "private"  # "public": each captured source also published as a safe copy


@dataclass
class Reference:
    """A name written in content that must resolve to an entity."""

    name: str
    position: Position


class Document:
    """An article, entity page or home page: something with an annotated body.

    The build cache stores each document's body as a pickle of its own, read only when the body is
    first used: in the cache's body file (`body_at`: the file, where, how long) or, in its journal,
    beside the document (`body_blob`). See `cache.py`."""

    def __getattr__(self, name: str) -> object:
        # Called only for attributes the instance lacks: here, a body not read from the cache yet.
        state = self.__dict__
        if name != "body" or ("body_blob" not in state and "body_at" not in state):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        body = state["body"] = pickle.loads(self._body_pickle())
        return body

    def _body_pickle(self) -> bytes:
        state = self.__dict__  # a body never changes once made: the pickle read is the body's
        if "body_blob" in state:
            return state["body_blob"]
        if "body_at" in state:
            return read_at(*state["body_at"])
        return pickle.dumps(state["body"], protocol=pickle.HIGHEST_PROTOCOL)

    def set_body_apart(self) -> None:
        """Keep the body as its pickle only, made now if need be; the objects are let go and read
        back if used again. Writing a journal entry does this, so it does not hold both at once."""
        state = self.__dict__
        state["body_blob"] = self._body_pickle()
        state.pop("body", None)
        state.pop("body_at", None)

    def take_body(self, blob: bytes, file: BinaryIO | None = None, name: str = "") -> None:
        """Set the body from its pickle, made where the document was parsed. With a `file` (to be
        at `name`), the pickle is written there too, so the cache need not make it again."""
        self.__dict__["body"] = pickle.loads(blob)
        if file is not None:
            self._write_at(file, name, blob)

    def write_body_apart(self, file: BinaryIO, name: str, adopted: str = "") -> None:
        """Write the body's pickle to `file`, which will be at `name`, and keep only where it is:
        writing the cache does this, one body after the other, holding none of them after. A body
        already in `file` (then called `adopted`, see `take_body`) is not written again."""
        state = self.__dict__
        if "body" not in state and "body_blob" not in state and "body_at" not in state:
            return
        place = state.get("body_at")
        if place is not None and adopted and place[0] == adopted:
            state["body_at"] = (name, *place[1:])
            state.pop("body", None)
            return
        self._write_at(file, name, self._body_pickle())
        state.pop("body", None)
        state.pop("body_blob", None)

    def _write_at(self, file: BinaryIO, name: str, blob: bytes) -> None:
        """Append the body's pickle to `file` (to be at `name`) and remember where it is."""
        self.__dict__["body_at"] = (name, file.tell(), len(blob))
        file.write(blob)


_OPEN: dict[str, int] = {}  # body files, opened once; read with pread, so forked workers share them


def read_at(name: str, offset: int, length: int) -> bytes:
    """`length` bytes at `offset` of the file `name`."""
    descriptor = _OPEN.get(name)
    if descriptor is None:
        descriptor = _OPEN[name] = os.open(name, os.O_RDONLY)
    data = os.pread(descriptor, length, offset)
    if len(data) != length:
        raise OSError(f"{name} ends before the body at {offset}")
    return data


@dataclass(frozen=True)
class Archived:
    """The capture of an article's source (`archived:`): its WARC file under `sources/`, the SHA-256
    of the page's payload as served, and when it was retrieved (UTC, ISO 8601)."""

    file: str
    sha256: str
    retrieved: str
    position: Position


@dataclass
class Article(Document):
    slug: str
    path: str
    title: str
    language: str
    body: Annotated
    source: Reference | None = None
    published: FuzzyDate | None = None
    url: str = ""
    author: str = ""
    summary: str = ""
    reading_minutes: int | None = None
    position: Position | None = None
    archived: Archived | None = None
    archive_url: str = ""  # an external archived copy, as Wikipedia's archive-url
    left_out: int = 0  # paragraphs of the captured source's text the article leaves out
    gone: str = ""  # the original answered 404 or 410 (`links`): "404 on 2026-12-06"


@dataclass
class Entity(Document):
    slug: str
    path: str
    name: str
    type: str
    body: Annotated
    aliases: list[tuple[str, Position]] = field(default_factory=list)
    summary: str = ""
    role: str = ""
    links: dict[str, str] = field(default_factory=dict)
    position: Position | None = None
    language: str = ""  # of its summary, role and description, where not the dossier's content language


@dataclass
class Figure:
    key: str
    label: str
    unit: str
    position: Position
    group: str = ""
    entity: Reference | None = None
    period: FuzzyDate | None = None
    featured: bool = False
    note: str = ""


@dataclass
class ExternalReference:
    title: str
    url: str


@dataclass
class Event:
    key: str
    date: FuzzyDate
    title: str
    position: Position
    summary: str = ""
    entities: list[Reference] = field(default_factory=list)
    references: list[ExternalReference] = field(default_factory=list)
    label: str = ""  # a short name for the timeline's axis
    featured: bool = False  # drawn emphasised, and first on the home page


@dataclass
class Home(Document):
    title: str
    body: Annotated
    path: str = "content/index.md"


@dataclass
class Content:
    """Everything read from a dossier folder, before references are resolved."""

    config: Config
    home: Home | None
    articles: list[Article]
    entities: list[Entity]
    figures: list[Figure]
    events: list[Event]
    unreadable: set[str] = field(default_factory=set)  # "figure"/"event": registry did not load


class Citation:
    """An annotation in a document: the article (or entity page), and the annotation itself, the
    `index`th mention or claim of the document's body.

    A citation pickles as its document and that place rather than the annotation: the build cache
    keeps each body apart (see `cache.py`), and a citation loaded from it looks its annotation up
    on first use, so a build that renders a few pages never reads the other documents' bodies."""

    __slots__ = ("_annotation", "_claim", "document", "index")

    def __init__(self, document: Article | Entity, annotation: Mention | Claim, index: int) -> None:
        self.document = document
        self.index = index
        self._claim = isinstance(annotation, Claim)
        self._annotation: Mention | Claim | None = annotation

    @property
    def annotation(self) -> Mention | Claim:
        annotation = self._annotation
        if annotation is None:
            body = self.document.body
            annotation = self._annotation = (body.claims if self._claim else body.mentions)[self.index]
        return annotation

    @property
    def passage(self) -> str:
        """The passage around the annotation, as the layouts made it (see `pages.passages`)."""
        body = self.document.body
        return body.passages[self.index + len(body.mentions) if self._claim else self.index]

    @property
    def page(self) -> str:
        """The site path of the page holding the annotation."""
        kind = "articles" if isinstance(self.document, Article) else "entities"
        return f"{kind}/{self.document.slug}/"

    def __reduce__(self) -> tuple[object, ...]:
        return (_cited, (self.document, self.index, self._claim))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Citation):
            return NotImplemented
        return self.document == other.document and self.annotation == other.annotation

    __hash__ = None  # type: ignore[assignment]  # documents are mutable dataclasses

    def __repr__(self) -> str:
        return f"Citation({self.document.path!r}, {self.annotation!r})"


def _cited(document: Article | Entity, index: int, claim: bool) -> Citation:
    """A citation as loaded: its annotation is looked up when first asked for."""
    citation = Citation.__new__(Citation)
    citation.document, citation.index, citation._claim, citation._annotation = document, index, claim, None
    return citation


@dataclass
class Dossier:
    """Resolved content: every reference points at a known entity, figure or event."""

    config: Config
    home: Home | None
    articles: list[Article]
    entities: dict[str, Entity]
    figures: dict[str, Figure]
    events: dict[str, Event]
    names: dict[str, str]  # case-folded name, slug or alias → entity slug
    mentions: dict[str, list[Citation]]  # entity slug → mentions of it
    figure_claims: dict[str, list[Citation]]
    event_claims: dict[str, list[Citation]]
    document_entities: dict[str, frozenset[str]]  # document path → entities it mentions (or is)
    source_of: dict[str, str | None] = field(default_factory=dict)  # article slug → entity slug
    _related: dict[str, list[tuple[str, int]]] = field(default_factory=dict, repr=False)
    _name_order: list[str] = field(default_factory=list, repr=False)

    def __getstate__(self) -> dict[str, object]:
        """For the build cache: without the related-entity lists, remembered while rendering (a
        large dossier has a few hundred thousand pairs, cheaper to count again than to load)."""
        return {**self.__dict__, "_related": {}, "_name_order": []}

    def _by_name(self) -> list[str]:
        """Entity slugs in the order of their names, found once for every entity's related list."""
        if not self._name_order:
            self._name_order = sorted(self.entities, key=lambda s: self.entities[s].name)
        return self._name_order

    def entity_slug(self, name: str) -> str | None:
        return self.names.get(name_key(name))

    def let_go_of_annotations(self) -> None:
        """Have every citation look its annotation up again when next asked, so that a body set
        apart (`Document.set_body_apart`) is let go of, not kept alive by the citations into it.
        Figure summaries hold these same citations."""
        for index in (self.mentions, self.figure_claims, self.event_claims):
            for citations in index.values():
                for citation in citations:
                    citation._annotation = None

    def related(self, slug: str) -> list[tuple[str, int]]:
        """Entities that share documents with `slug`, most shared first, as (slug, documents)."""
        if slug not in self._related:
            documents = {c.document.path for c in self.mentions.get(slug, [])}
            entity = self.entities[slug]
            if entity.path in self.document_entities:
                documents.add(entity.path)
            counts: Counter[str] = Counter()
            for path in documents:
                counts.update(self.document_entities.get(path, ()))  # counted in C, a set at a time
            counts.pop(slug, None)
            by_name = [(other, counts[other]) for other in self._by_name() if other in counts]
            self._related[slug] = sorted(
                by_name, key=itemgetter(1), reverse=True
            )  # stable: names stay in order
        return self._related[slug]
