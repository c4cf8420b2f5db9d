"""``celint server`` end to end, driven over stdio by a real LSP client (pytest-lsp).

The server is the installed ``celint server`` in a subprocess. What it publishes is compared
with ``celint check --format json`` run on the same files (codes, severities, messages and
ranges), its code actions are applied as an editor applies them and compared with the bytes
``celint check --fix`` writes, and its hovers with ``celint explain``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from clirun import run_celint
from lspclient import Client, apply, position, server_config
from lsprotocol import types as lsp
from pytest_lsp import client_capabilities
from rule_examples import complete, dump, example_input, example_snippet, is_reading_rule
from rule_examples import normal_form as fragment_body
from samples import EXAMPLES, ROOT, WEBHOOKS_YAML

import celint
from celint.report.rule_docs import doc_url, explain_text
from celint.rules import all_rules, lookup

pytestmark = pytest.mark.asyncio(loop_scope="module")

FIXES = ROOT / "tests" / "fixtures" / "fix"
SEVERITY = {"error": 1, "warning": 2, "info": 3}
SECRET = "hunter2-s3cr3t-Value"


async def start(client: Client, root: Path, capabilities: lsp.ClientCapabilities) -> None:
    params = lsp.InitializeParams(capabilities=capabilities, root_uri=root.as_uri())
    client.initialized_with = await client.initialize_session(params)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("workspace")


@pytest_lsp.fixture(config=server_config(), scope="module")
async def client(lsp_client: Client, root: Path) -> AsyncIterator[None]:
    """One server for the module, as VS Code's client starts it (UTF-16 positions)."""
    await start(lsp_client, root, client_capabilities("visual-studio-code"))
    yield
    await lsp_client.shutdown_session()


def folder(root: Path, name: str) -> Path:
    path = root / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def checked(path: Path, *args: str) -> list[dict[str, Any]]:
    """``celint check --format json`` on a folder or file: its diagnostics, paths absolute."""
    done = run_celint("check", "--format", "json", *args, str(path), cwd=path.parent)
    assert done.returncode in (0, 1), done.stderr
    found: list[dict[str, Any]] = json.loads(done.stdout)["diagnostics"]
    for d in found:
        d["path"] = str((path.parent / d["path"]).resolve())
    return found


def expected(d: dict[str, Any], text: str) -> tuple[Any, ...]:
    """A ``check --format json`` diagnostic as the LSP diagnostic it should be."""
    start = position(text, d["line"], d["column"])
    end = position(text, d["end_line"], d["end_column"])
    return (d["code"], SEVERITY[d["severity"]], d["message"], start, end)


def sent(d: lsp.Diagnostic) -> tuple[Any, ...]:
    assert d.source == "celint"
    assert d.code_description is not None and d.code_description.href == doc_url(str(d.code))
    return (d.code, d.severity, d.message, d.range.start, d.range.end)


async def published(client: Client, path: Path, text: str | None = None) -> list[lsp.Diagnostic]:
    uri = client.open(path, text)
    return list((await client.published(uri, 1)).diagnostics)


def rule_bodies(root: Path) -> dict[Path, str]:
    """Every rule's documented Example as a file of its own, and each body rule's Example in the
    other format too (YAML and JSON)."""
    files: dict[Path, str] = {}
    for rule in all_rules():
        found = example_input(rule)
        files[folder(root, rule.code) / found.path] = found.text
        if not is_reading_rule(rule):
            body = complete(fragment_body(example_snippet(rule).mapping()))
            other = "yaml" if found.path.endswith(".json") else "json"
            files[folder(root, rule.code) / f"example.{other}"] = dump(body, other)
    return files


# --- initialize ------------------------------------------------------------------------------


async def test_initialize_advertises_what_the_server_does(client: Client) -> None:
    result = client.initialized_with
    assert result is not None
    assert result.server_info is not None and result.server_info.name == "celint"
    capabilities = result.capabilities
    assert capabilities.position_encoding == lsp.PositionEncodingKind.Utf16
    sync = capabilities.text_document_sync
    assert isinstance(sync, lsp.TextDocumentSyncOptions)
    assert (sync.open_close, sync.change, sync.save) == (
        True,
        lsp.TextDocumentSyncKind.Incremental,
        True,
    )
    assert capabilities.hover_provider
    actions = capabilities.code_action_provider
    assert isinstance(actions, lsp.CodeActionOptions)
    assert list(actions.code_action_kinds or []) == ["quickfix", "source.fixAll.celint"]


