"""Baselines: adopt celint on a repository with existing findings, and fail only on new ones.

``--write-baseline FILE`` records today's findings; ``--baseline FILE`` hides the recorded ones.
An entry is the file's path (relative to the baseline's folder, so the run may start anywhere),
the rule code and the JSON Pointer of the value: never the line, so edits that move a finding
keep it matched. Entries count: two recorded findings hide two, a third is new. A fixed
finding drops out the next time the baseline is written.

The file is written as celint writes every file it produces (whole or not at all, see
:func:`celint.io.write.write_output`) and read without blocking (a FIFO is refused): a run that
fails leaves the old baseline as it was.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

from celint import __version__
from celint.errors import BaselineError
from celint.io.read import read_regular
from celint.io.write import write_output
from celint.model import Diagnostic, RunResult, relative

VERSION = 1
Key = tuple[str, str, str]


def _key(d: Diagnostic, folder: Path) -> Key:
    return relative(d.path, folder), d.code, d.pointer


def _folder(file: str | os.PathLike[str]) -> Path:
    return Path(file).absolute().parent


def write(result: RunResult, file: str | os.PathLike[str]) -> int:
    """Record every finding of ``result`` in ``file``; returns how many."""
    folder = _folder(file)
    entries = sorted(
        (
            {"path": path, "code": code, "pointer": pointer, "rule": d.rule, "message": d.message}
            for d in result.diagnostics
            for path, code, pointer in [_key(d, folder)]
        ),
        key=lambda e: (e["path"], e["code"], e["pointer"], e["message"]),
    )
    document = {"version": VERSION, "tool": f"celint {__version__}", "findings": entries}
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    try:
        # backslashreplace: a lone surrogate (a pointer through a "\udc00" key) as its JSON
        # escape, which reads back as the same string
        write_output(file, text.encode("utf-8", "backslashreplace"))
    except OSError as exc:
        raise BaselineError(f"{file}: cannot write the baseline: {_reason(exc)}") from None
    return len(entries)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def load(file: str | os.PathLike[str]) -> Counter[Key]:
    """The recorded findings of a baseline file, counted."""
    try:
        document = json.loads(read_regular(os.fspath(file)).decode("utf-8"))
        if document.get("version") != VERSION:
            raise ValueError("another version")
        return Counter((e["path"], e["code"], e["pointer"]) for e in document["findings"])
    except OSError as exc:
        raise BaselineError(f"{file}: cannot read the baseline: {_reason(exc)}") from None
    except (ValueError, AttributeError, KeyError, TypeError):
        raise BaselineError(
            f"{file}: not a celint baseline (version {VERSION}); write one with --write-baseline"
        ) from None


def apply(result: RunResult, recorded: Counter[Key], file: str | os.PathLike[str]) -> RunResult:
    """``result`` without the findings that ``recorded`` (read from ``file``) accounts for."""
    folder = _folder(file)
    remaining = Counter(recorded)
    reports = []
    for report in result.reports:
        kept = []
        for d in report.diagnostics:
            key = _key(d, folder)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(d)
        reports.append(replace(report, diagnostics=kept))
    return replace(result, reports=reports)
