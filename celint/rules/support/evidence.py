"""Shared by the rules that judge a body by element catalogue facts: a finding is never surer
than the fact it rests on.

The trust levels and what each allows are :mod:`celint.elements.profiles`'s; this module turns
them into a finding's severity (:func:`capped`) and into the ``## Evidence`` section that such a
rule's documentation ends with (:func:`documented`), so ``celint explain`` and the rule pages
say the same thing from the same table.
"""

from __future__ import annotations

from celint.elements.profiles import SEVERITY_OF_TRUST, TRUST_MEANING, Evidence
from celint.model import Severity


def capped(ceiling: Severity, *evidence: Evidence | None) -> Severity:
    """``ceiling``, lowered to what the weakest of the facts allows (None: no fact involved)."""
    return min([ceiling, *(fact.severity for fact in evidence if fact is not None)])


def _section() -> str:
    rows = "\n".join(
        f"| {trust} | {TRUST_MEANING[trust]} | {severity.label} |"
        for trust, severity in SEVERITY_OF_TRUST.items()
    )
    return (
        "## Evidence\n"
        "This rule judges the body by facts of the element catalogue (`celint elements`), each\n"
        "taken from the public developer-portal docs with the lines that state it, and a finding\n"
        "is never surer than its fact: the fact's trust caps the finding's severity.\n\n"
        "| trust | meaning | at most |\n|---|---|---|\n"
        f"{rows}\n\n"
        "`celint check -v` prints under each such finding the fact's trust and the first doc\n"
        "line it rests on."
    )


def documented(doc: str | None) -> str:
    """A catalogue rule's documentation: its docstring, then the ``## Evidence`` section."""
    return (doc or "").strip() + "\n\n" + _section()
