"""`check --discover DIR`: every `ai-manifest.yaml` below DIR that git would track.

The walk honours each `.gitignore` it meets (its patterns apply below its own folder, a
deeper file's patterns win over a shallower one's, `!pattern` re-includes), with git's own
matching rules from `pathspec`. It never follows a symlink: a symlinked folder is not
entered, and a symlinked manifest is a problem (it may lead out of DIR). `.git` folders are
never searched. Problems are collected, never raised, so one unreadable folder cannot hide
the systems found elsewhere; the portfolio run then fails closed on them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from engine.core.errors import AssuranceError
from engine.core.files import UnreadableFileError, read_confined
from engine.manifest import MANIFEST_NAME

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

#: the largest .gitignore read; a larger one is a problem, not a reason to search everything
MAX_GITIGNORE_BYTES = 1024 * 1024


class DiscoveryError(AssuranceError):
    """DIR cannot be searched at all."""


@dataclass(frozen=True)
class Discovery:
    manifests: tuple[Path, ...]  # sorted, each below DIR and not ignored
    problems: tuple[str, ...]  # what could not be searched or was refused


@dataclass(frozen=True)
class _Ignore:
    base: Path  # the folder holding the .gitignore
    spec: GitIgnoreSpec


def discover(directory: Path) -> Discovery:
    """Every manifest below `directory` that no `.gitignore` excludes."""
    if directory.is_symlink() or not directory.is_dir():
        raise DiscoveryError(f"{directory}: --discover needs a folder (not a symlink)")
    from pathspec import GitIgnoreSpec  # only a portfolio run pays for it

    problems: list[str] = []
    manifests: list[Path] = []
    ignores: dict[Path, list[_Ignore]] = {directory: []}

    def unreadable(error: OSError) -> None:
        problems.append(f"{error.filename}: cannot be searched ({error.strerror})")

    for folder_text, subfolders, files in os.walk(directory, onerror=unreadable):
        folder = Path(folder_text)
        inherited = ignores.pop(folder, [])
        rules = [*inherited, *_gitignore(folder, files, problems, GitIgnoreSpec)]
        subfolders[:] = sorted(
            name
            for name in subfolders
            if name != ".git"
            and not (folder / name).is_symlink()
            and not _ignored(folder / name, rules, is_dir=True)
        )
        for name in subfolders:
            ignores[folder / name] = rules
        if MANIFEST_NAME in files and not _ignored(folder / MANIFEST_NAME, rules, is_dir=False):
            candidate = folder / MANIFEST_NAME
            if candidate.is_symlink():
                problems.append(f"{candidate}: a symlink; --discover does not follow symlinks")
            else:
                manifests.append(candidate)
    return Discovery(tuple(sorted(manifests, key=lambda p: p.parts)), tuple(problems))


def _gitignore(
    folder: Path, files: list[str], problems: list[str], spec_class: type[GitIgnoreSpec]
) -> list[_Ignore]:
    """The rules of `folder/.gitignore`, when there is one (read without following links)."""
    if ".gitignore" not in files:
        return []
    path = folder / ".gitignore"
    try:
        if path.is_symlink():
            raise UnreadableFileError("a symlink; not followed")
        text = read_confined(path, MAX_GITIGNORE_BYTES).content.decode("utf-8", "replace")
    except (UnreadableFileError, OSError) as exc:
        problems.append(f"{path}: cannot be read ({exc})")
        return []
    try:
        return [_Ignore(folder, spec_class.from_lines(text.splitlines()))]
    except ValueError as exc:  # a line git would not read as a pattern
        problems.append(f"{path}: {exc}; the folder was searched as if it had no .gitignore")
        return []


def _ignored(path: Path, rules: list[_Ignore], *, is_dir: bool) -> bool:
    """Git's answer: the last rule (deepest file, last line) that matches decides."""
    ignored = False
    for rule in rules:
        relative = path.relative_to(rule.base).as_posix() + ("/" if is_dir else "")
        result = rule.spec.check_file(relative)
        if result.include is not None:
            ignored = result.include
    return ignored
