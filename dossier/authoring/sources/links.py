"""`python build.py links`: is every source's original still where the dossier says it is?

Each article's `url` and each event's `references` address is asked for with HEAD (GET where HEAD
is refused), following redirects; at most 8 requests at a time and 2 to any one host, 10 s each,
`http` and `https` only. Addresses on names kept for examples and tests (`example.com`, `.org`,
`.net`, `.test`, `.invalid`, `.example`, `*.localhost`) are never asked for. What was found is
kept in `content/links.yaml` (per address: the status, the final address, the day checked).
"""

from __future__ import annotations

import concurrent.futures
import http.client
import itertools
import socket
import ssl
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from ... import __version__
from ...diagnostics import line_and_column
from ...reading.links import LINKS
from ...reading.registries import load_events
from ..files.frontmatter import read_content_file
from ..files.newfiles import replace

TIMEOUT = 10.0  # seconds for each request
AT_ONCE = 8
PER_HOST = 2
MAX_REDIRECTS = 10
RESERVED = ("example.com", "example.org", "example.net")
RESERVED_SUFFIXES = (".test", ".invalid", ".example", ".localhost")


@dataclass(frozen=True)
class Link:
    """An address the dossier names, and where."""

    url: str
    path: str
    line: int
    column: int
    captured: bool | None = None  # an article's: whether its source has a capture; None: an event's


@dataclass
class Finding:
    """What asking for one address gave."""

    link: Link
    status: int | None = None  # the last answer's status (after redirects)
    final: str = ""  # where the redirects led
    problem: str = ""  # why there is no answer, or why it is skipped
    skipped: bool = False

    @property
    def moved(self) -> bool:
        """Redirected to another path (a scheme or host change alone, http → https, is no move)."""
        return bool(self.final) and urlsplit(self.final).path.rstrip("/") != urlsplit(
            self.link.url
        ).path.rstrip("/")

    @property
    def fine(self) -> bool:
        return self.status is not None and 200 <= self.status < 400 and not self.moved


def links_of(root: Path) -> list[Link]:
    """Every article's `url` and every event's reference address, with the place it is written."""
    found = []
    for file in sorted((root / "content/articles").glob("*.md")):
        content = read_content_file(root, file)
        front = content.front if content else {}
        url = front.get("url")
        if isinstance(url, str) and url:
            found.append(_placed(root, file, url, captured="archived" in front))
    events_file = root / "content/events.yaml"
    if events_file.is_file():
        for event in load_events(root)[0]:
            for reference in event.references:
                found.append(_placed(root, events_file, reference.url))
    return found


def check_links(links: list[Link]) -> list[Finding]:
    """Ask for every address, concurrently within the limits; one finding per link, in order."""
    hosts: dict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(PER_HOST))
    guard = threading.Lock()

    def one(link: Link) -> Finding:
        skip = _skipped(link.url)
        if skip:
            return Finding(link, problem=skip, skipped=True)
        host = (urlsplit(link.url).hostname or "").lower()
        with guard:
            semaphore = hosts[host]
        with semaphore:
            return _ask(link)

    # Taken host by host in turn, so that a host named many times does not hold every worker
    # waiting for its two places while other hosts wait behind it.
    by_host: dict[str, list[int]] = defaultdict(list)
    for index, link in enumerate(links):
        by_host[(urlsplit(link.url).hostname or "").lower()].append(index)
    order = [i for turn in itertools.zip_longest(*by_host.values()) for i in turn if i is not None]
    with concurrent.futures.ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        found = dict(zip(order, pool.map(one, [links[i] for i in order]), strict=True))
    return [found[index] for index in range(len(links))]


def remember(root: Path, findings: list[Finding]) -> None:
    """Write what was found to content/links.yaml, keyed by address (the latest check wins)."""
    file = root / LINKS
    kept = yaml.safe_load(file.read_text(encoding="utf-8")) if file.is_file() else {}
    kept = kept if isinstance(kept, dict) else {}
    day = datetime.now(UTC).date().isoformat()
    for finding in findings:
        if finding.skipped:
            continue
        entry = {"status": finding.status, "checked": day}
        if finding.final:
            entry["final"] = finding.final
        if finding.problem:
            entry["problem"] = finding.problem
        kept[finding.link.url] = entry
    text = "# What `python build.py links` found of each source's address.\n"
    text += yaml.safe_dump(kept, sort_keys=True, allow_unicode=True, width=10_000)
    replace(file, text.encode("utf-8"))


def _placed(root: Path, file: Path, url: str, captured: bool | None = None) -> Link:
    """The link at the first place `url` is written in `file` (line and column from 1)."""
    text = file.read_text(encoding="utf-8")
    line, column = line_and_column(text, max(text.find(url), 0))
    return Link(url, file.relative_to(root).as_posix(), line, column, captured)


def _skipped(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"not checked: only http and https addresses are ({parts.scheme or 'no scheme'})"
    host = (parts.hostname or "").lower().rstrip(".")
    if host in RESERVED or host.endswith(tuple(f".{name}" for name in RESERVED)):
        return f"not checked: {host} is kept for examples"
    if host.endswith(RESERVED_SUFFIXES) or host in ("test", "invalid", "example"):
        return f"not checked: {host} is a name kept for tests and examples"
    return ""


def _ask(link: Link) -> Finding:
    """HEAD, or GET where HEAD is refused, following redirects."""
    url = link.url
    for _ in range(MAX_REDIRECTS + 1):
        try:
            status, location = _request("HEAD", url)
            if status in (403, 405, 501):  # HEAD refused
                status, location = _request("GET", url)
        except TimeoutError:
            return Finding(link, problem=f"no answer within {TIMEOUT:g} s")
        except socket.gaierror:
            return Finding(link, problem=f"the host {urlsplit(url).hostname} does not resolve")
        except ConnectionResetError:
            return Finding(link, problem="the connection was reset")
        except ConnectionRefusedError:
            return Finding(link, problem="the connection was refused")
        except (OSError, http.client.HTTPException, ssl.SSLError) as exc:
            return Finding(link, problem=f"no answer: {exc.__class__.__name__}")
        if status in (301, 302, 303, 307, 308) and location:
            url = urljoin(url, location)
            continue
        return Finding(link, status, url if url != link.url else "")
    return Finding(link, problem=f"more than {MAX_REDIRECTS} redirects")


def _request(method: str, url: str) -> tuple[int, str]:
    parts = urlsplit(url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(parts.hostname, parts.port, timeout=TIMEOUT)
    try:
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request(method, target, headers={"User-Agent": f"dossier/{__version__} (links)"})
        response = connection.getresponse()
        if method == "GET":
            response.read(1024)  # enough to know it answers; the page itself is not wanted
        return response.status, response.getheader("Location") or ""
    finally:
        connection.close()


def message(finding: Finding) -> tuple[str, str] | None:
    """The line a finding is reported with, as (severity, text); None for an address that is fine."""
    url = finding.link.url
    if finding.skipped:
        return "note", f"{url} {finding.problem}"
    if finding.fine:
        return None
    if finding.problem:
        text = f"{url}: {finding.problem}"
    elif finding.moved:
        text = f"{url} moved to {finding.final}"
    else:
        text = f"{url} answers {finding.status}"
    if finding.link.captured is True:
        text += " (captured copy kept)"
    elif finding.link.captured is False and not finding.moved:
        text += "; the source has no capture"
    return "warning", text
