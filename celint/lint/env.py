"""``check --env``: the body as it will be posted, with its environment references substituted.

Substitution works on the parsed values, never on the text, so every position the linter
reports still points at the file as written. References are ``${VAR}`` anywhere in a string
value (``${VAR:-default}`` and ``${VAR-default}`` as in a shell), and ``$VAR`` as a whole value
only: inside a longer string a bare ``$name`` is too often something else (OData's
``$filter``, a password). ``${epoch}``, ``${gmtDate:…}`` and the other time placeholders of a
poller URL belong to the platform and are left alone.

Values that came from the environment are remembered by pointer, with the variables each one
used. A variable that fills a secret field is a secret wherever else it is used: the values it
went into are *secret-bearing* pointers, whose findings never quote them (redaction by pointer,
never by searching messages for the secret's text). No fix is offered for a rendered value,
since a fix would write the environment's value into the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from celint import pointer as jp
from celint.model import NO_FIX, Finding
from celint.secrets import PLATFORM_NAMES, is_secret_pointer

_BRACED = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<colon>:?)-(?P<default>[^}]*))?\}")
_BARE = re.compile(r"\s*\$(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*")
#: The platform's own placeholders in poller URLs, not environment variables.


class Rendering:
    """A body with its references substituted, and what substitution did where: filled in as
    the substitution walks the body. ``substituted`` holds the pointers of the values it
    changed, ``missing`` the (pointer, variable) of references it could not fill, and
    ``variables`` the variables each substituted value used, by pointer."""

    __slots__ = ("body", "missing", "substituted", "variables")

    def __init__(self, body: Any) -> None:
        self.body = body
        self.substituted: set[str] = set()
        self.missing: list[tuple[str, str]] = []
        self.variables: dict[str, set[str]] = {}

    @property
    def secret_bearing(self) -> frozenset[str]:
        """Pointers of values (outside secret fields) that used a variable which also fills a
        secret field: they hold a secret, so no finding may quote them."""
        secret = {
            name
            for pointer, names in self.variables.items()
            if is_secret_pointer(pointer)
            for name in names
        }
        return frozenset(
            pointer
            for pointer, names in self.variables.items()
            if names & secret and not is_secret_pointer(pointer)
        )

    def guard(self, finding: Finding) -> Finding:
        """The finding without a fix for a rendered value (a fix would write the rendered
        text, the environment's value, into the file)."""
        if finding.pointer not in self.substituted or finding.fix is NO_FIX:
            return finding
        return finding._replace(fix=NO_FIX)


def render(body: Any, environment: Mapping[str, str], root: str = "") -> Rendering:
    """Substitute the references in every string value of ``body`` (keys stay as written)."""
    rendering = Rendering(None)
    rendering.body = _value(body, root, environment, rendering)
    return rendering


def _value(value: Any, pointer: str, environment: Mapping[str, str], out: Rendering) -> Any:
    if isinstance(value, dict):
        return {k: _value(v, jp.join(pointer, k), environment, out) for k, v in value.items()}
    if isinstance(value, list):
        return [_value(v, jp.join(pointer, i), environment, out) for i, v in enumerate(value)]
    if isinstance(value, str) and "$" in value:
        return _string(value, pointer, environment, out)
    return value


def _string(value: str, pointer: str, environment: Mapping[str, str], out: Rendering) -> str:
    """One string with its references substituted; unset variables stay as written."""
    used: list[str] = []

    def lookup(name: str, default: str | None, empty_is_unset: bool) -> str | None:
        found = environment.get(name)
        if found is None or (empty_is_unset and not found):
            if default is None:
                out.missing.append((pointer, name))
                return None
            return default
        used.append(name)
        return found

    def braced(match: re.Match[str]) -> str:
        if match.group("name") in PLATFORM_NAMES:
            return match.group()
        default = match.group("default")
        found = lookup(match.group("name"), default, bool(match.group("colon")))
        return match.group() if found is None else found

    bare = _BARE.fullmatch(value)
    if bare is not None:
        found = lookup(bare.group("name"), None, False)
        rendered = value if found is None else found
    else:
        rendered = _BRACED.sub(braced, value)
    if rendered != value:
        out.substituted.add(pointer)
    if used:
        out.variables[pointer] = set(used)
    return rendered
