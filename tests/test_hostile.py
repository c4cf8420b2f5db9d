"""Hostile input, second round (issue 15, items 7–21): each test is one item's reproducer."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from clirun import celint_command, run_celint
from hypothesis import given
from hypothesis import strategies as st

from celint import cli
from celint.config.options import LintOptions
from celint.elements.profiles import profiles
from celint.fix import engine as fix_engine
from celint.fix.diff import unified_diff
from celint.fix.engine import fix_text
from celint.lint import engine as linter
from celint.lint.engine import check_bytes, parse
from celint.model import Source
from celint.parse.json_reader import load_json
from celint.parse.yaml_reader import PURE_RETRY_LIMIT, load_yaml
from celint.run import files as runner
from celint.run.cache import CACHE_DIR
from celint.suggest import closest, distance

BODY = '{"element": {"key": "quickbooks"}, "name": "x", "tags": 1}\n'


def sarif_uris(stdout: str) -> set[str]:
    return {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in json.loads(stdout)["runs"][0]["results"]
    }


def test_21_sarif_artifact_uris_are_normalised(tmp_path: Path) -> None:
    here = tmp_path / "a" / "b"
    here.mkdir(parents=True)
    outside = run_celint(
        "check",
        "--format",
        "sarif",
        "--stdin-filename",
        "../../etc/passwd.json",
        "-",
        cwd=here,
        stdin=BODY,
    )
    assert sarif_uris(outside.stdout) == {(tmp_path / "etc" / "passwd.json").as_uri()}
    inside = run_celint(
        "check",
        "--format",
        "sarif",
        "--stdin-filename",
        "c/../d/./x.json",
        "-",
        cwd=here,
        stdin=BODY,
    )
    assert sarif_uris(inside.stdout) == {"d/x.json"}


def test_20_init_for_a_key_starting_with_a_digit_passes_its_own_check(tmp_path: Path) -> None:
    made = run_celint(
        "init", "--element", "9x", "--events", "webhook", "-o", "body.yaml", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "body.yaml").read_text()
    assert "  event.notification.signature.key: ${EVENTS_SIGNATURE_KEY}\n" in text
    checked = run_celint("check", "--format", "json", "body.yaml", cwd=tmp_path)
    found = [(d["code"], d["severity"]) for d in json.loads(checked.stdout)["diagnostics"]]
    assert (checked.returncode, found) == (0, [("CE301", "info")])


def json_findings(*args: str, cwd: Path) -> list[tuple[str, int | None, int | None]]:
    """``celint check --format json ARGS``: (code, line, column) of each finding."""
    result = run_celint("check", "--format", "json", *args, cwd=cwd)
    return [(d["code"], d["line"], d["column"]) for d in json.loads(result.stdout)["diagnostics"]]


EVENTS_YAML = (
    "element:\n"
    "  key: quickbooks\n"
    "name: {name}\n"
    "configuration:\n"
    "  event.notification.enabled: true\n"
    "  event.vendor.type: webhooks  # celint: disable=CE219\n"
    "  event.notification.callback.url: https://app.example.com/cb\n"
    "  event.notification.signature.key: ${{KEY}}\n"
    "tags: 1\n"
)
EXPECTED_EVENTS = [("CE303", 1, 1), ("CE102", 9, 7)]


def test_16_cr_line_ends_and_nel_count_lines_as_positions_do(tmp_path: Path) -> None:
    (tmp_path / "cr.yaml").write_bytes(EVENTS_YAML.format(name="x").replace("\n", "\r").encode())
    (tmp_path / "nel.yaml").write_text(EVENTS_YAML.format(name='"a\x85b"'), encoding="utf-8")
    assert json_findings("cr.yaml", cwd=tmp_path) == EXPECTED_EVENTS
    assert json_findings("nel.yaml", cwd=tmp_path) == EXPECTED_EVENTS
    full = run_celint("check", "--format", "full", "cr.yaml", cwd=tmp_path).stdout
    assert "cr.yaml:9:7: CE102 [error] expected a list of strings" in full
    assert "    9 | tags: 1\n      |       ^\n" in full
    # A fix's diff counts the same lines: the hunk of line 6 starts at line 3 (3 of context).
    unsuppressed = EVENTS_YAML.format(name="x").replace("  # celint: disable=CE219", "")
    (tmp_path / "cr.yaml").write_bytes(unsuppressed.replace("\n", "\r").encode())
    diff = run_celint("check", "--diff", "cr.yaml", cwd=tmp_path).stdout  # CRs read as "\n"
    assert "\n@@ -3,7 +3,7 @@\n" in diff
    assert "\n-  event.vendor.type: webhooks\n+  event.vendor.type: webhook\n" in diff
    assert unified_diff("a", "x\ry\r", "x\rz") == (
        "--- a\n+++ a\n@@ -1,2 +1,2 @@\n x\r-y\r+z\n\\ No newline at end of file\n"
    )


def test_16_json_with_cr_line_ends_is_placed_by_the_same_lines(tmp_path: Path) -> None:
    (tmp_path / "cr.json").write_bytes(
        b'{\r"element": {"key": "quickbooks"},\r"name": "x",\r"tags": 1\r}'
    )
    assert json_findings("cr.json", cwd=tmp_path) == [("CE303", 1, 1), ("CE102", 4, 9)]
    (tmp_path / "cr.json").write_bytes(
        b'{\r"element": {"key": "quickbooks"},\r"name": "x"\r"tags": 1\r}'
    )
    result = run_celint("check", "cr.json", cwd=tmp_path)
    assert result.stdout.splitlines()[0] == (
        "cr.json:3:12: CE001 [error] invalid JSON: missing ',' after this value (the parser "
        "stopped at line 4, column 1)"
    )


def test_17_a_parse_error_at_the_end_of_the_file_ends_there(tmp_path: Path) -> None:
    text = '{"element": {"key": "quickbooks"}, "name": '
    (tmp_path / "eof.json").write_text(text)
    (tmp_path / "eof.yaml").write_text("element: {key: quickbooks}\nname: [x\n")
    result = run_celint("check", "--format", "json", "eof.json", "eof.yaml", cwd=tmp_path)
    spans = [
        (d["path"], d["line"], d["column"], d["end_line"], d["end_column"])
        for d in json.loads(result.stdout)["diagnostics"]
    ]
    end = len(text) + 1
    assert spans == [("eof.json", 1, end, 1, end), ("eof.yaml", 3, 1, 3, 1)]


def test_18_a_plain_scalar_with_a_colon_in_a_flow_mapping_is_valid_yaml(tmp_path: Path) -> None:
    (tmp_path / "flow.yaml").write_text(
        "element: {key: quickbooks}\nname: x\n"
        "configuration: {oauth.callback.url: https://app.example.com/cb}\ntags: 1\n"
    )
    assert json_findings("flow.yaml", cwd=tmp_path) == [("CE303", 1, 1), ("CE102", 4, 7)]
    # The pure parser reads about 0.7 MB a second: a large text libyaml rejects stays rejected.
    large = f"name: {'x' * PURE_RETRY_LIMIT}\nconfiguration: {{a: b:c}}\n"
    assert [p.message for p in load_yaml(large).problems] == [
        "invalid YAML: a ':' that cannot appear here (quote the value that holds it)"
    ]


def test_yaml_reader_errors_have_a_position_and_one_line_in_celints_words(
    tmp_path: Path,
) -> None:
    (tmp_path / "control.yaml").write_bytes(
        b'element:\n  key: quickbooks\nname: "caf\xc3\xa9"\nconfiguration:\n'
        b'  oauth.callback.url: "https://x\x0c"\n'
    )
    result = run_celint("check", "--format", "json", "control.yaml", cwd=tmp_path)
    [found] = json.loads(result.stdout)["diagnostics"]
    assert (found["code"], found["line"], found["column"], found["end_column"]) == (
        "CE001",
        5,
        33,
        34,
    )
    assert found["message"] == (
        "invalid YAML: the character U+000C is not allowed (YAML text is printable characters, "
        "tabs and line breaks)"
    )
    text = run_celint("check", "control.yaml", cwd=tmp_path).stdout
    assert text.splitlines()[0] == f"control.yaml:5:33: CE001 [error] {found['message']}"


LONG_NUMBER = (
    "number too long: an integer of more than 4,300 digits (the most Python converts; no "
    "setting is a number that long)"
)


def test_7_an_integer_longer_than_python_converts_is_ce004_and_the_run_goes_on(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.json").write_text('{"element": {"key": "quickbooks"}, "a": ' + "1" * 4301 + "}")
    (tmp_path / "b.yaml").write_text(
        "element: {key: quickbooks}\nname: x\nconfiguration:\n"
        f"  event.poller.refresh_interval: 0x{'f' * 5000}\n"
    )
    (tmp_path / "c.yaml").write_text(f"element: {{key: quickbooks}}\n? {'9' * 4301}\n: x\n")
    strings = {
        "event.notification.enabled": True,
        "event.vendor.type": "polling",
        "event.poller.refresh_interval": "1" * 5000,
        "event.poller.configuration": '{"bills": {"url": ' + "1" * 5000 + "}}",
    }
    body = {"element": {"key": "quickbooks"}, "name": "x", "configuration": strings}
    (tmp_path / "d.json").write_text(json.dumps(body))
    result = run_celint("check", "--format", "json", ".", cwd=tmp_path)
    found = [
        (d["path"], d["code"], d["line"], d["column"], d["message"])
        for d in json.loads(result.stdout)["diagnostics"]
        if d["code"] in ("CE004", "CE204", "CE220")
    ]
    assert found[:3] == [
        ("a.json", "CE004", 1, 41, LONG_NUMBER),
        ("b.yaml", "CE004", 4, 34, LONG_NUMBER),
        ("c.yaml", "CE004", 2, 3, LONG_NUMBER),
    ]
    assert [(code, message[:30]) for _, code, _, _, message in found[3:]] == [
        ("CE204", 'refresh interval "111111111111'),
        ("CE220", "'event.poller.configuration' i"),
    ]
    assert "(a number in it is too long to read)" in found[4][4]
    assert result.returncode == 1 and result.stderr == ""


LONE_LOW = (
    '{"element": {"key": "quickbooks"}, "name": "x", "configuration": '
    '{"event.notification.enabled": true, "event.vendor.type": "\\udc00"}}'
)
LONE_HIGH = (
    '{"element": {"key": "quickbooks"}, "name": "x", "configuration": {"event.x\\ud800": 1}}'
)
FORMATS = ("text", "full", "json", "sarif", "github", "junit", "gitlab")


def run_bytes(*args: str, cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run celint and decode its output strictly as UTF-8 (raising if it is not)."""
    result = subprocess.run(
        [*celint_command(), *args], cwd=cwd, capture_output=True, env={**os.environ, **(env or {})}
    )
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


