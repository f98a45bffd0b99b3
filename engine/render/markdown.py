"""Markdown that text from a repository cannot subvert: one escaper and one table writer for
every Markdown output (ATRS records, the risk register, the Statement of Applicability)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]|~#])")


def cell(text: object) -> str:
    """Text made inert inside a Markdown table cell: HTML and Markdown syntax escaped, line
    breaks as <br>, control characters dropped. None and "" give ""."""
    if text is None or text == "":
        return ""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_ACTIVE.sub(r"\\\1", text)
    return "<br>".join(line.strip() for line in text.split("\n"))


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    """The lines of a table; header and cells must already be escaped with `cell`."""
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines
