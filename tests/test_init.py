"""``celint init``: every combination passes ``celint check``; writing, refusing, formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import run_celint

from celint.parse.yaml_reader import load_yaml

ELEMENTS = ("quickbooks", "hubspot", "sfdc", "myerp")
EVENTS = ("polling", "webhook", "none")
FORMATS = ("yaml", "json")
GENERIC_INFO = (
    "element 'myerp' is not one of the 158 elements celint knows (`celint elements` lists them); "
    "only the generic checks apply"
)


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("events", EVENTS)
@pytest.mark.parametrize("element", ELEMENTS)
def test_every_combination_passes_check(
    tmp_path: Path, element: str, events: str, output_format: str
) -> None:
    path = tmp_path / f"body.{output_format}"
    made = run_celint(
        "init", "--element", element, "--events", events, "--format", output_format, "-o", str(path)
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout == ""
    assert made.stderr == f"celint: wrote {path}; then run: celint check --env {path}\n"
    checked = run_celint("check", "--format", "json", "--fail-on", "info", str(path))
    report = json.loads(checked.stdout)
    assert report["files_checked"] == 1
    found = [(d["code"], d["severity"], d["message"]) for d in report["diagnostics"]]
    if element != "myerp":  # a known element: built from its profile, nothing to report
        assert found == []
        assert checked.returncode == 0
    else:  # an element celint has no profile for: the one info that says so, nothing else
        assert found == [("CE301", "info", GENERIC_INFO)]


@pytest.mark.parametrize("events", EVENTS)
def test_stdout_yaml_is_commented_and_json_has_the_same_values(events: str) -> None:
    yaml_text = run_celint("init", "--events", events).stdout
    json_text = run_celint("init", "--events", events, "--format", "json").stdout
    assert yaml_text.startswith(
        '# Cloud Elements instance body for the element "quickbooks" (POST /instances), '
        f"events: {events}.\n"
    )
    assert "#" not in json_text.replace("'#'", "")
    assert json.loads(json_text) == load_yaml(yaml_text).documents[0].value


def test_secrets_are_environment_references() -> None:
    body = json.loads(run_celint("init", "--format", "json").stdout)
    assert body["providerData"] == {
        "code": "${QUICKBOOKS_AUTHORIZATION_CODE}",
        "realmId": "${QUICKBOOKS_REALM_ID}",
    }
    assert body["configuration"]["oauth.api.secret"] == "${QUICKBOOKS_CLIENT_SECRET}"
    assert body["configuration"]["event.notification.signature.key"] == (
        "${QUICKBOOKS_EVENTS_SIGNATURE_KEY}"
    )


def test_check_env_names_every_variable_to_set(tmp_path: Path) -> None:
    path = tmp_path / "qbo.yaml"
    assert run_celint("init", "-o", str(path)).returncode == 0
    result = run_celint("check", "--env", "--select", "CE405", "--format", "json", str(path))
    messages = [d["message"] for d in json.loads(result.stdout)["diagnostics"]]
    names = [message.split("'")[1] for message in messages]
    assert names == [
        "QUICKBOOKS_AUTHORIZATION_CODE",
        "QUICKBOOKS_REALM_ID",
        "QUICKBOOKS_CLIENT_ID",
        "QUICKBOOKS_CLIENT_SECRET",
        "QUICKBOOKS_EVENTS_SIGNATURE_KEY",
    ]
    environment = {name: "123146096291789" if "REALM" in name else "a1B2c3D4" * 5 for name in names}
    rendered = run_celint("check", "--env", str(path), env=environment)
    assert rendered.returncode == 0, rendered.stdout
    assert rendered.stdout == "All checks passed (1 file checked).\n"


def test_output_suffix_chooses_json(tmp_path: Path) -> None:
    path = tmp_path / "body.json"
    assert run_celint("init", "--events", "webhook", "-o", str(path)).returncode == 0
    assert (
        json.loads(path.read_text(encoding="utf-8"))["configuration"]["event.vendor.type"]
        == "webhook"
    )


def test_an_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    path = tmp_path / "body.yaml"
    path.write_text("keep me\n", encoding="utf-8")
    refused = run_celint("init", "-o", str(path))
    assert refused.returncode == 2
    assert refused.stderr == f"celint: error: {path} exists; use --force to overwrite it\n"
    assert path.read_text(encoding="utf-8") == "keep me\n"
    forced = run_celint("init", "--force", "-o", str(path))
    assert forced.returncode == 0
    assert path.read_text(encoding="utf-8") == run_celint("init").stdout


@pytest.mark.parametrize(
    ("element", "message"),
    [
        ("quickbook", "unknown element 'quickbook'; did you mean 'quickbooks'?"),
        ("my element", "'my element' is not an element key (letters, digits, '.', '_', '-')"),
    ],
)
def test_element_keys_that_cannot_pass_are_refused(element: str, message: str) -> None:
    result = run_celint("init", "--element", element)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"celint: error: {message}\n"