@pytest.mark.parametrize("output_format", FORMATS)
def test_8_lone_surrogates_are_written_as_escapes_in_valid_utf8(
    tmp_path: Path, output_format: str
) -> None:
    (tmp_path / "low.json").write_text(LONE_LOW)
    (tmp_path / "high.json").write_text(LONE_HIGH)
    code, out, err = run_bytes("check", "--format", output_format, ".", cwd=tmp_path)
    assert (code, err) == (1, "")
    assert "\\udc00" in out and "\\ud800" in out
    if output_format in ("json", "sarif", "gitlab"):  # the escape reads back as the string
        assert "\udc00" in json.dumps(json.loads(out), ensure_ascii=False)
    c_locale = run_bytes("check", "--format", output_format, ".", cwd=tmp_path, env={"LC_ALL": "C"})
    assert c_locale == (code, out, err)


def test_8_validate_and_fix_with_lone_surrogates(tmp_path: Path) -> None:
    (tmp_path / "low.json").write_text(LONE_LOW)
    code, out, err = run_bytes("validate", "low.json", cwd=tmp_path)
    assert (code, err) == (1, "")
    assert 'low.json:1:124: CE201 [error] event type "\\udc00" is not valid' in out
    urls = LONE_LOW.replace('"\\udc00"}', '"polling", "event.poller.urls": "bills,\\udc00"}')
    (tmp_path / "urls.json").write_text(urls)
    code, out, err = run_bytes("check", "--fix", "--select", "CE209", "urls.json", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert (tmp_path / "urls.json").read_text() == urls.replace("bills,", "bills|")


def exit_code(args: list[str]) -> int:
    """Run the command line in-process (so monkeypatches apply) and return its exit code."""
    with pytest.raises(SystemExit) as exited:
        cli.main(args)
    return int(exited.value.code or 0)


def test_9_write_baseline_is_atomic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "low.json").write_text(LONE_LOW)
    (tmp_path / "base.json").write_text("old\n")
    written = run_celint("check", "--write-baseline", "base.json", "low.json", cwd=tmp_path)
    assert (written.returncode, written.stderr) == (
        0,
        "celint: wrote 4 findings to the baseline base.json\n",
    )
    again = run_celint("check", "--baseline", "base.json", "low.json", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (
        0,
        "All checks passed (1 file checked); 4 findings in the baseline not shown.\n",
    )
    recorded = (tmp_path / "base.json").read_bytes()

    def full_disk(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "replace", full_disk)
    (tmp_path / "low.json").write_text(BODY)
    assert exit_code(["check", "--write-baseline", "base.json", "low.json"]) == 2
    assert capsys.readouterr().err == (
        "celint: error: base.json: cannot write the baseline: No space left on device\n"
    )
    assert (tmp_path / "base.json").read_bytes() == recorded
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != CACHE_DIR) == [
        "base.json",
        "low.json",
    ]


