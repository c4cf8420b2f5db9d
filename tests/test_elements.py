"""Adding an element is one data file: a minimal second profile works in every command.

The element ``acmecrm`` exists only as ``elements/acmecrm.profile.json`` in a copy of the schema
folder (``CELINT_SCHEMA_DIR``); no code knows it. ``check``, ``init``, ``schema``, ``elements``
and ``explain`` all work for it, and a profile that breaks the format is refused.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from clirun import run_celint
from samples import ROOT

from celint.elements import profiles, store
from celint.model import Severity
from celint.schema import registry

SRC = ["docs/elements/acme/events.md:12"]


def _fact(value: Any, trust: str = "confirmed") -> dict[str, Any]:
    return {"value": value, "trust": trust, "src": SRC}


def acme_profile() -> dict[str, Any]:
    """A hand-made profile: webhooks and polling, a closed list with a comma separator, one
    OAuth 2.0 flow that requires a code."""
    key = {"required": "required", "seen": "both", "trust": "confirmed", "src": SRC}
    return {
        "format": 1,
        "origin": "handmade",
        "identity": {"key": _fact("acmecrm"), "name": _fact("Acme CRM"), "hub": _fact("crm")},
        "authentication": {
            "types": _fact(["oauth2"]),
            "flows": {
                "oauth2": {
                    "source": "table",
                    "trust": "confirmed",
                    "src": SRC,
                    "typeValue": _fact("oauth2"),
                    "configuration": {"oauth.api.key": dict(key), "authentication.type": dict(key)},
                    "providerData": {"code": dict(key)},
                    "init": {
                        "configuration": {
                            "oauth.api.key": "${ACMECRM_CLIENT_ID}",
                            "authentication.type": "oauth2",
                        },
                        "providerData": {"code": "${ACMECRM_CODE}"},
                    },
                }
            },
        },
        "events": {
            "polling": _fact("supported"),
            "webhooks": _fact("supported"),
            "resources": {
                "closed": True,
                "caseSensitive": True,
                "trust": "confirmed",
                "src": SRC,
                "items": {"contacts": {"src": SRC}, "deals": {"src": SRC}},
            },
            "separator": _fact(","),
        },
    }


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A copy of the schema folder with the acmecrm profile added, used by this process too."""
    copy = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", copy, ignore=shutil.ignore_patterns("dist"))
    (copy / "elements" / "acmecrm.profile.json").write_text(json.dumps(acme_profile()))
    yield copy
    registry.load_all.cache_clear()
    store.clear()


def _in(folder: Path) -> dict[str, str]:
    return {registry.SCHEMA_DIR_VARIABLE: str(folder)}


BODY: dict[str, Any] = {
    "element": {"key": "acmecrm"},
    "name": "Acme production",
    "providerData": {"code": "${ACMECRM_CODE}"},
    "configuration": {
        "authentication.type": "oauth2",
        "oauth.api.key": "${ACMECRM_CLIENT_ID}",
        "event.notification.enabled": True,
        "event.vendor.type": "polling",
        "event.notification.callback.url": "https://app.example.com/events",
        "event.notification.signature.key": "${ACMECRM_SIGNATURE_KEY}",
        "event.poller.refresh_interval": 15,
        "event.poller.urls": "contacts,deal",
    },
}


def test_check_judges_the_new_element_by_its_profile(folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "acme.json"
    path.write_text(json.dumps(BODY, indent=1))
    result = run_celint("check", "--format", "json", str(path), env=_in(folder))
    found = [
        (d["code"], d["severity"], d["message"]) for d in json.loads(result.stdout)["diagnostics"]
    ]
    assert found == [
        ("CE207", "error", "'acmecrm' has no resource 'deal'; did you mean 'deals'?"),
    ]
    assert result.returncode == 1
    # Without the data file, the same body is an unknown element's.
    plain = run_celint("check", "--format", "json", str(path))
    assert [d["code"] for d in json.loads(plain.stdout)["diagnostics"]] == ["CE301"]


def test_init_writes_a_body_that_passes(folder: Path) -> None:
    made = run_celint("init", "--element", "acmecrm", env=_in(folder))
    assert made.returncode == 0, made.stderr
    assert "  event.poller.urls: contacts,deals\n" in made.stdout
    assert "  code: ${ACMECRM_CODE}\n" in made.stdout
    checked = run_celint(
        "check", "--stdin-filename", "acme.yaml", "-", stdin=made.stdout, env=_in(folder)
    )
    assert (checked.returncode, checked.stdout) == (0, "All checks passed (1 file checked).\n")


def test_schema_states_its_resources(folder: Path) -> None:
    result = run_celint("schema", "--element", "acmecrm", env=_in(folder))
    assert result.returncode == 0, result.stderr
    text = json.loads(result.stdout)
    urls = json.dumps(text)
    assert 'expected acmecrm resources separated by \\",\\"' in urls
    assert "contacts, deals" in urls


def test_elements_lists_it_and_explain_still_works(folder: Path) -> None:
    listed = json.loads(run_celint("elements", "--format", "json", env=_in(folder)).stdout)
    acme = next(row for row in listed if row["key"] == "acmecrm")
    assert (acme["name"], acme["origin"], acme["event_types"]) == (
        "Acme CRM",
        "handmade",
        ["polling", "webhook"],
    )
    assert run_celint("explain", "CE207", env=_in(folder)).returncode == 0


def test_a_misspelt_profile_key_is_refused(folder: Path, tmp_path: Path) -> None:
    broken = acme_profile()
    broken["events"]["seperator"] = broken["events"].pop("separator")
    (folder / "elements" / "acmecrm.profile.json").write_text(json.dumps(broken))
    path = tmp_path / "acme.json"
    path.write_text(json.dumps(BODY))
    result = run_celint("check", str(path), env=_in(folder))
    assert result.returncode == 2
    assert result.stderr == (
        "celint: error: the profile of 'acmecrm' does not follow elements/profile.format.json; "
        "run tests/test_catalogue_data.py to see where\n"
    )


def test_severity_follows_evidence(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same unknown resource is an error on a confirmed closed list, a warning with the
    did-you-mean on an open (documented) one, and nothing when no resource is close."""
    monkeypatch.setenv(registry.SCHEMA_DIR_VARIABLE, str(folder))
    registry.load_all.cache_clear()
    store.clear()
    closed = profiles.Profiles()["acmecrm"]
    assert closed.resources_evidence.severity == Severity.ERROR
    opened = acme_profile()
    opened["events"]["resources"].update(closed=False, trust="documented")
    (folder / "elements" / "acmecrm.profile.json").write_text(json.dumps(opened))
    store.clear()
    import celint

    text = json.dumps(BODY)
    assert [(d.code, d.severity) for d in celint.lint_text(text, "a.json")] == [
        ("CE207", Severity.WARNING)
    ]
    far = json.dumps({**BODY, "configuration": {**BODY["configuration"], "event.poller.urls": "x"}})
    assert celint.lint_text(far, "a.json") == []
