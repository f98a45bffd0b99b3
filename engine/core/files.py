"""Repository-confined file access.

Evidence paths come from a repository the gate does not trust. Every path is checked before
anything is opened: relative, no `..`, and (after following symlinks) still inside the
repository root. Only regular files are read (a FIFO or device would block or lie), and never
more than a size limit.
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import os
import re
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit, urlunsplit

from engine.core.errors import AssuranceError
from engine.core.limits import DEFAULT_MAX_FILE_BYTES as DEFAULT_MAX_FILE_BYTES  # re-exported
from engine.core.observed import observed

_GLOB_CHARS = frozenset("*?[")


class PathEscapeError(AssuranceError):
    """A declared path points outside the repository."""


class UnreadableFileError(AssuranceError, OSError):
    """A path inside the repository that cannot be read as evidence."""


@dataclass(frozen=True)
class FileContent:
    path: Path
    content: bytes
    sha256: str


@observed
def find_repository_root(start: Path) -> Path:
    """The nearest ancestor holding `.git`, else `start` itself."""
    start = start.resolve()
    for candidate in (start, *start.parents):
        if (candidate / ".git").exists():
            return candidate
    return start


@observed
def kind_of(path: Path) -> str:
    """What is at `path`, symlinks followed: "file", "folder", "other" or "missing"."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):  # absent, a dangling link, unreadable, or a bad name
        return "missing"
    if stat.S_ISREG(mode):
        return "file"
    return "folder" if stat.S_ISDIR(mode) else "other"


@observed
def resolved(path: Path) -> Path:
    """`path` absolute, every symlink followed (as `Path.resolve`)."""
    return path.resolve()


@observed
def executable_path(name: str) -> str | None:
    """The absolute path of the program `name` (a path, or a name looked up on PATH)."""
    found = shutil.which(name)
    return os.path.abspath(found) if found else None


@observed
def file_stamp(path: Path) -> str:
    """`path` with its size and modification time: a program replaced gives a new stamp."""
    info = path.stat()
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def is_glob(declared: str) -> bool:
    return any(char in _GLOB_CHARS for char in declared)


def check_declared_path(declared: str) -> None:
    """Refuse absolute paths and `..` before touching the filesystem."""
    posix = PurePosixPath(declared.replace("\\", "/"))
    if not posix.parts:
        raise PathEscapeError(f"{declared!r}: an evidence path must name a file, not be empty")
    if posix.is_absolute() or declared.startswith(("/", "\\")) or ":" in posix.parts[0]:
        raise PathEscapeError(
            f"{declared}: absolute paths are not allowed; use a path inside the repository"
        )
    if ".." in posix.parts:
        raise PathEscapeError(f"{declared}: '..' is not allowed in evidence paths")


