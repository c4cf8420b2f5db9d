"""Writing files safely: all of the new bytes or none of them, never a stale edit.

The new content goes to a temporary file in the same folder (so the rename cannot cross file
systems), is flushed and fsynced, takes the old file's mode, and then replaces the old file with
one ``os.replace``. If anything fails on the way, the temporary file is removed and the original
is untouched. A file whose bytes changed since celint read them (an editor saved meanwhile) is
not written at all: the fix was computed for content that no longer exists.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class FileChangedError(OSError):
    """The file's content is no longer what the fix was computed from."""


def write_atomic(path: str | os.PathLike[str], data: bytes, read: bytes) -> None:
    """Replace the file at ``path`` (through a symlink, its target) with ``data``, provided it
    still holds ``read``; raises FileChangedError or the OSError that stopped the write."""
    target = Path(os.path.realpath(path))
    if target.read_bytes() != read:
        raise FileChangedError("changed since it was read; not written")
    _replace(target, data, stat.S_IMODE(target.stat().st_mode))


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
