"""celint: lint and validate Cloud Elements element-instance bodies (JSON or YAML).

The library mirrors the command line::

    import celint
    for d in celint.lint_path("instances/qbo-prod.yaml"):
        print(d.line, d.column, d.code, d.message)

``lint_text`` and ``lint_path`` place findings in the file; ``lint_data`` checks a body built in
code (findings carry JSON Pointers, no positions). ``fix_text`` applies the safe fixes and
returns ``(new_text, applied, remaining)``.
"""

from celint.diagnostic import Diagnostic, Severity, Span
from celint.fix import fix_text
from celint.linter import FileReport, lint_data, lint_path, lint_text
from celint.options import LintOptions
from celint.rules import Rule, all_rules

__version__ = "0.1.0"

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