def confine(path: Path, root: Path, declared: str) -> Path:
    """Resolve symlinks and make sure the result is still inside `root`."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop (RuntimeError before 3.13)
        reason = getattr(exc, "strerror", None) or "symlink loop?"
        raise PathEscapeError(f"{declared}: cannot be resolved ({reason})") from None
    if real != root and root not in real.parents:
        raise PathEscapeError(f"{declared}: resolves outside the repository (symlink?)")
    return real


@observed
def expand(declared: str, base: Path, root: Path, max_matches: int) -> list[Path]:
    """The files a declared path or glob names, sorted; an empty list when none exist.

    A glob enters a symlinked folder only when it resolves inside the repository, and each
    real folder once (see `_Glob`)."""
    check_declared_path(declared)
    if not is_glob(declared):
        candidate = base / declared
        try:
            present = candidate.exists() or candidate.is_symlink()
        except OSError:  # e.g. a name too long for the filesystem: it cannot be there
            present = False
        if not present:
            return []
        return [confine(candidate, root, declared)]
    matches: list[Path] = []
    parts = PurePosixPath(declared.replace("\\", "/")).parts
    for candidate in _Glob(root, declared).walk(base, parts):
        if candidate.is_dir():
            continue
        matches.append(confine(candidate, root, declared))
        if len(matches) > max_matches:
            raise PathEscapeError(f"{declared}: matches more than {max_matches} files")
    return sorted(set(matches))


class _Glob:
    """What a relative glob (`**` for any number of folders) names below a folder.

    A symlinked folder is entered only when it resolves inside the repository (otherwise
    `PathEscapeError`), and each real folder is entered once, so links that point back up
    the tree cannot make `**` walk without end. Names starting with `.` match only a part
    that starts with `.`, as in `glob`."""

    def __init__(self, root: Path, declared: str) -> None:
        self.root = root
        self.declared = declared
        self.entered: set[tuple[str, ...]] = set()

    def walk(self, directory: Path, parts: tuple[str, ...]) -> Iterator[Path]:
        head, rest = parts[0], parts[1:]
        if head == "**":
            if rest:
                yield from self.walk(directory, rest)
            for entry in _entries(directory, "*"):
                if entry.is_dir():
                    yield from self._descend(Path(entry.path), parts)
                elif not rest:
                    yield Path(entry.path)
        elif not is_glob(head):
            candidate = directory / head
            if not rest:
                if os.path.lexists(candidate):
                    yield candidate
            elif candidate.is_dir():
                yield from self._descend(candidate, rest)
        else:
            for entry in _entries(directory, head):
                if not rest:
                    yield Path(entry.path)
                elif entry.is_dir():
                    yield from self._descend(Path(entry.path), rest)

    def _descend(self, folder: Path, parts: tuple[str, ...]) -> Iterator[Path]:
        """Walk on in `folder`, once per real folder and pattern, never outside the root."""
        real = confine(folder, self.root, self.declared)
        visit = (str(real), *parts)
        if visit not in self.entered:
            self.entered.add(visit)
            yield from self.walk(real, parts)


def _entries(directory: Path, pattern: str) -> list[os.DirEntry[str]]:
    """The entries of `directory` whose names match `pattern`, sorted by name."""
    hidden = pattern.startswith(".")
    try:
        with os.scandir(directory) as found:
            return sorted(
                (
                    entry
                    for entry in found
                    if (hidden or not entry.name.startswith("."))
                    and fnmatch.fnmatchcase(entry.name, pattern)
                ),
                key=lambda entry: entry.name,
            )
    except OSError:  # not a folder, unreadable or gone: nothing matches there
        return []


@observed
def read_confined(path: Path, max_bytes: int, root: Path | None = None) -> FileContent:
    """Read a regular file of at most `max_bytes` bytes.

    With `root` (the repository; `path` already confined inside it), the file is opened by
    walking down from `root` one name at a time without following a symlink, so nothing
    swapped in since `path` was resolved can lead outside; and a file with more than one
    hard link is refused, since its other name may be outside. Devices and FIFOs are never
    read (they are opened non-blocking, then refused)."""
    try:
        descriptor = _open_below(root, path) if root is not None else _open(path)
    except OSError as exc:
        raise UnreadableFileError(f"cannot read: {_reason(exc)}") from None
    try:
        _check_opened(os.fstat(descriptor), path, max_bytes, hard_links_allowed=root is None)
        content = _read_all(descriptor, max_bytes + 1)
    finally:
        os.close(descriptor)
    if len(content) > max_bytes:
        raise UnreadableFileError(f"file grew past the limit of {max_bytes} bytes")
    return FileContent(path=path, content=content, sha256=hashlib.sha256(content).hexdigest())


def _check_opened(
    info: os.stat_result, path: Path, max_bytes: int, hard_links_allowed: bool
) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFileError(
            "a folder, not a file: declare the files in it with a glob "
            f"(such as {path.name}/*.yaml, for a model repository's .eval_results/)"
        )
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFileError("not a regular file")
    if not hard_links_allowed and info.st_nlink > 1:
        raise UnreadableFileError(
            f"a file with {info.st_nlink} hard links (another name could be outside the repository)"
        )
    if info.st_size > max_bytes:
        raise UnreadableFileError(f"file is {info.st_size} bytes; the limit is {max_bytes}")


def _read_all(descriptor: int, most: int) -> bytes:
    """Up to `most` bytes from the descriptor."""
    chunks: list[bytes] = []
    left = most
    try:
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise UnreadableFileError(f"cannot read: {_reason(exc)}") from None
    return b"".join(chunks)


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


def _open(path: Path) -> int:
    return os.open(path, _READ_FLAGS)


def _open_below(root: Path, path: Path) -> int:
    """`path` opened from `root` down, name by name, following no symlink."""
    if os.open not in os.supports_dir_fd or not _NOFOLLOW:  # no openat (Windows)
        return _open(path)
    parts = path.relative_to(root).parts
    if not parts:
        raise IsADirectoryError(errno.EISDIR, "is a directory")
    folder = os.open(root, os.O_RDONLY | _DIRECTORY)
    try:
        for part in parts[:-1]:
            inner = os.open(part, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=folder)
            os.close(folder)
            folder = inner
        return os.open(parts[-1], _READ_FLAGS | _NOFOLLOW, dir_fd=folder)
    finally:
        os.close(folder)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symlink where a file or folder was resolved (changed while being read?)"
    return exc.strerror or str(exc)


def git_commit(root: Path) -> str | None:
    """HEAD's commit, read from `.git` without running git (cheap, and no subprocess). Read
    like evidence: below `root`, through no symlink, and only a ref under `refs/`; anything
    else (a worktree's `.git` file, a ref pointing elsewhere) gives no commit."""
    head = _git_file(root, "HEAD")
    if head is None or not head.startswith("ref: "):
        return head if head is not None and _COMMIT.fullmatch(head) else None
    ref = head.removeprefix("ref: ")
    if not _REF.fullmatch(ref) or ".." in ref.split("/"):
        return None
    commit = _git_file(root, ref)
    if commit is None:
        packed = (_git_file(root, "packed-refs") or "").splitlines()
        commit = next((line.split()[0] for line in packed if line.endswith(" " + ref)), None)
    return commit if commit is not None and _COMMIT.fullmatch(commit) else None


def git_branch(root: Path) -> str | None:
    """The branch HEAD is on (None when detached or unreadable), read as `git_commit` reads."""
    head = _git_file(root, "HEAD") or ""
    branch = head.removeprefix("ref: refs/heads/")
    return branch if branch != head and _REF.fullmatch(f"refs/{branch}") else None


def git_origin(root: Path) -> str | None:
    """The `origin` remote's URL from `.git/config`, as an absolute URI without credentials
    (`git@host:org/repo.git` becomes `ssh://host/org/repo.git`); None when there is none."""
    section = ""
    for line in (_git_file(root, "config") or "").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == '[remote "origin"]' and line.startswith("url"):
            key, _, value = line.partition("=")
            if key.strip() == "url":
                return _uri_without_credentials(value.strip())
    return None


def _uri_without_credentials(url: str) -> str | None:
    scp = _SCP_LIKE.fullmatch(url)
    if scp is not None:
        url = f"ssh://{scp['host']}/{scp['path']}"
    parts = urlsplit(url)
    if not parts.scheme or not parts.hostname:
        return None  # a local path: no URI to point a reader at
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _git_file(root: Path, name: str) -> str | None:
    try:
        content = read_confined(root / ".git" / name, _MAX_GIT_FILE_BYTES, root).content
    except UnreadableFileError:
        return None
    return content.decode("ascii", "replace").strip()


_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_SCP_LIKE = re.compile(r"(?:[^@/]+@)?(?P<host>[^:/]+):(?!//)(?P<path>[^\s]+)")
_REF = re.compile(r"refs/[A-Za-z0-9._/-]+")
_MAX_GIT_FILE_BYTES = 1 << 20
