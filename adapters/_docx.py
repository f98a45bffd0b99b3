"""Word documents (`.docx`) as Markdown-like text: headings, paragraphs and tables.

A `.docx` is a ZIP archive (`adapters._zip`, with its limits) whose `word/document.xml`
holds the body. It is parsed with `defusedxml`, which refuses DTDs, entity declarations and
external references (billion laughs, XXE), never resolving an entity. Paragraphs styled
`Heading N` (or `Title`) become `#` headings, tables become `| cell | cell |` rows, and
other paragraphs their text: what the structured-document reader reads for Markdown too.
python-docx is not used: it needs lxml, and this needs one XML part.
"""

from __future__ import annotations

import re
from typing import Any

from adapters._zip import Archive, ArchiveError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"(?:heading|titre|berschrift)\s*([1-6])", re.I)
DOCUMENT_PART = "word/document.xml"


class DocxError(Exception):
    """The document cannot be read: the message says why."""


def is_docx(content: bytes, name: str) -> bool:
    return content.startswith(b"PK\x03\x04") and name.lower().endswith((".docx", ".docm"))


def docx_text(content: bytes) -> str:
    """The document's body as Markdown-like text."""
    from xml.etree.ElementTree import ParseError as XmlError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        archive = Archive(content)
        if not archive.has(DOCUMENT_PART):
            raise DocxError(f"no {DOCUMENT_PART}: not a Word document")
        root = fromstring(archive.read(DOCUMENT_PART), forbid_dtd=True)
    except ArchiveError as exc:
        raise DocxError(str(exc)) from None
    except (XmlError, DefusedXmlException, ValueError) as exc:
        raise DocxError(f"{DOCUMENT_PART}: not well-formed or unsafe XML ({exc})") from None
    body = root.find(f"{_W}body")
    if body is None:
        raise DocxError(f"{DOCUMENT_PART} has no body")
    lines: list[str] = []
    for block in body:
        if block.tag == f"{_W}p":
            lines.append(_paragraph(block))
        elif block.tag == f"{_W}tbl":
            lines += ["", *_table(block), ""]
    return "\n".join(lines)


def _paragraph(paragraph: Any) -> str:
    text = "".join(_texts(paragraph)).strip()
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    name = style.get(f"{_W}val", "") if style is not None else ""
    match = _HEADING_STYLE.search(name)
    level = int(match.group(1)) if match else (1 if name.lower() == "title" else 0)
    return f"{'#' * level} {text}" if level and text else text


def _texts(element: Any) -> list[str]:
    """Text runs in document order; tabs and breaks as spaces."""
    found = []
    for node in element.iter():
        if node.tag == f"{_W}t" and node.text:
            found.append(node.text)
        elif node.tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
            found.append(" ")
    return found


def _table(table: Any) -> list[str]:
    rows = []
    for row in table.findall(f"{_W}tr"):
        cells = [
            " ".join("".join(_texts(p)).strip() for p in cell.findall(f".//{_W}p")).strip()
            for cell in row.findall(f"{_W}tc")
        ]
        rows.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    if rows:  # a header separator, so the first row reads as the header, as in Markdown
        width = rows[0].count("|") - 1
        rows.insert(1, "|" + " --- |" * max(width, 1))
    return rows
