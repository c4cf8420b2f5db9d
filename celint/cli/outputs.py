"""Where the reports of a check run go: the terminal, ``-o FILE``, ``--output-format FORMAT:FILE``.

One run may write several formats (text on the terminal for the log, SARIF for code scanning,
JUnit for the test view) from one lint pass. Files are written whole or not at all
(:func:`celint.io.write.write_output`), so a CI step that fails halfway never leaves a
truncated report for the next step to upload.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import NamedTuple

from celint.errors import InputError, UsageError
from celint.report import FORMATS


class Output(NamedTuple):
    """One report of a run: its format, and the file it goes to (None: the terminal)."""

    output_format: str
    path: str | None = None


def parse_spec(spec: str) -> Output:
    """``sarif:report.sarif`` as an Output. The format is everything before the first colon, so
    a file name may hold colons (``junit:C:\\reports\\x.xml``)."""
    name, colon, path = spec.partition(":")
    if not colon or not path:
        raise UsageError(f"--output-format {spec!r}: expected FORMAT:FILE, such as sarif:x.sarif")
    if name not in FORMATS:
        from celint.suggest import closest

        guess = closest(name, FORMATS)
        hint = f"did you mean {guess!r}?" if guess else f"use one of {', '.join(FORMATS)}"
        raise UsageError(f"--output-format {spec!r}: unknown format {name!r}; {hint}")
    return Output(name, path)


def check_distinct(outputs: Iterable[Output]) -> None:
    """Two reports written to one file would leave only the last: a usage error."""
    seen: set[str] = set()
    for output in outputs:
        if output.path is None:
            continue
        real = os.path.realpath(output.path)
        if real in seen:
            raise UsageError(f"{output.path} is named by two outputs; give each its own file")
        seen.add(real)


def write_report(path: str, text: str) -> None:
    """Write one report file atomically; a file that cannot be written is exit 2, one line."""
    from celint.io.write import write_output

    try:
        write_output(path, text.encode("utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
