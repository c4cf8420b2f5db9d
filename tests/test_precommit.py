"""The pre-commit hook, end to end: a real ``git commit`` in a throwaway repository.

pre-commit clones the hook repository at a revision and installs it into its own virtualenv from
the package registry, exactly as a user's machine does. The repository is a clone of this
checkout's ``HEAD``, so the test exercises committed code: in CI that is the commit under test;
locally, commit first. One hook environment is built per test session (``PRE_COMMIT_HOME`` is
shared by the tests), which is the only network use of the suite.

``CELINT_REQUIRE_PRECOMMIT=1`` (set by ``.ci/run``) turns a skip into a failure, so CI cannot
pass without running it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from samples import EXAMPLES, MISSING_COMMA_JSON, ROOT, WEBHOOKS_YAML

PACKAGE_JSON = '{"name": "web", "version": "1.0.0", "scripts": {"build": "tsc"}}\n'
TSCONFIG = """\
{
  // comments and trailing commas: not JSON, and not an instance body either
  "compilerOptions": {"strict": true, "outDir": "dist",},
}
"""
HELM_TEMPLATE = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Values.name }}
  labels:
    {{- include "web.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
        - name: web
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
"""


@dataclass(frozen=True)
class HookRepo:
    """The celint repository pre-commit installs from, and the environment of every git call."""

    path: Path
    rev: str
    env: dict[str, str]


def _git(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _head_of_checkout() -> str | None:
    if shutil.which("git") is None:
        return None
    try:
        return _git("rev-parse", "HEAD", cwd=ROOT)
    except subprocess.CalledProcessError:
        return None


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    rev = _head_of_checkout()
    if rev is None:
        reason = "needs git and a git checkout of celint"
        if os.environ.get("CELINT_REQUIRE_PRECOMMIT"):
            pytest.fail(reason)
        pytest.skip(reason)
    base = tmp_path_factory.mktemp("pre-commit")
    (base / "gitconfig").write_text("")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(base / "cache"),
        "GIT_CONFIG_GLOBAL": str(base / "gitconfig"),  # no user hooks, signing or templates
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    env.pop("NO_COLOR", None)
    clone = base / "celint"
    clone.mkdir()
    # A clone holding exactly HEAD on a branch, so pre-commit can fetch `rev` whether or not the
    # checkout's HEAD is on a branch (CI often checks out a detached commit).
    _git("init", "-q", cwd=clone, env=env)
    _git("fetch", "-q", str(ROOT), "HEAD", cwd=clone, env=env)
    _git("update-ref", "refs/heads/main", rev, cwd=clone, env=env)
    return HookRepo(clone, rev, env)


def _user_repo(folder: Path, hook: HookRepo, hook_id: str = "celint") -> Path:
    folder.mkdir()
    _git("init", "-q", cwd=folder, env=hook.env)
    for key, value in (("user.email", "ci@example.com"), ("user.name", "CI"),
                       ("commit.gpgsign", "false")):  # fmt: skip
        _git("config", key, value, cwd=folder, env=hook.env)
    (folder / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook.path}\n    rev: {hook.rev}\n    hooks:\n      - id: {hook_id}\n"
    )
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=folder, env=hook.env, check=True, capture_output=True,
    )  # fmt: skip
    return folder


def _commit(repo: Path, hook: HookRepo, files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _git("add", ".", cwd=repo, env=hook.env)
    return subprocess.run(
        ["git", "commit", "-m", "instance bodies"],
        cwd=repo, env=hook.env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip


def _commits(repo: Path, hook: HookRepo) -> int:
    done = subprocess.run(
        ["git", "rev-list", "--count", "--all"], cwd=repo, env=hook.env, capture_output=True,
        text=True,
    )  # fmt: skip
    return int(done.stdout.strip() or 0)


def test_broken_body_blocks_the_commit(tmp_path: Path, hook_repo: HookRepo) -> None:
    repo = _user_repo(tmp_path / "repo", hook_repo)
    files = {"instances/qbo.yaml": WEBHOOKS_YAML, "instances/broken.json": MISSING_COMMA_JSON}
    result = _commit(repo, hook_repo, files)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "celint" in output and "Failed" in output
    assert "instances/broken.json:2:13: CE001 [error] invalid JSON: missing ','" in output
    assert (
        "instances/qbo.yaml:9:22: CE219 [warning] 'webhooks' is an accepted alias; "
        "the documented value is 'webhook'"
    ) in output
    assert _commits(repo, hook_repo) == 0


def test_good_body_and_unrelated_files_commit_cleanly(tmp_path: Path, hook_repo: HookRepo) -> None:
    repo = _user_repo(tmp_path / "repo", hook_repo)
    files = {
        "instances/qbo.yaml": (EXAMPLES / "quickbooks-polling.yaml").read_text(),
        "instances/staging.json": (EXAMPLES / "quickbooks-webhook.json").read_text(),
        "package.json": PACKAGE_JSON,
        "tsconfig.json": TSCONFIG,
        "chart/templates/deployment.yaml": HELM_TEMPLATE,
    }
    result = _commit(repo, hook_repo, files)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "celint" in output and "Passed" in output
    assert _commits(repo, hook_repo) == 1


def test_fix_hook_rewrites_the_body_and_fails_until_restaged(
    tmp_path: Path, hook_repo: HookRepo
) -> None:
    repo = _user_repo(tmp_path / "repo", hook_repo, hook_id="celint-fix")
    first = _commit(repo, hook_repo, {"instances/qbo.yaml": WEBHOOKS_YAML})
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "files were modified by this hook" in output
    fixed = (repo / "instances/qbo.yaml").read_text(encoding="utf-8")
    assert fixed == WEBHOOKS_YAML.replace(
        "event.vendor.type: webhooks", "event.vendor.type: webhook"
    )
    assert _commits(repo, hook_repo) == 0
    second = _commit(repo, hook_repo, {})
    assert second.returncode == 0, second.stdout + second.stderr
    assert _commits(repo, hook_repo) == 1
