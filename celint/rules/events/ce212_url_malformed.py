"""## What it does
Reports a URL key (`event.notification.callback.url`, `oauth.callback.url`) whose value is not
an absolute http(s) URL with a host. The unambiguous scheme typos `https;//`, `https:/` and
`https//` (and the same for http) come with a fix.

## Why is this bad?
The platform stores the text as it is. An OAuth callback that is not a URL breaks the
authorization redirect; an event callback that is not a URL means every event fails to deliver.

## Example
```json
{"oauth.callback.url": "https;//mycoolapp.com"}
```

## Fix
Write an absolute URL with scheme and host: `"oauth.callback.url": "https://mycoolapp.com"`
(applied by `--fix` for the scheme typos).
"""

from collections.abc import Iterator

from celint.model import NO_FIX, Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support import urls
from celint.schema.issues import shown
from celint.schema.keys import CALLBACK_URL, OAUTH_CALLBACK_URL

URL_KEYS = (CALLBACK_URL, OAUTH_CALLBACK_URL)


def check(context: RuleContext) -> Iterator[Finding]:
    for key in URL_KEYS:
        value = context.literal(key)
        if not isinstance(value, str) or not value.strip():
            continue  # absent or empty: CE211 for the event callback, nothing to judge otherwise
        reason = urls.malformed_reason(value)
        if reason is None:
            continue
        pointer = context.config_pointer(key)
        fixed = urls.scheme_typo_fix(value)
        if fixed is not None:
            message = f"{shown(pointer, value)} has a misspelt scheme; did you mean {fixed!r}?"
        else:
            message = (
                f"{shown(pointer, value)} is not an absolute http(s) URL: {reason}; "
                "write it like https://myapp.example.com/callback"
            )
        yield Finding(pointer, message, suggestion=fixed, fix=fixed if fixed else NO_FIX)


RULE = rule(
    "CE212",
    "url-malformed",
    Severity.ERROR,
    "a URL key is not an absolute http(s) URL with a host",
    __doc__,
    check,
    fixable=True,
    requires=URL_KEYS,
)
