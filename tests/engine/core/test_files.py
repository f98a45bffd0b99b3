"""Repository confinement: nothing outside the repository is ever opened."""

import os

import pytest

from engine.core.files import (
    PathEscapeError,
    UnreadableFileError,
    expand,
    find_repository_root,
    read_confined,
)


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "card.md").write_text("# card\n")
    (root / "docs" / "other.md").write_text("# other\n")
    return root


def test_repository_root_is_the_nearest_git_folder(repo):
    nested = repo / "services" / "scorer"
    nested.mkdir(parents=True)
    assert find_repository_root(nested) == repo.resolve()


@pytest.mark.parametrize("declared", ["../secret.txt", "docs/../../x", "/etc/passwd", "C:\\x"])
def test_paths_leaving_the_repository_are_refused(repo, declared):
    with pytest.raises(PathEscapeError):
        expand(declared, repo, repo.resolve(), 10)


def test_symlink_out_of_the_repository_is_refused(repo, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    os.symlink(outside, repo / "docs" / "link.md")
    with pytest.raises(PathEscapeError, match="outside the repository"):
        expand("docs/link.md", repo, repo.resolve(), 10)
    with pytest.raises(PathEscapeError):
        expand("docs/*.md", repo, repo.resolve(), 10)


def test_symlink_inside_the_repository_is_followed(repo):
    os.symlink(repo / "docs" / "card.md", repo / "card-link.md")
    assert expand("card-link.md", repo, repo.resolve(), 10) == [
        (repo / "docs" / "card.md").resolve()
    ]


def test_globs_are_sorted_and_capped(repo):
    assert [p.name for p in expand("docs/*.md", repo, repo.resolve(), 10)] == [
        "card.md",
        "other.md",
    ]
    with pytest.raises(PathEscapeError, match="more than 1"):
        expand("docs/*.md", repo, repo.resolve(), 1)


def test_missing_files_expand_to_nothing(repo):
    assert expand("docs/none.md", repo, repo.resolve(), 10) == []
    assert expand("nothing/*.json", repo, repo.resolve(), 10) == []


def test_read_hashes_and_limits_size(repo):
    content = read_confined(repo / "docs" / "card.md", 100)
    assert content.content == b"# card\n"
    assert len(content.sha256) == 64
    with pytest.raises(UnreadableFileError, match="limit"):
        read_confined(repo / "docs" / "card.md", 3)


def test_fifo_is_never_opened(repo):
    fifo = repo / "docs" / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFileError, match="not a regular file"):
        read_confined(fifo, 100)


def test_directory_is_not_evidence(repo):
    with pytest.raises(UnreadableFileError, match="a folder, not a file: declare the files in it"):
        read_confined(repo / "docs", 100)


@pytest.mark.parametrize("declared", ["", "   ".strip(), "."])
def test_an_empty_path_is_refused_not_a_crash(repo, declared):
    with pytest.raises(PathEscapeError, match="must name a file"):
        expand(declared, repo, repo.resolve(), 10)


def test_a_symlink_loop_is_refused_not_a_crash(repo):
    os.symlink("loop-b.md", repo / "docs" / "loop-a.md")
    os.symlink("loop-a.md", repo / "docs" / "loop-b.md")
    with pytest.raises(PathEscapeError, match="cannot be resolved"):
        expand("docs/loop-a.md", repo, repo.resolve(), 10)


@pytest.mark.parametrize("name", ["a" * 300 + ".md", "/".join(["d" * 200] * 30) + ".md"])
def test_a_name_too_long_for_the_filesystem_is_missing_not_a_crash(repo, name):
    assert expand(f"docs/{name}", repo, repo.resolve(), 10) == []
