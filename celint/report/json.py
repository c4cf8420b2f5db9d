"""``--format json``: the stable, versioned JSON document (README, JSON output)."""

from __future__ import annotations

import json

from celint.model import RunResult, Severity
from celint.report import ReportSettings

VERSION = 1


def render(result: RunResult, settings: ReportSettings) -> str:
    totals = result.totals()
    document = {
        "version": VERSION,
        "files_checked": totals.files_checked,
        "diagnostics": [d.to_dict() for d in result.diagnostics],
        "summary": {
            "errors": totals.count(Severity.ERROR),
            "warnings": totals.count(Severity.WARNING),
            "infos": totals.count(Severity.INFO),
            "fixable": totals.fixable,
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
