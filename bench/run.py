"""Side-by-side benchmark: celint against check-jsonschema and native JSON Schema validators.

Usage (from the repository root, after ``pip install -e '.[bench]'``)::

    python bench/run.py                       # 1, 10, 100, 1,000 and 10,000 files, 7 rounds
    python bench/run.py --rounds 5            # fewer counted rounds
    python bench/run.py --sizes 1,100,1000    # other file counts
    python bench/run.py --smoke               # tiny sizes, 2 rounds: proves the bench still runs
    python bench/run.py --no-peers            # celint and check-jsonschema only (no npm)
    python bench/run.py --jobs-sweep          # celint --jobs 1 / --jobs 2 / default, 100..10,000
    python bench/run.py --markdown results.md # also write the Markdown tables to a file

The corpus (``bench/corpus/``, git-ignored) is generated deterministically by ``corpus.py``.
Every tool gets ``celint schema --element quickbooks`` as its schema and the same relative paths
on its command line, run from the corpus folder. Every round runs every command once (after one
warm-up round that is not counted), rotating which tool goes first, so that a noisy neighbour
slows all of them rather than one. Wall time is measured around the whole process and peak RSS
is the child's ``ru_maxrss`` from ``os.wait4`` (the largest single process of its tree, in MiB),
no timing tool involved. The commands are started by a small launcher process (``python -S``,
fork, exec, ``os.wait4``), not by the bench itself: Linux carries the forking process's peak
RSS into the child's ``ru_maxrss``, which would put the bench's own ~20 MiB under every figure.
Medians are what to quote; min and max show the noise.

Native peers. The bench installs them itself with ``npm ci``, from the committed
``bench/package.json`` and ``bench/package-lock.json``, into the git-ignored ``bench/.node/``
(once, and again whenever those two files change). Without npm and node, or when the install
fails, their columns are skipped with a note and the rest still runs. Their command lines:

* ``jsonschema validate --continue SCHEMA FILE...`` (``@sourcemeta/jsonschema``, a C++ binary
  shipped inside the npm package), run directly, as a release download, Homebrew or pip give
  it; ``--continue`` because it otherwise stops at the first invalid file. Also timed with
  ``--fast`` (fewer details in its errors, same verdicts) and through the package's
  ``node_modules/.bin/jsonschema``, the node wrapper that ``npx jsonschema`` runs.
* ``ajv validate --spec=draft2020 --strict=false -c ajv-formats -s SCHEMA -d FILE -d FILE ...``
  (``ajv-cli``): ``--strict=false`` because strict mode rejects the schema's ``x-celint``
  keyword and its union types; ``ajv-formats`` so that ``format`` is checked as
  check-jsonschema checks it (without it ajv ignores ``format: uri`` with a warning).

Both peers stop at the first file they cannot parse (ajv-cli at any, jsonschema at a JSON
one), so on the corpus, whose syntax errors start at file 69, they would time a fraction of
the work. They are timed on the same files less those that do not parse (one in seventy), and
celint is timed again on that shorter list for their ratios. A command line longer than this
system allows is cut into batches run one after another, as ``xargs`` does, and their times
are added up (on Linux, 10,000 files fit in one command line; ``--arg-max`` tests the cutting).

Before timing, the bench checks that every tool fails exactly the runs that hold a defect, that
celint finds exactly one problem in each file the corpus made defective and that each native
peer names every file with the verdict the corpus expects, so a fast but wrong run cannot pass.

celint cold and warm. When ``celint check --help`` offers ``--no-cache``, celint is timed cold
(``--no-cache``, and its ``.celint_cache`` folder in the corpus folder deleted before the run)
and warm (the folder deleted, then primed by one unmeasured run of the same command line), and
the bench checks that a warm run reports what a cold one does. Without the option, the warm
column is skipped with a note.

``--jobs-sweep`` times ``celint check --jobs 1``, ``--jobs 2`` and the default (automatic) at
100, 300, 1,000, 3,000 and 10,000 files, cold, and prints medians, ratios and in how many rounds
``--jobs 2`` beat ``--jobs 1``: the measurement to set the automatic threshold from.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent
CORPUS_DIR = HERE / "corpus"
NODE_DIR = HERE / ".node"
NPM_FILES = ("package.json", "package-lock.json")
NPM_TIMEOUT = 900
SCHEMA_NAME = "quickbooks.schema.json"
CACHE_DIR = CORPUS_DIR / ".celint_cache"
NO_CACHE = "--no-cache"
FULL_SIZES = (1, 10, 100, 1_000, 10_000)
SWEEP_SIZES = (100, 300, 1_000, 3_000, 10_000)
SMOKE_SIZES = (1, 10, 40)
FLOOR = ("python", "-c", "import click, jsonschema")
INTERPRETER = ("python", "-c", "pass")
POINTER = 8  # bytes of argv pointer per argument, which the kernel counts against ARG_MAX
HEADROOM = 4096

Command = tuple[str, ...]


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
    """One finished run: exit code (the first non-zero one of its batches), wall time (their
    sum) and peak RSS (their largest)."""

    code: int
    seconds: float
    rss_mib: float


def _nothing() -> None:
    """No preparation."""


@dataclass(frozen=True)
class Job:
    """What one sample times: one command line, or the batches that a command line too long
    for this system was cut into, run one after another. ``prepare`` runs first, untimed."""

    batches: tuple[Command, ...]
    prepare: Callable[[], None] = _nothing


def _environment() -> dict[str, str]:
    """This environment without PYTHONDONTWRITEBYTECODE: with it, an editable celint would
    compile every module on every run while check-jsonschema's installed byte code is used.
    The warm-up round writes celint's byte code, as a user's first run does."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


