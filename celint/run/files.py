"""One input of a run: read it with the limits, lint it (or replay the cache's report of it),
keep what the chosen reporters need."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, NamedTuple

from celint.config.options import LintOptions
from celint.errors import CelintError, InputError, InternalError
from celint.io.read import read_at_most, read_limited
from celint.io.walk import STDIN
from celint.model import FileReport

if TYPE_CHECKING:
    from celint.run.cache import Cache


class Needs(NamedTuple):
    """What the reporters of a run need beyond the diagnostics: ``quote``, the masked text of
    files with findings (``full``); ``fixes``, each fixable finding's replacement text
    (``sarif``). A run keeps nothing else, so its memory does not grow with clean files."""

    quote: bool = False
    fixes: bool = False


NOTHING = Needs()


def _reason(path: str, error: OSError) -> str:
    if isinstance(error, FileNotFoundError) and os.path.islink(path):
        return "broken symbolic link (its target does not exist)"
    return error.strerror.lower() if error.strerror else str(error)


def read_input(path: str, limit: int, stdin_name: str | None = None) -> tuple[str, bytes]:
    """The display name and at most ``limit + 1`` bytes of one input (enough for the size
    check); ``-`` reads standard input. Whatever cannot be read is an InputError."""
    if path == STDIN:
        return stdin_name or "<stdin>", read_at_most(sys.stdin.buffer, limit + 1)
    try:
        return path, read_limited(path, limit)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {_reason(path, exc)}") from None


def rest_of_stdin(start: bytes) -> bytes:
    """Standard input whole: ``start`` (what :func:`read_input` took) and the rest."""
    return start + sys.stdin.buffer.read()


def lint_one(
    path: str,
    options: LintOptions,
    stdin_name: str | None = None,
    needs: Needs = NOTHING,
    cache: Cache | None = None,
) -> FileReport:
    """Read and lint one input, with what ``needs`` asks for attached to the report. With a
    ``cache`` (made for these options and needs), an input whose entry is there is not linted:
    its stored report is returned; standard input is always linted."""
    name, data = read_input(path, options.max_file_size, stdin_name)
    if cache is None or path == STDIN:
        return _lint(name, data, options, needs)
    key = cache.key(name, data)
    report = cache.load(key, name)
    if report is None:
        report = _lint(name, data, options, needs)
        cache.store(key, report)
    return report


def from_cache(path: str, options: LintOptions, cache: Cache) -> FileReport | None:
    """The report the cache holds for one input, or None: not there, or the input cannot be
    read (linting it will say why, in its place)."""
    try:
        name, data = read_input(path, options.max_file_size)
    except InputError:
        return None
    return cache.load(cache.key(name, data), name)


def _lint(name: str, data: bytes, options: LintOptions, needs: Needs) -> FileReport:
    """Lint one input's bytes; a bug met on the way is an InternalError naming the input."""
    # The engine is imported here, not at the top: a run whose every input is in the cache
    # never loads it (nor the rules, the profiles or a parser).
    from celint.lint.engine import check_bytes

    try:
        report = check_bytes(name, data, options, quote=needs.quote)
        if needs.fixes and any(d.fixable for d in report.diagnostics):
            from celint.fix.engine import describe

            report.diagnostics = describe(name, data, report.diagnostics, options)
    except CelintError:
        raise
    except Exception as exc:
        raise InternalError.wrap(exc, name) from exc
    return report
