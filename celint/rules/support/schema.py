"""Shared by the schema rules CE101–CE103: one finding per schema issue of a kind."""

from collections.abc import Callable, Iterator

from celint.model import Finding
from celint.rules.api import RuleContext


def issues_of(kind: str) -> Callable[[RuleContext], Iterator[Finding]]:
    """A check function that reports each schema issue of ``kind`` where the schema placed it."""

    def check(context: RuleContext) -> Iterator[Finding]:
        for issue in context.issues(kind):
            yield Finding(context.root + issue.pointer, issue.message, on_key=issue.on_key)

    check.__doc__ = f"Report the schema's {kind!r} issues."
    return check