# --- the same findings as celint check -------------------------------------------------------


async def test_every_rules_example_gives_what_check_gives(client: Client, root: Path) -> None:
    """Each rule's Example (YAML and JSON): codes, severities, messages, ranges and docs links
    equal ``celint check``'s. CE405 needs ``check --env``, which the server does not render."""
    base = folder(root, "rules")
    files = rule_bodies(base)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    by_path: dict[str, list[tuple[Any, ...]]] = {str(path): [] for path in files}
    for d in checked(base):
        by_path[d["path"]].append(expected(d, files[Path(d["path"])]))
    seen: set[str] = set()
    for path, text in files.items():
        got = [sent(d) for d in await published(client, path, text)]
        assert got == by_path[str(path)], path
        seen.update(code for code, *_ in got)
    assert seen == {rule.code for rule in all_rules()} - {"CE405"}


async def test_hostile_inputs_give_what_check_gives(client: Client, root: Path) -> None:
    """A lone surrogate (JSON-RPC carries it), a NUL, deep nesting, a YAML tag, a broken body:
    the server answers each as ``check`` does and goes on serving."""
    base = folder(root, "hostile")
    body = '{"element": {"key": "quickbooks"}, "name": "x%s"}\n'
    cases = {
        "surrogate.json": body % "\ud800",
        "nul.json": body % "\x00",
        "deep.json": '{"element": {"key": "quickbooks"}, "name": ' + "[" * 5000 + "]" * 5000 + "}",
        "tag.yaml": "element: {key: quickbooks}\nname: !!python/object/apply:os.system [id]\n",
        "brace.json": (EXAMPLES / "quickbooks-webhook.json").read_text() + "}\n",
    }
    for name, text in cases.items():
        (base / name).write_bytes(text.encode("utf-8", "surrogatepass"))
    found = checked(base)
    for name, text in cases.items():
        want = [expected(d, text) for d in found if Path(d["path"]).name == name]
        assert [sent(d) for d in await published(client, base / name, text)] == want, name
    good = await published(client, EXAMPLES / "quickbooks-polling.yaml")
    assert good == []


async def test_only_instance_bodies_are_linted(client: Client, root: Path) -> None:
    base = folder(root, "sniffing")
    package = base / "package.json"
    package.write_text('{"name": "app", "configuration": "none", "version": 1}\n')
    assert checked(package) == []
    assert await published(client, package) == []
    unsaved = lsp.TextDocumentItem("untitled:Untitled-1", "yaml", 1, WEBHOOKS_YAML)
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(unsaved))
    (only,) = (await client.published("untitled:Untitled-1", 1)).diagnostics
    assert (only.code, only.range.start.line) == ("CE219", 8)


# --- change, debounce, save, close -----------------------------------------------------------


async def test_an_incremental_edit_is_applied_before_linting(client: Client, root: Path) -> None:
    path = folder(root, "incremental") / "qbo.yaml"
    text = WEBHOOKS_YAML.replace("webhooks", "webhook")
    path.write_text(text)
    uri = client.open(path)
    assert not (await client.published(uri, 1)).diagnostics
    line = text.splitlines().index("  event.vendor.type: webhook")
    at = lsp.Position(line, len("  event.vendor.type: web"))
    change = lsp.TextDocumentContentChangePartial(lsp.Range(at, at), "x")
    document = lsp.VersionedTextDocumentIdentifier(2, uri)
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(document, [change]))
    (d,) = (await client.published(uri, 2)).diagnostics
    assert (d.code, d.range.start, d.message) == (
        "CE201",
        lsp.Position(line, 21),
        "event type \"webxhook\" is not valid: expected 'polling' or 'webhook';"
        " did you mean 'webhook'?",
    )


async def test_closing_a_document_clears_its_diagnostics(client: Client, root: Path) -> None:
    path = folder(root, "closing") / "qbo.yaml"
    path.write_text(WEBHOOKS_YAML)
    uri = client.open(path)
    assert len((await client.published(uri, 1)).diagnostics) == 1
    count = len(client.received)
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    cleared = await client.until(lambda params: params.uri == uri, after=count)
    assert not cleared.diagnostics


# --- code actions ----------------------------------------------------------------------------

FIXTURES = sorted(p for p in FIXES.iterdir() if ".expected." not in p.name)


