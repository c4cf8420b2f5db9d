"""What a rule sees: one instance body with convenient, pointer-aware views of its parts."""

from __future__ import annotations

import functools
from typing import Any

from celint import pointer as jp
from celint.config.options import LintOptions
from celint.elements.profiles import ElementProfile, Profiles, element_key
from celint.schema.issues import SchemaIssue
from celint.schema.keys import (
    CONFIGURATION,
    ENABLED,
    EXPORT_MARKERS,
    UNSET_BY_PLATFORM,
    VENDOR_TYPE,
    VENDOR_TYPE_ALIASES,
)
from celint.secrets import is_literal


class RuleContext:
    """One body under lint, with its element profile, options and schema issues.

    With ``--env`` the body is the rendered one; ``rendered`` holds the pointers of values that
    substitution changed and ``missing_variables`` the (pointer, name) of unset references.

    ``fragment`` marks a configuration fragment (a document of configuration keys only, such
    as the body of a configuration update), which the engine hands over as
    ``{"configuration": fragment}``: it has no element, name or providerData to miss, so only
    the schema issues inside the configuration count, and the rules that judge a whole body
    find nothing to judge.
    """

    def __init__(
        self,
        body: dict[str, Any],
        options: LintOptions,
        profiles: Profiles,
        issues: list[SchemaIssue],
        root: str = "",
        rendered: frozenset[str] = frozenset(),
        missing_variables: tuple[tuple[str, str], ...] = (),
        *,
        fragment: bool = False,
    ) -> None:
        self.body = body
        self.options = options
        self.profiles = profiles
        self.root = root
        self.rendered = rendered
        self.missing_variables = missing_variables
        self.fragment = fragment
        self.schema_issues = [issue for issue in issues if self._counts(issue)]

    def _counts(self, issue: SchemaIssue) -> bool:
        """A schema issue the rules report: in a fragment, only those inside the
        configuration; in an exported instance, none on a ``null`` (the platform writes null
        for every unset field) and none on a top-level field (the platform wrote them all, and
        it adds fields over time)."""
        if self.fragment and not issue.pointer.startswith(f"/{CONFIGURATION}/"):
            return False
        if self.exported and issue.kind == "unknown" and jp.parent(issue.pointer) == "":
            return False
        if self.exported and issue.kind != "required":
            try:
                return jp.resolve(self.body, issue.pointer) is not None
            except KeyError:
                return True
        return True

    @functools.cached_property
    def exported(self) -> bool:
        """The body is an instance as the platform returns it (``POST /instances``'s response,
        ``GET /instances[/{id}]``): it carries fields only the platform sets (id, token...)."""
        return any(marker in self.body for marker in EXPORT_MARKERS)

    def unset_by_platform(self, key: str) -> bool:
        """The value of ``key`` is the platform's own "unset" (``"false"``) in an exported
        instance with events off: the platform wrote it, not the user."""
        return (
            self.exported
            and not self.events_enabled
            and self.configuration.get(key) == UNSET_BY_PLATFORM
        )

    def from_environment(self, pointer: str) -> bool:
        """With ``--env``: the value at ``pointer`` was rendered from the environment (a
        secret there is not a literal in the file)."""
        return pointer in self.rendered

    def pointer(self, *tokens: str | int) -> str:
        """A pointer into this body (``root`` prefixes bodies inside an exported array)."""
        return jp.join(self.root, *tokens)

    @functools.cached_property
    def element_key(self) -> str | None:
        return element_key(self.body)

    @functools.cached_property
    def profile(self) -> ElementProfile | None:
        """The known element's profile, or None for an unknown or missing element."""
        return self.profiles.get(self.element_key) if self.element_key else None

    @functools.cached_property
    def configuration(self) -> dict[str, Any]:
        configuration = self.body.get(CONFIGURATION)
        return configuration if isinstance(configuration, dict) else {}

    def config_pointer(self, key: str) -> str:
        return self.pointer(CONFIGURATION, key)

    def literal(self, key: str) -> Any:
        """A value the value rules may judge; None if absent, a placeholder or ${VAR}."""
        value = self.configuration.get(key)
        return value if is_literal(value) else None

    @functools.cached_property
    def events_enabled(self) -> bool:
        """Events are on: ``event.notification.enabled`` is true (or the string "true")."""
        value = self.configuration.get(ENABLED)
        return value is True or (isinstance(value, str) and value.strip().lower() == "true")

    @functools.cached_property
    def vendor_type(self) -> str | None:
        """The chosen event type, normalised: ``webhooks`` and case variants read as ``webhook``."""
        value = self.configuration.get(VENDOR_TYPE)
        if not isinstance(value, str):
            return None
        word = value.strip().lower()
        return VENDOR_TYPE_ALIASES.get(word, word)

    @property
    def polling(self) -> bool:
        return self.events_enabled and self.vendor_type == "polling"

    def issues(self, kind: str) -> list[SchemaIssue]:
        return [issue for issue in self.schema_issues if issue.kind == kind]
