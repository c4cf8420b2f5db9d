"""No secret value in any output: every format, -v, --diff, validate, messages.

Each body carries literal secrets with random marker values in every secret field (see
CE401), next to mistakes that make rules and the schema talk about the values around them. The
formats and flags come from the command line itself, so a new format is covered when it lands.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from celint import cli, lint_text

MARK = "Zq" + secrets.token_hex(8)  # a prefix that no rule text or schema contains


def marker(n: int) -> str:
    return f"{MARK}{n}"


def body(n: int) -> dict[str, object]:
    """An OAuth 2.0 QuickBooks body with a literal value in every secret field."""
    return {
        "element": {"key": "quickbooks"},
        "providerData": {
            "code": marker(n),
            "secret": marker(n + 1),
            "oauth_verifier": marker(n + 2),
            "realmId": "company-1",
            "extra": 1,
        },
        "configuration": {
            "oauth.api.key": "${QBO_KEY}",
            "oauth.api.secret": marker(n + 3),
            "authentication.type": "oauth2",
            "event.notification.enabled": "yes",
            "event.vendor.type": "webhooks",
            "event.notification.callback.url": "http://localhost/events",
            "event.notification.signature.key": marker(n + 4)[:10],
            "db.password": marker(n + 5),
            "api.token": [marker(n + 6)],
            "x.secret": {"nested": marker(n + 7)},
        },
        "name": "QuickBooks",
    }


def exported() -> list[dict[str, object]]:
    """An export from GET /instances: instance tokens are secrets too."""
    return [dict(body(20), token=marker(30), id=1), dict(body(40), token=marker(50), id=2)]


def yaml_text(value: dict[str, object]) -> str:
    """The same body as block YAML (scalars as JSON, which YAML reads the same)."""
    lines = []
    for key, item in value.items():
        if not isinstance(item, dict):
            lines.append(f"{key}: {json.dumps(item)}")
            continue
        lines.append(f"{key}:")
        for inner, leaf in item.items():
            lines.append(f"  {json.dumps(inner)}: {json.dumps(leaf)}")
    return "\n".join(lines) + "\n# a comment\n"


def write_corpus(folder: Path) -> None:
    (folder / "oauth2.json").write_text(json.dumps(body(0), indent=2))
    (folder / "oauth2.yaml").write_text(yaml_text(body(10)))
    (folder / "export.json").write_text(json.dumps(exported(), indent=1))
    broken = json.dumps(body(60), indent=2).replace('"name"', '"name" "', 1)
    (folder / "broken.json").write_text(broken)
    missing_comma = json.dumps(body(90), indent=2).replace(f'"{marker(93)}",', f'"{marker(93)}"')
    (folder / "missing-comma.json").write_text(missing_comma)
    duplicate = yaml_text(body(70)) + f"configuration:\n  oauth.api.secret: {marker(80)}\n"
    (folder / "duplicate.yaml").write_text(duplicate)


def _check_option(name: str) -> click.Parameter | None:
    return next((p for p in cli.check.check.params if p.name == name), None)


def formats() -> list[str]:
    option = _check_option("output_format")
    assert option is not None and isinstance(option.type, click.Choice)
    return [str(choice) for choice in option.type.choices]


def extra_flags() -> list[list[str]]:
    """Every output-changing flag that exists on ``check`` today."""
    wanted = [["-v"], ["--statistics"], ["--diff"], ["--env"], ["--fix"], ["--fix", "--show-fixes"]]
    names = {opt for p in cli.check.check.params for opt in getattr(p, "opts", [])}
    return [[]] + [flags for flags in wanted if set(flags) <= names]


def combinations() -> list[tuple[str, list[str]]]:
    """Every format with every flag, but for the ones the command line refuses: --statistics
    has a place only in text and json (a usage error elsewhere, tested in test_ci_outputs)."""
    from celint.cli.app import STATISTICS_FORMATS

    return [
        (output_format, flags)
        for output_format in formats()
        for flags in extra_flags()
        if flags != ["--statistics"] or output_format in STATISTICS_FORMATS
    ]


def invoke(folder: Path, *args: str) -> str:
    result = CliRunner().invoke(cli.cli, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    # stdout and stderr together, in every click from the declared floor (8.1, where the runner
    # mixes them by default) to the newest (where ``output`` always holds both).
    return result.output


@pytest.mark.parametrize(
    ("output_format", "flags"),
    combinations(),
    ids=[
        f"{' '.join(flags) or 'plain'}-{output_format}" for output_format, flags in combinations()
    ],
)
def test_no_format_prints_a_secret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_format: str, flags: list[str]
) -> None:
    write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = invoke(tmp_path, "check", "--all", "--format", output_format, *flags, ".")
    assert MARK not in out
    if flags != ["--diff"]:  # a diff shows the fixes, not the findings
        assert "CE401" in out or "hardcoded-secret" in out


def test_validate_prints_no_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = invoke(tmp_path, "validate", ".")
    assert "CE401" in out and MARK not in out


def test_library_diagnostics_hold_no_secret(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    for path in sorted(tmp_path.iterdir()):
        for d in lint_text(path.read_text(), str(path)):
            assert MARK not in repr(d) + json.dumps(d.to_dict())


def test_no_write_without_fix(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for output_format in formats():
        invoke(tmp_path, "check", "--all", "--format", output_format, str(tmp_path))
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