# The process that starts every timed command. Linux carries the peak RSS of the process that
# forks a child across exec into the child's ru_maxrss, so a command started by the bench itself
# would never read below the bench's own peak (about 20 MiB): the native binary would read as
# large as celint. This launcher stays small (an interpreter without site, about 5 MiB): it
# reads "cwd NUL arg NUL arg ..." lines, forks, execs with the output discarded, waits with
# os.wait4 and answers "exit-code seconds maxrss-KiB".
LAUNCHER = """
import os, sys, time
null = os.open(os.devnull, os.O_RDWR)
for line in sys.stdin.buffer:
    cwd, *argv = line.rstrip(b"\\n").split(b"\\0")
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(cwd)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    sys.stdout.write(f"{code} {seconds!r} {usage.ru_maxrss}\\n")
    sys.stdout.flush()
"""


class Launcher:
    """The running :data:`LAUNCHER`: :meth:`measure` runs one command through it."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-S", "-c", LAUNCHER],
            env=_environment(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def measure(self, command: Sequence[str], cwd: Path) -> Outcome:
        assert self.process.stdin is not None and self.process.stdout is not None
        request = b"\0".join(os.fsencode(part) for part in (str(cwd), *command))
        if b"\n" in request:
            raise ValueError(f"bench: a newline in a command line: {command!r}")
        self.process.stdin.write(request + b"\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().split()
        if len(answer) != 3:
            sys.exit(f"bench: the launcher stopped ({self.process.poll()}) on {command[:3]}...")
        code, seconds, rss_kib = int(answer[0]), float(answer[1]), int(answer[2])
        if code == 127 and not Path(command[0]).is_file():
            sys.exit(f"bench: cannot run {command[0]}")
        return Outcome(code, seconds, rss_kib / 1024)

    def close(self) -> None:
        """End the launcher: it stops at the end of its input."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


_launcher: Launcher | None = None


def close_launcher() -> None:
    global _launcher
    if _launcher is not None:
        _launcher.close()
        _launcher = None


def measure(command: Sequence[str], cwd: Path = CORPUS_DIR) -> Outcome:
    """Run ``command`` once with its output discarded; time it and read its peak RSS."""
    global _launcher
    if _launcher is None:
        _launcher = Launcher()
    return _launcher.measure(command, cwd)


def run_job(job: Job) -> Outcome:
    """Prepare ``job``, then run its batches in turn."""
    job.prepare()
    outcomes = [measure(batch) for batch in job.batches]
    code = next((o.code for o in outcomes if o.code != 0), 0)
    return Outcome(code, sum(o.seconds for o in outcomes), max(o.rss_mib for o in outcomes))


