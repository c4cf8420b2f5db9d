"""Property-based tests: any input is linted without raising, findings sit inside the file and
their pointers resolve.

Profiles (``conftest.py``): ``dev`` (default), ``ci`` (when ``CI`` is set: fixed budget,
derandomized, so a CI run is repeatable) and ``fuzz`` for a long run::

    HYPOTHESIS_PROFILE=fuzz pytest tests/test_properties.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from celint import cli
from celint.config.options import LintOptions
from celint.fix.engine import fix_text
from celint.io.read import decode, lenient
from celint.lint.engine import check_bytes, parse
from celint.model import Diagnostic, split_lines
from celint.pointer import resolve, split

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [json.loads(p.read_text()) for p in sorted((ROOT / "examples").glob("*.json"))] + [
    parse(decode(p.name, p.read_bytes())).documents[0].value
    for p in sorted((ROOT / "examples").glob("*.yaml"))
]
NAMES = st.sampled_from(["body.json", "body.yaml", "body.yml", "body.txt", "-"])
OPTIONS = st.sampled_from([LintOptions(), LintOptions(all_documents=True)])


# (a) Arbitrary input never raises.


@given(data=st.binary(max_size=2000), name=NAMES, options=OPTIONS)
def test_arbitrary_bytes_never_raise(data: bytes, name: str, options: LintOptions) -> None:
    report = check_bytes(name, data, options)
    assert_placed(report.diagnostics, data)


@given(text=st.text(max_size=2000), name=NAMES, options=OPTIONS)
def test_arbitrary_text_never_raises(text: str, name: str, options: LintOptions) -> None:
    data = text.encode("utf-8", "surrogatepass")
    assert_placed(check_bytes(name, data, options).diagnostics, data)


@settings(max_examples=15)
@given(text=st.text(max_size=300), name=st.sampled_from(["b.json", "b.yaml"]))
def test_the_command_line_exits_0_or_1_on_any_text(text: str, name: str) -> None:
    args = ["check", "--all", "--stdin-filename", name, "-"]
    result = CliRunner().invoke(cli.cli, args, input=text.encode("utf-8", "surrogatepass"))
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output


def assert_placed(diagnostics: list[Diagnostic], data: bytes) -> None:
    """Every start and every end (exclusive) lies inside the decoded text or just past a
    line's end, lines as celint counts them (CR, LF or CRLF), never past the end of the file."""
    try:
        text = decode("x", data).text
    except ValueError:
        text = lenient(data)
    lines = split_lines(text)
    for d in diagnostics:
        if d.span is None:
            continue
        for line, column in ((d.span.line, d.span.column), (d.span.end_line, d.span.end_column)):
            assert 1 <= line <= len(lines), d
            assert 1 <= column <= len(lines[line - 1]) + 1, d


# (b) Mutations of valid bodies.

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def pairs(value: Any) -> Any:
    """A tree whose objects are lists of (key, value) pairs, so that keys can repeat."""
    if isinstance(value, dict):
        return [("__pairs__", [(k, pairs(v)) for k, v in value.items()])]
    if isinstance(value, list):
        return [pairs(v) for v in value]
    return value


def is_object(node: Any) -> bool:
    return isinstance(node, list) and len(node) == 1 and isinstance(node[0], tuple)


def containers(node: Any) -> list[Any]:
    """Every object's member list and every array, depth first."""
    found: list[Any] = []
    if is_object(node):
        members = node[0][1]
        found.append(members)
        for _, value in members:
            found.extend(containers(value))
    elif isinstance(node, list):
        found.append(node)
        for value in node:
            found.extend(containers(value))
    return found


