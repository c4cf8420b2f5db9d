"""The worst inputs of issue 15 (hostile input, second round), timed in every slow format.

Usage (from the repository root)::

    python bench/hostile.py                        # this checkout, 3 rounds
    python bench/hostile.py --before ../base       # and another checkout (the base commit), once
    python bench/hostile.py --rounds 1 --timeout 60 --markdown out.md

Each case is generated into ``bench/results/hostile/`` (git-ignored, deterministic) and checked
with ``python -m celint check --no-config ARGS FILE`` in a fresh process, once per round; with
``--before DIR`` the same command also runs with ``PYTHONPATH=DIR`` (``--before-rounds`` times,
once by default: the runs it is for take minutes), so two checkouts can be compared on one
machine in one run. Wall time is per process (median of the rounds), with the process's CPU
time (user + system, from ``os.wait4``) beside it, which a busy machine inflates less; peak RSS
is the child's ``ru_maxrss``, in MiB. A run past ``--timeout`` seconds is killed and shown as
``>`` the timeout. The target is every run under 2 s and 200 MiB.

This is a benchmark, not a test: it asserts nothing, and the tests hold the behaviour.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT_DIR = HERE / "results" / "hostile"
TARGET_SECONDS, TARGET_MIB = 2.0, 200.0
ELEMENT = {"key": "quickbooks"}


def _json(value: object) -> bytes:
    return json.dumps(value).encode()


def _zone(length: int) -> bytes:
    """A poller configuration whose time zone is ``length`` Z's (item 13: the zone
    did-you-mean against ~600 zone names)."""
    dates = {"updatedDateField": "updated", "updatedDateFormat": "milliseconds"}
    entry = {
        "url": "/hubs/crm/contacts?since=${gmtDate:yyyy-MM-dd}",
        "idField": "id",
        "datesConfiguration": {**dates, "updatedDateTimezone": "Z" * length},
    }
    configuration = {
        "event.notification.enabled": True,
        "event.vendor.type": "polling",
        "event.poller.refresh_interval": 15,
        "event.poller.urls": "contacts",
        "event.poller.configuration": {"contacts": entry},
    }
    return _json({"element": {"key": "hubspot"}, "name": "x", "configuration": configuration})


def _unknown_resources(count: int) -> bytes:
    """``count`` resources QuickBooks does not have in ``event.poller.urls`` (item 13)."""
    urls = "|".join(f"unknown-resource-{index}" for index in range(count))
    configuration = {
        "event.notification.enabled": True,
        "event.vendor.type": "polling",
        "event.poller.refresh_interval": 15,
        "event.poller.urls": urls,
    }
    return _json({"element": ELEMENT, "name": "x", "configuration": configuration})


def _long_event_key(length: int) -> bytes:
    """An unknown ``event.*`` key of ``length`` characters (item 13: its did-you-mean)."""
    configuration = {"event." + "x" * length: 1}
    return _json({"element": ELEMENT, "name": "x", "configuration": configuration})


def _exported_webhooks(count: int) -> bytes:
    """``GET /instances`` of ``count`` instances that each say ``webhooks`` (item 14: one
    fixable finding each, so ``sarif``, ``--diff`` and ``--fix`` fix thousands in one file)."""
    instances = [
        {
            "id": index,
            "element": ELEMENT,
            "name": f"instance {index}",
            "configuration": {
                "event.notification.enabled": True,
                "event.vendor.type": "webhooks",
                "event.notification.callback.url": "https://app.example.com/events",
                "event.notification.signature.key": "${KEY}",
            },
        }
        for index in range(count)
    ]
    return json.dumps(instances, indent=1).encode()


def _duplicate_keys(count: int) -> bytes:
    """One line, ``count`` repeats of one key (item 15: a finding each, with no cap)."""
    return b'{"element": {"key": "quickbooks"}, "name": "x"' + b', "a":1' * count + b"}"


def _long_integer(digits: int) -> bytes:
    """An integer past Python's 4,300-digit conversion limit (item 7)."""
    return b'{"element": {"key": "quickbooks"}, "name": "x", "a": ' + b"1" * digits + b"}"


def _broken_yaml(lines: int) -> bytes:
    """A YAML text libyaml rejects at its end, too large for the YAML 1.2 retry (item 18),
    which would read it at about 0.7 MB a second."""
    body = "".join(f"  key{index}: value number {index}\n" for index in range(lines))
    return f"element: {{key: quickbooks}}\nname: x\nconfiguration:\n{body}  bad: [\n".encode()


@dataclass(frozen=True)
class Case:
    """One generated input and the argument sets it is checked with."""

    name: str
    file: str
    make: Callable[[], bytes]
    runs: tuple[tuple[str, ...], ...]


