"""The cache (``.celint_cache/``): a hit prints what a miss prints, in every format; anything the
report depends on is a miss; a broken entry is a miss that is written again; concurrent runs and
worker processes leave a cache that reads back whole; fixes, diffs, ``--env`` and standard input
never use it; nothing secret is stored."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bodies import make_body
from clirun import celint_command, run_celint
from samples import WEBHOOKS_YAML

import celint
from celint.config.options import LintOptions
from celint.model import Diagnostic, FileReport, Severity, Span
from celint.report import FORMATS
from celint.run import cache as caches
from celint.run.files import NOTHING, Needs, lint_one
from celint.schema.registry import schema_dir

SECRET = "Zq-literal-secret-4242"
FORMAT_RUNS = [["--format", name] for name in FORMATS] + [["--statistics"], ["-v"]]


def write_inputs(folder: Path) -> list[Path]:
    """One input of each kind: clean, findings with fixes, a literal secret, a suppression
    comment, a parse error, a file that is not an instance body, a binary file."""
    files = {
        "clean.json": make_body(),
        "webhooks.yaml": WEBHOOKS_YAML,
        "secret.json": make_body({"oauth.api.secret": SECRET, "event.vendor.type": "Polling"}),
        "suppressed.yaml": "element: {key: quickbooks}\nname: x\nconfiguration:\n"
        "  event.notification.enabled: 'true'  # celint: disable=CE217,CE999\n",
        "broken.json": '{"element": {"key": "quickbooks"},\n "name": "x"\n "configuration": {}}\n',
        "package.json": '{"name": "app", "private": true}\n',
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "blob.json").write_bytes(b"\x00\x01binary")
    return sorted(folder.iterdir())


def entries(folder: Path) -> list[Path]:
    found = folder / caches.CACHE_DIR / f"v{caches.FORMAT}"
    return sorted(found.iterdir()) if found.is_dir() else []


def outcome(result: subprocess.CompletedProcess[str]) -> tuple[int, str, str]:
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("extra", FORMAT_RUNS, ids=lambda e: " ".join(e))
def test_a_hit_prints_what_a_miss_prints(tmp_path: Path, extra: list[str]) -> None:
    write_inputs(tmp_path / "in")
    fresh = outcome(run_celint("check", *extra, "in", cwd=tmp_path))
    stored = entries(tmp_path)
    assert len(stored) == 7  # every input, the skipped ones too
    assert outcome(run_celint("check", *extra, "in", cwd=tmp_path)) == fresh
    assert outcome(run_celint("check", "--no-cache", *extra, "in", cwd=tmp_path)) == fresh
    assert entries(tmp_path) == stored
    assert fresh[0] == 1


def test_an_entry_keeps_every_field_the_reporters_read(tmp_path: Path) -> None:
    """A field added to the report or to a finding must be stored too (or left out on purpose,
    as ``fix``, which only fixes read, and they never read the cache)."""
    span = Span(2, 3, 2, 9, 14, 20)
    finding = Diagnostic(
        "a.yaml", "CE207", "poller-resource-unknown", Severity.WARNING, "message", "/p", span,
        suggestion="s", fixable=True, document=1, fix="not stored", replacement="r",
        evidence="documented, docs/x.md:3",
    )  # fmt: skip
    report = FileReport(
        "a.yaml", [finding], checked=True, skipped_reason="s", linted_reason="l",
        secrets=(span,), quoted="masked",
    )  # fmt: skip
    assert set(Diagnostic._fields) - {"fix"} == {
        name for name in Diagnostic._fields if getattr(finding, name) is not None
    } - {"fix"}, "a new Diagnostic field: set it above and store it in celint/run/cache.py"
    assert all(getattr(report, name) for name in FileReport.__slots__), (
        "a new FileReport field: set it above and store it in celint/run/cache.py"
    )
    cache = caches.Cache(tmp_path, b"run")
    cache.store("k", report)
    found = cache.load("k", "a.yaml")
    assert found is not None
    assert [getattr(found, name) for name in FileReport.__slots__] == [
        getattr(report, name) for name in FileReport.__slots__
    ]
    stored = found.diagnostics[0]
    for name in Diagnostic._fields:
        expected = None if name == "fix" else getattr(finding, name)
        assert getattr(stored, name) == expected, name
    assert cache.load("k", "other.yaml") is None


def test_a_hit_replays_the_stored_report(tmp_path: Path) -> None:
    """Proof that the second run reads the entry: an edited message comes back."""
    (tmp_path / "webhooks.yaml").write_text(WEBHOOKS_YAML, encoding="utf-8")
    first = run_celint("check", "webhooks.yaml", cwd=tmp_path).stdout
    [entry] = entries(tmp_path)
    edited = entry.read_text(encoding="utf-8").replace("accepted alias", "EDITED alias")
    entry.write_text(edited, encoding="utf-8")
    second = run_celint("check", "webhooks.yaml", cwd=tmp_path).stdout
    assert "accepted alias" in first
    assert second == first.replace("accepted alias", "EDITED alias")


def test_a_changed_file_or_configuration_is_linted_again(tmp_path: Path) -> None:
    body = tmp_path / "webhooks.yaml"
    body.write_text(WEBHOOKS_YAML, encoding="utf-8")

    def check() -> tuple[int, str, str]:
        cached = outcome(run_celint("check", ".", cwd=tmp_path))
        assert cached == outcome(run_celint("check", "--no-cache", ".", cwd=tmp_path))
        return cached

    before = check()
    assert "CE219" in before[1]
    body.write_text(WEBHOOKS_YAML.replace("webhooks", "Polling"), encoding="utf-8")
    changed = check()
    assert "CE219" not in changed[1] and "CE201" in changed[1]
    (tmp_path / "celint.toml").write_text('ignore = ["CE201"]\n', encoding="utf-8")
    configured = check()
    assert "CE201" not in configured[1]
    assert len(entries(tmp_path)) == 3


def test_another_version_or_other_options_is_another_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = tmp_path / "webhooks.yaml"
    body.write_text(WEBHOOKS_YAML, encoding="utf-8")
    data = body.read_bytes()
    cache = caches.open_cache(tmp_path, LintOptions(), NOTHING)
    assert cache is not None
    lint_one(str(body), LintOptions(), cache=cache)
    assert cache.load(cache.key(str(body), data), str(body)) is not None
    monkeypatch.setattr(caches, "__version__", celint.__version__ + ".post1")
    others = [
        caches.open_cache(tmp_path, LintOptions(), NOTHING),
        caches.open_cache(tmp_path, LintOptions(ignore=("CE219",)), NOTHING),
        caches.open_cache(tmp_path, LintOptions(), Needs(quote=True)),
    ]
    monkeypatch.undo()
    others.append(caches.open_cache(tmp_path, LintOptions(interval_max=60), NOTHING))
    keys = {cache.key(str(body), data)}
    for other in others:
        assert other is not None
        key = other.key(str(body), data)
        assert key not in keys and other.load(key, str(body)) is None
        keys.add(key)
    same = caches.open_cache(tmp_path, LintOptions(elements={}), NOTHING)
    assert same is not None and same.key(str(body), data) == cache.key(str(body), data)


def test_changed_profile_data_is_another_run(tmp_path: Path) -> None:
    """``CELINT_SCHEMA_DIR`` with one resource dropped from QuickBooks's profile: CE207."""
    data = tmp_path / "schemas"
    shutil.copytree(schema_dir(), data, ignore=shutil.ignore_patterns("dist"))
    work = tmp_path / "work"
    work.mkdir()
    (work / "qbo.json").write_text(make_body(), encoding="utf-8")
    environment = {"CELINT_SCHEMA_DIR": str(data)}
    assert run_celint("check", "qbo.json", cwd=work, env=environment).returncode == 0
    profile = data / "elements" / "quickbooks.profile.json"
    document = json.loads(profile.read_text(encoding="utf-8"))
    del document["events"]["resources"]["items"]["bills"]
    profile.write_text(json.dumps(document), encoding="utf-8")
    result = run_celint("check", "qbo.json", cwd=work, env=environment)
    assert "CE207" in result.stdout and "'bills'" in result.stdout


