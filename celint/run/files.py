"""One input of a run: read it with the limits, lint it, keep what the chosen reporters need."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from celint.config.options import LintOptions
from celint.errors import CelintError, InputError, InternalError
from celint.io.read import read_at_most, read_limited
from celint.io.walk import STDIN
from celint.lint.engine import check_bytes
from celint.model import FileReport


@dataclass(frozen=True)
class Needs:
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
    path: str, options: LintOptions, stdin_name: str | None = None, needs: Needs = NOTHING
) -> FileReport:
    """Read and lint one input, with what ``needs`` asks for attached to the report. A bug met
    on the way is an InternalError naming the input."""
    name, data = read_input(path, options.max_file_size, stdin_name)
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
