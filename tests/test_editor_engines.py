"""The editor schemas in the real editor engines, offline.

yaml-language-server (spoken to over LSP on stdio, as an editor does) and
vscode-json-languageservice (VS Code's JSON engine, in a node script) validate bad bodies
against ``schemas/dist/``; the tests assert what a user sees: the line, the column and the
message of each diagnostic. Both engines run with the network blocked
(tests/editors/block-network.js), so loading a schema offline is checked, not assumed. The
drivers are tests/editors/*.js; the engines are pinned in tests/editors/package-lock.json and
installed by scripts/install-editor-engines.sh.

Without node or the installed engines the tests skip, saying why; ``CELINT_REQUIRE_EDITORS=1``
(set by CI) turns that skip into a failure, so CI cannot pass without running them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from samples import EXAMPLES, ROOT

EDITORS = ROOT / "tests" / "editors"
DIST = ROOT / "schemas" / "dist"
ENGINES = ("yaml-language-server", "vscode-json-languageservice")
POLLING_YAML = EXAMPLES / "quickbooks-polling.yaml"
WEBHOOK_JSON = EXAMPLES / "quickbooks-webhook.json"
DROP = None  # a change that removes the key

Diagnostics = dict[str, list[dict[str, Any]]]


def missing_engines() -> str | None:
    """Why the engines cannot run here, or None when they can."""
    node = shutil.which("node")
    if node is None or shutil.which("npm") is None:
        return "node and npm (Node.js 20 or later) are not on PATH"
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
    major = re.match(r"v(\d+)", version.stdout)
    if major is None or int(major.group(1)) < 20:
        return f"Node.js 20 or later is needed, found {version.stdout.strip() or 'nothing'}"
    for engine in ENGINES:
        if not (EDITORS / "node_modules" / engine / "package.json").is_file():
            return (
                f"tests/editors/node_modules/{engine} is missing; install the editor engines"
                " with scripts/install-editor-engines.sh"
            )
    return None


def gate(reason: str | None, required: bool) -> None:
    """Skip with ``reason``, or fail with it when the engines are required (CI)."""
    if reason is None:
        return
    if required:
        pytest.fail(f"CELINT_REQUIRE_EDITORS=1, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def engines() -> None:
    """Every test that runs an engine asks for this first."""
    gate(missing_engines(), os.environ.get("CELINT_REQUIRE_EDITORS") == "1")


# --- the bad bodies ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One mistake made in the polling example, and where and how each engine reports it."""

    name: str
    key: str
    value: str | None  # the new value, DROP to remove the key
    anchor: str  # the key on whose line the diagnostic sits
    at_value: bool  # the diagnostic starts at the value (else at the anchor key)
    yaml_ls: str  # what yaml-language-server says (a substring of its message)
    json_ls: str  # what VS Code's JSON service says
    names: str = ""  # a further substring both messages must hold


URL = "event.notification.callback.url"
RESOURCES_SAY = 'expected QuickBooks resources separated by "|"'
CASES = [
    Case("vendor-type", "event.vendor.type", "poling", "event.vendor.type", True,
         'expected "polling" or "webhook"', 'expected "polling" or "webhook"'),
    Case("polling-no-interval", "event.poller.refresh_interval", DROP, "configuration", False,
         "polling needs event.poller.refresh_interval",
         'Missing property "event.poller.refresh_interval"'),
    Case("polling-no-resources", "event.poller.urls", DROP, "configuration", False,
         "polling needs the resources to poll: event.poller.urls or event.poller.configuration",
         'Missing property "event.poller.urls"'),
    Case("callback-url-scheme", URL, "https;//mycoolapp.com/events", URL, True,
         "expected an absolute http(s) URL", "expected an absolute http(s) URL"),
    Case("resources-commas", "event.poller.urls", "bills,invoices,customers",
         "event.poller.urls", True, RESOURCES_SAY, RESOURCES_SAY,
         names="bill-payments, bills, classes"),
    Case("resource-unknown", "event.poller.urls", "bills|invoicez|customers",
         "event.poller.urls", True, RESOURCES_SAY, RESOURCES_SAY, names="vendor-credits, vendors"),
    Case("webhooks-alias", "event.vendor.type", "webhooks", "event.vendor.type", False,
         '"webhooks" is an accepted alias; the documented value is "webhook"',
         '"webhooks" is an accepted alias; the documented value is "webhook"'),
]  # fmt: skip


