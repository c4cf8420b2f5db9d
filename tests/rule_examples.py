"""Every rule's documented Example and Fix as a text to lint (used by tests/test_rule_docs.py).

A rule's docs show an ``## Example`` that the rule reports and a ``## Fix`` that it does not.
To stay short, most Examples are fragments: a few ``configuration`` keys, or one top-level key.
This module completes them into whole instance bodies, always the same way, so that a test can
lint the docs as they are written instead of a hand-made copy that drifts away from them.

Where the snippets come from
----------------------------
- **Example**: the first fenced block (```json or ```yaml) of ``## Example``.
- **Fix**: the first fenced block of ``## Fix``; when it has none, the first inline code span
  that is a mapping or one mapping member, read as JSON (``{...}`` or ``"key": value``) or else
  as YAML (``key: value``). Other spans (a key name, ``--fix``, a bare value) are prose and
  are passed over.

How a snippet becomes a text to lint
------------------------------------
**Reading rules** (CE001-CE005, the rules without a body check): the Example and the Fix are
whole files, linted exactly as written (so their Fix must be a fenced block).

**Every other rule**: the snippet is a mapping, and

1. *Normal form.* A mapping whose keys are all body keys (:data:`BODY_KEYS`: ``element``,
   ``providerData``, ``configuration``, ``tags``, ``name``) is a body fragment. Any other
   mapping is a ``configuration`` fragment and stands for ``{"configuration": fragment}``.
2. *The Fix.* A fenced Fix is the corrected Example in full: it replaces the Example. An inline
   Fix is the change: each of its members replaces the first member with the same key anywhere
   in the Example (depth first, so ``"realmId": ...`` lands inside ``providerData``), or, when
   the Example has no such key, is added where the key belongs: at the top for a body key,
   else in ``configuration``.
3. *Completion.* A fragment with an ``element`` is a whole body: it is linted as it is. Any
   other is laid over the **base**, a minimal valid QuickBooks Online OAuth 2.0 body with
   events off (:data:`bodies.VALID` without its ``event.*`` keys): its ``configuration``
   members are added to the base's, and each other key replaces the base's. The events
   settings depend on the fragment's configuration:

   - when it sets ``event.notification.enabled`` it states the events settings in full, and
     nothing is added (so that an Example can show a missing key);
   - otherwise it shows values inside working events: it is laid over the ``event.*`` keys of
     the minimal valid webhook body when its ``event.vendor.type`` is ``webhook`` or
     ``webhooks``, else of the minimal valid polling body (those of :data:`bodies.VALID`,
     less its ``event.poller.urls`` when the fragment names the polled resources with
     ``event.poller.configuration``, the other way to name them).

4. The body is written in the fence's language (indented JSON, or YAML) as ``example.json`` or
   ``example.yaml``.

Every text is linted with the rule's entry in :data:`OPTIONS` (default: ``LintOptions()``): an
explicit table, so that no test special-cases a rule.
"""

from __future__ import annotations

import copy
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from bodies import VALID
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from celint import Diagnostic, Rule
from celint.config.options import LintOptions

#: The keys of an instance body ; a mapping made of them is a body fragment.
BODY_KEYS = frozenset({"element", "providerData", "configuration", "tags", "name"})
WEBHOOK_TYPES = frozenset({"webhook", "webhooks"})
ENABLED = "event.notification.enabled"
POLLER_URLS = "event.poller.urls"
POLLER_CONFIGURATION = "event.poller.configuration"

_CONFIGURATION: dict[str, Any] = VALID["configuration"]
#: The base: the valid body without events (no ``event.*`` key).
BASE: dict[str, Any] = {
    **VALID,
    "configuration": {k: v for k, v in _CONFIGURATION.items() if not k.startswith("event.")},
}
#: The events settings of a minimal valid polling body and of a minimal valid webhook body.
POLLING_EVENTS: dict[str, Any] = {k: v for k, v in _CONFIGURATION.items() if k.startswith("event.")}
WEBHOOK_EVENTS: dict[str, Any] = {
    **{k: v for k, v in POLLING_EVENTS.items() if not k.startswith("event.poller.")},
    "event.vendor.type": "webhook",
}

#: ``--env`` with every variable that the base and its events reference set, so that only the
#: snippet's own references can be missing.
BASE_ENVIRONMENT = {
    name: f"rendered-{name.lower()}" for name in re.findall(r"\$\{(\w+)\}", json.dumps(VALID))
}

#: The options each rule's snippets are linted with, when not the defaults.
OPTIONS: Mapping[str, LintOptions] = {
    "CE405": LintOptions(environment=BASE_ENVIRONMENT),  # the rule exists only with --env
}

_FENCE = re.compile(r"^```(?P<language>\w+)\n(?P<text>.*?)^```", re.MULTILINE | re.DOTALL)
_INLINE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Snippet:
    """A piece of a rule's docs: its text, the language it is read in, and whether it was a
    fenced block (a whole replacement) or an inline span (a change)."""

    text: str
    language: str
    fenced: bool

    def mapping(self) -> dict[str, Any]:
        """The snippet as a mapping; anything else is a docs error, raised as ValueError."""
        found = _read_mapping(self.text, self.language)
        if found is None:
            raise ValueError(f"not a {self.language} mapping: {self.text!r}")
        return found


def _yaml() -> YAML:
    return YAML(typ="safe", pure=True)


