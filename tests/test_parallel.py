"""``--jobs``: linting in several processes prints exactly what one process prints."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from clirun import run_celint
from samples import many_files, workspace

from celint.config.options import LintOptions
from celint.run.files import Needs, lint_one
from celint.run.parallel import AUTO_THRESHOLD, MIN_CORES, processes


@pytest.mark.parametrize("output_format", ["text", "json", "full", "sarif", "junit"])
def test_jobs_output_is_identical(tmp_path: Path, output_format: str) -> None:
    folder = many_files(tmp_path, 4)
    one = run_celint("check", "--jobs", "1", "--format", output_format, "-v", str(folder))
    two = run_celint("check", "--jobs", "2", "--format", output_format, "-v", str(folder))
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr


def test_automatic_jobs_above_the_threshold(tmp_path: Path) -> None:
    per_copy = len(list(many_files(tmp_path / "one", 1).glob("base/**/*.*")))
    folder = many_files(tmp_path / "big", AUTO_THRESHOLD // per_copy + 1)
    assert len(list(folder.rglob("*.*"))) >= AUTO_THRESHOLD
    automatic = run_celint("check", "--format", "json", str(folder))
    serial = run_celint("check", "--jobs", "1", "--format", "json", str(folder))
    assert automatic.stdout == serial.stdout


def test_unreadable_input_stops_a_parallel_run(tmp_path: Path) -> None:
    folder = many_files(tmp_path, 2)
    result = run_celint("check", "--jobs", "2", str(folder), str(tmp_path / "missing.json"))
    assert result.returncode == 2
    assert "missing.json" in result.stderr


@pytest.mark.parametrize(
    ("jobs", "files", "expected"),
    [
        (1, 10_000, 1),
        (3, 10_000, 3),
        (8, 2, 2),
        (0, 1, 1),
        (0, AUTO_THRESHOLD - 1, 1),
        (4, 0, 1),
    ],
)
def test_processes(jobs: int, files: int, expected: int) -> None:
    assert processes(jobs, files) == expected


@pytest.mark.parametrize(
    ("available", "files", "expected"),
    [
        (1, 100_000, 1),
        (2, 100_000, 2),  # measured (bench/run.py --jobs-sweep): two win from 300 files on
        (2, AUTO_THRESHOLD - 1, 1),
        (MIN_CORES, AUTO_THRESHOLD, MIN_CORES),
        (8, AUTO_THRESHOLD, 8),
        (8, AUTO_THRESHOLD - 1, 1),
    ],
)
def test_automatic_processes_use_the_cores(
    monkeypatch: pytest.MonkeyPatch, available: int, files: int, expected: int
) -> None:
    monkeypatch.setattr("celint.run.parallel.cores", lambda: available)
    assert processes(0, files) == expected
    assert processes(2, files) == 2  # an explicit --jobs is taken as it is


def test_reports_keep_the_quoted_text_only_with_findings(tmp_path: Path) -> None:
    folder = workspace(tmp_path)
    quote = Needs(quote=True)
    clean = lint_one(
        str(folder / "examples" / "quickbooks-webhook.json"), LintOptions(), None, quote
    )
    broken = lint_one(str(folder / "broken" / "webhooks.yaml"), LintOptions(), None, quote)
    assert clean.checked and not clean.diagnostics and clean.quoted is None
    assert broken.diagnostics and broken.quoted is not None


def test_a_worker_that_dies_ends_the_run_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A worker killed from outside (here it exits on its own, as the out-of-memory killer
    would end it) must stop the run with an operating error, not leave the parent waiting."""
    from celint import cli
    from celint.lint import engine

    for index in range(200):
        (tmp_path / f"body-{index:03}.json").write_text('{"elementKey": "sfdc"}\n')
    parent = os.getpid()

    def dying(path: str, *args: Any, **kwargs: Any) -> Any:
        if os.getpid() != parent and path.endswith("body-150.json"):
            os._exit(9)
        return real_check(path, *args, **kwargs)

    real_check = engine.check_bytes
    monkeypatch.setattr(engine, "check_bytes", dying)  # forked workers inherit it
    with pytest.raises(SystemExit) as stopped:
        cli.main(["check", "--no-cache", "--jobs", "2", "--format", "json", str(tmp_path)])
    assert stopped.value.code == 2
    assert capsys.readouterr().err == (
        "celint: error: a worker process stopped unexpectedly (out of memory?); "
        "run again with --jobs 1\n"
    )


def test_what_crosses_to_a_worker_pickles_whole() -> None:
    """Where workers are spawned (not forked), the options go to them by pickle, and every
    report comes back by pickle wherever: each must read back equal, fix and evidence too."""
    import pickle

    from celint.model import Diagnostic, FileReport, Severity, Span

    options = LintOptions(max_depth=10, elements={"acme": {"resources": ["a"]}})
    assert options.profiles["acme"].resources == ("a",)  # computed, cached on the object
    back = pickle.loads(pickle.dumps(options))
    assert (type(back), back, back.profiles["acme"].resources) == (LintOptions, options, ("a",))
    finding = Diagnostic(
        "a.json", "CE207", "poller-resource-unknown", Severity.WARNING, "m", "/p",
        Span(1, 2, 1, 5, 1, 4), fix={"to": "x"}, replacement='"x"', evidence="documented",
    )  # fmt: skip
    report = FileReport("a.json", [finding], checked=True, secrets=(Span(1, 1, 1, 2),))
    returned = pickle.loads(pickle.dumps(report))
    assert returned == report
    assert returned.diagnostics[0][:] == finding[:]  # the fields outside its identity too
    with pytest.raises(ValueError, match="max_depth: at most 256"):
        pickle.loads(pickle.dumps(options))._replace(max_depth=1000)