def _polling_body() -> dict[str, Any]:
    body: dict[str, Any] = YAML(typ="safe").load(POLLING_YAML.read_text(encoding="utf-8"))
    return body


def yaml_text(case: Case) -> str:
    """The polling example with the case's change, as a user edits it: one line replaced or
    removed, comments and all else unchanged."""
    pattern = re.compile(rf"^(  {re.escape(case.key)}: ).*\n", re.MULTILINE)
    text = POLLING_YAML.read_text(encoding="utf-8")
    assert pattern.search(text), case.key
    return pattern.sub("" if case.value is DROP else rf"\g<1>{case.value}\n", text)


def json_text(case: Case) -> str:
    body = _polling_body()
    if case.value is DROP:
        del body["configuration"][case.key]
    else:
        body["configuration"][case.key] = case.value
    return json.dumps(body, indent=2) + "\n"


def where(text: str, case: Case, quote: str) -> tuple[int, int]:
    """1-based line and column where the case's diagnostic belongs: the anchor key's line, at the
    value or at the key (``quote`` is how keys and strings are written: ``"`` in JSON)."""
    for number, line in enumerate(text.splitlines(), start=1):
        key = f"{quote}{case.anchor}{quote}:"
        if line.lstrip().startswith(key):
            target = f"{quote}{case.value}{quote}" if case.at_value else key
            return number, line.index(target) + 1
    raise AssertionError(f"{case.anchor} not in the body")


# --- running the drivers -----------------------------------------------------------------------


@dataclass
class Run:
    diagnostics: Diagnostics
    stderr: list[str]

    def of(self, path: Path) -> list[dict[str, Any]]:
        return self.diagnostics.get(str(path), [])


