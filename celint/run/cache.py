"""The cache of lint results: an input whose bytes, name and run are unchanged is not linted again.

``.celint_cache/`` (in the current folder, or the configuration's ``cache-dir``) holds one entry
per input and run, named by a digest of everything the report depends on:

- the input: its bytes, its name as reports show it and its absolute path (``per-file-ignores``
  match on the path);
- the run: the resolved :class:`~celint.config.options.LintOptions` (every field, in a stable
  form), what the reporters need (:class:`~celint.run.files.Needs`), the celint version, the
  Python version, and the size and modification time of every file of the celint package and
  of the schema and profile data (an edited rule or profile, or a reinstall, is a new run).

An entry is the report as the reporters use it, as JSON: diagnostics (with the replacement text
SARIF shows and the evidence ``-v`` cites), why the input was linted or skipped, the secret spans
and, for the formats that quote source lines, the text with every secret masked
(``FileReport.quoted``). Nothing else of the input is kept, so no secret is stored in clear;
a diagnostic's ``fix`` (the value a fix would write) is not kept either: fixes never read the
cache. A run with ``--env`` depends on the environment and is never cached.

Entries are written whole or not at all (:func:`celint.io.write.write_unsynced`), so a second
run or another worker process reads a complete entry or none; one that cannot be read, does not
decode, or names another key is a miss, and is written again. The folder holds a ``.gitignore``
(``*``) and a ``CACHEDIR.TAG``, so neither git nor a backup tool takes it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from celint import __version__
from celint.config.options import LintOptions
from celint.model import Diagnostic, FileReport, Severity, Span

try:  # hashlib's own BLAKE2, without hashlib's OpenSSL start-up (~2.5 ms of a one-file run)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

CACHE_DIR = ".celint_cache"
#: The layout of an entry; a change makes every older entry a miss (a new folder).
FORMAT = 1
GITIGNORE = "# Created by celint: the cache is not for version control.\n*\n"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by celint (https://bford.info/cachedir/).\n"
)


class Cache:
    """The entries of one run: ``folder`` is the cache folder, ``run`` the digest of the run."""

    def __init__(self, folder: str | os.PathLike[str], run: bytes) -> None:
        self.folder = Path(folder)
        # Strings, not Paths: one entry name is joined per input, in the loop a warm run is.
        self.entries = os.path.join(folder, f"v{FORMAT}")
        self.run = run
        self.cwd = os.getcwd()
        self._ready = False

    def key(self, name: str, data: bytes) -> str:
        """The entry name for an input shown as ``name`` (relative to the folder the run
        started in) with bytes ``data``."""
        digest = blake2b(self.run, digest_size=20)
        for part in (name, os.path.join(self.cwd, name)):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def load(self, key: str, name: str) -> FileReport | None:
        """The stored report of ``key``, or None: no entry, or one that does not read back
        whole and right (a corrupt or truncated entry is a miss, never an error)."""
        try:
            with open(os.path.join(self.entries, key), "rb", buffering=0) as stream:
                stored = json.loads(stream.read())
            return _report(stored, key, name)
        except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
            return None

    def store(self, key: str, report: FileReport) -> None:
        """Keep ``report`` under ``key``; a cache that cannot be written is no cache, not an
        error (a read-only checkout, a full disk)."""
        from celint.io.write import write_unsynced

        try:
            self._prepare()
            write_unsynced(os.path.join(self.entries, key), _entry(key, report))
        except OSError:
            pass

    def _prepare(self) -> None:
        """Create the folder with its ``.gitignore`` and ``CACHEDIR.TAG`` (once per process)."""
        if self._ready:
            return
        from celint.io.write import write_unsynced

        os.makedirs(self.entries, exist_ok=True)
        for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
            if not (self.folder / name).is_file():
                write_unsynced(self.folder / name, text.encode("utf-8"))
        self._ready = True


def open_cache(folder: str | os.PathLike[str], options: LintOptions, needs: object) -> Cache | None:
    """The cache of a run with ``options`` whose reporters need ``needs`` (its repr is part of
    the key); None for a run that must not be cached (``--env``: the reports depend on the
    environment's values, secrets among them)."""
    if options.environment is not None:
        return None
    from celint.schema.registry import schema_dir

    described = {
        "format": FORMAT,
        "celint": __version__,
        "python": sys.version,
        "code": _files(Path(__file__).resolve().parents[1]),
        "data": _files(schema_dir()),
        "options": _stable(options),
        "needs": repr(needs),
    }
    text = json.dumps(described, sort_keys=True, ensure_ascii=True)
    return Cache(folder, blake2b(text.encode("ascii"), digest_size=20).digest())


def _files(folder: Path) -> list[tuple[str, int, int]]:
    """Every file below ``folder`` (byte code aside), as (path, size, modification time), in
    path order: a cheap fingerprint of code or data, one ``stat`` per file."""
    found = []
    pending = [str(folder)]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        pending.append(entry.path)
                else:
                    status = entry.stat()
                    found.append((entry.path, status.st_size, status.st_mtime_ns))
    return sorted(found)


def _stable(value: Any) -> Any:
    """``value`` as plain JSON data, the same for equal options whatever their order: every
    field of a record (so a new option changes the key without a change here), mappings with
    their keys sorted."""
    if hasattr(value, "_asdict"):  # a NamedTuple: LintOptions, PathPattern
        return _stable(value._asdict())
    if isinstance(value, Mapping):
        return {str(key): _stable(item) for key, item in sorted(value.items(), key=repr)}
    if isinstance(value, tuple | list):
        return [_stable(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"no stable form for {type(value).__name__} in the options")


def _entry(key: str, report: FileReport) -> bytes:
    entry = {
        "key": key,
        "path": report.path,
        "checked": report.checked,
        "skipped": report.skipped_reason,
        "linted": report.linted_reason,
        "diagnostics": [_diagnostic(d) for d in report.diagnostics],
        "secrets": [_span(span) for span in report.secrets],
        "quoted": report.quoted,
    }
    return json.dumps(entry, separators=(",", ":")).encode("ascii")


def _span(span: Span) -> list[int]:
    return list(span)


def _diagnostic(d: Diagnostic) -> list[Any]:
    span = _span(d.span) if d.span is not None else None
    return [
        d.path,
        d.code,
        d.rule,
        int(d.severity),
        d.message,
        d.pointer,
        span,
        d.suggestion,
        d.fixable,
        d.document,
        d.replacement,
        d.evidence,
    ]


def _report(stored: Any, key: str, name: str) -> FileReport:
    """The report an entry holds; ValueError (or another lookup error) when it is not exactly
    an entry for ``key`` and ``name``, written by this format."""
    if stored["key"] != key or stored["path"] != name:
        raise ValueError("an entry for another input")
    return FileReport(
        name,
        diagnostics=[_read_diagnostic(item) for item in _kind(stored["diagnostics"], list)],
        checked=_kind(stored["checked"], bool),
        skipped_reason=_optional(stored["skipped"], str),
        linted_reason=_optional(stored["linted"], str),
        secrets=tuple(_read_span(item) for item in _kind(stored["secrets"], list)),
        quoted=_optional(stored["quoted"], str),
    )


def _read_span(stored: Any) -> Span:
    numbers = _kind(stored, list)
    if len(numbers) != len(Span._fields):
        raise ValueError("a span has one number per field")
    return Span(*(_kind(number, int) for number in numbers))


def _read_diagnostic(stored: Any) -> Diagnostic:
    path, code, rule, severity, message, pointer, span, suggestion, fixable, document, *rest = (
        _kind(stored, list)
    )
    replacement, evidence = rest
    return Diagnostic(
        _kind(path, str),
        _kind(code, str),
        _kind(rule, str),
        Severity(_kind(severity, int)),
        _kind(message, str),
        _kind(pointer, str),
        None if span is None else _read_span(span),
        _optional(suggestion, str),
        _kind(fixable, bool),
        _kind(document, int),
        replacement=_optional(replacement, str),
        evidence=_optional(evidence, str),
    )


def _kind(value: Any, kind: type) -> Any:
    """``value``, which must be a ``kind`` (a bool is not an int here)."""
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError(f"expected {kind.__name__}")
    return value


def _optional(value: Any, kind: type) -> Any:
    return None if value is None else _kind(value, kind)
