"""Element profiles: what the rules know of an element, read from its profile data.

A profile document (format: ``schemas/elements/profile.format.json``) states each fact with its
evidence: a trust level and the doc lines it comes from. :class:`ElementProfile` is the view the
rules read; every fact keeps its :class:`Evidence`, and :func:`Evidence.severity` is the one
place where trust becomes severity: a rule may raise an *error* only on a confirmed or stated
fact, a *warning* on a documented or contradicted one, and an *info* otherwise. No rule names an
element: adding one is adding its profile (or an ``elements.<key>`` entry in the configuration).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from celint.elements import store
from celint.model import Severity
from celint.schema import registry
from celint.schema.keys import POLLER_URLS, VENDOR_TYPES

DEFAULT_SEPARATOR = "|"

#: The highest severity a rule may raise on a fact of each trust level.
SEVERITY_OF_TRUST = {
    "confirmed": Severity.ERROR,
    "stated": Severity.ERROR,
    "documented": Severity.WARNING,
    "contradicted": Severity.WARNING,
    "inferred": Severity.INFO,
    "unstated": Severity.INFO,
}

#: What each trust level means, as ``celint explain`` and the rule pages say it.
TRUST_MEANING = {
    "confirmed": "a reviewed decision (`schemas/elements/overrides.yaml`, a hand-made profile, "
    "or your own `elements.<key>` configuration)",
    "stated": "stated by the docs, closed and uncontradicted",
    "documented": "documented, but open-ended or without a required/optional marker",
    "contradicted": "the docs disagree with themselves",
    "inferred": "only inferred, from the shape of example bodies",
    "unstated": "the docs say nothing",
}


class Evidence(NamedTuple):
    """How sure celint is of a fact, and where the docs state it."""

    trust: str = "confirmed"
    src: tuple[str, ...] = ()
    reason: str | None = None

    @property
    def severity(self) -> Severity:
        """The highest severity a finding on this fact may have."""
        return SEVERITY_OF_TRUST[self.trust]

    def cited(self) -> str:
        """The evidence as ``-v`` shows it: trust, then the first doc line (or, for a fact no
        doc states, the reason it is known)."""
        where = self.src[0] if self.src else self.reason
        return f"{self.trust}, {where}" if where else self.trust


#: The evidence of a fact the user's own configuration states (``elements.<key>``).
CONFIGURED = Evidence("confirmed", (), "the project's configuration")


class KeyFact(NamedTuple):
    """One configuration or providerData key of a flow: required, optional or unmarked."""

    required: str
    evidence: Evidence
    pattern: str | None = None


class Flow(NamedTuple):
    """One authentication flow: its ``authentication.type`` value, its keys, scope and init."""

    name: str
    type_value: str | None = None
    configuration: Mapping[str, KeyFact] = {}
    provider_data: Mapping[str, KeyFact] = {}
    required_scope: str | None = None
    init: Mapping[str, Mapping[str, Any]] = {}

    @property
    def required_provider_data(self) -> tuple[str, ...]:
        """The providerData keys the flow is documented to require."""
        return tuple(k for k, fact in self.provider_data.items() if fact.required == "required")


class _Facts(NamedTuple):
    # The fields of ElementProfile, which adds what is derived from them.
    key: str
    name: str | None = None
    hub: str | None = None
    resources: tuple[str, ...] = ()
    resources_closed: bool = False
    resources_case_sensitive: bool = True
    resources_evidence: Evidence = CONFIGURED
    separator: str = DEFAULT_SEPARATOR
    poll_keys: Mapping[str, str] = {POLLER_URLS: DEFAULT_SEPARATOR}
    #: The keys the docs show the element polling through, each with its evidence (empty when
    #: they show none: then ``poll_keys`` is the platform's default, not a documented fact).
    poll_key_evidence: Mapping[str, Evidence] = {}
    support: Mapping[str, tuple[str, Evidence]] = {}
    auth_types: tuple[str, ...] = ()
    #: Other spellings of the auth types that the docs' own examples use (``Basic``).
    auth_spellings: tuple[str, ...] = ()
    auth_evidence: Evidence = CONFIGURED
    default_auth: str | None = None
    default_auth_evidence: Evidence = CONFIGURED
    flows: Mapping[str, Flow] = {}
    schema: str = registry.INSTANCE
    origin: str = "configured"


class ElementProfile(_Facts):
    """What the rules know of one element, each fact with its evidence. (A record whose
    derived facts are computed once, on first use: instances have a ``__dict__`` for them.)"""

    @functools.cached_property
    def vendor_types(self) -> tuple[str, ...]:
        """The event types a body may choose: those not documented as unsupported."""
        return tuple(
            t for t in VENDOR_TYPES if self.support.get(t, ("unstated",))[0] != "unsupported"
        )

    def supports(self, vendor_type: str) -> bool:
        """True when the docs state the element supports ``vendor_type`` (polling, webhook)."""
        return self.support.get(vendor_type, ("unstated",))[0] == "supported"

    @functools.cached_property
    def provider_data(self) -> dict[str, tuple[str, ...]]:
        """Flow -> the providerData keys it requires (flows that document any)."""
        return {name: f.required_provider_data for name, f in self.flows.items()}

    @functools.cached_property
    def required_scope(self) -> str | None:
        """The OAuth scope the element's flows require, if any."""
        return next((f.required_scope for f in self.flows.values() if f.required_scope), None)

    @functools.cached_property
    def flow_keys(self) -> Mapping[str, Mapping[str, KeyFact]]:
        """Every key any of the flows documents, by body section (``configuration``,
        ``providerData``), with the first flow's fact: read once per profile, asked per body."""
        found: dict[str, dict[str, KeyFact]] = {"configuration": {}, "providerData": {}}
        for flow in self.flows.values():
            for key, fact in flow.configuration.items():
                found["configuration"].setdefault(key, fact)
            for key, fact in flow.provider_data.items():
                found["providerData"].setdefault(key, fact)
        return found

    def flow(self, auth_type: str | None) -> Flow | None:
        """The flow a body's ``authentication.type`` selects (the default when it has none):
        the flow of that name or of that literal value, ignoring case as the docs' own
        examples do (``Basic`` for ``basic``)."""
        chosen = auth_type if auth_type is not None else self.default_auth
        if chosen is None:
            return None
        wanted = chosen.strip().lower()
        return next(
            (
                f
                for f in self.flows.values()
                if wanted in {f.name.lower(), (f.type_value or f.name).lower()}
            ),
            None,
        )


