"""``celint init``: a commented instance body to start from, built from the element's profile.

The element part comes from the profile: the keys a flow's ``init`` lists (literal values where
the docs give the one value, ``${VAR}`` references for everything else, secrets always), and,
for polling, the resources in the key the element polls through. The events part is a template
under ``templates/events/`` (the same for every element), and an element celint has no profile
for gets ``templates/elements/generic.yaml``. JSON has no comments, so the JSON form is the same
body without them (read back from the YAML, so the two never drift apart).

Events follow the docs: without ``--events`` the body gets the type the element's docs say it
supports (polling first, then webhooks; an element documented as supporting neither gets
none), and an event type the docs say it does not support is refused with one line, naming the
doc line and the type to use instead: the body would fail ``celint check`` (CE309).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

from celint.elements.profiles import ElementProfile, Flow, profiles
from celint.errors import ScaffoldError
from celint.schema.keys import EVENT_OBJECTS, POLLER_CONFIGURATION, POLLER_URLS, VENDOR_TYPES

_ELEMENT_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
#: How many resources a polling body starts with.
RESOURCES_SHOWN = 4


def _template(folder: str, name: str) -> str:
    path = resources.files("celint.elements").joinpath("templates", folder, f"{name}.yaml")
    return path.read_text(encoding="utf-8")


def env_prefix(element: str) -> str:
    """The prefix of the body's environment variables (``HUBSPOT_``): the key in capitals with
    ``_`` for the rest, and nothing when that would not start a valid variable name
    (``${9X_...}`` is not a reference; ``${EVENTS_SIGNATURE_KEY}`` is)."""
    prefix = re.sub(r"[^A-Za-z0-9]+", "_", element).strip("_").upper()
    return f"{prefix}_" if prefix[:1].isalpha() else ""


def check_element(element: str) -> ElementProfile | None:
    """The profile of ``element`` (None for a plain key celint has no profile for); a key that
    is not a plain key, or is close to a known one but not it, is refused (the body would fail
    CE301 with a did-you-mean)."""
    from celint.suggest import closest

    if not _ELEMENT_KEY.fullmatch(element):
        raise ScaffoldError(f"{element!r} is not an element key (letters, digits, '.', '_', '-')")
    known = profiles()
    profile: ElementProfile | None = known.get(element)
    if profile is None:
        guess = closest(element, known)
        if guess is not None:
            raise ScaffoldError(f"unknown element {element!r}; did you mean {guess!r}?")
    return profile


def _scalar(value: Any) -> str:
    """The value as YAML: plain when it reads back as the same string, else double-quoted."""
    from celint.parse.yaml_reader import load_yaml

    if isinstance(value, str) and "\n" not in value:
        read = load_yaml(f"k: {value}\n")
        if not read.problems and read.documents[0].value == {"k": value}:
            return value
    return json.dumps(value, ensure_ascii=False)


def _members(values: Mapping[str, Any], indent: str = "  ") -> str:
    return "".join(f"{indent}{key}: {_scalar(value)}\n" for key, value in values.items())


def _flow(profile: ElementProfile) -> Flow | None:
    """The flow ``init`` writes: the first the profile gives an ``init`` for (profiles list
    the recommended flow first: OAuth 2.0 before OAuth 1.0)."""
    return next((flow for flow in profile.flows.values() if flow.init), None)


def _element_part(profile: ElementProfile) -> str:
    name = profile.name or profile.key
    lines = [
        f"element:\n  key: {_scalar(profile.key)}\n",
        f"name: {_scalar(name + ' production')}\n",
    ]
    lines.append("tags:\n  - production\n")
    flow = _flow(profile)
    init = flow.init if flow is not None else {}
    if init.get("providerData"):
        lines.append(f"# What the {flow.name if flow else ''} flow returned.\n")
        lines.append("providerData:\n" + _members(init["providerData"]))
    lines.append("configuration:\n")
    if init.get("configuration"):
        lines.append(f"  # The {name} {flow.name if flow else ''} flow: secrets are ${{VAR}}s.\n")
        lines.append(_members(init["configuration"]))
    return "".join(lines)


def _poll_key(profile: ElementProfile) -> str | None:
    """The key a polling body lists the element's resources in, or None for a per-resource
    configuration: a list key the docs show (``event.objects``, ``event.poller.urls``) unless
    they show a per-resource configuration too; with no key shown, ``event.poller.urls`` for a
    closed list."""
    shown = profile.poll_key_evidence
    if not shown:
        return POLLER_URLS if profile.resources_closed and profile.resources else None
    if POLLER_CONFIGURATION in shown:
        return None
    return EVENT_OBJECTS if EVENT_OBJECTS in shown else POLLER_URLS


def _resources_part(profile: ElementProfile | None) -> str:
    """What to poll: the element's first resources in the key it polls through (a ``${VAR}``
    to fill in when the docs name none); otherwise a per-resource configuration to adapt."""
    key = _poll_key(profile) if profile is not None else None
    if profile is None or key is None:
        return _template("resources", "generic")
    separator = profile.poll_keys.get(key, profile.separator)
    listed = separator.join(profile.resources[:RESOURCES_SHOWN])
    variable = env_prefix(profile.key) + env_prefix(key).rstrip("_")
    value = listed or "${" + variable + "}"
    comment = f"  # The resources to poll, separated by {json.dumps(separator)}"
    return f"{comment} (`celint elements` lists them).\n  {key}: {_scalar(value)}\n"


def events_for(profile: ElementProfile | None, events: str | None) -> str:
    """The events part to write: ``events`` when the element's docs allow it, else refused;
    without ``events``, the first type the docs say the element supports (polling, then
    webhooks), else the first they say nothing against, else none."""
    if profile is None:
        return events or "polling"
    states = {t: profile.support.get(t, ("unstated",))[0] for t in VENDOR_TYPES}
    if events is None:
        for wanted in ("supported", "unstated"):
            found = [t for t in VENDOR_TYPES if states[t] == wanted]
            if found:
                return found[0]
        return "none"
    if events in states and states[events] == "unsupported":
        _, evidence = profile.support[events]
        instead = next((t for t in VENDOR_TYPES if states[t] != "unsupported"), "none")
        where = f" ({evidence.src[0]})" if evidence.src else ""
        raise ScaffoldError(
            f"{profile.key!r} is documented as not supporting {events} events{where}; "
            f"use --events {instead}"
        )
    return events


def yaml_body(element: str, events: str | None = None) -> str:
    """The commented YAML body for ``element`` with ``events`` (polling, webhook, none, or
    None for what the element's docs support)."""
    profile = check_element(element)
    chosen = events_for(profile, events)
    parts = [
        _template("", "header"),
        _element_part(profile) if profile else _template("elements", "generic"),
        _template("events", chosen),
    ]
    if chosen == "polling":
        parts.append(_resources_part(profile))
    text = "".join(parts)
    return (
        text.replace("@ELEMENT@", element)
        .replace("@ENV@", env_prefix(element))
        .replace("@EVENTS@", chosen)
    )


def body(element: str, events: str | None, output_format: str) -> str:
    """The body as ``yaml`` (commented) or ``json`` (the same values, no comments)."""
    text = yaml_body(element, events)
    if output_format == "yaml":
        return text
    from celint.parse.yaml_reader import load_yaml

    value = load_yaml(text).documents[0].value
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
