"""Secrets in the places the second adversarial round found them, each from its reproducer.

Masking comes from the parse that produced the findings, never from a second parse or a
guess; a value that is a secret anywhere is a secret everywhere; no output tells a secret's
length. Every case is checked in every format, in ``--diff`` and in the baseline file.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import celint
from celint import cli
from celint.config.options import LintOptions
from celint.secrets import is_secret_key

SECRET = "S3cr3tValue9xQ"


def _formats() -> list[str]:
    option = next(p for p in cli.check.check.params if p.name == "output_format")
    assert isinstance(option.type, click.Choice)
    return [str(choice) for choice in option.type.choices]


def _invoke(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli.cli, list(args), env=env, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.output  # stdout and stderr, in click 8.1 (the floor) as in the newest


def every_output(path: Path, *flags: str, env: dict[str, str] | None = None) -> str:
    """Everything celint prints about ``path`` in every format, its diff, and the baseline
    file it writes."""
    outputs = [_invoke("check", *flags, "--format", f, str(path), env=env) for f in _formats()]
    outputs.append(_invoke("check", *flags, "--diff", str(path), env=env))
    baseline = path.parent / "baseline.json"
    outputs.append(_invoke("check", *flags, "--write-baseline", str(baseline), str(path), env=env))
    return "\n".join(outputs) + baseline.read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BODY_HEAD = "element:\n  key: quickbooks\nname: x\nconfiguration:\n"


def test_raised_limits_keep_masking_and_fixing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """15.1: with max-depth 100 and 70 nested lists, full and --diff mask and --diff fixes."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "celint.toml", "[limits]\nmax-depth = 100\n")
    tags = "[" * 70 + "]" * 70
    body = (
        '{"element": {"key": "quickbooks"}, "name": "x", "tags": ' + tags + ', "configuration": '
        f'{{"oauth.api.secret": "{SECRET}", "event.notification.enabled": true, '
        '"event.vendor.type": "webhooks"}}\n'
    )
    path = write(tmp_path, "deep.json", body)
    out = every_output(path)
    assert SECRET not in out
    assert "CE401" in out
    diff = _invoke("check", "--diff", "deep.json")
    assert '"event.vendor.type": "webhook"' in diff and "Would fix 1 problem in 1 file." in diff


def test_a_file_that_does_not_parse_masks_every_secret_member(tmp_path: Path) -> None:
    """15.2: a trailing comma, the secret member in the middle of a one-line object."""
    text = (
        '{"element":{"key":"quickbooks"},"name":"x",'
        f'"configuration":{{"oauth.api.secret":"{SECRET}",}}}}\n'
    )
    path = write(tmp_path, "broken.json", text)
    out = every_output(path)
    assert SECRET not in out and "CE001" in out
    full = _invoke("check", "--format", "full", str(path))
    assert '"oauth.api.secret":********,' in full


@pytest.mark.parametrize(
    "text",
    [
        BODY_HEAD + f"  oauth.api.secret: {SECRET}\n  oauth.api.secret: ${{QBO_SECRET}}\n",
        BODY_HEAD[:-1] + f" {{oauth.api.secret: {SECRET}, oauth.api.secret: other}}\n",
        BODY_HEAD + f"  oauth.api.secret: {SECRET}\nconfiguration:\n  scope: x\n",
        BODY_HEAD + "  x: 1\nproviderData:\n" + f"  code: {SECRET}\n  code: ${{CODE}}\n",
    ],
    ids=["block", "flow", "block-repeated", "provider-code"],
)
def test_the_value_a_duplicate_key_overrode_is_masked(tmp_path: Path, text: str) -> None:
    """15.3: the first, overridden value of a repeated secret key (or in a repeated block)."""
    path = write(tmp_path, "dup.yaml", text)
    out = every_output(path)
    assert SECRET not in out and "CE002" in out


def test_a_json_duplicate_is_masked_too(tmp_path: Path) -> None:
    text = json.dumps({"element": {"key": "quickbooks"}, "name": "x"})[:-1]
    text += f', "configuration": {{"oauth.api.secret": "{SECRET}", "oauth.api.secret": "b"}}}}'
    path = write(tmp_path, "dup.json", text + "\n")
    out = every_output(path)
    assert SECRET not in out and "CE002" in out


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (f"!{SECRET}-7a", "a YAML tag at a secret field is not plain data (the tag is not shown)"),
        (f"*{SECRET}", "invalid YAML: an alias ('*name') with no anchor ('&name') before it"),
    ],
    ids=["tag", "alias"],
)
def test_a_tag_or_alias_at_a_secret_field_is_never_quoted(
    tmp_path: Path, value: str, message: str
) -> None:
    """15.4: the name after ! or * may be the secret itself."""
    path = write(tmp_path, "tag.yaml", BODY_HEAD + f"  oauth.api.secret: {value}\n")
    out = every_output(path)
    assert SECRET not in out
    assert message in out


