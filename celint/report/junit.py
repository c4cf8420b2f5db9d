"""``--format junit``: JUnit XML for CI test-report views (GitLab, Jenkins, Azure).

One testsuite per run, one testcase per checked file. A file fails when it has a finding at or
above ``--fail-on``, exactly as the exit code does: its testcase holds one ``failure`` that
lists those findings. Findings below the threshold do not fail anything; they are listed in the
testcase's ``system-out``, so the report still shows them. ``tests`` counts the testcases and
``failures`` the failed ones, as JUnit readers count.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from celint.model import Diagnostic, FileReport, RunResult
from celint.report import ReportSettings
from celint.report.text import line, plural

# Characters XML 1.0 cannot carry at all, even escaped; a finding may quote them from the input.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _lines(diagnostics: list[Diagnostic]) -> str:
    return _clean("".join(line(d) + "\n" for d in diagnostics))


def _failure(failing: list[Diagnostic], settings: ReportSettings) -> dict[str, str]:
    """The attributes of a file's one failure: the codes that failed it, and a message that
    names the first finding and how many more there are."""
    first = failing[0]
    more = f" (and {plural(len(failing) - 1, 'more problem')})" if len(failing) > 1 else ""
    codes = ",".join(dict.fromkeys(d.code for d in failing))
    return {"type": codes, "message": _clean(f"{first.code} {first.rule}: {first.message}{more}")}


def _case(suite: ET.Element, report: FileReport, settings: ReportSettings) -> bool:
    """Add one file's testcase; True when it failed."""
    name = _clean(report.path)
    case = ET.SubElement(suite, "testcase", name=name, classname="celint", file=name)
    failing = [d for d in report.diagnostics if d.severity >= settings.fail_on]
    passing = [d for d in report.diagnostics if d.severity < settings.fail_on]
    if failing:
        ET.SubElement(case, "failure", _failure(failing, settings)).text = _lines(failing)
    if passing:
        ET.SubElement(case, "system-out").text = _lines(passing)
    return bool(failing)


def render(result: RunResult, settings: ReportSettings) -> str:
    # A file with findings is a testcase even when no body was checked (CE004 on a file
    # that looks like one): a finding never disappears from the report.
    reports = [report for report in result.reports if report.checked or report.diagnostics]
    root = ET.Element("testsuites", name="celint")
    suite = ET.SubElement(root, "testsuite", name="celint")
    failed = sum(_case(suite, report, settings) for report in reports)
    counts = {"tests": str(len(reports)), "failures": str(failed), "errors": "0"}
    root.attrib.update(counts)
    suite.attrib.update({**counts, "skipped": "0"})
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
