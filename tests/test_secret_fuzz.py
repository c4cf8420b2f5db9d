"""A fuzz profile for secrets: generated YAML and JSON bodies hide a marked secret behind every
trick the adversarial rounds found, and no format, ``--diff`` or baseline file prints it.

The tricks: a secret field written twice (the first value overridden), a repeated block, an
anchor on the secret reused through aliases elsewhere, a tag or an undefined alias at the
secret's place, an environment default holding it, a URL password, lone surrogates and
integers longer than Python converts around it. Hypothesis draws the combinations; the CI
profile (``CI=1``) is derandomized, the ``fuzz`` profile runs many more.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from celint import cli

MARK = "Zq7SecretMarker"

TRICKS = {
    "duplicate": "  oauth.api.secret: {s}\n  oauth.api.secret: ${{QBO_SECRET}}\n",
    "block": "  oauth.api.secret: {s}\nconfiguration:\n  scope: x\n",
    "alias": "  oauth.api.secret: &s {s}\n  event.vendor.type: *s\n  oauth.callback.url: *s\n",
    "tag": "  oauth.api.secret: !{s}\n",
    "undefined-alias": "  oauth.api.secret: *{s}\n",
    "default": "  oauth.api.secret: ${{QBO_SECRET:-{s}}}\n",
    "url": "  event.notification.callback.url: https;//u:{s}@hooks.example.com/e\n",
    "surrogate": '  event.vendor.type: "\\udc00"\n  db.password: {s}\n',
    "huge": "  event.poller.refresh_interval: " + "1" * 4400 + "\n  api.token: {s}\n",
}


def _formats() -> list[str]:
    option = next(p for p in cli.check.check.params if p.name == "output_format")
    assert isinstance(option.type, click.Choice)
    return [str(choice) for choice in option.type.choices]


def _body(tricks: list[str], serial: int, flow: bool) -> str:
    secret = f"{MARK}{serial}"
    head = "element:\n  key: quickbooks\nname: x\nconfiguration:\n"
    head += "  event.notification.enabled: true\n"
    text = head + "".join(TRICKS[t].format(s=secret) for t in tricks)
    if flow:  # the same members again, as one flow mapping on one line
        text += "providerData: {code: " + secret + "x, code: other}\n"
    return text


@given(
    tricks=st.lists(st.sampled_from(sorted(TRICKS)), min_size=1, max_size=4, unique=True),
    serial=st.integers(0, 999),
    flow=st.booleans(),
)
def test_no_output_prints_a_generated_secret(tricks: list[str], serial: int, flow: bool) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        body, written = Path(folder, "body.yaml"), Path(folder, "b.json")
        body.write_text(_body(tricks, serial, flow), encoding="utf-8")
        outputs = []
        for output_format in _formats():
            result = runner.invoke(
                cli.cli, ["check", "--all", "--format", output_format, str(body)]
            )
            assert result.exit_code in (0, 1), result.output
            outputs.append(result.output)
        diff = runner.invoke(cli.cli, ["check", "--all", "--diff", str(body)])
        baseline = runner.invoke(
            cli.cli, ["check", "--all", "--write-baseline", str(written), str(body)]
        )
        outputs += [diff.output, baseline.output, written.read_text(encoding="utf-8")]
        for out in outputs:
            assert MARK not in out, (tricks, out[:2000])
        json.loads(written.read_text(encoding="utf-8"))  # the baseline stays valid JSON
