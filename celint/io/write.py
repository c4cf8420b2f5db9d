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
import os
import stat
import tempfile
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
    try:
        status = target.stat()
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    else:
        if not stat.S_ISREG(status.st_mode):
            kind = "a folder" if stat.S_ISDIR(status.st_mode) else "not a regular file"
            raise IsADirectoryError(0, f"is {kind}") if kind == "a folder" else OSError(0, kind)
        mode = stat.S_IMODE(status.st_mode)
    _replace(target, data, mode)


def _replace(target: Path, data: bytes, mode: int) -> None:
    """Write ``data`` to a temporary file next to ``target`` and rename it over ``target``."""
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".celint", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