@pytest.fixture(scope="module")
def by_check(root: Path) -> dict[str, tuple[list[dict[str, Any]], str]]:
    """Each fix fixture's findings by ``celint check --format json`` and the text ``celint
    check --fix`` writes for it (one run of each over copies of them all)."""
    base = folder(root, "fixed-by-check")
    for source in FIXTURES:
        shutil.copyfile(source, base / source.name)
    found = checked(base)
    run_celint("check", "-q", "--fix", str(base))
    return {
        source.name: (
            [d for d in found if Path(d["path"]).name == source.name],
            (base / source.name).read_bytes().decode("utf-8"),
        )
        for source in FIXTURES
    }


def edits_of(action: lsp.CodeAction, uri: str) -> list[lsp.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    assert list(action.edit.changes) == [uri]
    return list(action.edit.changes[uri])


def whole(text: str) -> lsp.Range:
    return lsp.Range(lsp.Position(0, 0), lsp.Position(len(text.splitlines()) + 1, 0))


@pytest.mark.parametrize("source", FIXTURES, ids=lambda p: p.name)
async def test_fix_all_writes_what_check_fix_writes(
    client: Client, by_check: dict[str, tuple[list[dict[str, Any]], str]], source: Path
) -> None:
    text = source.read_bytes().decode("utf-8")
    uri = client.open(source, text)
    await client.published(uri, 1)
    (action,) = await client.actions(uri, whole(text), only=["source.fixAll"])
    assert (action.kind, action.title) == (
        "source.fixAll.celint",
        "Fix all auto-fixable celint problems",
    )
    assert apply(text, edits_of(action, uri)) == by_check[source.name][1]


@pytest.mark.parametrize("source", FIXTURES, ids=lambda p: p.name)
async def test_each_fix_is_the_fix_edit_of_its_finding(
    client: Client, by_check: dict[str, tuple[list[dict[str, Any]], str]], source: Path
) -> None:
    """Each fixable finding's quick fix replaces just its value, and the result no longer has
    that finding; where the file has one fixable finding, it is what ``--fix`` writes."""
    text = source.read_bytes().decode("utf-8")
    uri = client.open(source, text)
    diagnostics = (await client.published(uri, 1)).diagnostics
    found, fixed = by_check[source.name]
    fixable = [d for d in found if d["fixable"]]
    fixes = {}  # the actions at each finding's range, once each (ranges may overlap)
    for d in diagnostics:
        for action in await client.actions(uri, d.range):
            assert action.kind == "quickfix" and action.diagnostics  # each names its finding
            (named,) = action.diagnostics
            rule = lookup(str(named.code))
            if rule is not None and action.title == f"Fix {named.code} ({rule.name})":
                fixes[repr(named)] = action
    assert len(fixes) == len(fixable)
    for action in fixes.values():
        (edit,) = edits_of(action, uri)
        (d,) = action.diagnostics or []
        assert edit.range == d.range
        after = apply(text, [edit])
        still = [(x.code, x.message) for x in celint.lint_text(after, source.name)]
        assert (d.code, d.message) not in still
    if len(fixable) == 1:
        (only,) = fixes.values()
        assert apply(text, edits_of(only, uri)) == fixed


def checked_text(root: Path, name: str, text: str) -> list[dict[str, Any]]:
    path = folder(root, "checked-text") / name
    path.write_bytes(text.encode("utf-8"))
    return checked(path)


async def test_suppress_on_this_line_silences_the_finding(client: Client, root: Path) -> None:
    path = folder(root, "suppress") / "qbo.yaml"
    text = WEBHOOKS_YAML.replace(
        "  event.vendor.type: webhooks", "  event.vendor.type: webhooks  # the platform's value"
    )
    path.write_text(text)
    uri = client.open(path)
    (d,) = (await client.published(uri, 1)).diagnostics
    actions = await client.actions(uri, d.range)
    (suppress,) = [a for a in actions if a.title == "Suppress CE219 on this line"]
    assert suppress.is_preferred is False
    after = apply(text, edits_of(suppress, uri))
    assert after.splitlines()[8] == (
        "  event.vendor.type: webhooks  # celint: disable=CE219 # the platform's value"
    )
    client.replace(uri, 2, after)
    assert not (await client.published(uri, 2)).diagnostics
    assert checked_text(root, "qbo.yaml", after) == []


async def test_suppression_joins_the_lines_celint_comment(client: Client, root: Path) -> None:
    path = folder(root, "suppress-more") / "qbo.yaml"
    text = (EXAMPLES / "quickbooks-polling.yaml").read_text()
    line = next(n for n, s in enumerate(text.splitlines()) if "event.poller.urls:" in s)
    lines = text.splitlines(keepends=True)
    lines[line] = "  event.poller.urls: bills|invoicez|bills  # celint: disable=CE210\n"
    text = "".join(lines)
    uri = client.open(path, text)
    (d,) = (await client.published(uri, 1)).diagnostics
    assert d.code == "CE207"
    (suppress,) = [a for a in await client.actions(uri, d.range) if "Suppress" in a.title]
    after = apply(text, edits_of(suppress, uri))
    assert after.splitlines()[line].endswith("# celint: disable=CE210,CE207")
    assert checked_text(root, "qbo.yaml", after) == []


async def test_no_suppression_in_json_nor_inside_a_block_scalar(client: Client, root: Path) -> None:
    base = folder(root, "no-suppress")
    json_path = base / "qbo.json"
    json_path.write_text(json.dumps(json.loads(fixed_text_json()), indent=2))
    uri = client.open(json_path)
    (d,) = (await client.published(uri, 1)).diagnostics
    assert [a.title for a in await client.actions(uri, d.range)] == [
        "Fix CE219 (vendor-type-alias)"
    ]
    block = base / "block.yaml"
    text = (
        (EXAMPLES / "quickbooks-polling.yaml")
        .read_text()
        .replace(
            "  event.poller.urls: bills|invoices|customers|payments\n",
            "  event.poller.urls: bills\n"
            "  event.poller.configuration: |\n"
            '    {"bills": {"url": "/bills?where=${gmtDate:yyyy-MM-dd}",\n'
            '               "idField": ""}}\n',
        )
    )
    uri = client.open(block, text)
    (inside,) = (await client.published(uri, 1)).diagnostics
    assert (inside.code, inside.range.start.line) == ("CE220", 21)  # in the block's text
    assert await client.actions(uri, inside.range) == []


def fixed_text_json() -> str:
    """The webhook example with the plural vendor type: one CE219, fixable."""
    body = json.loads((EXAMPLES / "quickbooks-webhook.json").read_text())
    body["configuration"]["event.vendor.type"] = "webhooks"
    return json.dumps(body)


# --- hover -----------------------------------------------------------------------------------


async def test_hover_on_a_finding_shows_its_rules_docs(client: Client, root: Path) -> None:
    path = folder(root, "hover") / "qbo.yaml"
    path.write_text(WEBHOOKS_YAML)
    uri = client.open(path)
    (d,) = (await client.published(uri, 1)).diagnostics
    explained = run_celint("explain", "CE219").stdout
    middle = lsp.Position(d.range.start.line, d.range.start.character + 3)
    found = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(uri), middle)
    )
    assert found is not None and isinstance(found.contents, lsp.MarkupContent)
    assert found.contents.kind == lsp.MarkupKind.Markdown
    rule = lookup("CE219")
    assert rule is not None
    assert found.contents.value == f"{explain_text(rule)}\n[Docs: CE219]({doc_url('CE219')})"
    assert explained.startswith(explain_text(rule))
    assert found.range == d.range
    elsewhere = lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 0))
    assert await client.text_document_hover_async(elsewhere) is None


