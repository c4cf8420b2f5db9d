"""Instance bodies shared by the integration tests: one clean, the others broken on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
REFERENCE = ROOT / "tests" / "fixtures" / "reference"

# A webhook body whose vendor type is the plural alias: one CE219 warning on line 9.
WEBHOOKS_YAML = """\
element:
  key: quickbooks
providerData:
  code: ${QBO_CODE}
  realmId: "123146096291789"
configuration:
  authentication.type: oauth2
  event.notification.enabled: true
  event.vendor.type: webhooks
  event.notification.callback.url: https://app.example.com/events
  event.notification.signature.key: ${QBO_SIGNATURE}
  oauth.api.key: ${QBO_ID}
  oauth.api.secret: ${QBO_SECRET}
  oauth.callback.url: https://app.example.com/oauth
  scope: com.intuit.quickbooks.accounting
name: QuickBooks
"""

# Not valid JSON (a missing comma after the name): one CE001 error.
MISSING_COMMA_JSON = '{"element": {"key": "quickbooks"},\n "name": "x"\n "configuration": {}}\n'

# No name, a placeholder left in place, no scope, a boolean as a string: CE101 (error), CE402 and
# CE304 (warnings), CE217 (info).
PLACEHOLDER_JSON = """\
{
  "element": {"key": "quickbooks"},
  "providerData": {"code": "<AUTHORIZATION_CODE>", "realmId": "123146096291789"},
  "configuration": {"authentication.type": "oauth2", "event.notification.enabled": "false"}
}
"""


def clean_examples() -> list[Path]:
    """The clean example bodies: the top level of examples/ (its folders hold the README's
    broken ones on purpose: the reference body, a misspelt key, a misspelt configuration)."""
    return sorted(path for path in EXAMPLES.iterdir() if path.is_file())


def workspace(folder: Path) -> Path:
    """``folder`` filled with the clean examples and the broken bodies, for multi-file runs."""
    (folder / "examples").mkdir(parents=True)
    for path in clean_examples():
        shutil.copy2(path, folder / "examples" / path.name)
    broken = folder / "broken"
    broken.mkdir()
    (broken / "webhooks.yaml").write_text(WEBHOOKS_YAML, encoding="utf-8")
    (broken / "missing-comma.json").write_text(MISSING_COMMA_JSON, encoding="utf-8")
    (broken / "placeholder.json").write_text(PLACEHOLDER_JSON, encoding="utf-8")
    (broken / "odd, na:me 100%.yaml").write_text(WEBHOOKS_YAML, encoding="utf-8")
    return folder


def many_files(folder: Path, copies: int) -> Path:
    """The multi-file workspace and the reference bodies, repeated ``copies`` times, plus files
    that are skipped (not an instance body, binary)."""
    base = workspace(folder / "base")
    shutil.copytree(REFERENCE, base / "reference")
    for number in range(1, copies):
        shutil.copytree(base, folder / f"copy{number:03d}", dirs_exist_ok=True)
    (folder / "package.json").write_text('{"name": "app", "private": true}\n', encoding="utf-8")
    (folder / "blob.json").write_bytes(b"\x00\x01binary")
    return folder
