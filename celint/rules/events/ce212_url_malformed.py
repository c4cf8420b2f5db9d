"""## What it does
Reports a URL key (`event.notification.callback.url`, `oauth.callback.url`) whose value is not
an absolute http(s) URL with a host. The unambiguous scheme typos `https;//`, `https:/` and
`https//` (and the same for http) come with a fix. Whitespace at either end of any URL value
(these keys, and every other configuration key whose name ends in `url`) is reported too, with
the stripped value as the fix.

## Why is this bad?
The platform stores the text as it is. An OAuth callback that is not a URL breaks the
authorization redirect; an event callback that is not a URL means every event fails to deliver.
A trailing space is invisible in review and fatal in use: an OAuth redirect URI must match the
registered one exactly (RFC 6749, section 3.1.2).

## Example
```json
{"oauth.callback.url": "https;//mycoolapp.com"}
```

## Fix
Write an absolute URL with scheme and host: `"oauth.callback.url": "https://mycoolapp.com"`
(applied by `--fix` for the scheme typos and for whitespace at the ends).
"""

from collections.abc import Iterator

from celint.model import NO_FIX, Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support import urls
from celint.rules.support.text import padding
from celint.schema.issues import shown
from celint.schema.keys import OAUTH_PREFIX, URL_KEYS


def _url_keys(context: RuleContext) -> Iterator[str]:
    """The URL keys of the body: the documented ones, then every other key named ``...url``."""
    yield from URL_KEYS
    yield from (k for k in context.configuration if k not in URL_KEYS and urls.is_url_key(k))


def check(context: RuleContext) -> Iterator[Finding]:
    for key in _url_keys(context):
        value = context.literal(key)
        if not isinstance(value, str) or not value.strip() or context.unset_by_platform(key):
            continue  # absent or empty: CE211 for the event callback, nothing to judge otherwise
        pointer = context.config_pointer(key)
        finding = _padded(key, pointer, value)
        if finding is None and key in URL_KEYS:
            finding = _malformed(pointer, value)
        if finding is not None:
            yield finding


def _padded(key: str, pointer: str, value: str) -> Finding | None:
    """Whitespace at the ends of a URL that is otherwise well formed (or only has a scheme
    typo, fixed at the same time); a URL of an undocumented key is judged by its ends only."""
    where = padding(value)
    stripped = value.strip()
    typo = urls.scheme_typo_fix(stripped)
    if where is None or (key in URL_KEYS and urls.malformed_reason(stripped) and not typo):
        return None
    fixed = typo or stripped
    exact = "an OAuth redirect URI must match exactly" if key.startswith(OAUTH_PREFIX) else ""
    return Finding(
        pointer,
        f"{shown(pointer, value)} has {where} whitespace, and the platform uses the URL as "
        f"written{f' ({exact})' if exact else ''}: did you mean {shown(pointer, fixed)}?",
        suggestion=fixed,
        fix=fixed,
    )


def _malformed(pointer: str, value: str) -> Finding | None:
    reason = urls.malformed_reason(value)
    if reason is None:
        return None
    fixed = urls.scheme_typo_fix(value)
    if fixed is not None:
        # A URL with user information is shown as shown() masks it; others as written.
        meant = shown(pointer, fixed) if "@" in fixed else repr(fixed)
        message = f"{shown(pointer, value)} has a misspelt scheme; did you mean {meant}?"
    else:
        message = (
            f"{shown(pointer, value)} is not an absolute http(s) URL: {reason}; "
            "write it like https://myapp.example.com/callback"
        )
    return Finding(pointer, message, suggestion=fixed, fix=fixed if fixed else NO_FIX)


RULE = rule(
    "CE212",
    "url-malformed",
    Severity.ERROR,
    "a URL key is not an absolute http(s) URL with a host",
    __doc__,
    check,
    fixable=True,
)
