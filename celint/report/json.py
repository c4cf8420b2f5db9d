"""``--format json``: the stable, versioned JSON document (README, JSON output)."""

from __future__ import annotations

import json
from typing import Any

from celint.model import RunResult, Severity, Totals
from celint.report import ReportSettings

VERSION = 1


def document(result: RunResult, member: str, items: list[Any]) -> str:
    """The versioned document with ``items`` under ``member``: ``diagnostics``, or the
    per-rule counts of ``--statistics`` (a reader tells them apart by that member)."""
    totals = result.totals()
    shape = {
        "version": VERSION,
        "files_checked": totals.files_checked,
        member: items,
        "summary": summary(totals),
    }
    return json.dumps(shape, indent=2, ensure_ascii=False) + "\n"


def summary(totals: Totals) -> dict[str, int]:
    return {
        "errors": totals.count(Severity.ERROR),
        "warnings": totals.count(Severity.WARNING),
        "infos": totals.count(Severity.INFO),
        "fixable": totals.fixable,
    }


def render(result: RunResult, settings: ReportSettings) -> str:
    return document(result, "diagnostics", [d.to_dict() for d in result.diagnostics])
