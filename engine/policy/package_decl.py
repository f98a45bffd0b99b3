"""The package a Rego module declares, read token by token as OPA's scanner reads it.

Which package a module is in decides what it may define: a repository-local module must sit
under `ai_assure_local`, never in the governance namespace. A pattern over the text cannot
decide that (a `package` line inside a comment continued past a Unicode line separator, or
inside a string, looks like a declaration). Here the module is scanned from its start: OPA's
whitespace (space, tab, CR, LF) and `#` comments, which end only at LF, and then the first
token must be `package` followed by a dotted name on the same line. Anything else, including
forms OPA would accept (bracketed path parts, a name split over lines), is refused: a module
read here is one whose package OPA reads the same way (tests/engine/policy/test_package_decl.py
checks this against `opa parse`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.core.errors import AssuranceError

_OPA_WHITESPACE = " \t\r\n"
_KEYWORD = "package"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FORM = "write it as dotted ASCII names on one line, e.g. `package ai_assure_local.rules.team.x`"


class MalformedPackageError(AssuranceError):
    """A module whose package declaration cannot be read unambiguously."""


@dataclass(frozen=True)
class PackageDecl:
    path: tuple[str, ...]
    line: int  # the declaration's line, counting LF-separated lines from 0

    @property
    def name(self) -> str:
        return ".".join(self.path)


def read_package(source: str) -> PackageDecl:
    """The module's package declaration, or `MalformedPackageError` saying what was found."""
    start = _skip_whitespace_and_comments(source, 0)
    after = start + len(_KEYWORD)
    if not source.startswith(_KEYWORD, start) or source[after : after + 1] not in (" ", "\t"):
        raise MalformedPackageError(
            "the first statement must be `package <name>` (only comments may come before it)"
        )
    path, end = _dotted_name(source, _skip(source, after, " \t"))
    _expect_line_end(source, _skip(source, end, " \t\r"))
    return PackageDecl(path=path, line=source.count("\n", 0, start))


def _skip_whitespace_and_comments(source: str, position: int) -> int:
    while position < len(source):
        if source[position] in _OPA_WHITESPACE:
            position += 1
        elif source[position] == "#":
            newline = source.find("\n", position)
            position = len(source) if newline < 0 else newline
        else:
            break
    return position


def _skip(source: str, position: int, characters: str) -> int:
    while position < len(source) and source[position] in characters:
        position += 1
    return position


def _dotted_name(source: str, position: int) -> tuple[tuple[str, ...], int]:
    parts: list[str] = []
    while True:
        match = _NAME.match(source, position)
        if match is None:
            raise MalformedPackageError(f"cannot read the package name; {_FORM}")
        parts.append(match.group())
        position = match.end()
        if source[position : position + 1] != ".":
            return tuple(parts), position
        position += 1


def _expect_line_end(source: str, position: int) -> None:
    if position == len(source) or source[position] in "\n#":
        return
    raise MalformedPackageError(f"unexpected {source[position]!r} in the package name; {_FORM}")
