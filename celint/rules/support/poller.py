"""Shared by the poller configuration rules (CE220–CE224): reading `event.poller.configuration`.

The value is an object with one entry per resource, or that object as a JSON string (the
platform returns it as a string). Either way the rules see the decoded object, and report
pointers that go on inside it (``/configuration/event.poller.configuration/contacts/url``);
for the string form, the linter maps those pointers back into the string in the file.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import Any, NamedTuple

from celint import pointer as jp
from celint.rules.api import RuleContext
from celint.schema.keys import POLLER_CONFIGURATION
from celint.secrets import is_literal

#: The schema of the decoded configuration (in the events schema's ``$defs``).
SCHEMA = "events.schema.json#/$defs/pollerConfiguration"
DATES = "datesConfiguration"
DATE_FORMAT_FIELDS = ("updatedDateFormat", "createdDateFormat")
TIMEZONE_FIELDS = ("updatedDateTimezone", "createdDateTimezone")


class PollerConfiguration(NamedTuple):
    """The decoded configuration: ``value`` is what the string held (or the object itself);
    ``problem`` says why a string could not be read as JSON."""

    pointer: str
    value: Any
    encoded: bool
    problem: str | None = None

    def entries(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Each resource entry that is an object: resource name, pointer, entry."""
        if isinstance(self.value, dict):
            for resource, entry in self.value.items():
                if isinstance(entry, dict):
                    yield resource, jp.join(self.pointer, resource), entry

    def date_settings(self, fields: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
        """Each literal string among ``fields`` of the entries' ``datesConfiguration``:
        (pointer, field, value); other types are CE220's."""
        for _, pointer, entry in self.entries():
            dates = entry.get(DATES)
            if not isinstance(dates, dict):
                continue
            for field in fields:
                value = dates.get(field)
                if isinstance(value, str) and is_literal(value):
                    yield jp.join(pointer, DATES, field), field, value


@functools.lru_cache(maxsize=64)
def _decode(text: str) -> tuple[Any, str | None]:
    """The JSON value a string holds, or the reason it holds none (cached: four rules ask)."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"{exc.msg} at character {exc.pos + 1} of the string"
    except RecursionError:
        return None, "nested too deep to read"
    except ValueError:  # an integer longer than Python converts (4,300 digits by default)
        return None, "a number in it is too long to read"


def read(context: RuleContext) -> PollerConfiguration | None:
    """The body's poller configuration, or None when it is absent, null, blank, a placeholder
    or an environment reference (those are judged elsewhere, or not at all)."""
    raw = context.configuration.get(POLLER_CONFIGURATION)
    if not is_literal(raw) or (isinstance(raw, str) and not raw.strip()):
        return None
    pointer = context.config_pointer(POLLER_CONFIGURATION)
    if not isinstance(raw, str):
        return PollerConfiguration(pointer, raw, encoded=False)
    value, problem = _decode(raw)
    return PollerConfiguration(pointer, value, encoded=True, problem=problem)