def drive(script: str, *args: str | Path) -> Run:
    """Run one driver; its stdout holds one JSON line per diagnostic."""
    command = ["node", str(EDITORS / script), *map(str, args)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    found: Diagnostics = defaultdict(list)
    for line in done.stdout.splitlines():
        diagnostic = json.loads(line)
        found[diagnostic["file"]].append(diagnostic)
    return Run(dict(found), done.stderr.splitlines())


@dataclass
class Workspace:
    """A user's repository: ``schemas/dist`` (a link to the real files), the bad bodies, and the
    files that name their schema themselves (modeline, ``$schema``)."""

    root: Path
    bad_yaml: dict[str, Path]
    bad_json: dict[str, Path]
    canary: Path  # a bad body in examples/, so a clean example proves the association applied
    generic_canary: Path
    modeline_bad: Path
    modeline_good: Path
    dollar_bad: Path
    dollar_good: Path


MODELINE = "# yaml-language-server: $schema=../schemas/dist/quickbooks.schema.json\n"
VENDOR = CASES[0]


@pytest.fixture(scope="module")
def workspace(engines: None, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("repo")
    (root / "schemas").mkdir()
    (root / "schemas" / "dist").symlink_to(DIST, target_is_directory=True)
    for folder in ("bad", "examples", "generic", "modeline", "dollar"):
        (root / folder).mkdir()

    def write(relative: str, text: str) -> Path:
        (root / relative).write_text(text, encoding="utf-8")
        return root / relative

    webhook = json.loads(WEBHOOK_JSON.read_text(encoding="utf-8"))
    wrong = {**webhook, "configuration": {**webhook["configuration"], VENDOR.key: VENDOR.value}}
    generic = yaml_text(VENDOR).replace("key: quickbooks", "key: acmecrm")
    schema_key = {"$schema": "../schemas/dist/quickbooks.schema.json"}
    return Workspace(
        root=root,
        bad_yaml={case.name: write(f"bad/{case.name}.yaml", yaml_text(case)) for case in CASES},
        bad_json={case.name: write(f"bad/{case.name}.json", json_text(case)) for case in CASES},
        canary=write("examples/canary.yaml", yaml_text(VENDOR)),
        generic_canary=write("generic/canary.yaml", generic),
        modeline_bad=write("modeline/bad.yaml", MODELINE + yaml_text(VENDOR)),
        modeline_good=write("modeline/good.yaml", MODELINE + POLLING_YAML.read_text()),
        dollar_bad=write("dollar/bad.json", json.dumps({**schema_key, **wrong}, indent=2)),
        dollar_good=write("dollar/good.json", json.dumps({**schema_key, **webhook}, indent=2)),
    )


def _yaml_server(workspace: Workspace, schemas: dict[str, list[str]], *files: Path) -> Run:
    return drive(
        "yaml-server.js", "--root", workspace.root, "--schemas", json.dumps(schemas), *files
    )


@pytest.fixture(scope="module")
def yaml_element(workspace: Workspace) -> Run:
    """yaml-language-server with the VS Code recipe: ``yaml.schemas`` maps a path relative to the
    workspace to globs; the modeline files name their schema themselves."""
    schemas = {"./schemas/dist/quickbooks.schema.json": ["bad/*", "examples/*"]}
    files = [*workspace.bad_yaml.values(), *workspace.bad_json.values(), workspace.canary]
    files += [POLLING_YAML, WEBHOOK_JSON, workspace.modeline_bad, workspace.modeline_good]
    return _yaml_server(workspace, schemas, *files)


@pytest.fixture(scope="module")
def yaml_generic(workspace: Workspace) -> Run:
    schemas = {"./schemas/dist/instance.schema.json": ["examples/*", "generic/*"]}
    return _yaml_server(workspace, schemas, POLLING_YAML, WEBHOOK_JSON, workspace.generic_canary)


@pytest.fixture(scope="module")
def json_element(workspace: Workspace) -> Run:
    schema = workspace.root / "schemas/dist/quickbooks.schema.json"
    files = [*workspace.bad_json.values(), WEBHOOK_JSON]
    return drive("json-service.js", "--schema", schema, *files)


@pytest.fixture(scope="module")
def json_generic(workspace: Workspace) -> Run:
    schema = workspace.root / "schemas/dist/instance.schema.json"
    canary = workspace.root / "generic" / "canary.json"
    canary.write_text(json_text(VENDOR).replace('"quickbooks"', '"acmecrm"'), encoding="utf-8")
    return drive("json-service.js", "--schema", schema, WEBHOOK_JSON, canary)


@pytest.fixture(scope="module")
def json_dollar(workspace: Workspace) -> Run:
    """The JSON recipe: a ``"$schema"`` key with a relative path, no setting at all."""
    return drive("json-service.js", workspace.dollar_bad, workspace.dollar_good)


def _seen(diagnostics: list[dict[str, Any]]) -> list[tuple[int, int]]:
    return [(diagnostic["line"], diagnostic["column"]) for diagnostic in diagnostics]


def _says(diagnostics: list[dict[str, Any]], *parts: str) -> None:
    for part in filter(None, parts):
        assert part in diagnostics[0]["message"], diagnostics[0]["message"]


# --- each mistake, in each engine --------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_yaml_language_server_on_yaml(workspace: Workspace, yaml_element: Run, case: Case) -> None:
    found = yaml_element.of(workspace.bad_yaml[case.name])
    assert _seen(found) == [where(yaml_text(case), case, "")], found
    _says(found, case.yaml_ls, case.names)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_yaml_language_server_on_json(workspace: Workspace, yaml_element: Run, case: Case) -> None:
    found = yaml_element.of(workspace.bad_json[case.name])
    assert _seen(found) == [where(json_text(case), case, '"')], found
    _says(found, case.yaml_ls, case.names)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_vscode_json_service(workspace: Workspace, json_element: Run, case: Case) -> None:
    found = json_element.of(workspace.bad_json[case.name])
    assert _seen(found) == [where(json_text(case), case, '"')], found
    _says(found, case.json_ls, case.names)
    expected = "warning" if case.name == "webhooks-alias" else "error"
    assert found[0]["severity"] == expected


def test_the_messages_do_not_show_the_regex(yaml_element: Run, json_element: Run) -> None:
    for run in (yaml_element, json_element):
        for diagnostics in run.diagnostics.values():
            for diagnostic in diagnostics:
                assert "pattern" not in diagnostic["message"]
                assert "(?:" not in diagnostic["message"]


# --- the good examples -------------------------------------------------------------------------


def test_the_examples_are_clean_with_the_element_schema(workspace: Workspace, yaml_element: Run,
                                                        json_element: Run) -> None:  # fmt: skip
    assert yaml_element.of(POLLING_YAML) == []
    assert yaml_element.of(WEBHOOK_JSON) == []
    assert json_element.of(WEBHOOK_JSON) == []
    # The same association does reach examples/: a bad body there is reported.
    assert _seen(yaml_element.of(workspace.canary)) == [where(yaml_text(VENDOR), VENDOR, "")]


def test_the_examples_are_clean_with_the_generic_schema(workspace: Workspace, yaml_generic: Run,
                                                        json_generic: Run) -> None:  # fmt: skip
    assert yaml_generic.of(POLLING_YAML) == []
    assert yaml_generic.of(WEBHOOK_JSON) == []
    assert json_generic.of(WEBHOOK_JSON) == []
    for run in (yaml_generic, json_generic):  # the schema did apply: the generic vendor types
        (canary,) = [found for path, found in run.diagnostics.items() if "canary" in path]
        assert [d["message"] for d in canary] == ['expected "webhook" or "polling"']


# --- the README's recipes, offline -------------------------------------------------------------


def test_the_yaml_modeline_recipe(workspace: Workspace, yaml_element: Run) -> None:
    """``# yaml-language-server: $schema=../schemas/dist/quickbooks.schema.json``."""
    line, column = where(yaml_text(VENDOR), VENDOR, "")
    found = yaml_element.of(workspace.modeline_bad)
    assert _seen(found) == [(line + 1, column)]  # one line down: the modeline is line 1
    _says(found, VENDOR.yaml_ls)
    assert yaml_element.of(workspace.modeline_good) == []


def test_the_json_schema_key_recipe(workspace: Workspace, json_dollar: Run) -> None:
    """``"$schema": "../schemas/dist/quickbooks.schema.json"``, resolved by the JSON service."""
    text = workspace.dollar_bad.read_text(encoding="utf-8")
    found = json_dollar.of(workspace.dollar_bad)
    assert _seen(found) == [where(text, VENDOR, '"')]
    _says(found, VENDOR.json_ls)
    assert json_dollar.of(workspace.dollar_good) == []
    dist = (workspace.root / "schemas" / "dist" / "quickbooks.schema.json").as_uri()
    assert [line for line in json_dollar.stderr if line.startswith("request ")] == [
        f"request {dist}"  # asked once, for the local file, and nothing else
    ]


def test_the_engines_stay_offline(yaml_element: Run, yaml_generic: Run, json_element: Run,
                                  json_generic: Run, json_dollar: Run) -> None:  # fmt: skip
    for run in (yaml_element, yaml_generic, json_element, json_generic, json_dollar):
        assert not [line for line in run.stderr if line.startswith("network ")], run.stderr
        requests = [line for line in run.stderr if line.startswith("request ")]
        assert all(re.fullmatch(r"request file://.*/schemas/dist/\w+\.schema\.json", line)
                   for line in requests), requests  # fmt: skip


def test_the_network_block_is_real(workspace: Workspace) -> None:
    """A schema named by URL is not fetched: the test would notice an engine going online."""
    document = workspace.root / "online.yaml"
    document.write_text("# yaml-language-server: $schema=https://celint.dev/x.json\nname: x\n")
    run = _yaml_server(workspace, {}, document)
    assert "network celint.dev:443" in run.stderr
    assert "Unable to load schema" in run.of(document)[0]["message"]


# --- the pins, and the skip -------------------------------------------------------------------


def test_the_installed_engines_are_the_pinned_ones(engines: None) -> None:
    pins = json.loads((EDITORS / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert pins["yaml-language-server"].startswith("1.")
    assert pins["vscode-json-languageservice"].startswith("5.")
    for engine, version in pins.items():
        installed = json.loads((EDITORS / "node_modules" / engine / "package.json").read_text())
        assert installed["version"] == version, f"{engine}: run scripts/install-editor-engines.sh"


@pytest.mark.parametrize(
    ("required", "outcome"), [(False, pytest.skip.Exception), (True, pytest.fail.Exception)]
)
def test_missing_engines_skip_unless_required(required: bool, outcome: type[BaseException]) -> None:
    with pytest.raises(outcome, match="tests/editors/node_modules"):
        gate("tests/editors/node_modules/yaml-language-server is missing", required)
    gate(None, required)  # nothing missing: neither
