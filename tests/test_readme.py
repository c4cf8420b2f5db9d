"""The README is true on a fresh clone: its ``$ celint`` console blocks run and print what it says.

Every ``console`` block whose first line starts with ``$ celint`` is a session: each ``$ ``
line is a command, run by bash in a copy of ``examples/`` (so the README may show redirections
and comments, and a command may use a file an earlier one wrote), with a clean environment and
the celint of this test run first on ``PATH``; the lines up to the next command are what it
prints, stdout and stderr together in the order a terminal shows them. Comparing, a line
``...`` stands for any lines (none included), a line ending in `` ...`` for any line that starts
with the text before it, and version numbers and the temporary folder are normalised.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from samples import EXAMPLES, ROOT

from celint import __version__

README = ROOT / "README.md"
BLOCK = re.compile(r"^```console\n(.*?)^```$", re.MULTILINE | re.DOTALL)
VERSION = re.compile(r"\b\d+\.\d+\.\d+\b")
ANY_LINES, ANY_REST = "...", " ..."


@dataclass(frozen=True)
class Command:
    line: str  # what follows "$ "
    expected: tuple[str, ...]
    block: int


def sessions() -> list[list[Command]]:
    """The README's runnable console blocks, each a list of commands with their output."""
    found = []
    for number, match in enumerate(BLOCK.finditer(README.read_text(encoding="utf-8")), 1):
        lines = match[1].splitlines()
        if not lines or not lines[0].startswith("$ celint"):
            continue
        commands: list[Command] = []
        for line in lines:
            if line.startswith("$ "):
                commands.append(Command(line[2:], (), number))
            else:
                last = commands[-1]
                commands[-1] = Command(last.line, (*last.expected, line), number)
        found.append(commands)
    return found


def matches(expected: tuple[str, ...], actual: list[str]) -> bool:
    """Whether ``actual`` reads as ``expected`` with its ``...`` wildcards."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == ANY_LINES:
        return any(matches(rest, actual[start:]) for start in range(len(actual) + 1))
    if not actual:
        return False
    if head.endswith(ANY_REST):
        fits = actual[0].startswith(head.removesuffix(ANY_REST))
    else:
        fits = actual[0] == head
    return fits and matches(rest, actual[1:])


def normal(text: str, folder: Path) -> str:
    return VERSION.sub("X.Y.Z", text.replace(str(folder), "/work"))


def run(command: Command, folder: Path) -> list[str]:
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(folder),
        "LC_ALL": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",  # stdout and stderr interleave as on a terminal
    }
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", command.line],
        cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        timeout=120,
    )  # fmt: skip
    return normal(done.stdout, folder).splitlines()


SESSIONS = sessions()


def test_the_readme_has_runnable_blocks() -> None:
    """Guards the parser: the blocks the README is known to hold are found."""
    lines = [command.line for session in SESSIONS for command in session]
    assert "celint check examples/broken/qbo.json" in lines
    assert len(SESSIONS) >= 6


@pytest.mark.parametrize(
    "session", SESSIONS, ids=[f"block{session[0].block}" for session in SESSIONS]
)
def test_readme_console_block(session: list[Command], tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    for command in session:
        actual = run(command, tmp_path)
        expected = tuple(normal(line, tmp_path) for line in command.expected)
        assert matches(expected, actual), (
            f"$ {command.line}\n--- README\n" + "\n".join(expected) + "\n--- printed\n"
            + "\n".join(actual)
        )  # fmt: skip


@pytest.mark.parametrize(
    ("expected", "actual", "result"),
    [
        (("a", "...", "d"), ["a", "b", "c", "d"], True),
        (("a", "...", "d"), ["a", "d"], True),
        (("a", "...", "d"), ["a", "b"], False),
        (("ab ...",), ["abc"], True),
        (("ab ...",), ["xab"], False),
        (("a",), ["a", "b"], False),
    ],
)
def test_wildcards(expected: tuple[str, ...], actual: list[str], result: bool) -> None:
    assert matches(expected, actual) is result


def test_the_snippets_name_the_release_tag() -> None:
    """The pre-commit ``rev`` and the action's ``@ref`` name ``v`` + the package version:
    the tag the release is published under (the lead tags it, with this version)."""
    text = README.read_text(encoding="utf-8")
    tags = set(re.findall(r"(?:rev: |celint/celint@|celint@)(v[\w.]+)", text))
    assert tags == {f"v{__version__}"}
