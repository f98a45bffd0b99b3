"""`check --discover DIR` finds the manifests git would track: .gitignore files are honoured
(deeper ones win, `!` re-includes), .git is never searched, symlinks are never followed."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.portfolio.discover import DiscoveryError, discover


def manifest(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ai-manifest.yaml"
    path.write_text("apiVersion: ai-assure/v2\n")
    return path


def found(directory: Path) -> list[str]:
    return [m.relative_to(directory).as_posix() for m in discover(directory).manifests]


def test_every_manifest_below_the_folder_is_found_in_path_order(tmp_path):
    for name in ("b/one", "a", "b/two/deeper"):
        manifest(tmp_path / name)
    assert found(tmp_path) == [
        "a/ai-manifest.yaml",
        "b/one/ai-manifest.yaml",
        "b/two/deeper/ai-manifest.yaml",
    ]


def test_gitignored_folders_are_skipped_and_a_deeper_negation_wins(tmp_path):
    manifest(tmp_path / "build" / "copy")
    manifest(tmp_path / "teams" / "archive" / "old")
    manifest(tmp_path / "teams" / "archive" / "kept")
    manifest(tmp_path / "teams" / "live")
    (tmp_path / ".gitignore").write_text("build/\n**/archive/*\n")
    (tmp_path / "teams" / ".gitignore").write_text("!archive/kept/\n")
    assert found(tmp_path) == [
        "teams/archive/kept/ai-manifest.yaml",
        "teams/live/ai-manifest.yaml",
    ]


def test_an_ignored_manifest_file_pattern_is_honoured(tmp_path):
    manifest(tmp_path / "draft")
    manifest(tmp_path / "real")
    (tmp_path / "draft" / ".gitignore").write_text("ai-manifest.yaml\n")
    assert found(tmp_path) == ["real/ai-manifest.yaml"]


def test_a_gitignore_git_cannot_read_is_a_problem_and_hides_nothing(tmp_path):
    manifest(tmp_path / "a")
    (tmp_path / ".gitignore").write_text("a/\n!\n")
    discovery = discover(tmp_path)
    assert [m.relative_to(tmp_path).as_posix() for m in discovery.manifests] == [
        "a/ai-manifest.yaml"
    ]
    assert len(discovery.problems) == 1 and "Invalid git pattern" in discovery.problems[0]


def test_git_folders_are_never_searched(tmp_path):
    manifest(tmp_path / ".git" / "stash")
    manifest(tmp_path / "system")
    assert found(tmp_path) == ["system/ai-manifest.yaml"]


def test_symlinks_are_not_followed_out_of_the_folder(tmp_path):
    outside = tmp_path / "outside"
    manifest(outside / "secret")
    portfolio = tmp_path / "portfolio"
    manifest(portfolio / "real")
    (portfolio / "linked-folder").symlink_to(outside / "secret")
    (portfolio / "linked-file").mkdir()
    (portfolio / "linked-file" / "ai-manifest.yaml").symlink_to(
        outside / "secret" / "ai-manifest.yaml"
    )
    discovery = discover(portfolio)
    assert [m.relative_to(portfolio).as_posix() for m in discovery.manifests] == [
        "real/ai-manifest.yaml"
    ]
    assert len(discovery.problems) == 1 and "symlink" in discovery.problems[0]


def test_a_folder_that_is_not_one_is_refused(tmp_path):
    with pytest.raises(DiscoveryError, match="needs a folder"):
        discover(tmp_path / "missing")
    (tmp_path / "link").symlink_to(tmp_path)
    with pytest.raises(DiscoveryError, match="not a symlink"):
        discover(tmp_path / "link")
