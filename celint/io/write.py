"""Writing files safely: all of the new bytes or none of them, never a stale edit.

The new content goes to a temporary file in the same folder (so the rename cannot cross file
systems), is flushed and fsynced, takes the old file's mode, and then replaces the old file with
one ``os.replace``. If anything fails on the way, the temporary file is removed and the original
is untouched. A file whose bytes changed since celint read them (an editor saved meanwhile) is
not written at all: the fix was computed for content that no longer exists.

Replacing a file needs only a writable folder, so two kinds of file are refused, not written: a
read-only one (its owner said it must not change) and one with other hard links (replacing it
would leave them holding the old text, split from this one).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import stat
from pathlib import Path


class FileChangedError(OSError):
    """The file's content is no longer what the fix was computed from."""


class WriteRefused(OSError):
    """A file celint will not replace (read-only, or hard-linked); the message says why."""


def write_atomic(path: str | os.PathLike[str], data: bytes, read: bytes) -> None:
    """Replace the file at ``path`` (through a symlink, its target) with ``data``, provided it
    still holds ``read`` and may be replaced; raises WriteRefused, FileChangedError or the
    OSError that stopped the write."""
    target = Path(os.path.realpath(path))
    status = target.stat()
    _check_replaceable(target, status)
    if target.read_bytes() != read:
        raise FileChangedError("changed since it was read; not written")
    _replace(target, data, stat.S_IMODE(status.st_mode))


def _check_replaceable(target: Path, status: os.stat_result) -> None:
    """Refuse a read-only file (no write permission for this user, or no write bit at all:
    root may write anything, but a 0444 file says it must not change) and a file with other
    hard links."""
    mode = stat.S_IMODE(status.st_mode)
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteRefused(f"not written: the file is read-only (mode {mode:04o})")
    if status.st_nlink > 1:
        raise WriteRefused(
            f"not written: the file has {status.st_nlink} hard links, and replacing it would "
            "leave the others with the old text"
        )


def write_output(path: str | os.PathLike[str], data: bytes) -> None:
    """Write a file celint produces (a schema, a baseline, a report) whole or not at all.

    An existing regular file keeps its mode; a new one gets the usual ``0o666`` less the umask.
    A path that names a folder, a FIFO or a device is refused before anything is opened (a FIFO
    would block the run), as an OSError with its reason.
    """
    target = Path(os.path.realpath(path))
    mode: int | None = None
    try:
        status = target.stat()
    except FileNotFoundError:
        pass
    else:
        if not stat.S_ISREG(status.st_mode):
            kind = "a folder" if stat.S_ISDIR(status.st_mode) else "not a regular file"
            raise IsADirectoryError(0, f"is {kind}") if kind == "a folder" else OSError(0, kind)
        mode = stat.S_IMODE(status.st_mode)
    _replace(target, data, mode)


def write_unsynced(path: str | os.PathLike[str], data: bytes) -> None:
    """Write a file that can be rebuilt (a cache entry) whole or not at all, without waiting
    for the disk: a reader sees the old file or the new one, never part of one, but a crash
    may lose it. Thousands of these are written in one run, so they are not fsynced."""
    _replace(path, data, None, sync=False)


def _replace(
    target: str | os.PathLike[str], data: bytes, mode: int | None, *, sync: bool = True
) -> None:
    """Write ``data`` to a temporary file next to ``target`` and rename it over ``target``
    (after an fsync, unless ``sync`` is false). The file gets ``mode``, or, when None, the
    mode of a new file (``0o666`` less the umask)."""
    handle, temporary = _temporary(target, 0o666 if mode is None else 0o600)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if sync:
                stream.flush()
                os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


_OPEN_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)
_SERIAL = itertools.count()


def _temporary(target: str | os.PathLike[str], mode: int) -> tuple[int, str]:
    """A new file next to ``target``, only for this process (``O_EXCL``; ``mode`` less the
    umask), named after this process and a serial number: what ``tempfile.mkstemp`` gives,
    without its import (~4 ms, a tenth of a one-file run)."""
    folder, name = os.path.split(target)
    while True:
        temporary = os.path.join(folder, f".{name}.{os.getpid()}.{next(_SERIAL)}.celint")
        try:
            return os.open(temporary, _OPEN_FLAGS, mode), temporary
        except FileExistsError:  # left by a process that had this number before
            continue
