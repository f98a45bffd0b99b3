"""Markdown that text from a repository cannot subvert: one escaper, one code-span writer and
one table writer for every Markdown output (the GitHub job summary, ATRS records, the risk
register, the Statement of Applicability).

What `cell` neutralises, checked against GitHub's own renderer (cmark-gfm) in the tests:
HTML (`<img onerror=…>`), links and images (`[x](javascript:…)`, `![x](http://…)`),
emphasis, code, strikethrough, headings, table cell breaks (`|`), math (`$…$`), and the
autolinks GitHub adds to bare URLs, `www.` names and e-mail addresses. Control and
invisible characters (ESC, NUL, bidi overrides, U+2028) become visible escapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from engine.render.text import visible

_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]|~#$])")
_URL_SCHEME = re.compile(r":(?=//)")
_WWW = re.compile(r"(?i)(?<![a-z0-9])(www)\.")
_EMAIL_AT = re.compile(r"(?<=[\w.+-])@")
_BACKTICKS = re.compile(r"`+")


def cell(text: object) -> str:
    """Text made inert inside a Markdown table cell (or any line of Markdown): HTML and
    Markdown syntax escaped, autolinks broken, line breaks as <br>, control and invisible
    characters as visible escapes. None and "" give ""."""
    if text is None or text == "":
        return ""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = visible(text, keep="\n")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_ACTIVE.sub(r"\\\1", text)
    text = _WWW.sub(r"\1\\.", _URL_SCHEME.sub(r"\\:", text))
    text = _EMAIL_AT.sub("`@`", text)  # a code span: no e-mail autolink spans it
    return "<br>".join(line.strip() for line in text.split("\n"))


def code(text: object) -> str:
    """`text` as an inline code span that its own backticks cannot close, on one line, with
    control and invisible characters as visible escapes. Not for table cells (use `cell`)."""
    text = visible(str(text))
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    """The lines of a table; header and cells must already be escaped with `cell`."""
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines
