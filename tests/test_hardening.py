"""Hostile input: limits, encodings and YAML tags give CE004, never a hang, crash or traceback."""

from __future__ import annotations

import codecs
import os
import stat
import sys
import tracemalloc
from pathlib import Path

import pytest
from clirun import run_celint

from celint.config.options import LintOptions
from celint.io.read import read_limited
from celint.lint.engine import check_bytes
from celint.model import Diagnostic

EVERYTHING = LintOptions(all_documents=True)
READING = LintOptions(select=("CE0", "CE102"))  # the reading rules and one placed schema rule
BODY_JSON = '{\n  "element": {"key": "quickbooks"},\n  "name": "café QBO",\n  "tags": 1\n}\n'
BODY_YAML = "element:\n  key: quickbooks\nname: café QBO\ntags: 1\n"


LIST_EXPECTED = 'expected a list of strings, such as ["production"], found a number'


def found(path: str, data: bytes, options: LintOptions = EVERYTHING) -> list[Diagnostic]:
    return check_bytes(path, data, options).diagnostics


def where(diagnostics: list[Diagnostic]) -> list[tuple[str, int | None, int | None, str]]:
    return [(d.code, d.line, d.column, d.message) for d in diagnostics]


def deep_message(limit: int = 64) -> str:
    return f"nested deeper than {limit} levels (the max_depth limit)"


def bomb(levels: int = 9) -> str:
    """A "billion laughs" inside an instance body: 9 ** levels strings once expanded."""
    lines = ["element: {key: quickbooks}", "name: bomb", 'a0: &a0 ["lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# Nesting depth


@pytest.mark.parametrize(
    ("path", "text", "line", "column"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000, 1, 65),
        ("deep.json", "[" * 100_000, 1, 65),
        ("deep.json", '{"a": ' * 70 + "1" + "}" * 70, 1, 6 * 64 + 1),
        ("deep.json", '["[[[[", ' + "[" * 70 + "]" * 71, 1, 10 + 63),
        ("deep.yaml", "[" * 100_000 + "]" * 100_000, 1, 65),
        ("deep.yaml", "[" * 100_000, 1, 65),
        ("deep.yaml", "- " * 100_000 + "x\n", 1, 129),
        ("deep.yaml", "".join("  " * i + "a:\n" for i in range(70)) + "  " * 70 + "b\n", 65, 129),
    ],
)
def test_nesting_over_the_limit_is_ce004_at_the_first_bracket_too_deep(
    path: str, text: str, line: int, column: int
) -> None:
    assert where(found(path, text.encode())) == [("CE004", line, column, deep_message())]


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_nesting_at_the_limit_is_read(suffix: str) -> None:
    text = "[" * 64 + "]" * 64
    assert [d.code for d in found("at-limit" + suffix, text.encode())] == ["CE003"]


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_the_depth_limit_is_configurable(suffix: str) -> None:
    text = '{"element": {"key": "quickbooks"}, "name": "x", "tags": [["a"]]}'
    options = LintOptions(max_depth=2)
    assert where(found("body" + suffix, text.encode(), options)) == [
        ("CE004", 1, 58, deep_message(2))
    ]


def test_a_yaml_alias_deeper_than_the_limit_is_refused() -> None:
    text = "a: &a [[[x]]]\nb: [[*a]]\n"
    assert where(
        found("alias.yaml", text.encode(), LintOptions(max_depth=4, all_documents=True))
    ) == [("CE004", 1, 8, deep_message(4))]


# YAML alias expansion and tags


def test_a_billion_laughs_is_refused() -> None:
    assert where(found("bomb.yaml", bomb().encode(), LintOptions())) == [
        ("CE004", 3, 24, "more than 10000 values once aliases are expanded (a YAML alias bomb?)")
    ]


def test_the_alias_limit_is_configurable_and_counts_only_repeats() -> None:
    text = bomb(levels=1)  # 27 strings, 3 of them and a list built through an alias 9 times
    assert (
        found("small.yaml", text.encode(), LintOptions(select=("CE0",), max_alias_nodes=36)) == []
    )
    assert [
        d.code for d in found("small.yaml", text.encode(), LintOptions(max_alias_nodes=35))
    ] == ["CE004"]