def test_10_an_unsearchable_sub_folder_met_in_a_walk_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "locked").mkdir()
    real_stat, real_scandir = os.stat, os.scandir

    def stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if "locked/" in os.fspath(path):  # no search permission: nothing inside can be stat'd
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    def scandir(path: Any) -> Any:
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)
    assert exit_code(["check", "."]) == 2
    assert capsys.readouterr().err == (
        "celint: error: ./locked: cannot read directory: permission denied\n"
    )


def test_10_an_unreadable_file_named_on_the_command_line_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "secret.json").write_text(BODY)
    real_access = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        return "secret" not in os.fspath(path) and real_access(path, mode, *args, **kwargs)

    def read_limited(path: str, limit: int) -> bytes:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "access", access)  # what a user without read permission sees
    monkeypatch.setattr(runner, "read_limited", read_limited)
    for command in ("check", "validate"):
        assert exit_code([command, "secret.json"]) == 2
        assert capsys.readouterr().err == (
            "celint: error: secret.json: cannot read: permission denied\n"
        )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--write-baseline", "folder"), "folder: cannot write the baseline: is a folder"),
        (
            ("--write-baseline", "gone/base.json"),
            "gone/base.json: cannot write the baseline: No such file or directory",
        ),
        (
            ("--baseline", "pipe"),
            "pipe: cannot read the baseline: is a FIFO (named pipe), not a regular file",
        ),
        (("--write-baseline", "pipe"), "pipe: cannot write the baseline: not a regular file"),
    ],
)
def test_10_configuration_and_baseline_files_that_cannot_be_used_are_one_line(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "body.json").write_text(BODY)
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "pipe")
    result = run_celint("check", *args, "body.json", cwd=tmp_path, timeout=20)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"celint: error: {message}\n",
    )


