"""``celint init``: a commented instance body to start from, assembled from template fragments.

The templates are data under ``celint/templates``: a header, the element part
(``elements/<key>.yaml``, else ``elements/generic.yaml``), the events part
(``events/<polling|webhook|none>.yaml``) and, for polling, the resources to poll
(``resources/<key>.yaml``, else ``resources/generic.yaml``). Supporting a new element well is
adding its fragments. ``@ELEMENT@`` stands for the element key and ``@ENV@`` for the prefix of
its environment variables (``HUBSPOT_``, see :func:`env_prefix`). JSON has no comments, so the
JSON form is the same body without them (built from the YAML, so the two never drift apart).
"""

from __future__ import annotations

import json
import re
from importlib import resources

from celint.errors import ScaffoldError

_ELEMENT_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _fragment(folder: str, name: str) -> str | None:
    path = resources.files("celint.elements").joinpath("templates", folder, f"{name}.yaml")
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _specific_or_generic(folder: str, element: str) -> str:
    """The element's own template fragment, else the generic one (shipped with the package;
    a test checks every folder has it)."""
    return _fragment(folder, element) or _fragment(folder, "generic") or ""


def check_element(element: str) -> None:
    """Refuse a key that is not a plain key, or that is close to a known one but not it (the
    body would fail CE301 with a did-you-mean)."""
    from celint.elements.profiles import bundled_profiles
    from celint.suggest import closest

    if not _ELEMENT_KEY.fullmatch(element):
        raise ScaffoldError(f"{element!r} is not an element key (letters, digits, '.', '_', '-')")
    known = bundled_profiles()
    guess = closest(element, known) if element not in known else None
    if guess is not None:
        raise ScaffoldError(f"unknown element {element!r}; did you mean {guess!r}?")


def yaml_body(element: str, events: str) -> str:
    """The commented YAML body for ``element`` with ``events`` (polling, webhook or none)."""
    check_element(element)
    parts = [
        _fragment("", "header") or "",
        _specific_or_generic("elements", element),
        _fragment("events", events) or "",
    ]
    if events == "polling":
        parts.append(_specific_or_generic("resources", element))
    text = "".join(parts)
    return (
        text.replace("@ELEMENT@", element)
        .replace("@ENV@", env_prefix(element))
        .replace("@EVENTS@", events)
    )


def env_prefix(element: str) -> str:
    """``HUBSPOT_`` for ``hubspot``: the element key as the start of a variable name, or
    nothing when the key cannot start one (``9x``), so that every ``${...}`` the body holds
    is a valid environment reference (an invalid one is a literal, and CE401 says so)."""
    name = re.sub(r"[^A-Za-z0-9]+", "_", element).upper()
    return f"{name}_" if _NAME.fullmatch(name) else ""


def body(element: str, events: str, output_format: str) -> str:
    """The body as ``yaml`` (commented) or ``json`` (the same values, no comments)."""
    text = yaml_body(element, events)
    if output_format == "yaml":
        return text
    from celint.parse.yaml_reader import load_yaml

    value = load_yaml(text).documents[0].value
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