FIXABLE = st.sampled_from(
    [
        ("event.vendor.type", "webhooks"),
        ("event.vendor.type", "Polling"),
        ("event.notification.enabled", "true"),
        ("event.poller.urls", "billsinvoicescustomers"),
        ("event.poller.urls", "bills, invoices"),
        ("event.poller.urls", "bills|bills|invoces"),
        ("event.notification.callback.url", "https;//app.example.com/events"),
        ("oauth.callback.url", "https//app.example.com/oauth"),
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    tree = pairs(draw(st.sampled_from(SEEDS)))
    configuration: Any = dict(tree[0][1]).get("configuration")
    if is_object(configuration):
        configuration[0][1].extend(draw(st.lists(FIXABLE, max_size=3)))
    for _ in range(draw(st.integers(1, 4))):
        target = draw(st.sampled_from(containers(tree)))
        if not target:
            continue
        index = draw(st.integers(0, len(target) - 1))
        item = target[index]
        keyed = isinstance(item, tuple)
        action = draw(st.sampled_from(["delete", "duplicate", "rename", "retype", "truncate"]))
        if action == "delete":
            del target[index]
        elif action == "duplicate":
            target.insert(index, item)
        elif action == "rename" and keyed:
            target[index] = (draw(st.text(max_size=30)), item[1])
        elif action == "retype":
            new = pairs(draw(VALUES))
            target[index] = (item[0], new) if keyed else new
        elif action == "truncate":
            value = item[1] if keyed else item
            if isinstance(value, str):
                cut = value[: draw(st.integers(0, len(value)))]
                target[index] = (item[0], cut) if keyed else cut
    return tree


def as_json(node: Any, indent: str = "") -> str:
    inner = indent + "  "
    if is_object(node):
        members = [f"{inner}{json.dumps(k)}: {as_json(v, inner)}" for k, v in node[0][1]]
        return "{\n" + ",\n".join(members) + f"\n{indent}}}" if members else "{}"
    if isinstance(node, list):
        items = [inner + as_json(v, inner) for v in node]
        return "[\n" + ",\n".join(items) + f"\n{indent}]" if items else "[]"
    return json.dumps(node)


def as_yaml(node: Any, indent: str = "") -> str:
    """Block YAML with JSON scalars (which YAML reads the same); empty containers in flow."""
    if is_object(node) and node[0][1]:
        return "".join(
            f"\n{indent}{json.dumps(k)}:{as_yaml(v, indent + '  ')}" for k, v in node[0][1]
        )
    if isinstance(node, list) and node and not is_object(node):
        return "".join(f"\n{indent}-{as_yaml(v, indent + '  ')}" for v in node)
    return " " + as_json(node).replace("\n", " ")


@given(tree=mutated(), form=st.sampled_from(["json", "yaml"]))
def test_mutated_bodies_are_placed_and_pointed_at(tree: Any, form: str) -> None:
    text = as_json(tree) + "\n" if form == "json" else as_yaml(tree).lstrip("\n") + "\n"
    data = text.encode()
    report = check_bytes(f"body.{form}", data, LintOptions(all_documents=True))
    assert_placed(report.diagnostics, data)
    documents = parse(decode(f"body.{form}", data)).documents
    for d in report.diagnostics:
        document = documents[d.document].value if documents else None
        # A repeated key inside a member that a later duplicate replaced has no pointer in the
        # value json.loads keeps; its position is what places it.
        assert points_into(document, d.pointer) or d.code == "CE002", d


# (c) Fixes are idempotent and leave nothing fixable.


@given(tree=mutated(), form=st.sampled_from(["json", "yaml"]))
def test_fixing_twice_changes_nothing_more(tree: Any, form: str) -> None:
    text = as_json(tree) + "\n" if form == "json" else as_yaml(tree).lstrip("\n") + "\n"
    options = LintOptions(all_documents=True)
    once, _, remaining = fix_text(text, f"body.{form}", options)
    assert fix_text(once, f"body.{form}", options)[0] == once
    assert [d for d in remaining if d.fixable] == []


def points_into(document: Any, pointer: str) -> bool:
    """The pointer names a value, a missing key whose parent exists, or a place inside a value
    that is itself a JSON string (``event.poller.configuration`` may be one)."""
    value = document
    tokens = split(pointer)
    for position, token in enumerate(tokens):
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return False
        try:
            value = resolve(value, "/" + token.replace("~", "~0").replace("/", "~1"))
        except KeyError:
            return position == len(tokens) - 1 and isinstance(value, dict | list)
    return True
