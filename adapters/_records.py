"""Loading YAML records that may also come as Markdown with YAML front matter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from adapters._common import Locator, mapping_or_error, read_text
from engine.core.parsing import ParseError, load_yaml, split_front_matter

_FRONT_MATTER_THEN_TEXT = re.compile(
    r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*\r?$(.*)", re.S | re.M
)


@dataclass
class Record:
    """A record's format, its mapping and a locator for messages, or the error found."""

    format: str | None
    data: dict[str, Any] = field(default_factory=dict)
    at: Locator = field(default_factory=Locator)
    error: str | None = None


def load_record(name: str, content: bytes) -> Record:
    """A YAML file, or the front matter of a Markdown file (by extension or by content)."""
    try:
        text = read_text(content)
    except ParseError as exc:
        return Record(None, error=str(exc))
    fmt = "markdown" if is_markdown(name, text) else "yaml"
    try:
        if fmt == "yaml":
            doc = load_yaml(text)
            return Record(fmt, mapping_or_error(doc.data), Locator(doc))
        front = split_front_matter(text).front_matter
        if front is None:
            raise ParseError("no YAML front matter: put the fields between two --- lines")
        return Record(
            fmt, mapping_or_error(front.data, "the top of the front matter"), Locator(front)
        )
    except ParseError as exc:
        return Record(fmt, error=str(exc))


def is_markdown(name: str, text: str) -> bool:
    """A Markdown name, or front matter followed by text."""
    if name.lower().endswith((".md", ".markdown")):
        return True
    match = _FRONT_MATTER_THEN_TEXT.match(text)
    return bool(match and match.group(1).strip())
