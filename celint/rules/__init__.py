"""The rule registry: one rule per module, known from a generated table without importing any.

A rule module holds a ruff-style docstring (what it does, why it matters, example, fix) and a
``RULE`` built with :func:`celint.model.rule`. Adding a rule is adding its module under the group
of its code range and rerunning ``scripts/build_rule_table.py``, which writes
:mod:`celint.rules.table` (``tests/test_rule_table.py`` fails until then). Selecting rules
(``--select``, ``--ignore``, suppression comments) reads the table alone; a rule module is
imported the first time a body can use it, and never for a body that lacks every configuration
key the rule ``requires``. This package imports nothing but :mod:`celint.model` and the table at
import time, so the readers can import their rule objects (CE001–CE005) without the rest.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable
from typing import NamedTuple

from celint.model import CheckFunction, Rule, Severity
from celint.rules.table import RULES


class Row(NamedTuple):
    """One row of :data:`celint.rules.table.RULES`."""

    code: str
    name: str
    severity: str
    summary: str
    #: Where the rule's check and docs live: ``group.module`` under this package.
    module: str
    fixable: bool
    requires: tuple[str, ...]


_ROWS = tuple(Row(*row) for row in RULES)
#: Every rule module (``group.module``, the groups being ``reading`` CE0, ``schema`` CE1,
#: ``events`` CE2, ``element`` CE3, ``secrets`` CE4), in code order.
MODULES: tuple[str, ...] = tuple(row.module for row in _ROWS)
#: The configuration keys, and the key prefixes, that some rule requires.
_KEYS = frozenset(key for row in _ROWS for key in row.requires if not key.endswith("."))
_PREFIXES = tuple(sorted({key for row in _ROWS for key in row.requires if key.endswith(".")}))


@functools.cache
def _load(module: str) -> Rule:
    """The rule of one module (``events.ce201_vendor_type_invalid``), imported on first use."""
    found: Rule = importlib.import_module(f"{__name__}.{module}").RULE
    return found


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code (this imports every rule module: for docs, SARIF's rule
    descriptions and the library, not for linting)."""
    return tuple(_load(module) for module in MODULES)


@functools.cache
def summaries() -> tuple[Rule, ...]:
    """Every rule's code, name, default severity, summary and fixability, from the table alone:
    :class:`Rule` values without check or docs, for the rule listings (``celint rules``)."""
    return tuple(
        Rule(row.code, row.name, Severity.parse(row.severity), row.summary, fixable=row.fixable)
        for row in _ROWS
    )


@functools.cache
def by_code() -> dict[str, Rule]:
    return {r.code: r for r in all_rules()}


def codes() -> tuple[str, ...]:
    """Every rule's code, in order, without importing any rule module."""
    return tuple(row.code for row in _ROWS)


def checks_for(configuration: Iterable[object]) -> tuple[tuple[Rule, CheckFunction], ...]:
    """The rules that can report on a body whose configuration has these keys, each with its
    check, in code order; a rule whose ``requires`` names none of the keys is left out (its
    module is not even imported)."""
    present = {key for key in configuration if key in _KEYS}
    present.update(
        prefix
        for prefix in _PREFIXES
        if any(isinstance(key, str) and key.startswith(prefix) for key in configuration)
    )
    return _checks(frozenset(present))


@functools.cache
def _checks(present: frozenset[str]) -> tuple[tuple[Rule, CheckFunction], ...]:
    found = []
    for row in _ROWS:
        if not row.requires or not present.isdisjoint(row.requires):
            loaded = _load(row.module)
            if loaded.check is not None:  # the reading rules report while reading
                found.append((loaded, loaded.check))
    return tuple(found)


def _row(word: str) -> Row | None:
    """The row of the rule a word names: its code (any case) or its name."""
    key = word.strip().lower()
    return next((row for row in _ROWS if key in (row.code.lower(), row.name)), None)


def lookup(word: str) -> Rule | None:
    """A rule by its code (any case) or its name (its module is imported)."""
    found = _row(word)
    return _load(found.module) if found is not None else None


def matching(word: str) -> tuple[Rule, ...]:
    """The rules a partial word points at: codes that start with it (``CE2``), names that
    contain it (``vendor-type``, ``vendor type``), in code order; what ``celint explain``
    offers when the word names no single rule."""
    key = "-".join(word.strip().lower().split())
    if not key:
        return ()
    return tuple(r for r in all_rules() if r.code.lower().startswith(key) or key in r.name)


def resolve_selector(word: str) -> str:
    """A ``--select``/``--ignore`` word as a code prefix: a code (``CE207``), a name
    (``poller-resource-unknown``) or a prefix (``CE2``). Unknown words raise ValueError."""
    key = word.strip()
    found = _row(key)
    if found is not None:
        return found.code
    prefix = key.upper()
    if re.fullmatch(r"CE\d{0,3}", prefix) and any(code.startswith(prefix) for code in codes()):
        return prefix
    from celint.suggest import closest

    guess = closest(key, [row.code for row in _ROWS] + [row.name for row in _ROWS])
    hint = f"; did you mean {guess!r}?" if guess else "; see `celint rules`"
    raise ValueError(f"unknown rule {word!r}{hint}")
