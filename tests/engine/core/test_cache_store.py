"""Where the caches live, when they are off, and how a damaged file reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.core.cache_store import cache_folder, keep, read_kept


def test_the_folder_follows_the_cache_variables() -> None:
    assert cache_folder("results", {"AI_ASSURE_CACHE_DIR": "/c"}) == Path("/c/ai-assure/results")
    assert cache_folder("compiled", {"XDG_CACHE_HOME": "/x"}) == Path("/x/ai-assure/compiled")


@pytest.mark.parametrize("variable", ["CI", "AI_ASSURE_NO_CACHE"])
def test_caches_are_off_in_ci_and_when_switched_off(variable: str) -> None:
    assert cache_folder("results", {variable: "1", "AI_ASSURE_CACHE_DIR": "/c"}) is None


def test_no_home_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    assert cache_folder("results", {}) is None


def test_a_kept_file_reads_back_and_a_damaged_one_reads_as_absent(tmp_path: Path) -> None:
    keep(tmp_path, "entry", b"content")
    assert read_kept(tmp_path, "entry") == b"content"
    (tmp_path / "entry").write_bytes(b"tampered")
    assert read_kept(tmp_path, "entry") is None
    assert read_kept(tmp_path, "never-kept") is None


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    keep(blocker / "cache", "entry", b"content")  # no error
    assert read_kept(blocker / "cache", "entry") is None
