"""Plain-text helpers every output family shares, and the one neutraliser for text that a
terminal or a CI log shows.

Text from a repository (manifest values, evidence content, file names, error messages that
quote them) must never drive what reads our output:

* a terminal: ESC sequences (`ESC[2J`), 8-bit C1 controls (`U+009B` is CSI), bidi overrides
  that make text read differently from what it is (`U+202E`), invisible format characters;
* a CI log: GitHub's runner takes any line that begins, after leading whitespace, with `::`
  as a workflow command (`::add-mask::`, `::stop-commands::`, `::error::`), and any line
  holding `##[` as an old-style one (`##[error]`), anywhere in it.

`visible()` writes every control, format, line- or paragraph-separator character and lone
surrogate as an escape you can read (`\\x1b`, `\\u202e`); `inert()` also keeps text on one
line, breaks `##[` and a leading `::`, and bounds its length. Everything a human-facing
text output shows of a repository goes through `inert()` (or `inert_lines()` where a
message's own lines are kept).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "INERT_LIMIT",
    "inert",
    "inert_lines",
    "is_shown_escaped",
    "plural",
    "visible",
    "without_commands",
]

#: characters of user text one line shows; the rest is counted, not shown
INERT_LIMIT = 2_000

_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: one character .NET's culture-aware comparisons (the runner's) skip as if it were absent
_IGNORABLE = "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
_OLD_STYLE_COMMAND = re.compile(rf"#(?={_IGNORABLE}*#{_IGNORABLE}*\[)")
_LEADING_COMMAND = re.compile(rf"(?:^|(?<=[\r\n]))((?:[^\S\r\n]|{_IGNORABLE})*):(?={_IGNORABLE}*:)")


def plural(count: int, noun: str) -> str:
    """`1 warning`, `2 warnings`."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def visible(text: str, keep: str = "") -> str:
    """`text` with every control (C0, DEL, C1), format (bidi overrides, zero-width and other
    invisible characters), line or paragraph separator character and lone surrogate written
    as a visible escape: `\\x1b`, `\\x85`, `\\u202e`. Characters in `keep` stay as they are
    (the HTML page keeps line feeds and tabs, for example)."""
    if text.isascii() and text.isprintable():  # the fast path: almost every string
        return text
    return "".join(_escape(c) if c not in keep and is_shown_escaped(c) else c for c in text)


def inert(text: object, limit: int | None = INERT_LIMIT) -> str:
    """`text` made safe to show on one line of a terminal or CI log: at most `limit`
    characters (then how many more there were; None: all of it), line breaks and every
    character `visible()` escapes written as escapes, `##[` broken as `\\x23#[`, and a
    leading `::` as `\\x3a:`."""
    text = str(text)
    if limit is not None and len(text) > limit:
        text = f"{text[:limit]}… ({len(text) - limit} more characters)"
    return without_commands(visible(text))


def without_commands(text: str) -> str:
    """`text` with nothing a CI log would run: `##[` written `\\x23#[` wherever it is, and
    `::` at the start of any of its lines (after spaces) written `\\x3a:`. Line breaks and
    every other character stay: for outputs whose cells keep their own lines (CSV)."""
    text = _OLD_STYLE_COMMAND.sub(r"\\x23", text)
    return _LEADING_COMMAND.sub(r"\1\\x3a", text)


def inert_lines(text: object, limit: int | None = INERT_LIMIT) -> list[str]:
    """The lines of `text` (split at CR, LF and CRLF only), each made `inert()`: for output
    that keeps a message's own line breaks, each line indented by the caller."""
    return [inert(line, limit) for line in _LINE_BREAK.split(str(text))]


def is_shown_escaped(character: str) -> bool:
    """Whether `visible()` writes `character` as an escape: a control, format, line or
    paragraph separator character, or a lone surrogate."""
    return unicodedata.category(character) in _ESCAPED_CATEGORIES


def _escape(character: str) -> str:
    code = ord(character)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