def _evidence(fact: Mapping[str, Any]) -> Evidence:
    return Evidence(fact["trust"], tuple(fact.get("src", ())), fact.get("reason"))


def _value(fact: Mapping[str, Any] | None) -> Any:
    return fact.get("value") if fact else None


def _keys(table: Mapping[str, Any]) -> dict[str, KeyFact]:
    return {
        key: KeyFact(row["required"], _evidence(row), row.get("pattern"))
        for key, row in table.items()
    }


def _flow(name: str, data: Mapping[str, Any]) -> Flow:
    return Flow(
        name=name,
        type_value=_value(data.get("typeValue")),
        configuration=_keys(data["configuration"]),
        provider_data=_keys(data["providerData"]),
        required_scope=_value(data.get("requiredScope")),
        init=data.get("init", {}),
    )


def _poll_keys(events: Mapping[str, Any], separator: str) -> dict[str, str]:
    """The keys that carry resources, each with its separator (event.poller.urls by default)."""
    declared = events.get("pollKeys") or {POLLER_URLS: {}}
    return {key: _value(fact.get("separator")) or separator for key, fact in declared.items()}


def from_document(document: Mapping[str, Any]) -> ElementProfile:
    """Read a profile document (already checked against the format) into the rules' view."""
    identity, auth = document["identity"], document.get("authentication", {})
    events = document.get("events", {})
    resources = events.get("resources") or {}
    separator = _value(events.get("separator")) or DEFAULT_SEPARATOR
    key = identity["key"]["value"]
    schema = f"elements/{key}.schema.json"
    types = auth.get("types")
    return ElementProfile(
        key=key,
        name=_value(identity.get("name")),
        hub=_value(identity.get("hub")),
        resources=tuple(resources.get("items", {})),
        resources_closed=bool(resources.get("closed")),
        resources_case_sensitive=bool(resources.get("caseSensitive", True)),
        resources_evidence=_evidence(resources) if resources else Evidence("unstated"),
        separator=separator,
        poll_keys=_poll_keys(events, separator),
        poll_key_evidence={
            key: _evidence(fact) for key, fact in events.get("pollKeys", {}).items()
        },
        support={
            vendor: (events[name]["value"], _evidence(events[name]))
            for vendor, name in (("polling", "polling"), ("webhook", "webhooks"))
            if name in events
        },
        auth_types=tuple(types["value"]) if types else (),
        auth_spellings=tuple(types.get("spellings", ())) if types else (),
        auth_evidence=_evidence(types) if types else Evidence("unstated"),
        default_auth=_value(auth.get("default")),
        default_auth_evidence=(
            _evidence(auth["default"]) if "default" in auth else Evidence("unstated")
        ),
        flows={name: _flow(name, data) for name, data in auth.get("flows", {}).items()},
        schema=schema if schema in registry.load_all() else registry.INSTANCE,
        origin=document.get("origin", "generated"),
    )