def test_a_large_file_without_aliases_is_not_an_alias_bomb() -> None:
    values = "".join(f"  k{i}: [1, 2, 3]\n" for i in range(5000))
    text = f"element: {{key: quickbooks}}\nname: big\nconfiguration:\n{values}"
    codes = {d.code for d in found("big.yaml", text.encode(), LintOptions(max_alias_nodes=10))}
    assert "CE004" not in codes


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    assert where(found("loop.yaml", b"a: &a [1, *a]\n")) == [
        ("CE004", 1, 4, "an alias refers to a node that contains it")
    ]


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        (
            "!!python/object/apply:os.system [touch /tmp/celint-pwned]",
            "python/object/apply:os.system",
        ),
        ("!!python/object:builtins.dict {}", "python/object:builtins.dict"),
        ("!!python/name:os.system", "python/name:os.system"),
        ("!custom value", "!custom"),
        ("!!binary aGVsbG8=", "binary"),
        ("!!set {a, b}", "set"),
        ("!!omap [a: 1]", "omap"),
    ],
)
def test_tags_that_are_not_plain_data_are_refused_without_construction(
    value: str, tag: str
) -> None:
    full = tag if tag.startswith("!") else "tag:yaml.org,2002:" + tag
    text = f"element: {{key: quickbooks}}\nname: {value}\n"
    assert where(found("tag.yaml", text.encode(), LintOptions())) == [
        ("CE004", 2, 7, f"YAML tag {full!r} is not plain data")
    ]
    assert not Path("/tmp/celint-pwned").exists()


def test_the_pure_python_parser_is_used_where_the_c_one_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "_ruamel_yaml", None)
    assert where(found("deep.yaml", b"[" * 1000)) == [("CE004", 1, 65, deep_message())]
    assert where(found("body.yaml", BODY_YAML.encode(), READING)) == [
        ("CE102", 4, 7, LIST_EXPECTED)
    ]


# File size


def test_a_body_over_the_size_limit_is_ce004_and_anything_else_is_skipped() -> None:
    options = LintOptions(max_file_size=40)
    report = check_bytes("big.json", BODY_JSON.encode(), options)
    assert where(report.diagnostics) == [
        ("CE004", 1, 1, "the file is larger than the 40 bytes limit (max_file_size)")
    ]
    other = check_bytes("package.json", b'{"name": "x", "version": "1.0.0", "x": 1}', options)
    assert other.diagnostics == []
    assert other.skipped_reason == (
        "unreadable and not like an instance body "
        "(the file is larger than the 40 bytes limit (max_file_size))"
    )


def test_the_default_size_limit_is_5_mib() -> None:
    data = BODY_JSON.encode() + b" " * (5 * 1024 * 1024)
    assert where(found("big.json", data, LintOptions())) == [
        ("CE004", 1, 1, "the file is larger than the 5 MiB limit (max_file_size)")
    ]


def test_reading_stops_one_byte_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"x" * 1000)
    assert read_limited(str(path), 10) == b"x" * 11


def test_reading_a_small_file_allocates_about_its_size(tmp_path: Path) -> None:
    """Not the 5 MiB limit: asking for it allocated that much for every 1 KB body."""
    path = tmp_path / "body.json"
    path.write_bytes(b"x" * 1000)
    tracemalloc.start()
    try:
        assert read_limited(str(path), 5 * 1024 * 1024) == b"x" * 1000
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024


def test_a_file_that_grew_since_fstat_is_read_on_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.json"
    path.write_bytes(b"x" * 1000)
    real = os.fstat

    def smaller(fd: int) -> os.stat_result:
        status = list(real(fd))
        status[stat.ST_SIZE] = 10
        return os.stat_result(status)

    monkeypatch.setattr(os, "fstat", smaller)
    assert read_limited(str(path), 100) == b"x" * 101
    assert read_limited(str(path), 5000) == b"x" * 1000


