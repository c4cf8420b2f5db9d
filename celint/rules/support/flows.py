"""Shared by the rules on an element's authentication flows (CE303, CE306–CE308): which flow a
body uses, and the keys each flow documents.

A body names its flow with ``authentication.type``; without one it gets the element's default
flow. How sure celint is of that choice is part of every finding that depends on it: a body
that states its type, or an element with one flow, leaves no doubt; the element's default is as
sure as its evidence (often only inferred from an example response).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from celint.elements.profiles import ElementProfile, Evidence, Flow, KeyFact
from celint.model import Severity
from celint.rules.api import RuleContext
from celint.rules.support.config import is_blank
from celint.schema.keys import AUTH_TYPE, EVENT_PREFIX, PLATFORM_KEYS
from celint.secrets import is_literal

CONFIGURATION, PROVIDER_DATA = "configuration", "providerData"
#: The sections of a body whose keys a flow documents.
SECTIONS = (CONFIGURATION, PROVIDER_DATA)


class ChosenFlow(NamedTuple):
    """The flow a body uses and how it was told: ``stated`` (by ``authentication.type``),
    ``only`` (the element has one flow), ``keys`` (the body names no type and its keys fit one
    flow only) or ``default`` (the element's default, whose evidence is ``default``)."""

    flow: Flow
    how: str = "stated"
    default: Evidence | None = None

    def described(self) -> str:
        """How the body came to this flow, for messages."""
        if self.how == "default":
            return f"the default {self.flow.name} flow (no {AUTH_TYPE} is set)"
        if self.how == "keys":
            return f"the {self.flow.name} flow (its keys fit it; no {AUTH_TYPE} is set)"
        return f"the {self.flow.name} flow"


@functools.lru_cache(maxsize=4)
def chosen_flow(context: RuleContext) -> ChosenFlow | None:
    """The flow the body uses, or None when it cannot be told (an authentication type the
    element has no flow for, or an environment reference, with several flows to choose from).

    A body without ``authentication.type`` gets the element's default when that default is
    sure (confirmed or stated: the platform's behaviour, as for QuickBooks' OAuth 1.0); else
    the one flow its keys fit, as the docs' examples of a non-default flow often leave the type
    out; else the default, as sure as its evidence. Four rules ask for each body: the answer
    is kept for the last few bodies (a body does not change while its rules run).
    """
    profile = context.profile
    if profile is None or not profile.flows:
        return None
    only = next(iter(profile.flows.values())) if len(profile.flows) == 1 else None
    raw = context.configuration.get(AUTH_TYPE)
    if is_blank(raw):
        if only is not None:
            return ChosenFlow(only, "only")
        default = profile.flow(None)
        sure = profile.default_auth_evidence.severity == Severity.ERROR
        fitting = None if default is not None and sure else _fitting(context, profile)
        if fitting is not None:
            return ChosenFlow(fitting, "keys")
        return ChosenFlow(default, "default", profile.default_auth_evidence) if default else None
    if not (isinstance(raw, str) and is_literal(raw)):
        # A reference or a placeholder: only an element with one flow leaves no doubt.
        return ChosenFlow(only, "only") if only is not None else None
    found = profile.flow(raw)
    if found is not None:
        return ChosenFlow(found)
    # One flow the docs give no name: whatever the type says, its keys are the element's.
    return ChosenFlow(only, "only") if only is not None and only.name == "unnamed" else None


def _fitting(context: RuleContext, profile: ElementProfile) -> Flow | None:
    """The one flow whose keys include every key of the body that tells the flows apart."""
    flows = list(profile.flows.values())
    documented = [{(s, key) for s in SECTIONS for key in keys_of(flow, s)} for flow in flows]
    shared = set.intersection(*documented)
    anywhere = {item for keys in documented for item in keys}
    telling = {item for item in body_keys(context) if item in anywhere and item not in shared}
    fits = [flow for flow, keys in zip(flows, documented, strict=True) if telling <= keys]
    return fits[0] if telling and len(fits) == 1 else None


def keys_of(flow: Flow, section: str) -> Mapping[str, KeyFact]:
    """The keys a flow documents in one section of the body (configuration or providerData)."""
    return flow.configuration if section == CONFIGURATION else flow.provider_data


def all_keys(profile: ElementProfile, section: str) -> Mapping[str, KeyFact]:
    """Every key any of the element's flows documents in ``section`` (the first flow's fact)."""
    return profile.flow_keys[section]


def is_platform_key(key: str) -> bool:
    """A configuration key any element may have: ``event.*`` and the platform's own keys."""
    return key.startswith(EVENT_PREFIX) or key in PLATFORM_KEYS


def body_keys(context: RuleContext) -> Iterator[tuple[str, str]]:
    """Each (section, key) of the body's configuration and providerData that an element's flow
    may document: the platform's keys are left out."""
    sections: tuple[tuple[str, Any], ...] = (
        (CONFIGURATION, context.configuration),
        (PROVIDER_DATA, context.body.get(PROVIDER_DATA)),
    )
    for section, values in sections:
        if isinstance(values, dict):
            for key in values:
                if isinstance(key, str) and not (section == CONFIGURATION and is_platform_key(key)):
                    yield section, key


def fitting_other_flow(profile: ElementProfile, flow: str, data: Any) -> str | None:
    """The other flow whose required providerData ``data`` holds in full while it lacks some of
    ``flow``'s: the authentication type is what is wrong (CE303 says so once; CE307 leaves those
    keys alone)."""
    if not isinstance(data, dict):
        return None
    if all(key in data for key in profile.provider_data.get(flow, ())):
        return None
    return next(
        (
            other
            for other, keys in profile.provider_data.items()
            if other != flow and keys and all(key in data for key in keys)
        ),
        None,
    )