# --- secrets ---------------------------------------------------------------------------------


async def test_no_secret_value_leaves_the_server(client: Client, root: Path) -> None:
    path = folder(root, "secret") / "qbo.yaml"
    text = WEBHOOKS_YAML.replace("${QBO_SECRET}", SECRET).replace("webhooks", "Webhok")
    path.write_text(text)
    uri = client.open(path)
    diagnostics = (await client.published(uri, 1)).diagnostics
    assert {d.code for d in diagnostics} == {"CE401", "CE201"}
    (secret,) = [d for d in diagnostics if d.code == "CE401"]
    replies: list[Any] = [diagnostics]
    for d in diagnostics:
        replies.append(await client.actions(uri, d.range))
        for character in (d.range.start.character, d.range.end.character):
            where = lsp.Position(d.range.start.line, character)
            hover = lsp.HoverParams(lsp.TextDocumentIdentifier(uri), where)
            replies.append(await client.text_document_hover_async(hover))
    replies.append(await client.actions(uri, whole(text), only=["source"]))
    assert secret.range.start.line == 12
    assert SECRET not in repr(replies)
    assert SECRET[:6] not in repr(replies)


# --- configuration ---------------------------------------------------------------------------


async def test_the_configuration_is_found_from_the_documents_folder(
    client: Client, root: Path
) -> None:
    project = folder(root, "project")
    (project / "celint.toml").write_text(
        'ignore = ["CE219"]\nexclude = ["legacy"]\n[per-file-ignores]\n"prod/*.yaml" = ["CE402"]\n'
    )
    text = WEBHOOKS_YAML.replace("${QBO_ID}", "<CLIENT_ID>")
    for sub in ("dev", "prod", "legacy"):
        (folder(project, sub) / "qbo.yaml").write_text(text)
    outside = folder(root, "elsewhere") / "qbo.yaml"
    outside.write_text(text)
    for path in (project / "dev" / "qbo.yaml", project / "prod" / "qbo.yaml", outside):
        want = [expected(d, text) for d in checked(path)]
        assert [sent(d) for d in await published(client, path)] == want, path
    assert [d.code for d in await published(client, project / "dev" / "qbo.yaml")] == ["CE402"]
    assert await published(client, project / "prod" / "qbo.yaml") == []
    assert await published(client, project / "legacy" / "qbo.yaml") == []
    assert {d.code for d in await published(client, outside)} == {"CE219", "CE402"}


