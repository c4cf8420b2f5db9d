"""Writing fixes back: atomic, mode-preserving, never over a file that changed meanwhile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from celint.io.write import FileChangedError, write_atomic

OLD, NEW = b"name: old\n", b"name: new\n"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "body.yaml"
    path.write_bytes(OLD)
    return path


def test_replaces_content_and_keeps_mode(target: Path) -> None:
    target.chmod(0o640)
    write_atomic(target, NEW, OLD)
    assert target.read_bytes() == NEW
    assert target.stat().st_mode & 0o7777 == 0o640
    assert sorted(p.name for p in target.parent.iterdir()) == ["body.yaml"]


def test_file_changed_since_read_is_not_written(target: Path) -> None:
    with pytest.raises(FileChangedError, match="changed since it was read"):
        write_atomic(target, NEW, b"name: what celint read\n")
    assert target.read_bytes() == OLD


@pytest.mark.parametrize("step", ["fsync", "replace", "chmod"])
def test_failed_write_leaves_original_and_no_temporary(
    target: Path, step: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, NEW, OLD)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in target.parent.iterdir()) == ["body.yaml"]


def test_symlink_is_kept_and_its_target_written(target: Path) -> None:
    link = target.with_name("link.yaml")
    link.symlink_to(target.name)
    write_atomic(link, NEW, OLD)
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_bytes() == NEW
