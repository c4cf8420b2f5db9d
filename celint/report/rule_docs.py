"""Rule documentation in the forms the CLI and README use: table, JSON, Markdown, explain."""

from __future__ import annotations

import json
from collections.abc import Sequence

from celint.model import Rule


def _fix_word(rule: Rule) -> str:
    return "yes" if rule.fixable else ""


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "&#124;")


def rules_text(rules: Sequence[Rule]) -> str:
    """The rule table as aligned text."""
    rows = [
        (r.code, r.name, r.severity.label, "fix" if r.fixable else "", r.summary) for r in rules
    ]
    width = max(len(r[1]) for r in rows)
    return "".join(f"{c}  {n:<{width}}  {s:<7}  {f:<3}  {d}\n" for c, n, s, f, d in rows)


def rules_json(rules: Sequence[Rule]) -> str:
    """The rule table as JSON, one object per rule."""
    return (
        json.dumps(
            [
                {
                    "code": r.code,
                    "name": r.name,
                    "severity": r.severity.label,
                    "fixable": r.fixable,
                    "summary": r.summary,
                }
                for r in rules
            ],
            indent=2,
        )
        + "\n"
    )


def rules_markdown(rules: Sequence[Rule]) -> str:
    """The README's rule table (kept in sync with the registry by a test)."""
    lines = ["| code | name | severity | fix | what |", "|---|---|---|---|---|"]
    lines += [
        f"| {r.code} | {r.name} | {r.severity.label} | {_fix_word(r)} | {_cell(r.summary)} |"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def explain_text(rule: Rule) -> str:
    """``celint explain``: header, then the rule's documentation."""
    fix = "fixable with --fix" if rule.fixable else "not fixable automatically"
    header = f"{rule.code} {rule.name} ({rule.severity.label} by default; {fix})\n\n"
    return header + rule.doc + "\n"