async def test_a_broken_configuration_is_shown_and_the_defaults_apply(
    client: Client, root: Path
) -> None:
    project = folder(root, "broken-config")
    (project / "celint.toml").write_text('ignor = ["CE219"]\n')
    path = project / "qbo.yaml"
    path.write_text(WEBHOOKS_YAML)
    assert "celint: error: " in run_celint("check", str(path), cwd=project).stderr
    assert [d.code for d in await published(client, path)] == ["CE219"]
    client.replace(path.as_uri(), 2, WEBHOOKS_YAML + "tags: [dev]\n")
    assert [d.code for d in (await client.published(path.as_uri(), 2)).diagnostics] == ["CE219"]
    (message,) = [m for m in client.messages if "celint.toml" in m.message]  # shown once
    assert message.type == lsp.MessageType.Error
    assert message.message.startswith("celint: error: ")
    assert message.message.endswith(
        "broken-config/celint.toml: ignor: unknown key; did you mean 'ignore'?;"
        " linting with the default settings"
    )


# --- other servers: a long debounce, other position encodings, an injected failure ------------


@contextlib.asynccontextmanager
async def other_server(
    root: Path, capabilities: lsp.ClientCapabilities, *args: str, command: list[str] | None = None
) -> AsyncIterator[Client]:
    client = await server_config(*args, command=command).start()
    assert isinstance(client, Client)
    try:
        await start(client, root, capabilities)
        yield client
    finally:
        await client.shutdown_session()
        await client.stop()


async def test_edits_are_linted_once_they_pause(root: Path) -> None:
    """Six quick edits (a word typed letter by letter) give one lint, of the last text, once
    the debounce delay has passed after it."""
    path = folder(root, "typing") / "qbo.yaml"
    good = (EXAMPLES / "quickbooks-polling.yaml").read_text()
    path.write_text(good)
    capabilities = client_capabilities("visual-studio-code")
    async with other_server(root, capabilities, "--debounce", "1500") as client:
        uri = client.open(path)
        assert not (await client.published(uri, 1)).diagnostics
        word = "type: polling"
        typed = [good.replace(word, word[: len(word) - n]) for n in range(1, 7)]
        for version, text in enumerate(typed, start=2):
            client.replace(uri, version, text)
        loop = asyncio.get_running_loop()
        sent_last = loop.time()
        last = await client.published(uri, 7)
        assert loop.time() - sent_last >= 1.5
        assert [params.version for params in client.received if params.uri == uri] == [1, 7]
    path.write_text(typed[-1])
    assert [sent(d) for d in last.diagnostics] == [expected(d, typed[-1]) for d in checked(path)]
    assert {d.code for d in last.diagnostics} == {"CE201"}


