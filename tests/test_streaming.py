"""Streaming: a format that prints file by file prints, report by report, exactly what the run
collected whole prints, in one process or several; only the totals are kept."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from clirun import celint_command, run_celint
from samples import many_files

from celint.config.options import LintOptions
from celint.model import FileReport
from celint.report import STREAMING, ReportSettings, renderer, streamer
from celint.run.batch import run, stream
from celint.run.files import Needs

SETTINGS = [ReportSettings(), ReportSettings(color=True), ReportSettings(quiet=True)]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Findings, clean bodies, parse errors and skipped files (not a body, binary)."""
    return many_files(tmp_path_factory.mktemp("mixed"), 2)


@pytest.mark.parametrize("settings", SETTINGS, ids=["plain", "color", "quiet"])
@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("name", sorted(STREAMING))
def test_streamed_parts_are_the_collected_output(
    folder: Path, name: str, jobs: int, settings: ReportSettings
) -> None:
    printer = streamer(name)
    assert printer is not None
    parts: list[str] = []
    inputs = (str(folder),)

    def each(report: FileReport) -> None:
        parts.append(printer.file_text(report, settings))

    totals = stream(inputs, LintOptions(), each, jobs=jobs)
    parts.append(printer.footer(totals, settings))
    result = run(inputs, LintOptions(), jobs=jobs)
    assert "".join(parts) == renderer(name)(result, settings)
    assert totals == result.totals()
    assert totals.files_with_problems and totals.files > totals.files_checked


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("name", sorted(STREAMING))
def test_the_command_line_streams_the_same_bytes(folder: Path, name: str, jobs: str) -> None:
    """``-v`` collects the whole run (its skip lines come first), so it is the reference, less
    the evidence rows it adds under the findings that rest on element facts."""
    streamed = run_celint("check", "--format", name, "-j", jobs, str(folder))
    collected = run_celint("check", "--format", name, "-j", jobs, "-v", str(folder))
    rows = collected.stdout.splitlines(keepends=True)
    evidence = [row for row in rows if row.startswith("    = evidence: ")]
    assert bool(evidence) == (name in ("text", "full"))  # annotations carry no such rows
    plain = "".join(row for row in rows if row not in evidence)
    assert (streamed.returncode, streamed.stdout) == (collected.returncode, plain)
    assert streamed.returncode == 1 and streamed.stderr == ""
    reasons = collected.stderr.splitlines()
    skipped = [line for line in reasons if line.startswith("celint: skipped ")]
    assert len(skipped) == 2 and all(
        line.startswith(("celint: skipped ", "celint: linted ")) for line in reasons
    )


def test_verbose_skip_lines_come_before_the_findings(folder: Path) -> None:
    """On one pipe for both streams, ``-v`` still prints every file's linted or skipped line
    before any finding."""
    merged = subprocess.run(
        [*celint_command(), "check", "-v", "-j", "2", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "NO_COLOR"},
        timeout=120,
    ).stdout.splitlines()
    reasons = [
        n
        for n, line in enumerate(merged)
        if line.startswith(("celint: skipped ", "celint: linted "))
    ]
    skips = [n for n in reasons if merged[n].startswith("celint: skipped ")]
    assert reasons == list(range(len(reasons))) and len(skips) == 2 and len(merged) > len(reasons)


def test_a_run_keeps_quoted_text_only_when_asked(folder: Path) -> None:
    kept = run((str(folder),), LintOptions(), needs=Needs(quote=True)).reports
    dropped = run((str(folder),), LintOptions()).reports
    assert any(report.quoted for report in kept)
    assert not any(report.quoted for report in dropped)


@pytest.mark.parametrize("text", ["a: 1\nb: [x, y]\n", "a: [1\n", "- &x [1]\n- *x\n"])
def test_a_yaml_file_frees_its_c_parser_when_composed(text: str) -> None:
    """The composer and its loader form reference cycles; unless the loader lets go of the
    parser, every YAML file's C parser (and libyaml's buffers, unseen by tracemalloc) waits for
    a full garbage collection, and a run's memory grows with the files it reads. (The pure
    parser that retries a text libyaml rejects is plain Python objects, which the collector
    and tracemalloc both see.)"""
    import gc

    from celint.parse.yaml_reader import load_yaml

    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            load_yaml(text)
        left = [o for o in gc.get_objects() if type(o).__name__ == "CParser"]
    finally:
        gc.enable()
    assert left == []