def test_10_a_configuration_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "body.json").write_text(BODY)
    (tmp_path / "celint.toml").write_bytes(b'select = ["\xff"]\n')
    result = run_celint("check", "body.json", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "celint: error: celint.toml: not UTF-8 text: byte 0xff at byte offset 11 (TOML is "
        "UTF-8; save the file as UTF-8)\n"
    )


def nested_body(levels: int, *, yaml: bool = False) -> str:
    """An instance body whose poller configuration nests ``levels`` containers deep in all."""
    inner = '"x"'
    for _ in range(levels - 3):
        inner = '{"a": ' + inner + "}"
    body = (
        '{"element": {"key": "quickbooks"}, "name": "x", '
        f'"configuration": {{"event.poller.configuration": {{"b": {inner}}}}}}}'
    )
    return body.replace('"a": ', "a: ") if yaml else body


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (
            "max-depth = 100000",
            "limits.max-depth: at most 256, found 100000 (deeper nesting would overrun "
            "Python's recursion limit)",
        ),
        (
            "max-file-size = 9223372036854775807",
            "limits.max-file-size: at most 1073741824, found 9223372036854775807 (1 GiB: a file "
            "and its parse are held in memory)",
        ),
        (
            f"max-file-size = {2**62}",
            f"limits.max-file-size: at most 1073741824, found {2**62} (1 GiB: a file and its "
            "parse are held in memory)",
        ),
        (
            "max-alias-nodes = 1000001",
            "limits.max-alias-nodes: at most 1000000, found 1000001 (each value built through "
            "an alias is held in memory)",
        ),
    ],
)
def test_11_limits_past_what_celint_can_honour_are_refused(
    tmp_path: Path, limits: str, message: str
) -> None:
    (tmp_path / "deep.json").write_text(nested_body(600))
    (tmp_path / "celint.toml").write_text(f"[limits]\n{limits}\n")
    for args in (("--env", "deep.json"), ("-",)):
        result = run_celint("check", *args, cwd=tmp_path, stdin=BODY)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == f"celint: error: celint.toml: {message}\n"
    with pytest.raises(ValueError, match="max_depth: at most 256"):
        LintOptions(max_depth=257)