def test_a_secret_reused_through_an_alias_is_a_secret_everywhere(tmp_path: Path) -> None:
    """15.5: &s on the secret, *s in the vendor type and the callback URL."""
    text = BODY_HEAD + (
        f"  oauth.api.secret: &s {SECRET}\n"
        "  event.notification.enabled: true\n"
        "  event.vendor.type: *s\n"
        "  oauth.callback.url: *s\n"
    )
    path = write(tmp_path, "alias.yaml", text)
    out = every_output(path)
    assert SECRET not in out
    found = {(d.code, d.message) for d in celint.lint_text(text, "alias.yaml")}
    assert ("CE201", "event.vendor.type is not webhook or polling; the value is not shown: "
            "it holds a secret") in found  # fmt: skip
    assert ("CE212", "a URL key is not an absolute http(s) URL with a host; the value is not "
            "shown: it holds a secret") in found  # fmt: skip


def test_an_environment_default_holding_a_literal_is_a_secret(tmp_path: Path) -> None:
    """15.6: ${C:-literal} at a secret field is CE401 and is masked."""
    text = BODY_HEAD + "  x: 1\nproviderData:\n" + f"  code: ${{C:-{SECRET}}}\n"
    path = write(tmp_path, "default.yaml", text)
    out = every_output(path)
    assert SECRET not in out
    [finding] = [d for d in celint.lint_text(text, "d.yaml") if d.code == "CE401"]
    assert finding.message.startswith("'code' gives its environment reference a literal default")


@pytest.mark.parametrize("secret", ["events", "short", "sign", "characters", "the", "abc"])
def test_env_secrets_that_are_common_words_change_no_message(secret: str) -> None:
    """11.10 and 15.6: no redaction by substring: the messages are the same whatever the
    secret's text or length, and the list that reuses the secret's variable is not quoted."""
    text = BODY_HEAD + (
        "  oauth.api.secret: ${QBO_CLIENT_SECRET}\n"
        "  event.notification.enabled: true\n"
        "  event.vendor.type: webhook\n"
        "  event.notification.callback.url: http://hooks.example.com/events\n"
        "  event.notification.signature.key: ${SIGN_KEY}\n"
        "  event.poller.urls: ${QBO_CLIENT_SECRET}\n"
    )

    def messages(value: str) -> dict[str, str]:
        options = LintOptions(environment={"QBO_CLIENT_SECRET": value, "SIGN_KEY": value})
        return {d.code: d.message for d in celint.lint_text(text, "b.yaml", options)}

    found = messages(secret)
    assert found == messages(SECRET)
    assert found["CE213"] == (
        "the event callback uses plain http, so events travel unencrypted; use an https URL"
    )
    assert "CE403" in found


def test_a_password_in_a_url_is_a_secret(tmp_path: Path) -> None:
    """11.11: userinfo passwords in any URL value: CE401, masked in every format."""
    url = f"http://qbo:{SECRET}@hooks.example.com/qbo/events"
    text = BODY_HEAD + f"  event.notification.callback.url: {url}\n"
    path = write(tmp_path, "url.yaml", text)
    out = every_output(path)
    assert SECRET not in out
    codes = [d.code for d in celint.lint_text(text, "url.yaml")]
    assert "CE401" in codes
    full = _invoke("check", "--format", "full", str(path))
    assert "http://qbo:********@hooks.example.com/qbo/events" in full


def test_the_full_mask_does_not_tell_the_length(tmp_path: Path) -> None:
    """11b: one fixed mask for every secret, and carets after it stay under their value."""
    short, long = "a1B2c3D4e5F6", "a1B2c3D4e5F6" * 4
    lines = []
    for secret in (short, long):
        body = (
            '{"element": {"key": "quickbooks"}, "name": "x",\n "configuration": '
            f'{{"oauth.api.secret": "{secret}", "event.vendor.type": "Webhooks"}}}}\n'
        )
        path = write(tmp_path, f"{len(secret)}.json", body)
        out = _invoke("check", "--format", "full", "--no-color", str(path))
        assert secret not in out
        lines.append([row for row in out.splitlines() if row.startswith("    2 | ")])
    assert lines[0] == lines[1]
    [source] = set(lines[0])
    assert '"oauth.api.secret": ********, "event.vendor.type": "Webhooks"' in source
    out = _invoke("check", "--format", "full", "--no-color", str(tmp_path / "12.json"))
    rows = out.splitlines()
    caret = next(
        rows[i + 1] for i, row in enumerate(rows) if row == source and "CE201" in rows[i - 1]
    )
    assert source.index('"Webhooks"') == caret.index("^")


