"""The language server's parts that need no client: positions, edits, the optional extra.

What the server sends is tested end to end in tests/test_server.py; these pin the conversions
and plans it is made of, on cases an editor session would rarely reach (lone ``\\r`` line
breaks, a BOM, columns past a line's end), and that ``celint check`` never loads pygls.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from clirun import run_celint
from samples import EXAMPLES, WEBHOOKS_YAML, clean_examples

from celint.model import Span
from celint.server.analysis import Edit, analyse, changed_region, document_path
from celint.server.positions import UTF8, UTF16, UTF32, TextPositions, units

GRIN = "\N{GRINNING FACE}"  # one code point, two UTF-16 units, four UTF-8 bytes


@pytest.mark.parametrize(
    ("encoding", "expected"), [(UTF8, 4 + 2 + 1), (UTF16, 2 + 1 + 1), (UTF32, 3)]
)
def test_code_units_per_encoding(encoding: str, expected: int) -> None:
    assert units(GRIN + "é" + "a", encoding) == expected


def test_a_span_after_wide_characters() -> None:
    text = f'a: "{GRIN}"\nb: x\n'
    positions = TextPositions(text, UTF16)
    # celint: line 1, columns 4..7 (code points) hold the quoted emoji.
    assert positions.span(Span(1, 4, 1, 7)) == ((0, 3), (0, 7))
    assert TextPositions(text, UTF8).span(Span(1, 4, 1, 7)) == ((0, 3), (0, 9))
    assert TextPositions(text, UTF32).span(Span(2, 4, 2, 5)) == ((1, 3), (1, 4))


def test_lone_carriage_returns_are_line_breaks_in_lsp_only() -> None:
    text = "a: 1\rb: 2\nc: 3\n"  # celint: 2 lines and an empty one; LSP: 3 and an empty one
    positions = TextPositions(text)
    assert positions.span(Span(1, 6, 1, 10)) == ((1, 0), (1, 4))
    assert positions.span(Span(2, 1, 2, 5)) == ((2, 0), (2, 4))


def test_a_column_past_the_end_of_its_line_is_its_end() -> None:
    positions = TextPositions("ab\r\ncd")
    assert positions.span(Span(1, 1, 1, 9)) == ((0, 0), (0, 2))  # not into the CR LF
    assert positions.span(Span(2, 2, 7, 1)) == ((1, 1), (1, 2))  # past the last line: the end


def test_a_bom_in_the_editors_text_is_not_counted_by_celint() -> None:
    positions = TextPositions("\ufeffa: 1\n")
    assert positions.span(Span(1, 4, 1, 5)) == ((0, 4), (0, 5))
    assert positions.range(3, 4) == ((0, 4), (0, 5))
    assert positions.span(None) == ((0, 0), (0, 0))


@pytest.mark.parametrize(
    ("before", "after", "edit"),
    [
        ("type: webhooks\n", "type: webhook\n", Edit(13, 14, "")),
        ("a: x\n", "a: x\n# added\n", Edit(5, 5, "# added\n")),
        ("aaa", "aa", Edit(2, 3, "")),
        ("", "x", Edit(0, 0, "x")),
    ],
)
def test_changed_region_is_the_smallest_single_edit(before: str, after: str, edit: Edit) -> None:
    found = changed_region(before, after)
    assert found == edit
    assert before[: found.start] + found.text + before[found.end :] == after


def test_an_unsaved_buffer_is_read_in_its_language() -> None:
    assert document_path("/w/qbo.yaml", "qbo.yaml", "json", "/w") == "/w/qbo.yaml"
    assert document_path(None, "Untitled-1", "json", "/w") == "/w/Untitled-1.json"
    assert document_path(None, "Untitled-2", "yaml", None) == "Untitled-2.yaml"
    assert document_path(None, "", "plaintext", "/w") == "/w/untitled"


def test_a_suppression_lands_where_the_linter_reads_it() -> None:
    text = "\ufeff" + WEBHOOKS_YAML.replace("\n", "\r\n")
    analysis = analyse(str(EXAMPLES / "x.yaml"), text)
    (finding,) = analysis.diagnostics
    edit = analysis.suppression(finding)
    assert edit is not None
    source = analysis.source.text
    edited = source[: edit.start] + edit.text + source[edit.end :]
    assert edited.split("\r\n")[8] == "  event.vendor.type: webhooks  # celint: disable=CE219"
    assert analyse(str(EXAMPLES / "x.yaml"), edited).diagnostics == ()


# --- the extra stays optional ----------------------------------------------------------------


def test_check_never_imports_the_server_extra() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "celint",
            "check",
            "--no-cache",
            *map(str, clean_examples()),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "celint.lint.engine" in imported  # the trace is real
    assert not {name for name in imported if name.split(".")[0] in ("pygls", "lsprotocol")}
    assert "celint.server.app" not in imported


def test_without_the_extra_the_server_says_how_to_get_it() -> None:
    blocked = "import sys; sys.modules['lsprotocol'] = sys.modules['pygls'] = None\n"
    done = subprocess.run(
        [sys.executable, "-c", blocked + "from celint.cli import main; main(['server'])"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "celint: error: celint server needs pygls, which the 'server' extra installs:"
        " pip install 'celint[server]'\n"
    )


def test_the_server_command_is_listed_with_its_debounce() -> None:
    listed = run_celint("--help")
    assert re.search(r"^  server\s+Run the language server", listed.stdout, re.MULTILINE)
    helped = run_celint("server", "--help")
    assert helped.returncode == 0
    assert re.search(
        r"--debounce MS\s+Milliseconds without edits[^[]*\[default: 150;", helped.stdout
    )
