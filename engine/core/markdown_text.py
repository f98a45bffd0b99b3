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


def sections(lines: list[str], found: list[Heading] | None = None) -> list[tuple[Heading, str]]:
    """Each heading with its body: the text up to the next heading of the same or higher
    level, subsections included but subsection headings themselves left out. `found`: the
    headings of `lines`, when the caller has them already."""
    found = headings(lines) if found is None else found
    return [(heading, body(lines, found, position)) for position, heading in enumerate(found)]


def body(lines: list[str], found: list[Heading], position: int) -> str:
    """The body of heading `found[position]` (see `sections`), made only when asked for: a
    heading near the top of a long document has most of it as its body."""
    heading = found[position]
    later = found[position + 1 :]
    end = next((h.line for h in later if h.level <= heading.level), len(lines))
    inside = [h.line for h in later if h.line < end]
    parts, start = [], heading.line + 1
    for line in [*inside, end]:
        parts.extend(lines[start:line])
        start = line + 1
    return "\n".join(parts)


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS = re.compile(r"[*_`~]+")
# Placeholders that can run over several lines, as (opening, closing) marks.
_SPANNING = (("<!--", "-->"), ("{{", "}}"), ("{%", "%}"))
_PREFIX = 8192  # characters of a long body tried first


def plain(text: str) -> str:
    """Inline Markdown reduced to its text: links, emphasis, code ticks and tags removed."""
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


def has_real_text(text: str) -> bool:
    """True when `text` says something once template placeholders are removed. A long text
    is tried on its opening paragraphs first: text found there, outside any placeholder,
    is text in the whole (the whole is read only when the opening has none)."""
    if len(text) > _PREFIX:
        opening = text[: max(text.rfind("\n\n", 0, _PREFIX), 0)]
        if _all_closed(opening) and _says_something(opening):
            return True
    return _says_something(text)


def _says_something(text: str) -> bool:
    for pattern in _PLACEHOLDERS:
        text = pattern.sub(" ", text)
    return bool(_REAL_TEXT.search(text))


def _all_closed(text: str) -> bool:
    """No placeholder that spans lines is left open at the end of `text`."""
    return all(text.rfind(opening) <= text.rfind(closing) for opening, closing in _SPANNING)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))
