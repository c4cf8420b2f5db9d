"""The rule registry: an explicit table of the rule modules, one rule per module.

A rule module holds a ruff-style docstring (what it does, why it matters, example, fix) and a
``RULE`` built with :func:`celint.model.rule`. Adding a rule is adding its module under the group
of its code range and one line here; ``tests/test_architecture.py`` fails when a module is not
listed. This package imports nothing but :mod:`celint.model` at import time, so the readers can
import their rule objects (CE001–CE005) without loading the rest.
"""

from __future__ import annotations

import functools
import importlib
import re

from celint.model import CheckFunction, Rule

#: Every rule module, by group (``reading`` CE0, ``schema`` CE1, ``events`` CE2, ``element``
#: CE3, ``secrets`` CE4), in code order.
MODULES: tuple[str, ...] = (
    "reading.ce001_parse_error",
    "reading.ce002_duplicate_key",
    "reading.ce003_not_an_object",
    "reading.ce004_unreadable_input",
    "reading.ce005_unused_suppression",
    "schema.ce101_required_missing",
    "schema.ce102_wrong_type",
    "schema.ce103_invalid_value",
    "schema.ce104_unknown_key",
    "events.ce201_vendor_type_invalid",
    "events.ce202_vendor_type_missing",
    "events.ce203_polling_interval_missing",
    "events.ce204_polling_interval_invalid",
    "events.ce205_polling_interval_range",
    "events.ce206_poller_urls_missing",
    "events.ce207_poller_resource_unknown",
    "events.ce208_poller_urls_concatenated",
    "events.ce209_poller_urls_separator",
    "events.ce210_poller_resource_duplicate",
    "events.ce211_callback_url_missing",
    "events.ce212_url_malformed",
    "events.ce213_url_insecure",
    "events.ce214_url_not_public",
    "events.ce215_callback_url_is_platform",
    "events.ce216_events_settings_ignored",
    "events.ce217_boolean_as_string",
    "events.ce218_signature_key_missing",
    "events.ce219_vendor_type_alias",
    "events.ce220_poller_config_invalid",
    "events.ce221_poller_config_mismatch",
    "events.ce222_poller_url_no_time_filter",
    "events.ce223_poller_date_format_invalid",
    "events.ce224_poller_timezone_invalid",
    "element.ce301_element_unknown",
    "element.ce302_auth_type_invalid",
    "element.ce303_provider_data_incomplete",
    "element.ce304_scope_missing_accounting",
    "element.ce305_realm_id_invalid",
    "element.ce306_configuration_key_unknown",
    "element.ce307_configuration_key_other_flow",
    "element.ce308_configuration_key_missing",
    "element.ce309_event_type_unsupported",
    "element.ce310_poll_key_undocumented",
    "secrets.ce401_hardcoded_secret",
    "secrets.ce402_placeholder_unreplaced",
    "secrets.ce403_weak_signature_key",
    "secrets.ce405_env_var_missing",
)


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code."""
    found = [importlib.import_module(f"{__name__}.{name}").RULE for name in MODULES]
    return tuple(sorted(found, key=lambda r: r.code))


@functools.cache
def body_rules() -> tuple[tuple[Rule, CheckFunction], ...]:
    """The rules that check a body, each with its check (the reading rules have none)."""
    return tuple((r, r.check) for r in all_rules() if r.check is not None)


@functools.cache
def by_code() -> dict[str, Rule]:
    return {r.code: r for r in all_rules()}


def lookup(word: str) -> Rule | None:
    """A rule by its code (any case) or its name."""
    key = word.strip()
    for r in all_rules():
        if r.code.lower() == key.lower() or r.name == key.lower():
            return r
    return None


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
