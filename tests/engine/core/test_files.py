"""Repository confinement: nothing outside the repository is ever opened."""

import os

import pytest

from engine.core.files import (
    PathEscapeError,
    UnreadableFileError,
    expand,
    find_repository_root,
    git_commit,
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
    assert expand("**/none.md", repo, repo.resolve(), 10) == []
    assert expand("*/none.md", repo, repo.resolve(), 10) == []
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


def test_a_glob_through_a_folder_linked_out_of_the_repository_is_refused(repo, tmp_path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text("secret")
    os.symlink(tmp_path / "outside", repo / "docs" / "vendor")
    for declared in ("docs/*/*.md", "**/*.md", "docs/vendor/*.md"):
        with pytest.raises(PathEscapeError, match="outside the repository"):
            expand(declared, repo, repo.resolve(), 10)


def test_a_recursive_glob_over_a_link_back_up_the_tree_ends(repo):
    os.symlink(repo, repo / "docs" / "up")
    found = expand("**/*.md", repo, repo.resolve(), 10)
    assert [p.name for p in found] == ["card.md", "other.md"]


def test_a_glob_follows_a_folder_linked_inside_the_repository(repo):
    os.symlink(repo / "docs", repo / "linked")
    assert [p.name for p in expand("linked/*.md", repo, repo.resolve(), 10)] == [
        "card.md",
        "other.md",
    ]


def test_read_below_the_root_refuses_a_symlink_swapped_into_the_path(repo, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "card.md").write_text("secret")
    resolved = repo.resolve() / "docs" / "card.md"
    (repo / "docs").rename(repo / "docs-old")
    os.symlink(tmp_path / "elsewhere", repo / "docs")  # swapped after the path was resolved
    with pytest.raises(UnreadableFileError, match="cannot read"):
        read_confined(resolved, 100, repo.resolve())


def test_read_below_the_root_refuses_a_file_with_another_name(repo, tmp_path):
    os.link(repo / "docs" / "card.md", tmp_path / "second-name.md")
    with pytest.raises(UnreadableFileError, match="2 hard links"):
        read_confined(repo.resolve() / "docs" / "card.md", 100, repo.resolve())


def _git(repo, head: str, refs: dict[str, str]) -> None:
    (repo / ".git" / "HEAD").write_text(head)
    for name, value in refs.items():
        (repo / ".git" / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / ".git" / name).write_text(value)


COMMIT = "0123456789abcdef0123456789abcdef01234567"


def test_the_commit_is_read_from_a_ref_or_packed_refs(repo):
    _git(repo, "ref: refs/heads/main\n", {"refs/heads/main": COMMIT + "\n"})
    assert git_commit(repo.resolve()) == COMMIT
    (repo / ".git" / "refs" / "heads" / "main").unlink()
    _git(repo, "ref: refs/heads/main\n", {"packed-refs": f"# pack\n{COMMIT} refs/heads/main\n"})
    assert git_commit(repo.resolve()) == COMMIT


@pytest.mark.parametrize(
    "head",
    ["ref: ../../../etc/passwd", "ref: refs/../../config", "ref: /etc/passwd", "not a commit"],
)
def test_a_head_that_names_no_commit_under_refs_gives_none(repo, head):
    _git(repo, head, {})
    assert git_commit(repo.resolve()) is None


def test_a_ref_linked_out_of_the_repository_gives_none(repo, tmp_path):
    (tmp_path / "ref").write_text(COMMIT)
    _git(repo, "ref: refs/heads/main\n", {})
    (repo / ".git" / "refs" / "heads").mkdir(parents=True)
    os.symlink(tmp_path / "ref", repo / ".git" / "refs" / "heads" / "main")
    assert git_commit(repo.resolve()) is None