def element_key(body: Mapping[str, Any]) -> str | None:
    """The body's ``element.key`` when it is a string (an element given by ``id`` has none),
    without whitespace at its ends: ``"quickbooks "`` is linted as QuickBooks (and CE301 says
    the key is not the one it looks like)."""
    element = body.get("element")
    key = element.get("key") if isinstance(element, dict) else None
    return key.strip() if isinstance(key, str) else None


class Profiles(Mapping[str, ElementProfile]):
    """Every known element's profile by key, read on first use; configuration extends them.

    Looking up one key reads one profile; iterating lists every key without reading any (the
    did-you-mean of CE301 needs the keys only).
    """

    def __init__(self, extra: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self._extra = dict(extra or {})
        self._read: dict[str, ElementProfile | None] = {}

    def get(self, key: str, default: Any = None) -> Any:
        """The profile of ``key`` or of the element it is an alias of; ``default`` if unknown."""
        if key not in self._read:
            self._read[key] = self._load(key)
        found = self._read[key]
        return default if found is None else found

    def __getitem__(self, key: str) -> ElementProfile:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        result: ElementProfile = found
        return result

    def __iter__(self) -> Iterator[str]:
        return iter(sorted({*store.keys(), *store.aliases(), *self._extra}))

    def __len__(self) -> int:
        return len(set(self))

    def elements(self) -> tuple[str, ...]:
        """The keys of the elements themselves (no aliases), sorted."""
        return tuple(sorted({*store.keys(), *self._extra}))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def _load(self, key: str) -> ElementProfile | None:
        document = store.read(key)
        base = from_document(document) if document is not None else None
        settings = self._extra.get(key)
        if settings is None:
            return base
        return _configured(base or ElementProfile(key=key), settings)


def _configured(base: ElementProfile, settings: Mapping[str, Any]) -> ElementProfile:
    """``elements.<key>`` from the configuration: the user's resource list is a closed,
    confirmed list (the project decided it); a separator replaces the element's."""
    changes: dict[str, Any] = {}
    if "resources" in settings:
        changes.update(
            resources=tuple(settings["resources"]),
            resources_closed=True,
            resources_case_sensitive=True,
            resources_evidence=CONFIGURED,
        )
    if "separator" in settings:
        separator = str(settings["separator"])
        changes["separator"] = separator
        changes["poll_keys"] = {
            key: separator if key == POLLER_URLS else value for key, value in base.poll_keys.items()
        }
    return base._replace(**changes)


def profiles(extra: Mapping[str, Mapping[str, Any]] | None = None) -> Profiles:
    """The known elements' profiles, extended or added to by configuration (``elements.<key>``)."""
    return Profiles(extra)
