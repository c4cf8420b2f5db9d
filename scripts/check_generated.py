"""Fail when a generated file is stale: ``python scripts/check_generated.py``.

Runs each generator's ``--check``: the rule pages (``docs/rules``), the editor schemas
(``schemas/dist``) and, when the shared catalogue is there, the element profiles. The README's
rule table is checked by the test suite. Used by the project's pre-commit hook.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT.parent / "shared" / "catalogue" / "catalogue.json"


def main() -> int:
    checks = ["build_rule_docs.py", "build_editor_schemas.py"]
    if CATALOGUE.is_file():  # the profiles' source; a clean clone elsewhere does not have it
        checks.append("build_elements.py")
    failed = 0
    for script in checks:
        result = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--check"])
        failed |= result.returncode
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
