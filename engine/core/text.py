"""Canonical text: the one form every string takes before a policy or a blankness check sees
it (docs/input-document.md, Canonical form).

Unicode NFC, without whitespace, control, invisible format or separator characters at either
end; the characters inside stay. Lone surrogates (a file name that is not UTF-8) are not
text at all, so they become the escapes Python's `backslashreplace` writes.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["canonical_key", "canonical_text", "holds_surrogate", "is_invisible", "natural_key"]

_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Zs"})
_ASCII_INVISIBLE = "".join(map(chr, range(0x21))) + "\x7f"  # every ASCII Cc, and the space
_SURROGATE = re.compile("[\ud800-\udfff]")


def canonical_text(text: str) -> str:
    """`text` as NFC, without invisible characters at either end (the characters inside
    stay), lone surrogates written as escapes."""
    if text.isascii():  # the fast path: almost every string
        return text.strip(_ASCII_INVISIBLE)
    text = unicodedata.normalize("NFC", _without_surrogates(text))
    start, end = 0, len(text)
    while start < end and is_invisible(text[start]):
        start += 1
    while end > start and is_invisible(text[end - 1]):
        end -= 1
    return text[start:end]


def canonical_key(key: str) -> str:
    """An object key as NFC (lone surrogates escaped), never trimmed: `" a"` and `"a"` are
    different keys to the author, so they stay different."""
    if key.isascii():  # the fast path: almost every key
        return key
    return unicodedata.normalize("NFC", _without_surrogates(key))


def is_invisible(character: str) -> bool:
    """Whitespace (`str.isspace`), a control (Cc), an invisible format character (Cf: U+200B,
    U+FEFF, U+2060, ...) or a space, line or paragraph separator (Zs, Zl, Zp)."""
    return character.isspace() or unicodedata.category(character) in _INVISIBLE_CATEGORIES


def holds_surrogate(text: str) -> bool:
    """Whether `text` holds a surrogate code point, which UTF-8 cannot write."""
    return not text.isascii() and _SURROGATE.search(text) is not None


def _without_surrogates(text: str) -> str:
    """A high and a low surrogate in a row become the character they encode; any other
    surrogate cannot be written as UTF-8 and becomes its escape, as `backslashreplace`
    writes it: `\\xff` for a byte of a file name that was not UTF-8 (`surrogateescape`),
    `\\ud800` otherwise."""
    if not holds_surrogate(text):
        return text
    paired = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return _SURROGATE.sub(lambda match: _escape(ord(match.group())), paired)


def _escape(code: int) -> str:
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """A sort key comparing numbers as numbers: `A.2.2` before `A.10.2`, `GOVERN-1.2` before
    `GOVERN-1.10`, `P4` before `P12` (letters without regard to case)."""
    return tuple(
        (0, int(chunk), "") if chunk.isdigit() else (1, 0, chunk.casefold())
        for chunk in re.findall(r"\d+|\D+", text)
    )
