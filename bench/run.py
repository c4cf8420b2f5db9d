"""Side-by-side benchmark: celint against check-jsonschema on the same files.

Usage (from the repository root, after ``pip install -e '.[bench]'``)::

    python bench/run.py                       # 1, 10, 100, 1,000 and 10,000 files, 7 rounds
    python bench/run.py --smoke               # tiny sizes, 2 rounds: proves the bench still runs
    python bench/run.py --markdown results.md # also write the Markdown table to a file

The corpus (``bench/corpus/``, git-ignored) is generated deterministically by ``corpus.py``.
check-jsonschema gets ``celint schema --element quickbooks`` as its ``--schemafile``, and both
tools get the same relative paths on their command lines, run from the corpus folder. Every
round runs every size for both tools (after one warm-up round that is not counted), alternating
which tool goes first, so that a noisy neighbour slows both rather than one. Wall time is measured
around the whole process; peak RSS is the child's ``ru_maxrss`` from ``os.wait4`` (the largest
single process of its tree, in MiB). Medians are what to quote; min and max show the noise.

Before timing, the bench checks that both tools agree on which runs fail and that celint finds
exactly one problem in each file the corpus made defective, so a fast but wrong run cannot pass.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent
CORPUS_DIR = HERE / "corpus"
SCHEMA_NAME = "quickbooks.schema.json"
FULL_SIZES = (1, 10, 100, 1_000, 10_000)
SMOKE_SIZES = (1, 10, 40)
FLOOR = ("python", "-c", "import click, jsonschema")
INTERPRETER = ("python", "-c", "pass")


@dataclass
class Samples:
    """Wall times (seconds) and peak RSS (MiB) of repeated runs of one command."""

    seconds: list[float] = field(default_factory=list)
    rss_mib: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def rss(self) -> float:
        return statistics.median(self.rss_mib)


@dataclass(frozen=True)
class Outcome:
    """One finished process: exit code, wall time and peak RSS."""

    code: int
    seconds: float
    rss_mib: float


def _environment() -> dict[str, str]:
    """This environment without PYTHONDONTWRITEBYTECODE: with it, an editable celint would
    compile every module on every run while check-jsonschema's installed byte code is used.
    The warm-up round writes celint's byte code, as a user's first run does."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def measure(command: Sequence[str], cwd: Path) -> Outcome:
    """Run ``command`` once with its output discarded; time it and read its peak RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=_environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Outcome(process.returncode, elapsed, usage.ru_maxrss / 1024)


def tool(name: str) -> str:
    """The console script beside this interpreter (the venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    if found is None:
        sys.exit(f"bench: {name} not found; install it with: pip install -e '.[bench]'")
    return found


def version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


class Bench:
    """The commands of one benchmark run and the samples they collect."""

    def __init__(self, sizes: Sequence[int]) -> None:
        self.sizes = tuple(sizes)
        self.names = corpus.write(CORPUS_DIR, max(self.sizes))
        self.celint = tool("celint")
        self.cjs = tool("check-jsonschema")
        schema = subprocess.run(
            [self.celint, "schema", "--element", "quickbooks"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (CORPUS_DIR / SCHEMA_NAME).write_text(schema, encoding="utf-8")
        self.samples: dict[str, Samples] = {}

    def commands(self, size: int) -> dict[str, list[str]]:
        files = self.names[:size]
        return {
            f"celint/{size}": [self.celint, "check", *files],
            f"cjs/{size}": [self.cjs, "--schemafile", SCHEMA_NAME, *files],
        }

    def floors(self) -> dict[str, list[str]]:
        python = sys.executable
        return {"floor": [python, *FLOOR[1:]], "interpreter": [python, *INTERPRETER[1:]]}

    def verify(self) -> None:
        """Both tools fail exactly the runs that hold a defect, and celint finds each defect."""
        for size in self.sizes:
            expected = 1 if any(corpus.has_defect(n) for n in range(size)) else 0
            for label, command in self.commands(size).items():
                code = measure(command, CORPUS_DIR).code
                if code != expected:
                    sys.exit(f"bench: {label} exited {code}, expected {expected}")
        largest = self.names[: max(self.sizes)]
        report = subprocess.run(
            [self.celint, "check", "--format", "json", *largest],
            cwd=CORPUS_DIR,
            capture_output=True,
            text=True,
        )
        found = sorted(d["path"] for d in json.loads(report.stdout)["diagnostics"])
        defective = [corpus.file_name(n) for n in range(len(largest)) if corpus.has_defect(n)]
        if found != defective:
            sys.exit(f"bench: celint found problems in {found[:5]}..., expected {defective[:5]}...")

    def round(self, number: int, record: bool) -> None:
        """Every command once; odd rounds run check-jsonschema first."""
        jobs = dict(self.floors())
        for size in self.sizes:
            pair = list(self.commands(size).items())
            jobs.update(reversed(pair) if number % 2 else pair)
        for label, command in jobs.items():
            outcome = measure(command, CORPUS_DIR)
            if record:
                sample = self.samples.setdefault(label, Samples())
                sample.seconds.append(outcome.seconds)
                sample.rss_mib.append(outcome.rss_mib)


def _cell(sample: Samples) -> str:
    low, high = min(sample.seconds), max(sample.seconds)
    return f"{sample.median * 1000:.0f} ({low * 1000:.0f}–{high * 1000:.0f})"


def _row(target: str, value: float, limit: float, stretch: float | None = None) -> str:
    """One line of the targets table: what was asked, what was measured, whether it was met."""
    verdict = "met" if value <= limit else "**missed**"
    if stretch is not None and value <= stretch:
        verdict += ", stretch met"
    return f"| {target} | {value:.2f} | {verdict} |"


def targets(bench: Bench) -> list[str]:
    """The issue's targets, for the sizes this run measured."""
    s = bench.samples

    def ratio(size: int) -> float:
        return s[f"celint/{size}"].median / s[f"cjs/{size}"].median

    rows = []
    if "celint/1" in s:
        rows.append(_row("1 file: celint/cjs ≤ 0.5 (stretch 0.35)", ratio(1), 0.5, 0.35))
        floor = s["celint/1"].median / s["floor"].median
        rows.append(_row("1 file: celint/floor ≤ 1.3", floor, 1.3))
    if "celint/10" in s:
        rows.append(_row("10 files: celint/cjs ≤ 0.5", ratio(10), 0.5))
    if "celint/1000" in s:
        rows.append(_row("1,000 files: celint/cjs ≤ 0.33 (stretch 0.25)", ratio(1000), 0.33, 0.25))
    if "celint/10000" in s and "celint/100" in s:
        growth = s["celint/10000"].rss / s["celint/100"].rss
        rows.append(_row("peak RSS, 10,000 files / 100 files ≤ 1.3", growth, 1.3))
    return ["| target | measured | |", "|---|---:|---|", *rows] if rows else []


def table(bench: Bench, rounds: int) -> str:
    """The Markdown report: conditions, the side-by-side table, the floors and the targets."""
    s = bench.samples
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"{when}; {os.cpu_count()} cores, {platform.system()} {platform.machine()}; "
        f"Python {platform.python_version()}; celint {version('celint')}; "
        f"check-jsonschema {version('check-jsonschema')}; medians of {rounds} rounds after a "
        "warm-up, milliseconds (min–max).",
        "",
        "| files | celint ms | check-jsonschema ms | celint/cjs | celint RSS MiB | cjs RSS MiB |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for size in bench.sizes:
        mine, theirs = s[f"celint/{size}"], s[f"cjs/{size}"]
        lines.append(
            f"| {size:,} | {_cell(mine)} | {_cell(theirs)} | {mine.median / theirs.median:.2f} "
            f"| {mine.rss:.1f} | {theirs.rss:.1f} |"
        )
    lines += [
        "",
        f'Floor `python -c "import click, jsonschema"`: {_cell(s["floor"])} ms; '
        f"interpreter alone `python -c pass`: {_cell(s['interpreter'])} ms.",
    ]
    checks = targets(bench)
    if checks:
        lines += ["", *checks]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes and 2 rounds (for CI)")
    parser.add_argument("--rounds", type=int, help="counted rounds (default 7; smoke: 2)")
    parser.add_argument("--sizes", help="comma-separated file counts (default 1,10,100,1000,10000)")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write the table here")
    args = parser.parse_args(argv)
    default = SMOKE_SIZES if args.smoke else FULL_SIZES
    sizes = tuple(int(n) for n in args.sizes.split(",")) if args.sizes else default
    rounds = args.rounds or (2 if args.smoke else 7)
    bench = Bench(sizes)
    bench.verify()
    for number in range(rounds + 1):
        bench.round(number, record=number > 0)
        print(f"bench: round {number}/{rounds} done", file=sys.stderr, flush=True)
    report = table(bench, rounds)
    print(report, end="")
    if args.markdown:
        args.markdown.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
