"""Shared by the configuration rules: small readings of the parameter tables' keys.

The rules judge one key each; what "events are off" or "the poller list" mean is decided here
once, so that every rule reads a body the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import SplitResult

from celint.elements.profiles import ElementProfile
from celint.model import Finding, Severity
from celint.rules.api import RuleContext
from celint.rules.support import urls
from celint.rules.support.poller_urls import PollerList, parse
from celint.schema.keys import CALLBACK_URL, ENABLED, POLLER_URLS


def is_blank(value: Any) -> bool:
    """Absent in effect: null (as exported bodies write it) or a string of whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


def missing(context: RuleContext, key: str) -> bool:
    """``key`` is missing from the body: absent, null or blank. A configuration fragment (a
    partial update of an instance's configuration) never misses a key: what it leaves out,
    the instance keeps."""
    return not context.fragment and is_blank(context.configuration.get(key))


def events_off(context: RuleContext) -> bool:
    """Events are certainly off: the switch is absent (from a whole body), null, false or
    "false" (a placeholder or an environment reference may turn them on, so those do not count
    as off)."""
    value = context.configuration.get(ENABLED)
    if value is None:
        return not (context.fragment and ENABLED not in context.configuration)
    return value is False or (isinstance(value, str) and value.strip().lower() == "false")


def resource_severity(profile: ElementProfile) -> Severity:
    """How sure a finding against the element's resource list may be: an error only for a
    closed list stated without contradiction (or confirmed), a warning otherwise."""
    closed = profile.resources_closed and profile.resources_evidence.severity == Severity.ERROR
    return Severity.ERROR if closed else Severity.WARNING


def known_resource(profile: ElementProfile) -> Callable[[str], bool]:
    """A test of "is this one of the element's resources", ignoring case where the docs spell
    the resources in more than one case."""
    if profile.resources_case_sensitive:
        exact = frozenset(profile.resources)
        return exact.__contains__
    folded = frozenset(resource.lower() for resource in profile.resources)
    return lambda item: item.lower() in folded


def poller_list(context: RuleContext) -> PollerList | None:
    """The literal `event.poller.urls` of a known element, read into items and separators."""
    value = context.literal(POLLER_URLS)
    if context.profile is None or not isinstance(value, str):
        return None
    return parse(value, context.profile.separator)


_MINUTES = re.compile(r"[1-9][0-9]*")
#: What Java's ``Integer.parseInt`` (the platform's reading) takes as a positive number: an
#: optional plus sign and leading zeros before the digits.
_JAVA_MINUTES = re.compile(r"\+?0*([1-9][0-9]*)")
_JAVA_INT_MAX = 2**31 - 1
_MINUTES_MEANT = re.compile(
    r"\s*0*([1-9][0-9]*)(?:\.0*)?\s*(?:m|mins?|minutes?)?\s*", re.IGNORECASE
)


def interval_minutes(value: Any) -> int | None:
    """The refresh interval as a positive whole number of minutes, written as the docs write
    it, or None when it is not one.

    A JSON integer or a string of digits (the docs write ``"15"``) count; booleans, fractions,
    zero, negatives, leading zeros, a plus sign and units (``"15m"``) do not.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value >= 1 else None
    if isinstance(value, str) and _MINUTES.fullmatch(value):
        return _whole(value)
    return None


def _whole(digits: str) -> int | None:
    """``int(digits)``, or None for more digits than Python converts (4,300 by default): no
    number of minutes is that long, and converting would raise."""
    try:
        return int(digits)
    except ValueError:
        return None


def interval_read(value: Any) -> int | None:
    """The minutes the platform reads from the interval, or None when it reads no positive
    whole number: what :func:`interval_minutes` accepts, and also the strings Java's
    ``Integer.parseInt`` reads the same way (``"015"``, ``"+15"``)."""
    found = interval_minutes(value)
    if found is not None or not isinstance(value, str):
        return found
    match = _JAVA_MINUTES.fullmatch(value)
    minutes = _whole(match.group(1)) if match else None
    return minutes if minutes is not None and minutes <= _JAVA_INT_MAX else None


def interval_meant(value: Any) -> int | None:
    """The whole number of minutes an invalid interval plainly means (``"15m"``, ``15.0``,
    ``" 15 "``, ``"015"`` → 15), or None when there is no such reading."""
    if isinstance(value, float) and value.is_integer() and value >= 1:
        return int(value)
    match = _MINUTES_MEANT.fullmatch(value) if isinstance(value, str) else None
    return _whole(match.group(1)) if match else None


def event_callback(context: RuleContext) -> SplitResult | None:
    """The literal event callback URL, split, when it is a well-formed http(s) URL (a malformed
    one is CE212's alone)."""
    value = context.literal(CALLBACK_URL)
    return urls.split(value) if isinstance(value, str) else None


def when_missing(
    key: str, applies: Callable[[RuleContext], bool], message: str
) -> Callable[[RuleContext], Iterator[Finding]]:
    """A check that reports ``key`` as missing (absent, null or blank) when ``applies`` to the
    body; the finding's pointer is the missing key's, so it takes the schema's place."""

    def check(context: RuleContext) -> Iterator[Finding]:
        if applies(context) and missing(context, key):
            yield Finding(context.config_pointer(key), message)

    check.__doc__ = f"Report a missing {key!r}."
    return check
