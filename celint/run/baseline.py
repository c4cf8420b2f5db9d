"""Baselines: adopt celint on a repository with existing findings, and fail only on new ones.

``--write-baseline FILE`` records today's findings; ``--baseline FILE`` hides the recorded ones.
An entry is the file's path (relative to the baseline's folder, so the run may start anywhere),
the rule code and the JSON Pointer of the value: never the line, so edits that move a finding
keep it matched. Entries count: two recorded findings hide two, a third is new. A fixed
finding drops out the next time the baseline is written; written while reading one (the same
file or another), a baseline is pruned: it keeps the entries that still match and adds no new
finding.

The file is written as celint writes every file it produces (whole or not at all, see
:func:`celint.io.write.write_output`) and read without blocking (a FIFO is refused): a run that
fails leaves the old baseline as it was.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import NamedTuple

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


class Applied(NamedTuple):
    """A run seen through a baseline: ``shown``, the findings it does not record (with how
    many it hid and its stale entries); ``hidden``, the ones it does (what a pruned baseline
    keeps)."""

    shown: RunResult
    hidden: RunResult


def apply(result: RunResult, recorded: Counter[Key], file: str | os.PathLike[str]) -> Applied:
    """Split ``result`` by what ``recorded`` (read from ``file``) accounts for.

    An entry is stale when its file was linted in this run and no finding matched it; an
    entry for a file the run did not lint (a pre-commit run sees only staged files) is not.
    """
    folder = _folder(file)
    remaining = Counter(recorded)
    shown, hidden = [], []
    for report in result.reports:
        kept, matched = [], []
        for d in report.diagnostics:
            key = _key(d, folder)
            if remaining[key] > 0:
                remaining[key] -= 1
                matched.append(d)
            else:
                kept.append(d)
        shown.append(report.with_diagnostics(kept))
        hidden.append(report.with_diagnostics(matched))
    linted = {relative(report.path, folder) for report in result.reports}
    stale = sorted(key for key in remaining.elements() if key[0] in linted)
    count = sum(len(report.diagnostics) for report in hidden)
    seen = result.with_reports(shown)
    seen.baselined, seen.stale = count, stale
    return Applied(seen, result.with_reports(hidden))