async def test_save_lints_at_once_and_requests_see_the_latest_text(root: Path) -> None:
    """With a debounce longer than the test, only saving or asking publishes: a code action or
    a hover is answered for the text as it is now, not as it was last linted."""
    path = folder(root, "saving") / "qbo.yaml"
    path.write_text(WEBHOOKS_YAML)
    capabilities = client_capabilities("visual-studio-code")
    async with other_server(root, capabilities, "--debounce", "10000") as client:
        uri = client.open(path)
        assert [d.code for d in (await client.published(uri, 1)).diagnostics] == ["CE219"]
        client.replace(uri, 2, WEBHOOKS_YAML.replace("webhooks", "webhok"))
        (d,) = (await client.published(uri, 1)).diagnostics
        assert [params.version for params in client.received] == [1]  # nothing new yet
        (fix,) = [a for a in await client.actions(uri, d.range) if a.title.startswith("Fix")]
        assert fix.title == "Fix CE201 (vendor-type-invalid)"
        assert [d.code for d in (await client.published(uri, 2)).diagnostics] == ["CE201"]
        client.replace(uri, 3, WEBHOOKS_YAML.replace("webhooks", "webhook"))
        client.text_document_did_save(
            lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri))
        )
        assert not (await client.published(uri, 3)).diagnostics


ONE_LINE = (
    '{"name": "\N{GRINNING FACE} caf\N{LATIN SMALL LETTER E WITH ACUTE}", "element": {"key":'
    ' "quickbooks"}, "configuration": {"event.notification.enabled": true, "event.vendor.type":'
    ' "Webhok"}}\n'
)


@pytest.mark.parametrize(
    ("offered", "encoding"),
    [(None, "utf-16"), (["utf-8", "utf-16"], "utf-8"), (["utf-32"], "utf-32")],
)
async def test_positions_in_the_encoding_the_client_offers(
    root: Path, offered: list[str] | None, encoding: str
) -> None:
    path = folder(root, f"encoding-{encoding}") / "qbo.json"
    path.write_text(ONE_LINE, encoding="utf-8")
    general = lsp.GeneralClientCapabilities(position_encodings=offered) if offered else None
    capabilities = lsp.ClientCapabilities(general=general)
    async with other_server(root, capabilities) as client:
        assert client.initialized_with is not None
        assert client.initialized_with.capabilities.position_encoding == encoding
        uri = client.open(path)
        got = (await client.published(uri, 1)).diagnostics
        want = [
            (d["code"], position(ONE_LINE, d["line"], d["column"], encoding)) for d in checked(path)
        ]
        assert [(d.code, d.range.start) for d in got] == want
        # The emoji is 1 code point, 2 UTF-16 units, 4 UTF-8 bytes; the é 1, 1 and 2.
        extra = {"utf-32": 0, "utf-16": 1, "utf-8": 3 + 1}[encoding]
        vendor = next(d for d in got if d.code == "CE201")
        assert vendor.range.start.character == ONE_LINE.index('"Webhok"') + extra
        (fix,) = [a for a in await client.actions(uri, vendor.range) if "Fix" in a.title]
        fixed = apply(ONE_LINE, edits_of(fix, uri), encoding)
        assert fixed == ONE_LINE.replace('"Webhok"', '"webhook"')


FAILING = """
import celint.server.analysis as analysis
real = analysis.analyse
def analyse(path, text, version=None):
    if "BOOM" in text:
        raise RuntimeError("an internal error that quotes the text: " + text)
    return real(path, text, version)
analysis.analyse = analyse
from celint.cli import main
main(["server"])
"""


async def test_an_internal_error_in_one_document_leaves_the_others_served(root: Path) -> None:
    base = folder(root, "failing")
    broken, good = base / "broken.yaml", base / "good.yaml"
    broken.write_text(WEBHOOKS_YAML.replace("${QBO_SECRET}", SECRET) + "# BOOM\n")
    good.write_text(WEBHOOKS_YAML)
    capabilities = client_capabilities("visual-studio-code")
    command = [sys.executable, "-c", FAILING]
    async with other_server(root, capabilities, command=command) as client:
        uri = client.open(broken)
        assert not (await client.published(uri, 1)).diagnostics
        anywhere = lsp.Range(lsp.Position(8, 0), lsp.Position(8, 5))
        assert await client.actions(uri, anywhere) == []
        hover = lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(8, 22))
        assert await client.text_document_hover_async(hover) is None
        other = client.open(good)
        assert [d.code for d in (await client.published(other, 1)).diagnostics] == ["CE219"]
        logged = [m.message for m in client.log_messages]
        assert f"celint: internal error linting {broken}: RuntimeError in <string>:6" in logged
        assert not any(SECRET in m or "quotes the text" in m for m in logged)