# Encodings


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (b"", "utf-8"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
@pytest.mark.parametrize(
    ("path", "text", "column"), [("b.json", BODY_JSON, 11), ("b.yaml", BODY_YAML, 7)]
)
def test_encodings_with_a_bom_are_read_with_positions_unchanged(
    bom: bytes, encoding: str, path: str, text: str, column: int
) -> None:
    data = bom + text.encode(encoding)
    assert where(found(path, data, READING)) == [("CE102", 4, column, LIST_EXPECTED)]


def test_latin_1_is_ce004_at_the_bad_byte() -> None:
    data = BODY_JSON.encode("latin-1")
    assert where(found("latin1.json", data, LintOptions())) == [
        (
            "CE004",
            3,
            15,
            "not UTF-8 text: byte 0xe9 at byte offset 52 (save the file as UTF-8)",
        )
    ]


def test_latin_1_that_is_not_an_instance_body_is_skipped() -> None:
    report = check_bytes("notes.yaml", "title: café\n".encode("latin-1"), LintOptions())
    assert (report.diagnostics, report.checked) == ([], False)
    assert report.skipped_reason == (
        "unreadable and not like an instance body "
        "(not UTF-8 text: byte 0xe9 at byte offset 10 (save the file as UTF-8))"
    )


def test_a_bad_sequence_after_a_utf_16_bom_is_ce004() -> None:
    data = codecs.BOM_UTF16_LE + '{"element": {}}'.encode("utf-16-le") + b"\x00\xd8"
    assert where(found("bad16.json", data)) == [
        ("CE004", 1, 16, "not valid UTF-16-LE text (byte offset 32)")
    ]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_text_without_a_bom_is_named_not_called_binary(encoding: str) -> None:
    message = f"{encoding.upper()} text without a byte order mark (save the file as UTF-8)"
    data = BODY_JSON.encode(encoding)
    assert where(found("wide.json", data, LintOptions())) == [("CE004", 1, 1, message)]


def test_a_binary_file_is_skipped_unless_all() -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    report = check_bytes("image.json", data, LintOptions())
    assert (report.diagnostics, report.skipped_reason) == ([], "binary file")
    assert where(found("image.json", data)) == [
        ("CE004", 3, 1, "binary file: NUL byte at byte offset 8")
    ]


def test_yaml_columns_count_characters_not_bytes() -> None:
    text = "element: {key: quickbooks}\nname: ééé 😀\nconfiguration: {é: 1, tags: 2}\ntags: 1\n"
    diagnostics = found("chars.yaml", text.encode(), READING)
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("CE102", 4, 7)]
    assert where(
        found(
            "chars.yaml", "ü: [😀, 1, [x]]\n".encode(), LintOptions(max_depth=2, all_documents=True)
        )
    ) == [("CE004", 1, 11, deep_message(2))]


def test_yaml_lines_count_only_line_feeds() -> None:
    """ruamel counts NEL (U+0085) as a line break; editors and the JSON side do not."""
    text = 'element: {key: quickbooks}\nname: "a\x85b"\ntags: 1\n'
    assert [(d.line, d.column) for d in found("nel.yaml", text.encode(), READING)] == [(3, 7)]


# The acceptance cases, end to end: a finding, exit 1, no traceback, no hang.

ACCEPTANCE = [
    ("bomb.yaml", bomb().encode(), "CE004"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "CE004"),
    ("deep.yaml", b"[" * 100_000 + b"]" * 100_000, "CE004"),
    ("latin1.json", BODY_JSON.encode("latin-1"), "CE004"),
    ("utf16.json", codecs.BOM_UTF16_LE + BODY_JSON.encode("utf-16-le"), "CE102"),
    ("binary.json", b"\x00\x01\x02\x03" * 64, "CE004"),
]


@pytest.mark.parametrize(("name", "data", "code"), ACCEPTANCE, ids=[a[0] for a in ACCEPTANCE])
def test_hostile_files_end_to_end(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    (tmp_path / name).write_bytes(data)
    result = run_celint("check", "--all", "--format", "json", name, cwd=tmp_path, timeout=20)
    assert (result.returncode, result.stderr) == (1, "")
    assert f'"code": "{code}"' in result.stdout


def test_hostile_files_give_the_same_output_in_parallel(tmp_path: Path) -> None:
    """The hostile corpus (CE004 findings, skipped binary and bare brackets, a UTF-16 body) in 3
    processes prints exactly what one process prints, order included."""
    for name, data, _ in ACCEPTANCE:
        for copy in range(3):
            (tmp_path / f"{copy}-{name}").write_bytes(data)
    args = ("check", "--format", "json", "-v", ".")
    one = run_celint(*args, "--jobs", "1", cwd=tmp_path, timeout=60)
    three = run_celint(*args, "--jobs", "3", cwd=tmp_path, timeout=60)
    assert (one.returncode, one.stdout, one.stderr) == (
        three.returncode,
        three.stdout,
        three.stderr,
    )
    assert one.returncode == 1 and one.stdout.count('"code": "CE004"') == 6  # bomb, latin-1
