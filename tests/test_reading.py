"""Reading with positions: every value's line/column and pointer, JSON and YAML."""

from __future__ import annotations

import math

import pytest

import celint
from celint import pointer as jp
from celint.model import Span
from celint.parse.json_reader import load_json
from celint.parse.yaml_reader import load_yaml
from celint.suggest import closest, distance

SCHEMA_ONLY = celint.LintOptions(select=("CE1",))

JSON_TEXT = """\
{
  "element": {"key": "quickbooks"},
  "configuration": {
    "a/b": ["x", 12, true, null, {"deep": -1.5e3}],
    "ü": "wert"
  }
}
"""

YAML_TEXT = """\
# comment
element:
  key: quickbooks
configuration:
  a/b: [x, 12, true, null, {deep: -1.5e3}]
  ü: 'wert'
  block: |
    line one
"""


@pytest.mark.parametrize(
    ("pointer", "expected"),
    [
        ("/element/key", (2, 22, 2, 34)),
        ("/configuration/a~1b/0", (4, 13, 4, 16)),
        ("/configuration/a~1b/2", (4, 22, 4, 26)),
        ("/configuration/a~1b/4/deep", (4, 43, 4, 49)),
        ("/configuration/ü", (5, 10, 5, 16)),
    ],
)
def test_json_value_positions(pointer: str, expected: tuple[int, int, int, int]) -> None:
    document = load_json(JSON_TEXT).documents[0]
    span = document.span(pointer)
    assert span is not None
    assert (span.line, span.column, span.end_line, span.end_column) == expected
    assert JSON_TEXT[span.offset : span.end_offset] == _source_of(document.value, pointer)


def _source_of(value: object, pointer: str) -> str:
    import json

    return json.dumps(jp.resolve(value, pointer), ensure_ascii=False).replace("-1500.0", "-1.5e3")


def test_json_key_position_and_missing_key_falls_back_to_parent_key() -> None:
    document = load_json(JSON_TEXT).documents[0]
    assert document.span("/configuration/ü", key=True) == Span(5, 5, 5, 8, 115, 118)
    missing = document.span("/configuration/event.vendor.type")
    assert missing == document.span("/configuration", key=True)
    assert missing is not None and (missing.line, missing.column) == (3, 3)


@pytest.mark.parametrize(
    ("pointer", "expected"),
    [
        ("/element/key", (3, 8, 3, 18)),
        ("/configuration/a~1b/1", (5, 12, 5, 14)),
        ("/configuration/a~1b/4/deep", (5, 35, 5, 41)),
        ("/configuration/ü", (6, 6, 6, 12)),
    ],
)
def test_yaml_value_positions(pointer: str, expected: tuple[int, int, int, int]) -> None:
    document = load_yaml(YAML_TEXT).documents[0]
    span = document.span(pointer)
    assert span is not None
    assert (span.line, span.column, span.end_line, span.end_column) == expected


def test_yaml_values_are_plain_yaml_1_2_data() -> None:
    value = load_yaml(YAML_TEXT).documents[0].value
    assert value["configuration"]["a/b"] == ["x", 12, True, None, {"deep": -1500.0}]
    assert value["configuration"]["block"] == "line one\n"
    # YAML 1.2: "yes"/"on" are strings, not booleans.
    assert load_yaml("a: yes\nb: on\nc: 0o17\n").documents[0].value == {
        "a": "yes",
        "b": "on",
        "c": 15,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("~", None),
        ("Null", None),
        ("", None),
        ("FALSE", False),
        ("017", 17),
        ("0x1f", 31),
        ("+1", 1),
        ("1_000", 1000),
        ("1e3", 1000.0),
        ("-.Inf", -math.inf),
        ("12:30", "12:30"),
        ("2001-12-14", "2001-12-14"),
    ],
)
def test_yaml_scalars_resolve_by_yaml_1_2(text: str, expected: object) -> None:
    """Plain scalars resolve by the YAML 1.2 core schema, with or without a %YAML 1.1 directive
    (the C parser gives the composer no directive to switch rules by)."""
    for header in ("", "%YAML 1.1\n---\n"):
        assert load_yaml(f"{header}k: {text}\n").documents[0].value == {"k": expected}


def test_yaml_every_document_of_a_stream() -> None:
    result = load_yaml("a: 1\n---\nb: 2\n")
    assert [d.value for d in result.documents] == [{"a": 1}, {"b": 2}]
    assert [d.index for d in result.documents] == [0, 1]


@pytest.mark.parametrize(
    ("loader", "text", "line", "column"),
    [
        (load_json, '{"a": 1,\n "a": 2}', 2, 2),
        (load_yaml, "a: 1\nb:\n  c: 1\n  c: 2\n", 4, 3),
    ],
)
def test_duplicate_key_at_second_occurrence_naming_the_first(
    loader: object, text: str, line: int, column: int
) -> None:
    result = loader(text)  # type: ignore[operator]
    [problem] = result.problems
    assert problem.rule.code == "CE002"
    assert (problem.span.line, problem.span.column) == (line, column)
    assert "first defined at line" in problem.message


def test_json_syntax_error_positions() -> None:
    [missing_comma] = load_json('{\n  "a": "x"\n  "b": 1\n}').problems
    assert missing_comma.rule.code == "CE001" and missing_comma.span is not None
    assert (missing_comma.span.line, missing_comma.span.column) == (2, 11)
    assert missing_comma.message == (
        "invalid JSON: missing ',' after this value (the parser stopped at line 3, column 3)"
    )
    [stray] = load_json('{"a": 1}\n}\n').problems
    assert stray.span is not None
    assert (stray.span.line, stray.span.column) == (2, 1)


def test_yaml_syntax_error_position() -> None:
    [problem] = load_yaml("a: [1, 2\nb: 3\n").problems
    assert problem.rule.code == "CE001"
    assert problem.span is not None and problem.span.line >= 2


def test_bom_is_not_counted_in_columns(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "bom.json"
    path.write_bytes(b'\xef\xbb\xbf{"element": {"key": "quickbooks"}, "name": ""}')
    [finding] = celint.lint_path(path, SCHEMA_ONLY)
    assert (finding.code, finding.line, finding.column) == ("CE103", 1, 44)


def test_lint_data_has_pointers_without_positions() -> None:
    findings = celint.lint_data(
        {"element": {"key": "quickbooks"}, "configuration": {}}, SCHEMA_ONLY
    )
    assert [(d.code, d.pointer, d.line) for d in findings] == [("CE101", "/name", None)]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Polling", "polling"),
        ("pollling", "polling"),
        ("webhok", "webhook"),
        ("hooks", None),
        ("", None),
    ],
)
def test_did_you_mean(word: str, expected: str | None) -> None:
    assert closest(word, ["webhook", "polling"]) == expected


def test_did_you_mean_refuses_ties_and_counts_transpositions() -> None:
    assert closest("bils", ["bills", "bilk"]) is None
    assert distance("ab", "ba") == 1
    assert distance("kitten", "sitting") == 3


def test_pointer_escaping_round_trips() -> None:
    pointer = jp.join("", "configuration", "a/b~c", 0)
    assert pointer == "/configuration/a~1b~0c/0"
    assert jp.split(pointer) == ["configuration", "a/b~c", "0"]
    assert jp.resolve({"configuration": {"a/b~c": ["v"]}}, pointer) == "v"
    assert jp.parent(pointer) == "/configuration/a~1b~0c"
