"""The generated rule table (``celint/rules/table.py``) says what the rule modules say.

The registry selects and skips rules by the table alone, so a stale table would run a rule
under another name, or skip one that could fire: the table must be rebuilt whenever a rule's
code, name, module or ``requires`` changes, and these tests fail until it is.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from celint import rules
from celint.report.rule_docs import rules_json, rules_markdown, rules_text
from celint.rules.table import RULES

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "build_rule_table.py"
TABLE = ROOT / "celint" / "rules" / "table.py"
pytestmark = pytest.mark.skipif(not SCRIPT.is_file(), reason="scripts/ is not in the sdist")


def build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def test_every_row_matches_its_rule_module() -> None:
    for code, name, severity, summary, module, fixable, requires in RULES:
        found = importlib.import_module(f"celint.rules.{module}").RULE
        assert (found.code, found.name, found.severity.label) == (code, name, severity)
        assert (found.summary, found.fixable, found.requires) == (summary, fixable, requires)
    assert [row[0] for row in RULES] == sorted(row[0] for row in RULES)


def test_the_listings_from_the_table_are_those_of_the_modules() -> None:
    for render in (rules_text, rules_json, rules_markdown):
        assert render(rules.summaries()) == render(rules.all_rules())


def test_the_table_is_up_to_date() -> None:
    """Give a rule other ``requires`` and forget the rebuild: this fails, naming the command."""
    result = build("--check")
    assert result.returncode == 0, result.stdout


def test_the_check_mode_exits_1_on_a_stale_table_and_the_build_repairs_it(
    tmp_path: Path,
) -> None:
    target = tmp_path / "table.py"
    stale = TABLE.read_text(encoding="utf-8").replace('("event.vendor.type",)', "()", 1)
    target.write_text(stale, encoding="utf-8")
    result = build("--check", "--out", str(target))
    assert (result.returncode, result.stdout) == (
        1,
        f"{target} is stale: run python scripts/build_rule_table.py\n",
    )
    assert target.read_text(encoding="utf-8") == stale  # --check writes nothing
    assert build("--out", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == TABLE.read_text(encoding="utf-8")
    assert build("--check", "--out", str(target)).returncode == 0


def test_selecting_rules_imports_no_rule_module() -> None:
    """``--select CE2``, a rule name and ``celint rules``'s codes come from the table."""
    code = (
        "import sys\n"
        "from celint import rules\n"
        "assert rules.resolve_selector('poller-urls-concatenated') == 'CE208'\n"
        "assert rules.resolve_selector('ce2') == 'CE2'\n"
        "assert len(rules.codes()) == len(rules.summaries()) == len(rules.MODULES)\n"
        "print(sorted(m for m in sys.modules if m.startswith('celint.rules.events')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


def test_lookup_imports_the_one_rule_it_names() -> None:
    found = rules.lookup("CE219")
    assert found is not None and found.name == "vendor-type-alias" and found.doc
    assert rules.lookup("vendor-type-alias") is found
    assert rules.lookup("CE999") is None