def output(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in the corpus folder and keep what it prints."""
    return subprocess.run(
        command, cwd=CORPUS_DIR, env=_environment(), capture_output=True, text=True
    )


def arg_budget() -> int:
    """How many bytes of arguments one command line may carry here: ARG_MAX less this
    environment (which shares it) and some headroom, as ``xargs`` reckons."""
    try:
        limit = os.sysconf("SC_ARG_MAX")
    except (AttributeError, ValueError, OSError):
        limit = 32_768  # a Windows command line
    environment = sum(len(k) + len(v) + 2 + POINTER for k, v in os.environ.items())
    return max(limit - environment - HEADROOM, HEADROOM)


def _cost(arguments: Sequence[str]) -> int:
    return sum(len(os.fsencode(argument)) + 1 + POINTER for argument in arguments)


def split(
    prefix: Sequence[str], items: Sequence[Sequence[str]], budget: int
) -> tuple[Command, ...]:
    """``prefix`` followed by every item, as one command line when it fits in ``budget`` bytes,
    else as consecutive batches that each repeat ``prefix``; an item (``-d FILE``) is never cut."""
    batches: list[Command] = []
    current: list[str] = []
    used = base = _cost(prefix)
    for item in items:
        cost = _cost(item)
        if current and used + cost > budget:
            batches.append((*prefix, *current))
            current, used = [], base
        current.extend(item)
        used += cost
    batches.append((*prefix, *current))
    return tuple(batches)


def clear_cache() -> None:
    """Delete celint's result cache in the corpus folder (absent today: harmless)."""
    shutil.rmtree(CACHE_DIR, ignore_errors=True)


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


@dataclass(frozen=True)
class Peer:
    """A native validator's command line: ``head`` (program and options), the ``verbose``
    options that make it name every file with its verdict (verification only), ``tail`` (the
    schema, when it comes after the options), then each file, after ``file_flag`` if any."""

    key: str
    title: str
    head: Command
    tail: Command
    verbose: Command
    file_flag: str | None
    verdict: re.Pattern[str]  # groups "file" and "verdict", over stdout and stderr
    passing: str  # the verdict of a valid file

    def job(self, files: Sequence[str], budget: int, verbose: bool = False) -> Job:
        prefix = (*self.head, *(self.verbose if verbose else ()), *self.tail)
        items = [(self.file_flag, name) if self.file_flag else (name,) for name in files]
        return Job(split(prefix, items, budget))

    def verdicts(self, printed: str) -> dict[str, bool]:
        """File name to valid (True) or invalid (False), from what a verbose run printed."""
        found = self.verdict.finditer(printed)
        return {match["file"]: match["verdict"] == self.passing for match in found}


SOURCEMETA_VERDICT = re.compile(r"^(?P<verdict>ok|fail): (?P<file>\S+)", re.MULTILINE)
AJV_VERDICT = re.compile(r"^(?P<file>\S+) (?P<verdict>valid|invalid)$", re.MULTILINE)


def _npm_install(npm: str) -> str | None:
    """``npm ci`` in bench/.node/ from the committed manifest and lock file, unless that lock
    file is already installed there; the reason it failed, or None."""
    NODE_DIR.mkdir(exist_ok=True)
    wanted = {name: (HERE / name).read_bytes() for name in NPM_FILES}
    present = (NODE_DIR / "node_modules" / ".package-lock.json").is_file() and all(
        (NODE_DIR / name).is_file() and (NODE_DIR / name).read_bytes() == content
        for name, content in wanted.items()
    )
    if present:
        return None
    for name, content in wanted.items():
        (NODE_DIR / name).write_bytes(content)
    print("bench: installing the native peers (npm ci in bench/.node/)", file=sys.stderr)
    command = [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"]
    try:
        done = subprocess.run(
            command, cwd=NODE_DIR, capture_output=True, text=True, timeout=NPM_TIMEOUT
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        reason = f"npm ci did not finish ({error})"
    else:
        if done.returncode == 0:
            return None
        printed = (done.stderr or done.stdout).splitlines()
        said = [line.removeprefix("npm error").strip() for line in printed if line.strip()]
        said = [line for line in said if "complete log" not in line]  # npm's pointer to its log
        reason = f"npm ci exited {done.returncode}: {'; '.join(said[:2]) or 'no output'}"
    (NODE_DIR / "package-lock.json").unlink(missing_ok=True)  # so that the next run tries again
    return reason


def _npm_version(package: str) -> str:
    manifest = NODE_DIR / "node_modules" / package / "package.json"
    try:
        return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return "?"


def _release_name() -> str:
    """The name the npm package gives its binary for this platform (as its npm/main.js picks)."""
    system = platform.system().lower()
    machine = platform.machine().lower()
    arch = {"amd64": "x86_64", "x86_64": "x86_64", "aarch64": "arm64", "arm64": "arm64"}.get(
        machine, machine
    )
    musl = "-musl" if system == "linux" and platform.libc_ver()[0] != "glibc" else ""
    extension = ".exe" if system == "windows" else ""
    return f"jsonschema-{system}-{arch}{musl}{extension}"


def _sourcemeta(key: str, title: str, program: str, *options: str) -> Peer:
    """``jsonschema validate --continue [OPTIONS] SCHEMA FILE...``: without ``--continue`` it
    stops at the first invalid file; ``--verbose`` makes it print ``ok: FILE``/``fail: FILE``."""
    head = (program, "validate", "--continue", *options)
    return Peer(key, title, head, (SCHEMA_NAME,), ("--verbose",), None, SOURCEMETA_VERDICT, "ok")


@dataclass
class Peers:
    """The native peers that could be installed, what they are, and why any are missing."""

    peers: list[Peer] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    versions: str = ""


def native_peers() -> Peers:
    """Install the npm packages if needed and return the peers that are there to run."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if npm is None or node is None:
        return Peers(notes=["native peers skipped: npm and node are not both on PATH"])
    failure = _npm_install(npm)
    if failure is not None:
        return Peers(notes=[f"native peers skipped: {failure}"])
    result = Peers()
    node_version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
    modules = NODE_DIR / "node_modules"
    binary = modules / "@sourcemeta" / "jsonschema" / "build" / "github-releases"
    binary /= _release_name()
    wrapper, ajv = modules / ".bin" / "jsonschema", modules / ".bin" / "ajv"
    if binary.is_file():
        result.peers.append(_sourcemeta("jsonschema", "jsonschema", str(binary)))
        result.peers.append(_sourcemeta("fast", "jsonschema --fast", str(binary), "--fast"))
    else:
        result.notes.append(f"jsonschema binary skipped: no {binary.name} in the npm package")
    if wrapper.is_file():
        result.peers.append(_sourcemeta("npm", "jsonschema via npm", str(wrapper)))
    if ajv.is_file():
        options = ("--spec=draft2020", "--strict=false", "-c", "ajv-formats", "-s", SCHEMA_NAME)
        head = (str(ajv), "validate", *options)
        result.peers.append(Peer("ajv", "ajv-cli", head, (), (), "-d", AJV_VERDICT, "valid"))
    result.versions = (
        f"jsonschema {_npm_version('@sourcemeta/jsonschema')} (@sourcemeta/jsonschema), "
        f"ajv-cli {_npm_version('ajv-cli')} with ajv {_npm_version('ajv')} and ajv-formats "
        f"{_npm_version('ajv-formats')}, node {node_version.strip().lstrip('v') or '?'}"
    )
    return result


class Bench:
    """The commands of one benchmark run (the side-by-side one, or ``sweep``: celint's
    ``--jobs``) and the samples they collect."""

    def __init__(self, sizes: Sequence[int], sweep: bool, peers: bool, budget: int) -> None:
        self.sizes = tuple(sizes)
        self.sweep = sweep
        self.budget = budget
        self.names = corpus.write(CORPUS_DIR, max(self.sizes))
        self.celint = tool("celint")
        usage = subprocess.run([self.celint, "check", "--help"], capture_output=True, text=True)
        self.cache = NO_CACHE in usage.stdout
        self.notes: list[str] = []
        self.native = Peers()
        self.samples: dict[str, Samples] = {}
        if sweep:
            return
        self.cjs = tool("check-jsonschema")
        schema = subprocess.run(
            [self.celint, "schema", "--element", "quickbooks"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (CORPUS_DIR / SCHEMA_NAME).write_text(schema, encoding="utf-8")
        if not self.cache:
            self.notes.append(
                f"celint warm: skipped, `celint check --help` offers no `{NO_CACHE}` (this "
                "celint has no result cache yet); the celint column is its only run."
            )
        self.native = native_peers() if peers else Peers(notes=["native peers skipped: --no-peers"])
        self.notes += self.native.notes

    def files(self, size: int) -> list[str]:
        return self.names[:size]

    def parsed(self, size: int) -> list[str]:
        """The first ``size`` files less those that do not parse: what the native peers get."""
        return [name for number, name in enumerate(self.names[:size]) if corpus.parses(number)]

    def _items(self, files: Sequence[str]) -> list[Command]:
        return [(name,) for name in files]

    def celint_cold(self, files: Sequence[str], *options: str) -> Job:
        """celint without its cache: ``--no-cache`` when it has one, its folder deleted first."""
        prefix = (self.celint, "check", *((NO_CACHE,) if self.cache else ()), *options)
        return Job(split(prefix, self._items(files), self.budget), clear_cache)

    def celint_warm(self, files: Sequence[str]) -> Job:
        """celint on a cache primed by one unmeasured run of the same command line."""
        batches = split((self.celint, "check"), self._items(files), self.budget)

        def prime() -> None:
            clear_cache()
            for batch in batches:
                measure(batch)

        return Job(batches, prime)

    def jobs(self, size: int) -> dict[str, Job]:
        """The timed commands at ``size`` files, labelled ``tool/size``."""
        files = self.files(size)
        if self.sweep:
            return {
                f"j1/{size}": self.celint_cold(files, "--jobs", "1"),
                f"j2/{size}": self.celint_cold(files, "--jobs", "2"),
                f"auto/{size}": self.celint_cold(files),
            }
        cjs = (self.cjs, "--schemafile", SCHEMA_NAME)
        result = {
            f"celint/{size}": self.celint_cold(files),
            f"cjs/{size}": Job(split(cjs, self._items(files), self.budget)),
        }
        if self.cache:
            result[f"warm/{size}"] = self.celint_warm(files)
        if size == 1:  # one YAML file too (file 1, clean): its parser is a start-up of its own
            yaml_file = self.files(2)[1:]
            result["celint-yaml/1"] = self.celint_cold(yaml_file)
            result["cjs-yaml/1"] = Job(split(cjs, self._items(yaml_file), self.budget))
        if self.native.peers:
            parsed = self.parsed(size)
            if parsed != files:
                result[f"celint-p/{size}"] = self.celint_cold(parsed)
            for peer in self.native.peers:
                result[f"{peer.key}/{size}"] = peer.job(parsed, self.budget)
        return result

    def floors(self) -> dict[str, Job]:
        if self.sweep:
            return {}
        python = sys.executable
        return {
            "floor": Job(((python, *FLOOR[1:]),)),
            "interpreter": Job(((python, *INTERPRETER[1:]),)),
        }

    def verify(self) -> None:
        """Every tool fails exactly the runs that hold a defect, celint finds each defect (warm
        as cold), and each native peer gives every file the verdict the corpus expects."""
        peers = {peer.key: peer for peer in self.native.peers}
        for size in self.sizes:
            defective = any(corpus.has_defect(n) for n in range(size))
            parsed_defective = any(corpus.has_defect(n) and corpus.parses(n) for n in range(size))
            for label, job in self.jobs(size).items():
                key = label.split("/")[0]
                code = run_job(job).code
                if key in peers:
                    if (code != 0) != parsed_defective:
                        sys.exit(f"bench: {label} exited {code}, expected {int(parsed_defective)}")
                    self._verify_verdicts(peers[key], size)
                else:
                    wanted = int(parsed_defective if key == "celint-p" else defective)
                    if code != wanted:
                        sys.exit(f"bench: {label} exited {code}, expected {wanted}")
        largest = self.files(max(self.sizes))
        clear_cache()
        options = (NO_CACHE,) if self.cache else ()
        cold = self._diagnostics([self.celint, "check", *options, "--format", "json", *largest])
        expected = [corpus.file_name(n) for n in range(len(largest)) if corpus.has_defect(n)]
        found = sorted(str(d["path"]) for d in cold)
        if found != expected:  # a second problem in one file shows as its name twice
            sys.exit(f"bench: celint found problems in {found[:5]}..., expected {expected[:5]}...")
        if self.cache:
            clear_cache()
            command = [self.celint, "check", "--format", "json", *largest]
            primed, warm = self._diagnostics(command), self._diagnostics(command)
            if primed != cold or warm != cold:
                sys.exit("bench: celint with its cache reports other problems than --no-cache")
        clear_cache()

    def _diagnostics(self, command: Sequence[str]) -> list[dict[str, object]]:
        report = output(command)
        diagnostics: list[dict[str, object]] = json.loads(report.stdout)["diagnostics"]
        return diagnostics

    def _verify_verdicts(self, peer: Peer, size: int) -> None:
        """``peer``, made verbose, names every file it was given with the corpus's verdict."""
        files = self.parsed(size)
        wanted = {corpus.file_name(n): not corpus.has_defect(n) for n in range(size)}
        wanted = {name: wanted[name] for name in files}
        found: dict[str, bool] = {}
        for batch in peer.job(files, self.budget, verbose=True).batches:
            done = output(batch)
            found.update(peer.verdicts(done.stdout + "\n" + done.stderr))
        if found != wanted:
            wrong = sorted(
                name for name in wanted.keys() | found.keys() if found.get(name) != wanted.get(name)
            )
            sys.exit(
                f"bench: {peer.title} at {size} files: {len(wrong)} files without the expected "
                f"verdict ({', '.join(wrong[:5])}...)"
            )

    def round(self, number: int, record: bool) -> None:
        """Every command once; the order of the tools at each size turns every round."""
        jobs = dict(self.floors())
        for size in self.sizes:
            pairs = list(self.jobs(size).items())
            turn = number % len(pairs)
            jobs.update(pairs[turn:] + pairs[:turn])
        for label, job in jobs.items():
            outcome = run_job(job)
            if record:
                sample = self.samples.setdefault(label, Samples())
                sample.seconds.append(outcome.seconds)
                sample.rss_mib.append(outcome.rss_mib)
        clear_cache()


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
    """The targets of the speed issues, for the sizes this run measured."""
    s = bench.samples

    def ratio(size: int) -> float:
        return s[f"celint/{size}"].median / s[f"cjs/{size}"].median

    rows = []
    if "celint/1" in s:
        start = s["celint/1"].median / s["interpreter"].median
        rows.append(_row("1 JSON file: celint / `python -c pass` ≤ 3.5", start, 3.5))
        rows.append(_row("1 JSON file: celint/cjs ≤ 0.25", ratio(1), 0.25))
        yaml = s["celint-yaml/1"].median / s["cjs-yaml/1"].median
        rows.append(_row("1 YAML file: celint/cjs ≤ 0.3", yaml, 0.3))
    if "celint/10" in s:
        rows.append(_row("10 files: celint/cjs ≤ 0.5", ratio(10), 0.5))
    if "celint/1000" in s:
        rows.append(_row("1,000 files: celint/cjs ≤ 0.33 (stretch 0.25)", ratio(1000), 0.33, 0.25))
    native = [peer.key for peer in bench.native.peers]
    if "celint/1000" in s and native:
        fastest = min(s[f"{key}/1000"].median for key in native)
        cold = (s.get("celint-p/1000") or s["celint/1000"]).median
        rows.append(_row("1,000 files cold: celint / fastest native ≤ 4", cold / fastest, 4))
        if bench.cache:
            warm = s["warm/1000"].median / fastest
            rows.append(
                _row("1,000 unchanged files: celint warm / fastest native cold < 1", warm, 1)
            )
    if "warm/10000" in s:
        warm = s["warm/10000"].median / s["celint/10000"].median
        rows.append(_row("10,000 unchanged files: celint warm / cold ≤ 0.15", warm, 0.15))
    if "celint/10000" in s and "celint/100" in s:
        growth = s["celint/10000"].rss / s["celint/100"].rss
        rows.append(_row("peak RSS, 10,000 files / 100 files ≤ 1.3", growth, 1.3))
    return ["| target | measured | |", "|---|---:|---|", *rows] if rows else []


def _grid(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A Markdown table, the first column left-aligned and the others right-aligned."""
    lines = ["| " + " | ".join(header) + " |", "|---:" + "|---:" * (len(header) - 1) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _machine() -> str:
    return f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}"


def peer_tables(bench: Bench) -> list[str]:
    """Times, ratios and peak RSS of celint and the native peers on the files that parse."""
    s, peers = bench.samples, bench.native.peers
    rows_ms, rows_ratio, rows_rss = [], [], []
    for size in bench.sizes:
        parsed = len(bench.parsed(size))
        files = f"{size:,}" if parsed == size else f"{size:,} ({parsed:,})"
        mine = s.get(f"celint-p/{size}") or s[f"celint/{size}"]
        theirs = [s[f"{peer.key}/{size}"] for peer in peers]
        rows_ms.append([files, _cell(mine), *(_cell(t) for t in theirs)])
        rows_ratio.append([files, *(f"{mine.median / t.median:.2f}" for t in theirs)])
        rows_rss.append([files, f"{mine.rss:.1f}", *(f"{t.rss:.1f}" for t in theirs)])
    titles = [peer.title for peer in peers]
    return [
        "Native peers, on the same files less those that do not parse (in brackets where that "
        "leaves fewer): the peers stop at the first file they cannot parse. Milliseconds, median "
        "(min–max):",
        "",
        *_grid(["files", "celint", *titles], rows_ms),
        "",
        "Ratios of medians, celint / peer (above 1: the peer is faster):",
        "",
        *_grid(["files", *(f"celint/{title}" for title in titles)], rows_ratio),
        "",
        "Peak RSS, MiB (median):",
        "",
        *_grid(["files", "celint", *titles], rows_rss),
    ]


def table(bench: Bench, rounds: int, loads: tuple[str, str]) -> str:
    """The Markdown report: conditions, the side-by-side tables, the floors and the targets."""
    s = bench.samples
    peers = f"; {bench.native.versions}" if bench.native.peers else ""
    lines = [
        f"{_now()}; {_machine()}; load average (1/5/15 min) {loads[0]} before, {loads[1]} after; "
        f"Python {platform.python_version()}; celint {version('celint')}; "
        f"check-jsonschema {version('check-jsonschema')}{peers}; medians of {rounds} rounds "
        "after a warm-up, milliseconds (min–max).",
        "",
    ]
    warm = ["celint warm ms"] if bench.cache else []
    header = ["files", "celint ms", *warm, "check-jsonschema ms", "celint/cjs"]
    header += ["warm/cold"] if bench.cache else []
    rows = []
    for size in bench.sizes:
        mine, theirs = s[f"celint/{size}"], s[f"cjs/{size}"]
        cached = [s[f"warm/{size}"]] if bench.cache else []
        rows.append(
            [
                f"{size:,}",
                _cell(mine),
                *(_cell(c) for c in cached),
                _cell(theirs),
                f"{mine.median / theirs.median:.2f}",
                *(f"{c.median / mine.median:.2f}" for c in cached),
                f"{mine.rss:.1f}",
                f"{theirs.rss:.1f}",
            ]
        )
    lines += _grid([*header, "celint RSS MiB", "cjs RSS MiB"], rows)
    lines += [
        "",
        f'Floor `python -c "import click, jsonschema"`: {_cell(s["floor"])} ms; '
        f"interpreter alone `python -c pass`: {_cell(s['interpreter'])} ms, "
        f"{s['interpreter'].rss:.1f} MiB.",
    ]
    if "celint-yaml/1" in s:
        mine, theirs = s["celint-yaml/1"], s["cjs-yaml/1"]
        lines.append(
            f"One YAML file: celint {_cell(mine)} ms, check-jsonschema {_cell(theirs)} ms, "
            f"celint/cjs {mine.median / theirs.median:.2f}."
        )
    checks = targets(bench)
    if checks:
        lines += ["", *checks]
    if bench.native.peers:
        lines += ["", *peer_tables(bench)]
    if bench.notes:
        lines += ["", *(f"- {note}" for note in bench.notes)]
    return "\n".join(lines) + "\n"


def _load() -> str:
    try:
        return "/".join(f"{value:.1f}" for value in os.getloadavg())
    except (AttributeError, OSError):
        return "?"


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def sweep_table(bench: Bench, rounds: int, loads: tuple[str, str]) -> str:
    """The ``--jobs-sweep`` report: medians, ratios to ``--jobs 1`` and rounds won."""
    s = bench.samples
    cold = f" `{NO_CACHE}`," if bench.cache else ""
    lines = [
        f"{_now()}; {_machine()}, {_cores()} usable; load average (1/5/15 min) {loads[0]} before, "
        f"{loads[1]} after; Python {platform.python_version()}; celint {version('celint')}; "
        f"`celint check`,{cold} cold; medians of {rounds} rounds after a warm-up, milliseconds "
        "(min–max).",
        "",
    ]
    rows = []
    faster_from: int | None = None
    for size in bench.sizes:
        one, two, auto = s[f"j1/{size}"], s[f"j2/{size}"], s[f"auto/{size}"]
        won = sum(b < a for a, b in zip(one.seconds, two.seconds, strict=True))
        rows.append(
            [
                f"{size:,}",
                _cell(one),
                _cell(two),
                _cell(auto),
                f"{two.median / one.median:.2f}",
                f"{auto.median / one.median:.2f}",
                f"{won}/{len(one.seconds)}",
            ]
        )
        if two.median < one.median:
            faster_from = size if faster_from is None else faster_from
        else:
            faster_from = None
    header = ["files", "--jobs 1", "--jobs 2", "default", "2 / 1", "default / 1"]
    lines += _grid([*header, "rounds --jobs 2 faster"], rows)
    verdict = (
        f"`--jobs 2` has the lower median from {faster_from:,} files on (of the sizes measured)."
        if faster_from is not None
        else "`--jobs 2` does not have the lower median at the largest size measured."
    )
    lines += ["", verdict]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        epilog="See the top of bench/run.py for what is measured and how.",
    )
    parser.add_argument("--smoke", action="store_true", help="tiny sizes and 2 rounds (for CI)")
    parser.add_argument("--rounds", type=int, help="counted rounds (default 7; smoke: 2)")
    parser.add_argument(
        "--sizes",
        help="comma-separated file counts (default 1,10,100,1000,10000; sweep: "
        "100,300,1000,3000,10000)",
    )
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write the report here")
    parser.add_argument("--no-peers", action="store_true", help="skip the native npm peers")
    parser.add_argument(
        "--jobs-sweep", action="store_true", help="time celint --jobs 1, --jobs 2 and the default"
    )
    parser.add_argument(
        "--arg-max",
        type=int,
        metavar="BYTES",
        help="pretend command lines may carry only BYTES of arguments (tests the batching)",
    )
    args = parser.parse_args(argv)
    default = SMOKE_SIZES if args.smoke else SWEEP_SIZES if args.jobs_sweep else FULL_SIZES
    sizes = tuple(int(n) for n in args.sizes.split(",")) if args.sizes else default
    rounds = args.rounds or (2 if args.smoke else 7)
    budget = args.arg_max or arg_budget()
    bench = Bench(sizes, sweep=args.jobs_sweep, peers=not args.no_peers, budget=budget)
    for note in bench.notes:
        print(f"bench: {note}", file=sys.stderr)
    try:
        bench.verify()
        before = _load()
        for number in range(rounds + 1):
            bench.round(number, record=number > 0)
            print(f"bench: round {number}/{rounds} done", file=sys.stderr, flush=True)
    finally:
        close_launcher()
    loads = before, _load()
    report = sweep_table(bench, rounds, loads) if args.jobs_sweep else table(bench, rounds, loads)
    print(report, end="")
    if args.markdown:
        args.markdown.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