@pytest.mark.parametrize(
    ("key", "secret"),
    [
        ("oauth.user.refresh_token", True),
        ("consumer_secret", True),
        ("token_secret", True),
        ("hubspot.authorization.apikey", True),
        ("api_key", True),
        ("db.password", True),
        ("clientSecret", True),
        ("token_id", False),
        ("oauth.api.key", False),
        ("event.vendor.type", False),
    ],
)
def test_secret_fields_by_their_last_segment(key: str, secret: bool) -> None:
    """11.13: any key whose last segment is or ends with secret/password/token, api keys."""
    assert is_secret_key(key) is secret


def test_netsuite_secrets_in_hex_are_found() -> None:
    value = "0123456789abcdef" * 4
    text = BODY_HEAD + f"  consumer_secret: {value}\n  token_secret: {value}\n"
    found = [(d.code, d.pointer) for d in celint.lint_text(text, "n.yaml") if d.code == "CE401"]
    assert found == [
        ("CE401", "/configuration/consumer_secret"),
        ("CE401", "/configuration/token_secret"),
    ]


@pytest.mark.parametrize(
    "value",
    ["%{api_secret}", "%(api_secret)s", "{{api_secret}}", "<API_SECRET>", "#{api_secret}"],
)
def test_template_forms_are_placeholders_not_secrets(value: str) -> None:
    """11.12: one CE402 at most, never CE401."""
    text = BODY_HEAD + f'  oauth.api.secret: "{value}"\n'
    codes = [d.code for d in celint.lint_text(text, "t.yaml") if d.code.startswith("CE40")]
    assert codes == ["CE402"]


def test_the_platform_mask_is_not_a_literal_secret() -> None:
    text = BODY_HEAD + '  oauth.api.secret: "********"\n'
    found = [(d.code, d.message) for d in celint.lint_text(text, "m.yaml") if d.code[:4] == "CE40"]
    assert found == [
        (
            "CE402",
            "'oauth.api.secret' holds the platform's mask of a secret (********), as an exported "
            "instance shows it; write the secret's environment reference, such as ${VAR}",
        )
    ]


def test_templated_urls_and_zones_are_left_to_ce402() -> None:
    text = BODY_HEAD + (
        "  event.notification.enabled: true\n"
        "  event.vendor.type: webhook\n"
        '  event.notification.callback.url: "%{callback_url}/integrations/quickbooks"\n'
    )
    codes = [d.code for d in celint.lint_text(text, "u.yaml")]
    assert "CE212" not in codes and codes.count("CE402") == 1


def test_a_password_behind_a_scheme_typo_is_never_printed(tmp_path: Path) -> None:
    """CE212's suggestion and fix would print the corrected URL, password and all: a URL that
    carries a password gets CE401, and CE212 neither quotes nor suggests it."""
    text = BODY_HEAD + (
        "  event.notification.enabled: true\n"
        "  event.vendor.type: webhook\n"
        f"  event.notification.callback.url: https;//user:{SECRET}@mycoolapp.com/events\n"
    )
    path = write(tmp_path, "typo.yaml", text)
    assert SECRET not in every_output(path)
    found = {d.code: d for d in celint.lint_text(text, "typo.yaml")}
    assert found["CE212"].message == (
        '"https;//***@mycoolapp.com/events" has a misspelt scheme; did you mean '
        '"https://***@mycoolapp.com/events"?'
    )
    assert (found["CE212"].suggestion, found["CE212"].fixable) == (None, False)
    assert "CE401" in found


def test_a_cr_only_file_that_does_not_parse_masks_its_secrets(tmp_path: Path) -> None:
    """Lone CR line breaks: the guessed mask of a broken file ends lines where YAML does."""
    text = (
        f"element:\r  key: quickbooks\rname: x\rconfiguration:\r  oauth.api.secret: {SECRET}: x\r"
    )
    path = write(tmp_path, "cr.yaml", text)
    out = every_output(path, "--all")
    assert SECRET not in out and "CE001" in out
