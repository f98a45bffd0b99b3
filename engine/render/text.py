"""Plain-text helpers every output family shares."""

from __future__ import annotations

import re


def plural(count: int, noun: str) -> str:
    """`1 warning`, `2 warnings`."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: object) -> str:
    """Text safe for a terminal: control characters (which could move the cursor or recolour
    the screen) dropped."""
    return _CONTROL_CHARS.sub("", str(text))
