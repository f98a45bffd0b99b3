"""Report files are written whole or not at all, and a device is never replaced by a file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from engine.core import output
from engine.core.output import write_atomic


def test_a_report_replaces_the_old_one_whole(tmp_path: Path):
    target = tmp_path / "report.json"
    target.write_text("old")
    write_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_failed_write_keeps_the_old_report_and_leaves_no_temporary(tmp_path: Path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("old")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_symlinked_report_keeps_its_link_and_replaces_the_target(tmp_path: Path):
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "latest.json"
    real.write_text("old")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def _is_device(path: str) -> bool:
    return os.path.exists(path) and stat.S_ISCHR(os.stat(path).st_mode)


@pytest.mark.skipif(not _is_device("/dev/null"), reason="/dev/null is not a device here")
def test_a_character_device_is_written_in_place_never_replaced(tmp_path: Path):
    link = tmp_path / "out"
    link.symlink_to("/dev/null")
    write_atomic(link, "discarded")
    assert os.readlink(link) == "/dev/null"
    assert _is_device("/dev/null")


def test_a_fifo_is_written_in_place(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, "through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_folder_in_the_way_is_refused_and_left_alone(tmp_path: Path):
    (tmp_path / "report.json").mkdir()
    with pytest.raises(OSError, match="not a regular file"):
        write_atomic(tmp_path / "report.json", "x")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
