"""``--format junit``: JUnit XML for CI test-report views (GitLab, Jenkins, Azure).

One testsuite per run, one testcase per checked file (a clean file is a passing test), one
``failure`` per finding; the ``tests`` and ``failures`` counts match the elements.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from celint.model import RunResult
from celint.report import ReportSettings
from celint.report.text import line

# Characters XML 1.0 cannot carry at all, even escaped; a finding may quote them from the input.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(result: RunResult, settings: ReportSettings) -> str:
    checked = [report for report in result.reports if report.checked]
    failures = sum(len(report.diagnostics) for report in checked)
    counts = {"tests": str(len(checked)), "failures": str(failures), "errors": "0"}
    root = ET.Element("testsuites", {"name": "celint", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "celint", **counts, "skipped": "0"})
    for report in checked:
        case = ET.SubElement(
            suite,
            "testcase",
            name=_clean(report.path),
            classname="celint",
            file=_clean(report.path),
        )
        for d in report.diagnostics:
            failure = ET.SubElement(
                case, "failure", type=d.code, message=_clean(f"{d.code} {d.rule}: {d.message}")
            )
            failure.text = _clean(line(d))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
