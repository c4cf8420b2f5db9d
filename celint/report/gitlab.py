"""``--format gitlab``: a GitLab Code Quality report (the ``codequality`` artifact).

Severities map error → major, warning → minor, info → info. The fingerprint does not depend on
the line, so a merge request that only moves a finding does not show it as new.
"""

from __future__ import annotations

import json
from typing import Any

from celint.model import Diagnostic, RunResult, Severity, relative
from celint.report import ReportSettings
from celint.report.fingerprint import fingerprints

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(d: Diagnostic, fingerprint: str) -> dict[str, Any]:
    lines = {"begin": d.line or 1}
    if d.end_line is not None:
        lines["end"] = d.end_line
    return {
        "type": "issue",
        "description": d.message,
        "check_name": d.code,
        "categories": ["Bug Risk" if d.severity is Severity.ERROR else "Style"],
        "fingerprint": fingerprint,
        "severity": SEVERITIES[d.severity],
        "location": {"path": relative(d.path), "lines": lines},
    }


def render(result: RunResult, settings: ReportSettings) -> str:
    diagnostics = result.diagnostics
    issues = [issue(d, f) for d, f in zip(diagnostics, fingerprints(diagnostics), strict=True)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
