"""Reading a file's bytes into text, remembering what a fix must write back (BOM, encoding)."""

from __future__ import annotations

import codecs
import os
import stat
from typing import BinaryIO

from celint.model import Source

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Where the NUL bytes fall in the first four bytes of ASCII text in a wide encoding (RFC 4627).
_WIDE: dict[tuple[bool, ...], str] = {
    (True, True, True, False): "utf-32-be",
    (False, True, True, True): "utf-32-le",
    (True, False, True, False): "utf-16-be",
    (False, True, False, True): "utf-16-le",
}


CHUNK = 1 << 20


class DecodeError(ValueError):
    """The bytes are not text celint can read; ``offset`` is the first bad byte.

    ``binary`` marks NUL bytes that are not a wide text encoding: such a file is skipped unless
    ``--all`` asks for every file.
    """

    def __init__(self, message: str, offset: int, *, binary: bool = False) -> None:
        super().__init__(message)
        self.offset = offset
        self.binary = binary


def _encoding(data: bytes) -> tuple[bytes, str]:
    """The BOM and the encoding the bytes claim (UTF-8 when they claim nothing)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return bom, encoding
    return b"", "utf-8"


def _bomless_wide(data: bytes) -> str | None:
    """UTF-16/32 without a byte order mark, told by its NUL pattern, or None."""
    head = data[:4]
    return _WIDE.get(tuple(byte == 0 for byte in head)) if len(head) == 4 else None


def lenient(data: bytes) -> str:
    """The bytes as text with undecodable bytes replaced: good enough to sniff what a file is
    and to count lines, never to lint."""
    bom, encoding = _encoding(data)
    if not bom:
        encoding = _bomless_wide(data) or encoding
    return data[len(bom) :].decode(encoding, "replace")


def decode(path: str, data: bytes) -> Source:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16/32; anything else raises DecodeError."""
    bom, encoding = _encoding(data)
    if not bom and b"\x00" in data:
        wide = _bomless_wide(data)
        if wide:
            raise DecodeError(
                f"{wide.upper()} text without a byte order mark (save the file as UTF-8)", 0
            )
        offset = data.index(b"\x00")
        raise DecodeError(f"binary file: NUL byte at byte offset {offset}", offset, binary=True)
    try:
        return Source(path, data[len(bom) :].decode(encoding), bom, encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + len(bom)
        if bom:
            message = f"not valid {encoding.upper()} text (byte offset {offset})"
        else:
            message = (
                f"not UTF-8 text: byte 0x{data[offset]:02x} at byte offset {offset} "
                "(save the file as UTF-8)"
            )
        raise DecodeError(message, offset) from None


class NotAFile(OSError):
    """A path that names something other than a regular file (a FIFO, a device, a socket)."""


def _open_regular(path: str) -> tuple[BinaryIO, int]:
    """The file opened for reading, and its size, provided it is a regular file.

    It is opened without blocking and checked with ``fstat`` before any read, so a FIFO (which
    would block until a writer comes) or a device is refused, and a path swapped for one between
    a check and the open cannot slip through.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    handle = os.fdopen(fd, "rb")
    status = os.fstat(fd)
    if not stat.S_ISREG(status.st_mode):
        handle.close()
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(status.st_mode) else "a device or socket"
        raise NotAFile(f"is {kind}, not a regular file")
    return handle, status.st_size


def read_at_most(stream: BinaryIO, count: int, first: int = CHUNK) -> bytes:
    """Up to ``count`` bytes of ``stream``: ``first`` bytes, then :data:`CHUNK` at a time.

    A read allocates what it asks for before shrinking to what it got, so asking for ``count``
    at once would allocate the whole limit before anything arrived: 5 MiB per 1 KB body was a
    run's largest transient allocation, and a limit of gigabytes would fail on standard input.
    A buffered read returns fewer bytes than asked for only at the end of the stream, so a
    short read ends the loop without a last read of a whole chunk.
    """
    parts = []
    wanted = min(first, count)
    while wanted > 0:
        data = stream.read(wanted)
        parts.append(data)
        count -= len(data)
        if len(data) < wanted:
            break
        wanted = min(CHUNK, count)
    return b"".join(parts)


def read_limited(path: str, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a regular file: enough to know it is over the limit
    without reading all of it (a FIFO or a device is refused, see :func:`_open_regular`). The
    first read asks for the size ``fstat`` gave plus one byte; a file that grew since is read
    on to the limit."""
    handle, size = _open_regular(path)
    with handle:
        return read_at_most(handle, limit + 1, first=size + 1)


def read_regular(path: str) -> bytes:
    """All of a regular file (a baseline, a configuration), refusing a FIFO or a device as
    :func:`read_limited` does rather than blocking on it."""
    handle, _ = _open_regular(path)
    with handle:
        return handle.read()
