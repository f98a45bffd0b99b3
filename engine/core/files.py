"""Repository-confined file access.

Evidence paths come from a repository the gate does not trust. Every path is checked before
anything is opened: relative, no `..`, and (after following symlinks) still inside the
repository root. Only regular files are read (a FIFO or device would block or lie), and never
more than a size limit.
"""

from __future__ import annotations

import glob
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from engine.core.errors import AssuranceError
from engine.core.limits import DEFAULT_MAX_FILE_BYTES as DEFAULT_MAX_FILE_BYTES  # re-exported

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


def find_repository_root(start: Path) -> Path:
    """The nearest ancestor holding `.git`, else `start` itself."""
    start = start.resolve()
    for candidate in (start, *start.parents):
        if (candidate / ".git").exists():
            return candidate
    return start


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


def expand(declared: str, base: Path, root: Path, max_matches: int) -> list[Path]:
    """The files a declared path or glob names, sorted; an empty list when none exist."""
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
    for relative in glob.iglob(declared, root_dir=base, recursive=True):
        candidate = base / relative
        if candidate.is_dir():
            continue
        matches.append(confine(candidate, root, declared))
        if len(matches) > max_matches:
            raise PathEscapeError(f"{declared}: matches more than {max_matches} files")
    return sorted(set(matches))


def read_confined(path: Path, max_bytes: int) -> FileContent:
    """Read a regular file of at most `max_bytes` bytes (`path` already confined)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise UnreadableFileError(f"cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFileError(
            "a folder, not a file: declare the files in it with a glob "
            f"(such as {path.name}/*.yaml, for a model repository's .eval_results/)"
        )
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFileError("not a regular file")
    if info.st_size > max_bytes:
        raise UnreadableFileError(f"file is {info.st_size} bytes; the limit is {max_bytes}")
    try:
        with open(path, "rb") as handle:
            content = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableFileError(f"cannot read: {exc.strerror}") from None
    if len(content) > max_bytes:
        raise UnreadableFileError(f"file grew past the limit of {max_bytes} bytes")
    return FileContent(path=path, content=content, sha256=hashlib.sha256(content).hexdigest())


def git_commit(root: Path) -> str | None:
    """HEAD's commit, read from `.git` without running git (cheap, and no subprocess)."""
    head = root / ".git" / "HEAD"
    try:
        ref = head.read_text().strip()
        if not ref.startswith("ref: "):
            return ref or None
        ref_path = root / ".git" / ref[5:]
        if ref_path.is_file():
            return ref_path.read_text().strip()
        packed = (root / ".git" / "packed-refs").read_text().splitlines()
        return next((line.split()[0] for line in packed if line.endswith(" " + ref[5:])), None)
    except OSError:
        return None