CASES = (
    Case("7: integer of 4,301 digits", "long-int.json", lambda: _long_integer(4301), (("text",),)),
    Case("13: time zone of 4,000 Z", "zone-4k.json", lambda: _zone(4000), (("text",),)),
    Case("13: time zone of 80,000 Z", "zone-80k.json", lambda: _zone(80_000), (("text",),)),
    Case(
        "13: 8,000 unknown poller resources",
        "resources-8k.json",
        lambda: _unknown_resources(8000),
        (("text",),),
    ),
    Case(
        "13: event.* key of 40,000 chars",
        "key-40k.json",
        lambda: _long_event_key(40_000),
        (("text",),),
    ),
    Case(
        "14: 2,000 exported bodies with webhooks",
        "exported-2k.json",
        lambda: _exported_webhooks(2000),
        (("text",), ("sarif",), ("--diff",), ("--fix",)),
    ),
    Case(
        "15: 500,000 duplicate keys, one line",
        "duplicates-500k.json",
        lambda: _duplicate_keys(500_000),
        (("text",), ("json",), ("sarif",), ("full",)),
    ),
    Case(
        "18: 2 MB YAML libyaml rejects",
        "broken-2mb.yaml",
        lambda: _broken_yaml(45_000),
        (("text",),),
    ),
)


@dataclass(frozen=True)
class Outcome:
    seconds: float
    cpu_seconds: float
    rss_mib: float
    timed_out: bool


def measure(command: Sequence[str], env: dict[str, str], timeout: float) -> Outcome:
    """Run ``command`` once, output discarded; kill it after ``timeout`` seconds."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=OUT_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Outcome(elapsed, cpu, usage.ru_maxrss / 1024, elapsed >= timeout)


def _environment(source: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR")}
    if source is not None:
        env["PYTHONPATH"] = str(source)
    return env


def _command(args: tuple[str, ...], file: str) -> list[str]:
    options = ("--format", args[0]) if not args[0].startswith("-") else args
    return [sys.executable, "-m", "celint", "check", "--no-config", *options, file]


def _cell(outcomes: list[Outcome], timeout: float) -> str:
    """Median wall seconds (median CPU seconds) and the largest peak RSS, in MiB."""
    rss = max(o.rss_mib for o in outcomes)
    if any(outcome.timed_out for outcome in outcomes):
        return f"> {timeout:.0f} | {rss:.0f}"
    seconds = statistics.median(o.seconds for o in outcomes)
    cpu = statistics.median(o.cpu_seconds for o in outcomes)
    return f"{seconds:.2f} ({cpu:.2f}) | {rss:.0f}"


def _met(outcomes: list[Outcome]) -> bool:
    """The target, on the median wall time and the largest peak RSS."""
    if any(o.timed_out for o in outcomes):
        return False
    seconds = statistics.median(o.seconds for o in outcomes)
    return seconds < TARGET_SECONDS and max(o.rss_mib for o in outcomes) < TARGET_MIB


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs per command (default 3)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run (default 120)")
    parser.add_argument("--before", type=Path, metavar="DIR", help="also time this checkout")
    parser.add_argument("--before-rounds", type=int, default=1, help="its runs (default 1)")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write the table here")
    args = parser.parse_args(argv)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    sources: dict[str, tuple[Path | None, int]] = {"after": (None, args.rounds)}
    if args.before is not None:
        sources = {"before": (args.before.resolve(), args.before_rounds), **sources}
    header = " | ".join(f"{label} s (CPU s) | {label} MiB" for label in sources)
    lines = [
        f"| input | run | {header} | target |",
        "|---|---|" + "---:|---:|" * len(sources) + "---|",
    ]
    for case in CASES:
        data = case.make()
        for run in case.runs:
            cells, met = [], False
            for label, (source, rounds) in sources.items():
                outcomes = []
                for _ in range(rounds):
                    (OUT_DIR / case.file).write_bytes(data)  # --fix rewrites it
                    outcomes.append(
                        measure(_command(run, case.file), _environment(source), args.timeout)
                    )
                cells.append(_cell(outcomes, args.timeout))
                met = _met(outcomes)  # the last source's (this checkout's) verdict
                print(f"hostile: {case.name} {' '.join(run)} [{label}] done", file=sys.stderr)
            lines.append(
                f"| {case.name} | {' '.join(run)} | {' | '.join(cells)} | "
                f"{'met' if met else '**missed**'} |"
            )
    report = "\n".join(lines) + "\n"
    print(report, end="")
    if args.markdown:
        args.markdown.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