def _read_mapping(text: str, language: str) -> dict[str, Any] | None:
    """``text`` as a non-empty mapping (JSON first, members included, then YAML when
    ``language`` allows), or None."""
    candidates = [text] if text.lstrip().startswith("{") else [text, "{" + text + "}"]
    value: Any = None
    for candidate in candidates:
        try:
            value = json.loads(candidate)
            break
        except ValueError:
            continue
    else:
        if language == "json":
            return None
        try:
            value = _yaml().load(text)
        except YAMLError:
            return None
    return value if isinstance(value, dict) and value else None


def _fenced(section: str) -> Snippet | None:
    found = _FENCE.search(section)
    return Snippet(found["text"], found["language"], True) if found else None


def example_snippet(rule: Rule) -> Snippet:
    """The first fenced block of the rule's Example (the docs test requires one)."""
    found = _fenced(rule.sections["example"])
    if found is None:
        raise ValueError(f"{rule.code}: the Example has no fenced block")
    return found


def fix_snippet(rule: Rule) -> Snippet:
    """The Fix's first fenced block, else its first inline span that reads as a mapping."""
    section = rule.sections["fix"]
    found = _fenced(section)
    if found is not None:
        return found
    for span in _INLINE.findall(section):
        if _read_mapping(span, "yaml") is not None:
            return Snippet(span, "yaml", False)
    raise ValueError(f"{rule.code}: the Fix has neither a fenced block nor a mapping span")


def is_reading_rule(rule: Rule) -> bool:
    """The rules that report on reading the file, before any body check: their snippets are
    whole files."""
    return rule.check is None


def normal_form(fragment: Mapping[str, Any]) -> dict[str, Any]:
    """A body fragment as it is; a configuration fragment under ``configuration``."""
    if fragment and set(fragment) <= BODY_KEYS:
        return copy.deepcopy(dict(fragment))
    return {"configuration": copy.deepcopy(dict(fragment))}


def _members(node: Any) -> Iterator[dict[str, Any]]:
    """Every mapping in ``node``, depth first (a mapping before the mappings inside it)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _members(value)
    elif isinstance(node, list):
        for value in node:
            yield from _members(value)


def apply_change(example: dict[str, Any], change: Mapping[str, Any]) -> dict[str, Any]:
    """``example`` (normal form) with each member of ``change`` in place: replacing the first
    member with its key, depth first, or added where the key belongs."""
    fixed = copy.deepcopy(example)
    for key, value in change.items():
        holder = next((mapping for mapping in _members(fixed) if key in mapping), None)
        if holder is None:
            holder = fixed if key in BODY_KEYS else fixed.setdefault("configuration", {})
        holder[key] = copy.deepcopy(value)
    return fixed


def _events_for(configuration: Mapping[str, Any]) -> dict[str, Any]:
    """The ``event.*`` keys a configuration fragment is laid over (see the module docs)."""
    if ENABLED in configuration:
        return {}
    if configuration.get("event.vendor.type") in WEBHOOK_TYPES:
        return WEBHOOK_EVENTS
    if POLLER_CONFIGURATION in configuration:
        return {k: v for k, v in POLLING_EVENTS.items() if k != POLLER_URLS}
    return POLLING_EVENTS


def complete(fragment: Mapping[str, Any]) -> dict[str, Any]:
    """A whole body from a fragment in normal form (step 3 of the module docs)."""
    if "element" in fragment:
        return copy.deepcopy(dict(fragment))
    body = copy.deepcopy(BASE)
    for key, value in fragment.items():
        if key != "configuration":
            body[key] = copy.deepcopy(value)
    configuration = fragment.get("configuration", {})
    body["configuration"].update(copy.deepcopy(_events_for(configuration)))
    body["configuration"].update(copy.deepcopy(configuration))
    return body


def dump(body: Any, language: str) -> str:
    """``body`` as a file's text in ``language``."""
    if language == "json":
        return json.dumps(body, indent=2, ensure_ascii=False) + "\n"
    stream = io.StringIO()
    writer = _yaml()
    writer.default_flow_style = False
    writer.dump(body, stream)
    return stream.getvalue()


@dataclass(frozen=True)
class LintInput:
    """A text to lint, the name that tells its format, and the options to lint it with."""

    path: str
    text: str
    options: LintOptions

    def lint(self) -> list[Diagnostic]:
        import celint

        return celint.lint_text(self.text, path=self.path, options=self.options)


def _input(rule: Rule, language: str, text: str) -> LintInput:
    return LintInput(f"example.{language}", text, OPTIONS.get(rule.code, LintOptions()))


def example_input(rule: Rule) -> LintInput:
    """The rule's Example, completed: it should give a finding of the rule."""
    snippet = example_snippet(rule)
    if is_reading_rule(rule):
        return _input(rule, snippet.language, snippet.text)
    body = complete(normal_form(snippet.mapping()))
    return _input(rule, snippet.language, dump(body, snippet.language))


def fix_input(rule: Rule) -> LintInput:
    """The rule's Fix, applied to its Example and completed: it should give no finding of the
    rule."""
    fix = fix_snippet(rule)
    if is_reading_rule(rule):
        if not fix.fenced:
            raise ValueError(f"{rule.code}: a reading rule's Fix must be a fenced whole file")
        return _input(rule, fix.language, fix.text)
    example = example_snippet(rule)
    if fix.fenced:
        fixed = normal_form(fix.mapping())
    else:
        fixed = apply_change(normal_form(example.mapping()), fix.mapping())
    language = fix.language if fix.fenced else example.language
    return _input(rule, language, dump(complete(fixed), language))
