"""The result cache's key and entries: a key changes with everything besides the repository
that decides a run's output; only a complete, finished run is kept, and few are kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine.core import result_cache
from engine.core.files import read_confined
from engine.core.observed import recording
from engine.core.result_cache import Entry, lookup, run_key, save


def test_the_key_is_stable_for_the_same_run() -> None:
    environ = {"HOME": "/home/a"}
    assert run_key(["check", "a"], environ) == run_key(["check", "a"], environ)


@pytest.mark.parametrize(
    ("argv", "environ"),
    [
        (["check", "b"], {}),
        (["check", "a"], {"AI_ASSURE_OPA": "/opt/opa"}),
        (["check", "a"], {"NO_COLOR": "1"}),
        (["check", "a"], {"LANG": "C"}),
    ],
)
def test_the_key_changes_with_the_command_line_and_environment(
    argv: list[str], environ: dict[str, str]
) -> None:
    assert run_key(argv, environ) != run_key(["check", "a"], {})


def test_the_key_ignores_variables_the_engine_does_not_read() -> None:
    assert run_key(["check"], {"EDITOR": "vi"}) == run_key(["check"], {})


def test_the_key_changes_with_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = run_key(["check"], {})
    monkeypatch.chdir(tmp_path)
    assert run_key(["check"], {}) != before


def test_the_key_changes_with_the_engines_files(monkeypatch: pytest.MonkeyPatch) -> None:
    before = run_key(["check"], {})
    monkeypatch.setattr(result_cache, "_engine_fingerprint", lambda: ["another engine"])
    assert run_key(["check"], {}) != before


def _finished(tmp_path: Path, code: int) -> tuple[Path, str]:
    (tmp_path / "a.txt").write_text("content")
    folder = tmp_path / "cache"
    with recording() as record:
        read_confined(tmp_path / "a.txt", 100, tmp_path)
    save(folder, "k", record, Entry([(1, b"out\n"), (2, b"err\n")], code))
    return folder, "k"


@pytest.mark.parametrize("code", [0, 1])
def test_a_finished_run_is_found_while_its_observations_hold(tmp_path: Path, code: int) -> None:
    folder, key = _finished(tmp_path, code)
    assert lookup(folder, key) == Entry([(1, b"out\n"), (2, b"err\n")], code)
    (tmp_path / "a.txt").write_text("changed")
    assert lookup(folder, key) is None


def test_an_error_is_never_kept(tmp_path: Path) -> None:
    folder, key = _finished(tmp_path, 2)
    assert lookup(folder, key) is None


def test_a_spoilt_recording_is_never_kept(tmp_path: Path) -> None:
    with recording() as record:
        record.spoil("read elsewhere")
    save(tmp_path, "k", record, Entry([], 0))
    assert lookup(tmp_path, "k") is None


def test_the_kept_file_is_private(tmp_path: Path) -> None:
    folder, key = _finished(tmp_path, 0)
    assert (folder.stat().st_mode & 0o777) == 0o700
    assert (os.stat(folder / f"{key}.json").st_mode & 0o077) == 0


def test_the_oldest_entries_go_beyond_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(result_cache, "MAX_ENTRIES", 2)
    with recording() as record:
        pass
    for number in range(4):
        save(tmp_path, f"k{number}", record, Entry([], 0))
        os.utime(tmp_path / f"k{number}.json", ns=(number, number))
    assert sorted(path.name for path in tmp_path.glob("*.json")) == ["k2.json", "k3.json"]
