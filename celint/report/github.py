"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=F,line=L,col=C,endLine=L,endColumn=C,title=CODE name::message``; ``warning`` and
``notice`` for the other severities. Escaping follows the runner's rules: in the message ``%``,
CR and LF; in property values also ``:`` and ``,``, which would otherwise end the value.
"""

from __future__ import annotations

from celint.model import Diagnostic, FileReport, Severity, Totals, relative
from celint.report import ReportSettings

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(d: Diagnostic) -> str:
    """The workflow command for one finding (positions left out when the file has none)."""
    properties = [("file", relative(d.path))]
    if d.span is not None:
        properties += [
            ("line", str(d.span.line)),
            ("col", str(d.span.column)),
            ("endLine", str(d.span.end_line)),
            ("endColumn", str(d.span.end_column)),
        ]
    properties.append(("title", f"{d.code} {d.rule}"))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[d.severity]} {joined}::{escape_data(d.message)}"


def file_text(report: FileReport, settings: ReportSettings) -> str:
    return "".join(command(d) + "\n" for d in report.diagnostics)


def footer(totals: Totals, settings: ReportSettings) -> str:
    """Nothing: annotations need no summary, and the runner would show it as a log line."""
    return ""
