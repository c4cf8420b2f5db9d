"""At most ``max_findings_per_rule`` findings of a rule in a file, then one that counts the rest.

A generated or hostile file can hold a finding per value: 500,000 repeats of one key were
500,000 CE002 findings, 463 MB of SARIF. Like a compiler that stops listing errors, celint
reports the first findings of each rule in a file (100 by default, in report order), then one
more finding of that rule, where the first one left out sits, that says how many were left out.
It has the most severe of their severities, so the exit code and ``--fail-on`` are as they would
be without the cap. The cap comes after selection and suppression: what is counted is what
would have been reported.

Readers help keep memory flat: the JSON reader records only the duplicate keys the cap could
show, plus one, and counts the rest (``unrecorded``); they join the count of that rule here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from celint.model import Diagnostic, Severity


class _LeftOut:
    """The findings of one rule past the cap: the first (where the count is placed), how many,
    and the most severe severity among them."""

    __slots__ = ("count", "first", "severity")

    def __init__(self, first: Diagnostic, count: int, severity: Severity) -> None:
        self.first = first
        self.count = count
        self.severity = severity


def capped(
    diagnostics: list[Diagnostic], per_rule: int, unrecorded: Mapping[str, int] | None = None
) -> list[Diagnostic]:
    """``diagnostics`` (in report order) with at most ``per_rule`` of each rule, and one more
    per capped rule that counts those left out (``unrecorded`` adds to a capped rule's count)."""
    shown: Counter[str] = Counter()
    left_out: dict[str, _LeftOut] = {}
    kept = []
    for d in diagnostics:
        if shown[d.code] < per_rule:
            shown[d.code] += 1
            kept.append(d)
        elif d.code in left_out:
            rest = left_out[d.code]
            rest.count += 1
            rest.severity = max(rest.severity, d.severity)
        else:
            left_out[d.code] = _LeftOut(d, 1, d.severity)
    if not left_out:
        return diagnostics
    extra = unrecorded or {}
    counted = [_counting(rest, per_rule, extra.get(code, 0)) for code, rest in left_out.items()]
    return sorted(kept + counted, key=Diagnostic.sort_key)


def _counting(rest: _LeftOut, per_rule: int, unrecorded: int) -> Diagnostic:
    """The finding that stands for those left out (and ``unrecorded`` more of the rule)."""
    first = rest.first
    message = (
        f"{rest.count + unrecorded:,} more {first.code} findings in this file are not shown "
        f"(celint reports the first {per_rule} of each rule in a file)"
    )
    return Diagnostic(
        first.path,
        first.code,
        first.rule,
        rest.severity,
        message,
        "",
        first.span,
        document=first.document,
    )
