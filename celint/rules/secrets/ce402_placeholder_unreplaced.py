"""## What it does
Reports a template placeholder that is still in the body: `<CALLBACK_URL>`, `{{ secret }}`,
`%{secret}`, `%(secret)s`, `#{secret}`, runs of `x` (`xxxxxxxx`), `INSERT_...`, `YOUR_...`, and
the platform's `********` mask of a secret. Each placeholder is reported once, here;
the value rules (URL, realmId, interval, secret, resource list) pass over it.

## Why is this bad?
The platform accepts a placeholder as a value: the instance is created, then authentication
fails or events go to `<CALLBACK_URL>`, which is nowhere.

## Example
```json
{"event.notification.callback.url": "<CALLBACK_URL>"}
```

## Fix
Replace the placeholder with the real value, or with an environment reference that your
deployment substitutes: `"event.notification.callback.url": "${EVENTS_CALLBACK_URL}"`.
"""

from collections.abc import Iterator
from typing import Any

from celint import pointer as jp
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.text import clip
from celint.secrets import is_mask, is_placeholder, is_secret_pointer


def _strings(value: Any, pointer: str, label: str) -> Iterator[tuple[str, str, str]]:
    """Every string in a value with its pointer and a readable name (``tags[0]`` for a list
    item), depth first (bounded by the parser's depth)."""
    if isinstance(value, str):
        yield pointer, label, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, jp.join(pointer, key), key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, jp.join(pointer, index), f"{label}[{index}]")


def _flagged(value: Any) -> bool:
    """Whether a value holds a mask or a placeholder anywhere: the walk that names each
    string (a pointer and a label per value) is only made for a body where one is."""
    if isinstance(value, str):
        return is_placeholder(value)  # the mask is one kind of placeholder
    if isinstance(value, dict):
        return any(_flagged(item) for item in value.values())
    if isinstance(value, list):
        return any(_flagged(item) for item in value)
    return False


def check(context: RuleContext) -> Iterator[Finding]:
    if not _flagged(context.body):
        return
    for pointer, label, value in _strings(context.body, context.root, "the document"):
        if is_mask(value):
            yield Finding(
                pointer,
                f"{label!r} holds the platform's mask of a secret (********), as an exported "
                "instance shows it; write the secret's environment reference, such as ${VAR}",
            )
        elif is_placeholder(value):
            what = "" if is_secret_pointer(pointer) else f" ({clip(value, 60)!r})"
            yield Finding(
                pointer,
                f"{label!r} still holds a template placeholder{what}; "
                "replace it with the real value or an environment reference such as ${VAR}",
            )


RULE = rule(
    "CE402",
    "placeholder-unreplaced",
    Severity.WARNING,
    "a template placeholder is still there",
    __doc__,
    check,
)
