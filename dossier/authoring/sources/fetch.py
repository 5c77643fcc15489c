"""Fetching a page over HTTP(S) for `add`, with a timeout and a size limit."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from ... import __version__

TIMEOUT = 20.0  # seconds without an answer
MAX_BYTES = 10 * 1024 * 1024


class FetchError(Exception):
    """Why a URL could not be read, in the editor's terms."""


@dataclass
class Fetched:
    url: str  # where the page was found, after redirects
    body: bytes
    charset: str | None  # as the Content-Type header declares it


def fetch(url: str) -> Fetched:
    request = urllib.request.Request(url, headers={"User-Agent": f"dossier/{__version__} (add)"})
    host = urllib.request.urlparse(url).hostname or url
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FetchError(f"the page is over {MAX_BYTES // (1024 * 1024)} MB")
            headers: Message = response.headers
            return Fetched(response.geturl(), body, headers.get_content_charset())
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(_unreachable(host, error.reason)) from None
    except TimeoutError:
        raise FetchError(f"no answer from {host} within {TIMEOUT:g} s") from None
    except OSError as error:
        raise FetchError(f"cannot read from {host}: {error.strerror or error}") from None


def _unreachable(host: str, reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return f"no answer from {host} within {TIMEOUT:g} s"
    if isinstance(reason, socket.gaierror):
        return f"cannot find the host {host}"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot reach {host}: {reason.strerror}"
    return f"cannot reach {host}: {reason}"
