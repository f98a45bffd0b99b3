"""Plain-text helpers every output family shares."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """`1 warning`, `2 warnings`."""
    return f"{count} {noun}" + ("" if count == 1 else "s")
