"""Making the outputs a build must make, and telling which of them changed: in worker processes
straight into a folder where the sink has one, else one by one through the sink."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from ..pages.render import Output
from .facets import sha256_hex
from .workers import parallel_map, write_file


class Sink(Protocol):
    """Where a build's files go: a staging folder when publishing, the live folder when previewing."""

    def write(self, path: str, data: bytes) -> None: ...
    def later(self, path: str, produce: Callable[[], bytes]) -> None: ...
    def keep(self, path: str) -> None: ...
    def remove(self, path: str) -> None: ...


@dataclass
class Written:
    """What making the outputs did: each one's digest, which changed, which were made, which wait."""

    digests: dict[str, str] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)
    rendered: list[str] = field(default_factory=list)
    deferred: set[str] = field(default_factory=set)  # left to be made when the preview is asked for them
    # (or, for pages no open tab shows, just after the build)


def write_outputs(todo: list[Output], sink: Sink, known: dict[str, str], serving: bool) -> Written:
    """Make every output of `todo` into `sink`; `known` is each output's digest as last made. The
    preview leaves outputs on demand to be made after the build."""
    written = Written()

    def made(output: Output, digest: str) -> None:
        if digest != known.get(output.path):
            written.changed.add(output.path)
        written.digests[output.path] = digest
        written.rendered.append(output.path)

    folder = getattr(sink, "direct", None)  # a folder the sink lets other processes write into
    if folder is not None and not serving:
        # Outputs made here keep parts for the next build; the workers make the others meanwhile.
        local, elsewhere = [o for o in todo if o.local], [o for o in todo if not o.local]
        made_here: list[str] = []
        digests = parallel_map(
            lambda i: write_file(folder, elsewhere[i].path, elsewhere[i].produce()),
            range(len(elsewhere)),
            alongside=lambda: made_here.extend(
                write_file(folder, o.path, o.parts() if o.parts else o.produce()) for o in local
            ),
        )
        for output, digest in zip(elsewhere + local, digests + made_here, strict=True):
            made(output, digest)
            sink.wrote(output.path)  # type: ignore[attr-defined]  # sinks with `direct` have it
        return written
    for output in todo:
        if serving and output.on_demand:
            sink.later(output.path, output.produce)
            written.deferred.add(output.path)
            written.changed.add(output.path)
            continue
        data = output.produce()
        sink.write(output.path, data)
        made(output, sha256_hex(data))
    return written
