"""## What it does
Reports a secret field that holds a literal value instead of a placeholder or an environment
reference: `oauth.api.secret`, `event.notification.signature.key`, any key whose last segment
(split on `.` and `_`) is or ends with `secret`, `password` or `token` (`consumer_secret`,
`oauth.user.refresh_token`; not `token_id`), `apikey`/`api_key` keys, the `providerData` code
and verifier, an exported instance's `token`, and the password in a URL's user information
(`https://user:password@host`) in any value. An environment reference with a literal default
(`${SECRET:-the-secret}`) writes the secret in the file too. The value is never printed, in
any output, nor its length.

## Why is this bad?
A body kept in git is read by everyone with access to the repository, its forks, its CI logs
and its backups, for as long as the history lives. A secret committed once must be rotated.

## Example
```json
{"configuration": {"oauth.api.secret": "Jd8s0...the real secret..."}}
```

## Fix
Reference an environment variable that your deployment substitutes:
`"oauth.api.secret": "${QBO_CLIENT_SECRET}"`, and rotate the secret that was committed.
"""

import re
from collections.abc import Iterator
from typing import Any

from celint import pointer as jp
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.secrets import is_literal, is_secret_pointer, literal_default, url_password


def _candidates(context: RuleContext) -> Iterator[tuple[str, Any]]:
    """Every value that may be a secret field, with its pointer."""
    for key, value in context.configuration.items():
        yield context.config_pointer(key), value
    data = context.body.get("providerData")
    if isinstance(data, dict):
        for key, value in data.items():
            yield context.pointer("providerData", key), value
    if "token" in context.body:
        yield context.pointer("token"), context.body["token"]


def _variable(key: str) -> str:
    """An environment variable name for a key: ``oauth.api.secret`` → ``OAUTH_API_SECRET``."""
    return re.sub(r"[^A-Za-z0-9]+", "_", key).strip("_").upper() or "SECRET"


def is_hardcoded(value: Any) -> bool:
    """A literal, non-empty secret: text or a number, not a placeholder or ``${VAR}``."""
    if isinstance(value, bool) or not is_literal(value):
        return False
    return (isinstance(value, str) and bool(value.strip())) or isinstance(value, int | float)


def check(context: RuleContext) -> Iterator[Finding]:
    for pointer, value in _candidates(context):
        if context.from_environment(pointer):
            continue
        if not is_secret_pointer(pointer):
            if url_password(value) is not None:
                yield Finding(
                    pointer,
                    f"the URL in {jp.last(pointer)!r} carries a password (not shown); keep it "
                    "out of the file: an environment reference in its place, such as "
                    "https://user:${HOOK_PASSWORD}@host/..., and rotate the password",
                )
            continue
        key = jp.last(pointer)
        if is_hardcoded(value):
            yield Finding(
                pointer,
                f"{key!r} holds a literal secret (not shown); keep it out of the file: use an "
                f"environment reference such as ${{{_variable(key)}}}, and rotate the secret",
            )
        elif literal_default(value):
            yield Finding(
                pointer,
                f"{key!r} gives its environment reference a literal default (not shown): the "
                f"default is a secret written in the file; drop it (${{{_variable(key)}}}) "
                "and rotate the secret",
            )


RULE = rule(
    "CE401",
    "hardcoded-secret",
    Severity.ERROR,
    "a secret field holds a literal value",
    __doc__,
    check,
)
