"""The rule registry: every ``ceNNN_*.py`` module in this package defines one rule.

A rule module holds a ruff-style docstring (what it does, why it matters, example, fix), and a
``RULE`` built from its code, name, severity and ``check`` function. The registry finds them by
name, so adding a rule is adding one file.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from celint.model import Severity
from celint.rules.api import Finding, RuleContext

GROUPS = ("reading", "schema", "events", "element", "secrets")
CheckFunction = Callable[[RuleContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """One rule: stable code and name (a contract), default severity, docs and its check."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: CheckFunction
    doc: str = ""
    fixable: bool = False
    generic: bool = False

    @property
    def sections(self) -> dict[str, str]:
        """The doc's ``## Heading`` sections by lower-case heading."""
        parts = re.split(r"^## +(.+)$", self.doc, flags=re.MULTILINE)
        return {
            heading.strip().lower(): body.strip()
            for heading, body in zip(parts[1::2], parts[2::2], strict=True)
        }


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    doc: str | None,
    check: CheckFunction,
    *,
    fixable: bool = False,
    generic: bool = False,
) -> Rule:
    """Build a module's ``RULE``: ``RULE = rule("CE201", "name", ..., __doc__, check)``.

    ``generic`` marks the schema rules whose findings give way to a specific rule's finding on
    the same value; ``fixable`` marks rules whose findings may carry a safe fix.
    """
    return Rule(code, name, severity, summary, check, (doc or "").strip(), fixable, generic)


def no_check(_: RuleContext) -> Iterator[Finding]:
    """The check of rules whose findings come from reading (CE001–CE004), not from a body."""
    return iter(())


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code."""
    found = []
    for group in GROUPS:
        package = importlib.import_module(f"{__name__}.{group}")
        for info in pkgutil.iter_modules(package.__path__):
            if re.fullmatch(r"ce\d{3}_\w+", info.name):
                module = importlib.import_module(f"{package.__name__}.{info.name}")
                found.append(module.RULE)
    return tuple(sorted(found, key=lambda r: r.code))


def by_code() -> dict[str, Rule]:
    return {r.code: r for r in all_rules()}


def lookup(word: str) -> Rule | None:
    """A rule by its code (any case) or its name."""
    key = word.strip()
    for r in all_rules():
        if r.code.lower() == key.lower() or r.name == key.lower():
            return r
    return None


def resolve_selector(word: str) -> str:
    """A ``--select``/``--ignore`` word as a code prefix: a code (``CE207``), a name
    (``poller-resource-unknown``) or a prefix (``CE2``). Unknown words raise ValueError."""
    key = word.strip()
    found = lookup(key)
    if found is not None:
        return found.code
    prefix = key.upper()
    if re.fullmatch(r"CE\d{0,3}", prefix) and any(r.code.startswith(prefix) for r in all_rules()):
        return prefix
    from celint.suggest import closest

    guess = closest(key, [r.code for r in all_rules()] + [r.name for r in all_rules()])
    hint = f"; did you mean {guess!r}?" if guess else "; see `celint rules`"
    raise ValueError(f"unknown rule {word!r}{hint}")
