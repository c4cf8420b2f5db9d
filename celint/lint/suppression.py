"""Silencing findings after linting: ``per-file-ignores`` and ``# celint:`` comments in YAML.

JSON has no comments, so per-file ignores (from the configuration) are what works for both
formats. YAML files may also carry trailing comments::

    event.poller.urls: bills|invoicez  # celint: disable=CE207
    # celint: disable-file=CE218,CE402   (among the comments before the first line of data)

A comment names codes, rule names or prefixes. A comment that silences nothing, names an unknown
rule or a misspelt directive is reported as CE005 (unused-suppression), at the word concerned,
so stale suppressions do not pile up. Rules that are not enabled are not judged: a comment for
a rule that did not run cannot be called unused.
"""

from __future__ import annotations

from celint.config.options import LintOptions
from celint.config.patterns import PathPattern
from celint.model import Diagnostic


def _ignored_codes(
    path: str, ignores: tuple[tuple[PathPattern, tuple[str, ...]], ...]
) -> tuple[str, ...]:
    return tuple(code for pattern, codes in ignores if pattern.matches(path) for code in codes)


def apply(
    path: str, yaml_text: str | None, found: list[Diagnostic], options: LintOptions
) -> list[Diagnostic]:
    """The findings that remain after a YAML file's comments and the per-file ignores, plus
    CE005 for comments that silenced nothing. ``yaml_text`` is None for JSON and undecodable
    input, which have no comments."""
    if yaml_text is not None and "celint" in yaml_text:
        from celint.lint.comments import inline

        found = inline(path, yaml_text, found, options)
    codes = _ignored_codes(path, options.per_file_ignores)
    if not codes:
        return found
    return [d for d in found if not d.code.startswith(codes)]
