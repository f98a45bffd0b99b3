"""Just enough Markdown: ATX headings outside code fences, section bodies, real text, words."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['\u2019-][^\W_]+)*")

# Template scaffolding that does not count as content: HTML comments, Jinja, the Hugging Face
# template's "[More Information Needed]", ALL-CAPS bracket placeholders such as "[AUTHORS]"
# (but not links), bold "**Label:**" prefixes and HTML tags.
_PLACEHOLDERS = (
    re.compile(r"<!--.*?(?:-->|\Z)", re.S),
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S),
    re.compile(r"\[\s*more information needed\s*\]|\[\s*optional\s*\]", re.I),
    re.compile(r"\[[A-Z][A-Z0-9 _/-]*\](?!\()"),
    re.compile(r"(\*\*|__)[^*_\n]{1,80}?:\s*\1|(\*\*|__)[^*_\n]{1,80}?\2:"),
    re.compile(r"</?[A-Za-z][^>\n]*>"),
)
_REAL_TEXT = re.compile(r"[^\W_]{2,}")


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    line: int  # 0-based index into the body's lines


def headings(lines: list[str]) -> list[Heading]:
    """ATX headings in document order, skipping fenced code blocks."""
    found: list[Heading] = []
    fence: str | None = None
    for index, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        match = None if fence else _HEADING.match(line)
        if match:
            found.append(Heading(len(match.group(1)), plain(match.group(2) or ""), index))
    return found


def sections(lines: list[str]) -> list[tuple[Heading, str]]:
    """Each heading with its body: the text up to the next heading of the same or higher
    level, subsections included but subsection headings themselves left out."""
    found = headings(lines)
    heading_lines = {h.line for h in found}
    result = []
    for position, heading in enumerate(found):
        end = next((h.line for h in found[position + 1 :] if h.level <= heading.level), len(lines))
        body = [lines[i] for i in range(heading.line + 1, end) if i not in heading_lines]
        result.append((heading, "\n".join(body)))
    return result


def plain(text: str) -> str:
    """Inline Markdown reduced to its text: links, emphasis, code ticks and tags removed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"</?[A-Za-z][^>]*>", "", text)
    text = re.sub(r"[*_`~]+", "", text)
    return " ".join(text.split())


def has_real_text(text: str) -> bool:
    """True when `text` says something once template placeholders are removed."""
    for pattern in _PLACEHOLDERS:
        text = pattern.sub(" ", text)
    return bool(_REAL_TEXT.search(text))


def count_words(text: str) -> int:
    return len(_WORD.findall(text))
