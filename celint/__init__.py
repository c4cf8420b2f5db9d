"""celint: lint and validate Cloud Elements element-instance bodies (JSON or YAML).

The library mirrors the command line::

    import celint
    for d in celint.lint_path("instances/qbo-prod.yaml"):
        print(d.line, d.column, d.code, d.message)

``lint_text`` and ``lint_path`` place findings in the file; ``lint_data`` checks a body built in
code (findings carry JSON Pointers, no positions). ``fix_text`` applies the safe fixes and
returns ``(new_text, applied, remaining)``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from celint.config.options import LintOptions
    from celint.fix.engine import fix_text
    from celint.lint.engine import lint_data, lint_path, lint_text
    from celint.model import Diagnostic, FileReport, Rule, Severity, Span
    from celint.rules import all_rules

# The library's names, imported on first use: ``celint check`` starts by importing this package,
# and a lint run must not pay for the fixer (difflib, value rendering) it does not use.
_EXPORTS = {
    "Diagnostic": "celint.model",
    "Severity": "celint.model",
    "Span": "celint.model",
    "fix_text": "celint.fix.engine",
    "FileReport": "celint.lint.engine",
    "lint_data": "celint.lint.engine",
    "lint_path": "celint.lint.engine",
    "lint_text": "celint.lint.engine",
    "LintOptions": "celint.config.options",
    "Rule": "celint.rules",
    "all_rules": "celint.rules",
}


def __getattr__(name: str) -> Any:
    """Import a library name on first access (PEP 562) and keep it in the module."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'celint' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


__version__ = "0.2.0"

__all__ = [
    "Diagnostic",
    "FileReport",
    "LintOptions",
    "Rule",
    "Severity",
    "Span",
    "__version__",
    "all_rules",
    "fix_text",
    "lint_data",
    "lint_path",
    "lint_text",
]
