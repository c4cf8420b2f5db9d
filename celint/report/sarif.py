"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

The driver lists every rule (so viewers can show the documentation of any finding), and each
result points at its rule by ``ruleId`` and ``ruleIndex``. Columns count Unicode code points, as
celint's do, which the run declares with ``columnKind``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from celint import __version__
from celint.model import Diagnostic, Rule, RunResult, Severity, relative
from celint.report import ReportSettings
from celint.report.fingerprint import fingerprints
from celint.report.rule_docs import doc_url, explain_text

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/celint/celint"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "celint/v1"
#: The run's ``automationDetails.id``: category ``celint``, no run id. Code scanning keeps one
#: set of alerts per category; upload-sarif's ``category`` input only fills a missing id.
AUTOMATION_ID = "celint/"


def _descriptor(rule: Rule) -> dict[str, Any]:
    sections = rule.sections
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": sections.get("what it does", rule.summary)},
        "help": {"text": explain_text(rule), "markdown": rule.doc},
        "helpUri": doc_url(rule.code),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"fixable": rule.fixable},
    }


def artifact_uri(path: str) -> str:
    """A relative URI (forward slashes, percent-encoded) for files under the current folder,
    an absolute ``file:`` URI for the others; both normalised, so a name such as
    ``--stdin-filename ../../etc/passwd`` cannot smuggle ``..`` steps into a viewer's link."""
    shown = relative(path)
    if shown == ".." or shown.startswith("../"):
        return Path(os.path.abspath(path)).as_uri()
    return quote(shown, errors="surrogateescape")  # a file name's undecodable bytes, as %XX


def _location(d: Diagnostic) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(d.path)}}
    if d.span is not None:
        physical["region"] = {
            "startLine": d.span.line,
            "startColumn": d.span.column,
            "endLine": d.span.end_line,
            "endColumn": d.span.end_column,
        }
    return {"physicalLocation": physical}


def result_object(d: Diagnostic, rule_index: int, fingerprint: str) -> dict[str, Any]:
    """One SARIF result; a fix producer can attach ``fixes`` to the returned mapping."""
    return {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [_location(d)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"pointer": d.pointer, "rule": d.rule},
    }


def _fixes(d: Diagnostic) -> list[dict[str, Any]]:
    """The safe fix of a fixable finding as one SARIF fix: replace the value's region."""
    text = d.replacement if d.fixable else None
    if text is None or d.span is None:
        return []
    region = _location(d)["physicalLocation"]
    change = {
        "artifactLocation": region["artifactLocation"],
        "replacements": [{"deletedRegion": region["region"], "insertedContent": {"text": text}}],
    }
    return [{"description": {"text": f"{d.rule}: write {text}"}, "artifactChanges": [change]}]


def document(result: RunResult, rules: tuple[Rule, ...]) -> dict[str, Any]:
    """The SARIF log as a mapping (one run); fixable results carry their ``fixes``."""
    index = {rule.code: i for i, rule in enumerate(rules)}
    diagnostics = result.diagnostics
    results = []
    for d, fingerprint in zip(diagnostics, fingerprints(diagnostics), strict=True):
        item = result_object(d, index[d.code], fingerprint)
        fixes = _fixes(d)
        if fixes:
            item["fixes"] = fixes
        results.append(item)
    driver = {
        "name": "celint",
        "fullName": f"celint {__version__}",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_descriptor(rule) for rule in rules],
    }
    run = {
        "tool": {"driver": driver},
        "automationDetails": {"id": AUTOMATION_ID},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{"executionSuccessful": True}],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(result: RunResult, settings: ReportSettings) -> str:
    return json.dumps(document(result, settings.rules), indent=2, ensure_ascii=False) + "\n"