def test_11_the_largest_limits_are_honoured(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text(nested_body(600))
    (tmp_path / "edge.yaml").write_text(nested_body(256, yaml=True))
    (tmp_path / "celint.toml").write_text(
        "[limits]\nmax-depth = 256\nmax-file-size = 1073741824\nmax-alias-nodes = 1000000\n"
    )
    for args in (("--env",), ("--format", "sarif"), ("--fix",)):
        result = run_celint(
            "check", "--select", "CE0", *args, "deep.json", "edge.yaml", cwd=tmp_path
        )
        assert result.returncode == 1 and result.stderr == "", result.stderr
    result = run_celint("check", "--select", "CE0", "deep.json", "edge.yaml", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "deep.json:1:1621: CE004 [error] nested deeper than 256 levels (the max_depth limit)",
        "Found 1 problem (1 error) in 1 of 2 files.",
    ]
    # the deepest a file may be, in-process too (pytest's own frames are on the stack)
    options = LintOptions(max_depth=256, environment={})
    assert check_bytes("edge.yaml", nested_body(256, yaml=True).encode(), options).diagnostics
    piped = run_celint("check", "--select", "CE0", "-", cwd=tmp_path, stdin=BODY)
    assert (piped.returncode, piped.stderr) == (0, "")


def test_12_a_failing_file_prints_the_same_lines_whatever_the_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for index in range(500):
        (tmp_path / f"body-{index:03}.json").write_text(BODY)
    real_check = check_bytes

    def failing(path: str, *args: Any, **kwargs: Any) -> Any:
        if path.endswith("body-250.json"):
            raise RuntimeError("a bug, with a value that must not be shown")
        return real_check(path, *args, **kwargs)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(linter, "check_bytes", failing)  # forked workers inherit it
    outputs = {}
    for jobs in ("1", "2", "7"):
        for output_format in ("text", "json"):
            code = exit_code(
                ["check", "-j", jobs, "--select", "CE102", "--format", output_format, "."]
            )
            outputs[jobs, output_format] = (code, *capsys.readouterr())
    text, collected = outputs["1", "text"], outputs["1", "json"]
    line = '{}: CE102 [error] expected a list of strings, such as ["production"], found a number'
    assert text[1].splitlines() == [line.format(f"body-{i:03}.json:1:57") for i in range(250)]
    assert text[2].startswith("celint: internal error: RuntimeError in test_hostile.py:")
    assert (
        text[2].endswith(" while checking body-250.json (run with --debug for a traceback)\n")
        and text[2].count("\n") == 1
    )
    assert collected == (2, "", text[2])
    assert all(outputs[jobs, "text"] == text for jobs in ("2", "7"))
    assert all(outputs[jobs, "json"] == collected for jobs in ("2", "7"))


def reference_distance(a: str, b: str) -> int:
    """The full optimal string alignment table, as suggestions were computed before they were
    bounded: the oracle that bounding changes no suggestion."""
    table = [
        [max(i, j) if not (i and j) else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)
    ]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(
                table[i - 1][j] + 1,
                table[i][j - 1] + 1,
                table[i - 1][j - 1] + (a[i - 1] != b[j - 1]),
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


def reference_closest(word: str, candidates: list[str]) -> str | None:
    needle = word.strip().lower()
    scored = sorted((reference_distance(needle, c.lower()), c) for c in candidates)
    if not needle or not scored:
        return None
    best, choice = scored[0]
    if best > max(1, min(len(needle), len(choice)) // 3):
        return None
    return None if len(scored) > 1 and scored[1][0] == best else choice


WORDS = st.text(alphabet="abcdeAB-/", max_size=12)


@given(word=WORDS, candidates=st.lists(WORDS.filter(bool), max_size=6), cutoff=st.integers(0, 6))
def test_13_bounded_suggestions_are_the_suggestions_the_full_distance_gives(
    word: str, candidates: list[str], cutoff: int
) -> None:
    for other in candidates:
        full = reference_distance(word, other)
        assert distance(word, other) == full
        assert distance(word, other, cutoff) == min(full, cutoff + 1)
    assert closest(word, candidates) == reference_closest(word, candidates)


def test_13_long_unknown_values_get_no_suggestion_and_normal_ones_theirs(tmp_path: Path) -> None:
    dates = {"updatedDateField": "updated", "updatedDateFormat": "milliseconds"}
    entry = {"url": "/x?since=${epoch}", "idField": "id", "datesConfiguration": dates}
    configuration = {
        "event.notification.enabled": True,
        "event.vendor.type": "polling",
        "event.poller.refresh_interval": 15,
        "event.poller.urls": "bills|unknown-resource-1|unknown-resource-2",
        "event.poller.configuration": {"bills": entry},
        "event." + "x" * 40_000: 1,
        "event.poller.refresh_intervall": 15,
    }
    body = {"element": {"key": "quickbooks"}, "name": "x", "configuration": configuration}

    def messages(zone: str) -> list[str]:
        dates["updatedDateTimezone"] = zone
        (tmp_path / "body.json").write_text(json.dumps(body))
        result = run_celint("check", "--format", "json", "body.json", cwd=tmp_path)
        return [d["message"] for d in json.loads(result.stdout)["diagnostics"]]

    long, typo = messages("Z" * 4000), messages("America/Denvr")
    zone = "'updatedDateTimezone' {!r} is not a known time zone; {}"
    assert zone.format("Z" * 4000, "use GMT, UTC or an IANA name such as 'America/Denver'") in long
    assert zone.format("America/Denvr", "did you mean 'America/Denver'?") in typo
    assert f"unknown key 'event.{'x' * 40_000}'; the platform ignores it" in long
    typo_key = "unknown key 'event.poller.refresh_intervall'; did you mean {!r}?"
    assert typo_key.format("event.poller.refresh_interval") in long
    known = ", ".join(profiles()["quickbooks"].resources)
    unknown = [m for m in long if m.startswith("'quickbooks' has no resource")]
    assert unknown == [
        f"'quickbooks' has no resource 'unknown-resource-{i}'; known resources: {known}"
        for i in (1, 2)
    ]


def exported(count: int) -> str:
    """``GET /instances`` of ``count`` instances that each say ``webhooks`` (a fix each)."""
    configuration = {
        "event.notification.enabled": True,
        "event.vendor.type": "webhooks",
        "event.notification.callback.url": "https://app.example.com/events",
        "event.notification.signature.key": "${KEY}",
    }
    bodies = [
        {"id": i, "element": {"key": "quickbooks"}, "name": f"i{i}", "configuration": configuration}
        for i in range(count)
    ]
    return json.dumps(bodies, indent=1)


def test_14_all_fixes_of_a_file_are_checked_from_one_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = exported(100)  # the findings cap is 100 a rule
    (tmp_path / "all.json").write_text(text)
    sarif = run_celint("check", "--format", "sarif", "all.json", cwd=tmp_path)
    fixes = [
        r["fixes"][0]["artifactChanges"][0] for r in json.loads(sarif.stdout)["runs"][0]["results"]
    ]
    assert len(fixes) == 100
    assert {f["replacements"][0]["insertedContent"]["text"] for f in fixes} == {'"webhook"'}
    diff = run_celint("check", "--diff", "all.json", cwd=tmp_path)
    assert (
        diff.stdout.count(
            '\n-   "event.vendor.type": "webhooks",\n+   "event.vendor.type": "webhook",\n'
        )
        == 100
    )
    assert (
        diff.stdout.count("\n@@ ") == 100 and diff.stderr == "Would fix 100 problems in 1 file.\n"
    )
    fixed = run_celint("check", "--fix", "all.json", cwd=tmp_path)
    assert fixed.stdout == "Fixed 100 problems. All checks passed (1 file checked).\n"
    assert (tmp_path / "all.json").read_text() == text.replace('"webhooks"', '"webhook"')
    parses: list[str] = []
    real_parse = parse

    def counted(source: Source, *args: Any, **kwargs: Any) -> Any:
        parses.append(source.path)
        return real_parse(source, *args, **kwargs)

    monkeypatch.setattr(fix_engine, "parse", counted)
    report = check_bytes("all.json", text.encode(), LintOptions())
    assert len(fix_engine.describe("all.json", text.encode(), report.diagnostics)) == 100
    assert len(parses) == 2  # the text as it is, and with all 100 fixes in place
    parses.clear()
    assert fix_text(text, "all.json")[0] == text.replace('"webhooks"', '"webhook"')
    assert len(parses) == 2


def test_14_an_edit_that_does_not_read_back_is_settled_on_its_own(tmp_path: Path) -> None:
    # A plain https://a.io inside {...} is YAML 1.2 that libyaml (and so most YAML tools)
    # rejects: that one fix is quoted, the other stays plain.
    text = (
        "- element: {key: quickbooks}\n  name: a\n"
        "  configuration: {oauth.callback.url: https;//a.io}\n"
        "- element: {key: quickbooks}\n  name: b\n"
        "  configuration:\n    oauth.callback.url: https;//b.io\n"
    )
    (tmp_path / "two.yaml").write_text(text)
    result = run_celint("check", "--select", "CE212", "--fix", "two.yaml", cwd=tmp_path)
    assert result.stdout == "Fixed 2 problems. All checks passed (1 file checked).\n"
    assert (tmp_path / "two.yaml").read_text() == text.replace(
        "https;//a.io", '"https://a.io"'
    ).replace("https;//b.io", "https://b.io")


CAPPED = (
    "{} more CE002 findings in this file are not shown (celint reports the first 100 of each "
    "rule in a file)"
)


def test_15_findings_are_capped_per_rule_and_file_and_the_rest_counted(tmp_path: Path) -> None:
    text = '{"element": {"key": "quickbooks"}, "name": "x"' + ', "a": 1' * 1001 + "}"
    (tmp_path / "many.json").write_text(text)
    result = run_celint("check", "--format", "json", "--select", "CE002", "many.json", cwd=tmp_path)
    found = json.loads(result.stdout)["diagnostics"]
    assert result.returncode == 1 and len(found) == 101
    assert [d["column"] for d in found[:3]] == [57, 65, 73]
    assert (found[-1]["line"], found[-1]["column"], found[-1]["severity"]) == (
        1,
        49 + 8 * 101,
        "error",
    )
    assert found[-1]["message"] == CAPPED.format(900)
    # the reader records only what the cap can show, plus the one it places the count at
    parsed = load_json(text)
    assert (len(parsed.problems), parsed.unrecorded) == (101, {"CE002": 899})
    # suppressed findings are not counted: the cap comes after them
    lines = ["element: {key: quickbooks}", "name: x"] + [
        "a: 1  # celint: disable=CE002" if i < 30 else "a: 1" for i in range(151)
    ]
    (tmp_path / "many.yaml").write_text("\n".join(lines) + "\n")
    result = run_celint("check", "--select", "CE002", "many.yaml", cwd=tmp_path)
    out = result.stdout.splitlines()
    assert len(out) == 102 and out[0].startswith("many.yaml:33:1: CE002 [error] duplicate key 'a'")
    assert out[100] == f"many.yaml:133:1: CE002 [error] {CAPPED.format(21)}"  # 150 - 29 - 100
    assert out[101] == "Found 101 problems (101 errors) in 1 of 1 file."


def test_15_fix_fixes_past_the_cap_and_reports_within_it(tmp_path: Path) -> None:
    text = re.sub(r'\n *"event.notification.callback.url": [^\n]*', "", exported(150))
    (tmp_path / "many.json").write_text(text)
    result = run_celint("check", "--select", "CE211,CE219", "--fix", "many.json", cwd=tmp_path)
    assert (tmp_path / "many.json").read_text() == text.replace('"webhooks"', '"webhook"')
    out = result.stdout.splitlines()
    assert len(out) == 102 and all(" CE211 " in line for line in out[:101])
    assert out[-1] == "Fixed 150 problems. Found 101 problems (101 warnings) in 1 of 1 file."


def test_19_fix_writes_no_read_only_file_and_splits_no_hard_link(tmp_path: Path) -> None:
    text = exported(1)
    for name in ("locked.json", "linked.json", "free.json"):
        (tmp_path / name).write_text(text)
    (tmp_path / "locked.json").chmod(0o444)
    os.link(tmp_path / "linked.json", tmp_path / "other-name.json")
    inode = (tmp_path / "linked.json").stat().st_ino
    result = run_celint("check", "--fix", "locked.json", "linked.json", "free.json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "celint: error: linked.json: not written: the file has 2 hard links, and replacing it "
        "would leave the others with the old text\n"
        "celint: error: locked.json: not written: the file is read-only (mode 0444)\n"
    )
    assert (tmp_path / "locked.json").read_text() == (tmp_path / "linked.json").read_text() == text
    assert (tmp_path / "linked.json").stat().st_ino == inode
    assert (tmp_path / "locked.json").stat().st_mode & 0o777 == 0o444
    assert (tmp_path / "free.json").read_text() == text.replace('"webhooks"', '"webhook"')
    assert result.stdout.splitlines() == [
        "linked.json:10:25: CE219 [warning] 'webhooks' is an accepted alias; the documented value "
        "is 'webhook'",
        "locked.json:10:25: CE219 [warning] 'webhooks' is an accepted alias; the documented value "
        "is 'webhook'",
        "Fixed 1 problem. Found 2 problems (2 warnings) in 2 of 3 files; 2 fixable with --fix.",
    ]
