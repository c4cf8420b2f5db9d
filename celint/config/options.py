"""Settings that change what linting finds (as opposed to how findings are reported)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from celint.config.patterns import PathPattern

if TYPE_CHECKING:
    from celint.elements.profiles import Profiles

MIB = 1024 * 1024


@dataclass(frozen=True)
class LintOptions:
    """What the linter checks; built from defaults, the configuration file and the command line.

    ``select``/``ignore`` hold rule codes or code prefixes, already resolved from names.
    ``all_documents`` turns off sniffing: every document is treated as an instance body.
    ``include``/``exclude`` choose the files a folder walk takes (JSON and YAML when ``include``
    is empty; ``exclude`` also drops files named directly, so a pre-commit run honours it);
    ``per_file_ignores`` pairs a pattern with the code prefixes it silences in matching files.
    The ``max_*`` limits make hostile input a CE004 finding instead of a hang or a crash:
    ``max_file_size`` in bytes (checked before decoding), ``max_depth`` in nested containers
    (``{"a": [1]}`` is 2), ``max_alias_nodes`` in YAML values built through aliases.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    all_documents: bool = False
    interval_min: int = 1
    interval_max: int = 1440
    elements: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    include: tuple[PathPattern, ...] = ()
    exclude: tuple[PathPattern, ...] = ()
    per_file_ignores: tuple[tuple[PathPattern, tuple[str, ...]], ...] = ()
    #: With ``check --env``: the variables that ``${VAR}`` references are substituted from.
    environment: Mapping[str, str] | None = None
    max_file_size: int = 5 * MIB
    max_depth: int = 64
    max_alias_nodes: int = 10_000

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
