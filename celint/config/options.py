"""Settings that change what linting finds (as opposed to how findings are reported)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, Self

from celint.config.patterns import PathPattern

if TYPE_CHECKING:
    from celint.elements.profiles import Profiles

MIB = 1024 * 1024

#: The largest value each limit may take, and why: past it the limit would be accepted and then
#: not honoured (a RecursionError, an allocation that fails) instead of giving CE004.
LIMIT_MAXIMA: dict[str, tuple[int, str]] = {
    "max_file_size": (1024 * MIB, "1 GiB: a file and its parse are held in memory"),
    # YAML is composed recursively, about three Python frames a level: past ~330 levels the
    # interpreter's recursion limit (1,000 frames) is reached; 256 leaves room for the callers.
    "max_depth": (256, "deeper nesting would overrun Python's recursion limit"),
    "max_alias_nodes": (1_000_000, "each value built through an alias is held in memory"),
}


def limit_problem(name: str, value: object) -> str | None:
    """Why ``value`` cannot be the limit ``name`` (a ``LintOptions`` field), or None."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        return f"expected a whole number (1 or more), found {value!r}"
    most, reason = LIMIT_MAXIMA[name]
    return f"at most {most}, found {value} ({reason})" if value > most else None


class _Settings(NamedTuple):
    # The fields of LintOptions, which adds their checks and the profiles they select.
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    all_documents: bool = False
    interval_min: int = 1
    interval_max: int = 1440
    elements: Mapping[str, Mapping[str, Any]] = {}
    include: tuple[PathPattern, ...] = ()
    exclude: tuple[PathPattern, ...] = ()
    per_file_ignores: tuple[tuple[PathPattern, tuple[str, ...]], ...] = ()
    #: With ``check --env``: the variables that ``${VAR}`` references are substituted from.
    environment: Mapping[str, str] | None = None
    max_file_size: int = 5 * MIB
    max_depth: int = 64
    max_alias_nodes: int = 10_000
    max_findings_per_rule: int = 100


class LintOptions(_Settings):
    """What the linter checks; built from defaults, the configuration file and the command line.

    ``select``/``ignore`` hold rule codes or code prefixes, already resolved from names.
    ``all_documents`` turns off sniffing: every document is treated as an instance body.
    ``include``/``exclude`` choose the files a folder walk takes (JSON and YAML when ``include``
    is empty; ``exclude`` also drops files named directly, so a pre-commit run honours it);
    ``per_file_ignores`` pairs a pattern with the code prefixes it silences in matching files.
    The ``max_*`` limits make hostile input a CE004 finding instead of a hang or a crash:
    ``max_file_size`` in bytes (checked before decoding), ``max_depth`` in nested containers
    (``{"a": [1]}`` is 2), ``max_alias_nodes`` in YAML values built through aliases; each has a
    maximum (:data:`LIMIT_MAXIMA`), and a value past it is a ValueError.
    ``max_findings_per_rule`` caps the findings of one rule in one file (see
    :mod:`celint.lint.cap`).
    """

    def __new__(cls, *args: Any, **kwargs: Any) -> LintOptions:
        options = super().__new__(cls, *args, **kwargs)
        for name in LIMIT_MAXIMA:
            problem = limit_problem(name, getattr(options, name))
            if problem is not None:
                raise ValueError(f"{name}: {problem}")
        return options

    def _replace(self, **changes: Any) -> Self:
        """These options with ``changes``, checked as a new object's are (the NamedTuple's own
        ``_replace`` builds the tuple without :meth:`__new__`, so it would skip the check)."""
        return type(self)(**{**self._asdict(), **changes})

    @functools.cached_property
    def profiles(self) -> Profiles:
        """The element profiles, bundled ones extended by ``elements``: one lazy set per
        options object, so each profile is read once per run, and only if a body names it."""
        from celint.elements.profiles import profiles

        return profiles(self.elements)

    def enabled(self, code: str) -> bool:
        """True when ``code`` is selected (all are, by default) and not ignored."""
        if self.select and not any(code.startswith(prefix) for prefix in self.select):
            return False
        return not any(code.startswith(prefix) for prefix in self.ignore)


DEFAULT_OPTIONS = LintOptions()
