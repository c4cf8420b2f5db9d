"""Configuration files: ``[tool.celint]`` in ``pyproject.toml``, or a ``celint.toml``.

The file is found from the current folder upwards (in each folder ``celint.toml`` comes before
``pyproject.toml``; a ``pyproject.toml`` without ``[tool.celint]`` is passed over), or named with
``--config``. Every key is checked: an unknown key or a bad value is a :class:`ConfigError` that
names the file, the key, the reason and, when one is close, the key that was meant.

Reading stays cheap: folders are probed with ``stat``, ``tomllib`` is imported only when there is
a file to read, and a ``pyproject.toml`` that has no ``tool.celint`` key path is not parsed at all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from celint.config.options import LintOptions, limit_problem
from celint.config.patterns import PathPattern
from celint.errors import ConfigError
from celint.model import Severity, relative

#: What any spelling of the ``tool.celint`` table has: a ``tool.celint`` key path (a header,
#: a dotted key, quotes and spaces around the dot allowed), a bare ``[tool]`` header or a
#: top-level ``tool =`` inline table. A pyproject with none of them (most, even those that list
#: celint as a dependency) is not parsed.
_MAY_HOLD_CELINT = re.compile(
    r"""["']?tool["']?\s*\.\s*["']?celint|^\s*(?:\[\s*["']?tool["']?\s*\]|["']?tool["']?\s*=)""",
    re.MULTILINE,
)
CELINT_TOML = "celint.toml"
PYPROJECT = "pyproject.toml"
KEYS = (
    "select",
    "extend-select",
    "ignore",
    "extend-ignore",
    "fail-on",
    "per-file-ignores",
    "include",
    "exclude",
    "polling-interval",
    "elements",
    "limits",
    "cache-dir",
)
INTERVAL_KEYS = ("min", "max")
#: ``[tool.celint.limits]`` keys and the ``LintOptions`` fields they set.
LIMIT_FIELDS = {
    "max-file-size": "max_file_size",
    "max-depth": "max_depth",
    "max-alias-nodes": "max_alias_nodes",
}
ELEMENT_KEYS = ("resources", "separator")
_TOML_TYPES = {
    str: "a string",
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    list: "an array",
    dict: "a table",
}


class Config(NamedTuple):
    """What one configuration file says; ``None`` (or empty) where it is silent."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    include: tuple[PathPattern, ...] = ()
    exclude: tuple[PathPattern, ...] = ()
    per_file_ignores: tuple[tuple[PathPattern, tuple[str, ...]], ...] = ()
    interval: tuple[int, int] | None = None
    elements: Mapping[str, Mapping[str, Any]] = {}
    limits: Mapping[str, Any] = {}
    #: ``cache-dir``, relative to the configuration file's folder (None: the default).
    cache_dir: Path | None = None

    def options(
        self,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] | None = None,
        extend_select: tuple[str, ...] = (),
        extend_ignore: tuple[str, ...] = (),
        **cli: Any,
    ) -> LintOptions:
        """The lint options: a command-line value (not None) wins over this file, which wins
        over the defaults. ``select`` and ``ignore`` replace the file's lists (its ``extend-``
        lists too), as ruff's do; the ``extend_`` ones add to whatever list is in force."""
        if select is None:
            select = _extended(self.select or (), self.extend_select)
        if ignore is None:
            ignore = (*(self.ignore or ()), *self.extend_ignore)
        options = LintOptions(
            select=_extended(select, extend_select),
            ignore=(*ignore, *extend_ignore),
            elements=self.elements,
            include=self.include,
            exclude=self.exclude,
            per_file_ignores=self.per_file_ignores,
        )
        options = options._replace(**self.limits)
        if self.interval is not None:
            options = options._replace(interval_min=self.interval[0], interval_max=self.interval[1])
        return options._replace(**cli)


def _extended(select: tuple[str, ...], extra: tuple[str, ...]) -> tuple[str, ...]:
    """``select`` with ``extra`` added; an empty ``select`` already means every rule, and
    stays empty (adding to everything must not narrow it to ``extra``)."""
    return (*select, *extra) if select else ()


def _kind(value: Any) -> str:
    return _TOML_TYPES.get(type(value), type(value).__name__)


class _Reader:
    """Checks the keys and values of one file's celint table, raising the first error."""

    def __init__(self, path: Path, prefix: str) -> None:
        self.path = path
        self.prefix = prefix
        self.root = Path(path).resolve().parent.as_posix()

    def error(self, key: str, reason: str) -> ConfigError:
        return ConfigError(f"{relative(str(self.path))}: {self.prefix}{key}: {reason}")

    def known_keys(self, table: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
        from celint.suggest import closest

        for key in table:
            if key not in allowed:
                guess = closest(key, allowed)
                hint = f"did you mean {guess!r}?" if guess else f"expected {', '.join(allowed)}"
                raise self.error(where + key, f"unknown key; {hint}")

    def table(self, key: str, value: Any) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.error(key, f"expected a table, found {_kind(value)}")
        return value

    def strings(self, key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.error(key, f"expected an array of non-empty strings, found {_kind(value)}")
        return tuple(value)

    def selectors(self, key: str, value: Any) -> tuple[str, ...]:
        from celint.rules import resolve_selector

        words = self.strings(key, value)
        try:
            return tuple(resolve_selector(word) for word in words)
        except ValueError as exc:
            raise self.error(key, str(exc)) from None

    def patterns(self, key: str, value: Any) -> tuple[PathPattern, ...]:
        return tuple(PathPattern(glob, self.root) for glob in self.strings(key, value))

    def severity(self, key: str, value: Any) -> Severity:
        if not isinstance(value, str):
            raise self.error(key, f"expected a string, found {_kind(value)}")
        try:
            return Severity.parse(value)
        except ValueError as exc:
            from celint.suggest import closest

            guess = closest(value, [severity.label for severity in Severity])
            hint = f"; did you mean {guess!r}?" if guess else ""
            raise self.error(key, f"{exc}{hint}") from None

    def per_file_ignores(
        self, key: str, value: Any
    ) -> tuple[tuple[PathPattern, tuple[str, ...]], ...]:
        return tuple(
            (PathPattern(glob, self.root), self.selectors(f"{key}.{glob!r}", codes))
            for glob, codes in self.table(key, value).items()
        )

    def interval(self, key: str, value: Any) -> tuple[int, int]:
        table = self.table(key, value)
        self.known_keys(table, INTERVAL_KEYS, f"{key}.")
        defaults = LintOptions()
        bounds = {"min": defaults.interval_min, "max": defaults.interval_max}
        for name, minutes in table.items():
            if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes < 1:
                raise self.error(
                    f"{key}.{name}",
                    f"expected a whole number of minutes (1 or more), found {minutes!r}",
                )
            bounds[name] = minutes
        if bounds["min"] > bounds["max"]:
            raise self.error(key, f"min ({bounds['min']}) is greater than max ({bounds['max']})")
        return bounds["min"], bounds["max"]

    def limits(self, key: str, value: Any) -> dict[str, int]:
        """The input limits, as ``LintOptions`` field names: positive whole numbers no larger
        than celint can honour."""
        table = self.table(key, value)
        self.known_keys(table, tuple(LIMIT_FIELDS), f"{key}.")
        for name, number in table.items():
            problem = limit_problem(LIMIT_FIELDS[name], number)
            if problem is not None:
                raise self.error(f"{key}.{name}", problem)
        return {LIMIT_FIELDS[name]: number for name, number in table.items()}

    def elements(self, key: str, value: Any) -> dict[str, dict[str, Any]]:
        profiles: dict[str, dict[str, Any]] = {}
        for element, settings in self.table(key, value).items():
            where = f"{key}.{element}"
            table = self.table(where, settings)
            self.known_keys(table, ELEMENT_KEYS, f"{where}.")
            profile: dict[str, Any] = {}
            if "resources" in table:
                profile["resources"] = self.strings(f"{where}.resources", table["resources"])
            if "separator" in table:
                separator = table["separator"]
                if not isinstance(separator, str) or not separator:
                    raise self.error(
                        f"{where}.separator", f"expected a non-empty string, found {separator!r}"
                    )
                profile["separator"] = separator
            profiles[element] = profile
        return profiles

    def folder(self, key: str, value: Any) -> Path:
        """A folder named in the file: relative to the file's own folder."""
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"expected a non-empty string, found {value!r}")
        return Path(self.root) / value

    def read(self, table: Mapping[str, Any]) -> Config:
        self.known_keys(table, KEYS, "")
        get = table.get
        return Config(
            path=self.path,
            select=self.selectors("select", get("select")) if "select" in table else None,
            ignore=self.selectors("ignore", get("ignore")) if "ignore" in table else None,
            extend_select=self.selectors("extend-select", get("extend-select", [])),
            extend_ignore=self.selectors("extend-ignore", get("extend-ignore", [])),
            fail_on=self.severity("fail-on", get("fail-on")) if "fail-on" in table else None,
            include=self.patterns("include", get("include", [])),
            exclude=self.patterns("exclude", get("exclude", [])),
            per_file_ignores=self.per_file_ignores("per-file-ignores", get("per-file-ignores", {})),
            interval=self.interval("polling-interval", get("polling-interval"))
            if "polling-interval" in table
            else None,
            elements=self.elements("elements", get("elements", {})),
            limits=self.limits("limits", get("limits", {})),
            cache_dir=self.folder("cache-dir", get("cache-dir")) if "cache-dir" in table else None,
        )


def _parse(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{relative(str(path))}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{relative(str(path))}: not UTF-8 text: byte 0x{exc.object[exc.start]:02x} at byte "
            f"offset {exc.start} (TOML is UTF-8; save the file as UTF-8)"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{relative(str(path))}: cannot read: {exc.strerror or exc}") from None


def _celint_table(path: Path) -> tuple[Mapping[str, Any], str] | None:
    """The celint settings of a file and their key prefix; None for a pyproject without them."""
    if path.name != PYPROJECT:
        return _top_level(path, _parse(path)), ""
    if not _MAY_HOLD_CELINT.search(path.read_text(encoding="utf-8", errors="replace")):
        return None
    tool = _parse(path).get("tool")
    table = tool.get("celint") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{relative(str(path))}: tool.celint: expected a table")
    return table, "tool.celint."


def _top_level(path: Path, table: dict[str, Any]) -> dict[str, Any]:
    """A ``celint.toml``'s settings, which sit at the top level. A file written like a
    pyproject, under ``[tool.celint]`` headers, is explained rather than called an unknown
    key ``tool``: the prefix is the one thing to remove."""
    tool = table.get("tool")
    if isinstance(tool, dict) and "celint" in tool:
        raise ConfigError(
            f"{relative(str(path))}: [tool.celint]: in {path.name} the keys go at the top "
            "level, without the tool.celint prefix (that table is for pyproject.toml)"
        )
    return table


def load(path: Path) -> Config:
    """Read one named file (``--config``): a ``pyproject.toml`` must have ``[tool.celint]``."""
    found = _celint_table(path)
    if found is None:
        raise ConfigError(f"{relative(str(path))}: no [tool.celint] table")
    table, prefix = found
    return _Reader(path, prefix).read(table)


def discover(start: Path) -> Config:
    """The first configuration from ``start`` upwards, or the defaults when there is none."""
    for folder in (start, *start.parents):
        for name in (CELINT_TOML, PYPROJECT):
            candidate = folder / name
            if not os.path.isfile(candidate):  # Path.is_file raises in a folder we cannot search
                continue
            found = _celint_table(candidate)
            if found is not None:
                table, prefix = found
                return _Reader(candidate, prefix).read(table)
    return Config()


def resolve(explicit: str | None, no_config: bool) -> Config:
    """The configuration a run uses: ``--config FILE``, none with ``--no-config``, else found."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: no such configuration file")
        return load(path)
    if no_config:
        return Config()
    return discover(Path.cwd())
