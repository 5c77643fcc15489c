"""Whether a source file still holds the bytes read before, judged from its status alone."""

from __future__ import annotations

from ..reading.discover import Stat

RACY_NS = 2_000_000_000  # file times may be as coarse as a second (or two, on FAT)


def same_bytes(status: Stat, known: tuple[Stat, int] | None) -> bool:
    """Whether a file still holds the bytes digested before, judged from its status alone.

    Size, modification and change times and inode all equal mean the same bytes, as git's index
    assumes, unless the file was written within the times' granularity of when it was read: then
    a second write could have kept every field ("racily clean"), so it is read again.
    """
    return known is not None and status == known[0] and vouches(known)


def vouches(known: tuple[Stat, int]) -> bool:
    """Whether a status recorded when the file was read can stand for its bytes (see above)."""
    status, read_at = known
    return status[1] < read_at - RACY_NS