def test_a_broken_entry_is_a_miss_and_is_written_again(tmp_path: Path) -> None:
    write_inputs(tmp_path / "in")
    fresh = outcome(run_celint("check", "--format", "json", "in", cwd=tmp_path))
    stored = entries(tmp_path)
    good = {path.name: path.read_bytes() for path in stored}
    truncated, garbage, wrong_type, other_key, emptied, deep = stored[:6]
    truncated.write_bytes(good[truncated.name][: len(good[truncated.name]) // 2])
    garbage.write_bytes(b"\x00\xffnot json at all")
    wrong_type.write_text(
        good[wrong_type.name].decode().replace('"checked":true', '"checked":"yes"')
        if b'"checked":true' in good[wrong_type.name]
        else good[wrong_type.name].decode().replace('"checked":false', '"checked":1')
    )
    other_key.write_bytes(good[stored[6].name])
    emptied.write_bytes(b"")
    deep.write_bytes(b"[" * 100_000)
    assert outcome(run_celint("check", "--format", "json", "in", cwd=tmp_path)) == fresh
    assert {path.name: path.read_bytes() for path in entries(tmp_path)} == good


def test_two_concurrent_runs_with_workers_leave_a_valid_cache(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    for number in range(160):
        write_inputs(inputs / f"copy{number:03d}")
    expected = outcome(run_celint("check", "--no-cache", "in", cwd=tmp_path))
    command = [*celint_command(), "check", "--jobs", "2", "in"]
    runs = [
        subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for process in runs:
        stdout, stderr = process.communicate(timeout=300)
        assert (process.returncode, stdout.decode(), stderr.decode()) == expected
    stored = entries(tmp_path)
    assert len(stored) == 160 * 7
    for path in stored:
        assert json.loads(path.read_bytes())["key"] == path.name
    assert not [p for p in stored[0].parent.iterdir() if p.name.startswith(".")]  # no temporary
    assert outcome(run_celint("check", "in", cwd=tmp_path)) == expected


def test_a_partly_warm_parallel_run_prints_what_one_process_prints(tmp_path: Path) -> None:
    """Hits looked up by the parent, misses linted by the workers, one output in input order
    (the text format prints each file's findings as its report arrives)."""
    inputs = tmp_path / "in"
    for number in range(60):
        write_inputs(inputs / f"copy{number:03d}")
    expected = outcome(run_celint("check", "--no-cache", "in", cwd=tmp_path))
    assert outcome(run_celint("check", "-j", "2", "in", cwd=tmp_path)) == expected
    for path in entries(tmp_path)[::3]:  # a third of the entries gone: misses among hits
        path.unlink()
    (inputs / "copy007" / "clean.json").write_text(make_body({"name": "changed"}))
    expected = outcome(run_celint("check", "--no-cache", "in", cwd=tmp_path))
    for jobs in ("2", "1"):
        again = run_celint("check", "-j", jobs, "in", cwd=tmp_path)
        assert outcome(again) == expected


def test_a_warm_run_starts_no_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from celint.run import batch, parallel

    inputs = tmp_path / "in"
    for number in range(50):
        write_inputs(inputs / f"copy{number:03d}")
    names = sorted(str(p) for p in inputs.rglob("*.*"))
    options = LintOptions()
    cache = caches.open_cache(tmp_path / "cache", options, NOTHING)
    assert cache is not None
    cold = list(batch.lint_inputs(names, options, jobs=2, cache=cache))

    def refused(*args: object) -> None:
        raise AssertionError("workers started for a run the cache holds")

    monkeypatch.setattr(parallel, "lint_parallel", refused)
    warm = list(batch.lint_inputs(names, options, jobs=2, cache=cache))
    assert [(r.path, r.diagnostics) for r in warm] == [(r.path, r.diagnostics) for r in cold]
    assert len(warm) == 350


def _poison(folder: Path) -> None:
    """Make every entry say "no finding", so a run that trusts the cache is seen to."""
    for path in entries(folder):
        entry = json.loads(path.read_bytes())
        entry["diagnostics"] = []
        path.write_text(json.dumps(entry), encoding="utf-8")


def test_no_cache_reads_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "webhooks.yaml").write_text(WEBHOOKS_YAML, encoding="utf-8")
    assert run_celint("check", "--no-cache", ".", cwd=tmp_path).returncode == 1
    assert not (tmp_path / caches.CACHE_DIR).exists()
    run_celint("check", ".", cwd=tmp_path)
    _poison(tmp_path)
    assert run_celint("check", ".", cwd=tmp_path).returncode == 0  # the poisoned entry
    assert run_celint("check", "--no-cache", ".", cwd=tmp_path).returncode == 1


def test_fix_and_diff_never_trust_the_cache(tmp_path: Path) -> None:
    body = tmp_path / "webhooks.yaml"
    body.write_text(WEBHOOKS_YAML, encoding="utf-8")
    run_celint("check", ".", cwd=tmp_path)
    _poison(tmp_path)
    diff = run_celint("check", "--diff", ".", cwd=tmp_path)
    assert diff.returncode == 1 and "+  event.vendor.type: webhook" in diff.stdout
    fixed = run_celint("check", "--fix", ".", cwd=tmp_path)
    assert "Fixed 1 problem" in fixed.stdout
    assert "webhooks" not in body.read_text(encoding="utf-8")


def test_env_runs_and_standard_input_are_never_cached(tmp_path: Path) -> None:
    body = tmp_path / "secret.json"
    body.write_text(make_body({"oauth.api.secret": "${QBO_SECRET}"}), encoding="utf-8")
    run = run_celint("check", "--env", ".", cwd=tmp_path, env={"QBO_SECRET": SECRET})
    assert run.returncode == 1 and "CE405" in run.stdout and SECRET not in run.stdout
    assert not (tmp_path / caches.CACHE_DIR).exists()
    piped = run_celint(
        "check", "--stdin-filename", "b.yaml", "-", cwd=tmp_path, stdin=WEBHOOKS_YAML
    )
    assert "CE219" in piped.stdout
    assert not (tmp_path / caches.CACHE_DIR).exists()


@pytest.mark.parametrize("output_format", ["full", "sarif", "json"])
def test_no_secret_is_stored(tmp_path: Path, output_format: str) -> None:
    write_inputs(tmp_path / "in")
    result = run_celint("check", "--format", output_format, "in", cwd=tmp_path)
    assert "CE401" in result.stdout and SECRET not in result.stdout
    stored = b"".join(path.read_bytes() for path in entries(tmp_path))
    assert SECRET.encode() not in stored
    if output_format == "full":
        assert b'"quoted":"' in stored  # the masked text is kept for the source lines


def test_the_cache_folder_is_tagged_and_ignored_by_git(tmp_path: Path) -> None:
    (tmp_path / "webhooks.yaml").write_text(WEBHOOKS_YAML, encoding="utf-8")
    run_celint("check", ".", cwd=tmp_path)
    folder = tmp_path / caches.CACHE_DIR
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    tag = (folder / "CACHEDIR.TAG").read_text(encoding="utf-8")
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert status.stdout == "?? webhooks.yaml\n"


def test_cache_dir_is_relative_to_the_configuration_file(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "instances").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.celint]\ncache-dir = "build/lint"\n')
    (project / "instances" / "webhooks.yaml").write_text(WEBHOOKS_YAML, encoding="utf-8")
    result = run_celint("check", "webhooks.yaml", cwd=project / "instances")
    assert result.returncode == 1
    assert not (project / "instances" / caches.CACHE_DIR).exists()
    stored = project / "build" / "lint" / f"v{caches.FORMAT}"
    assert len(list(stored.iterdir())) == 1
    assert (project / "build" / "lint" / ".gitignore").is_file()


def test_a_bad_cache_dir_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "celint.toml").write_text("cache-dir = 3\n")
    result = run_celint("check", ".", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "celint: error: celint.toml: cache-dir: expected a non-empty string, found 3\n",
    )


def test_a_cache_that_cannot_be_written_is_no_cache(tmp_path: Path) -> None:
    (tmp_path / "webhooks.yaml").write_text(WEBHOOKS_YAML, encoding="utf-8")
    (tmp_path / caches.CACHE_DIR).write_text("a file where the folder should be\n")
    result = run_celint("check", ".", cwd=tmp_path)
    assert result.returncode == 1 and "CE219" in result.stdout and result.stderr == ""
