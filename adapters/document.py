"""Free-form documents: ATRS records, monitoring plans, incident-response plans, threat models
and datasheets.

Markdown (optionally with YAML front matter), plain text, YAML or JSON. The facts say what
headings the document has, how long it is and what its front matter (or, for YAML and JSON,
the whole mapping) holds, so rules can look for a section or a field.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from adapters._common import mapping_or_error, read_text
from adapters.interface import Adapter, Parsed
from engine.core.markdown_text import count_words, headings
from engine.core.parsing import ParseError, load_json, load_yaml, split_front_matter

_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
}


def empty_facts() -> dict[str, Any]:
    return {"headings": [], "words": 0, "front_matter": {}}


class DocumentAdapter(Adapter):
    """Shared by every document kind; subclasses only name the kind."""

    def parse(self, name: str, content: bytes) -> Parsed:
        try:
            text = read_text(content)
        except ParseError as exc:
            return Parsed(None, empty_facts(), [str(exc)])
        fmt = detect_format(name, text)
        try:
            facts = _structured(fmt, text) if fmt in ("yaml", "json") else _prose(fmt, text)
        except ParseError as exc:
            return Parsed(fmt, empty_facts(), [str(exc)])
        return Parsed(fmt, facts, [])


def detect_format(name: str, text: str) -> str:
    """By extension, else by content: `{`/`[` is JSON, front matter or headings Markdown."""
    suffix = name.lower()[name.rfind(".") :] if "." in name else ""
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    start = text.lstrip()
    if start.startswith(("{", "[")):
        return "json"
    if start.startswith(("---", "#")) or headings(text.splitlines()):
        return "markdown"
    return "text"


def _prose(fmt: str, text: str) -> dict[str, Any]:
    front: dict[str, Any] = {}
    if fmt == "markdown":
        document = split_front_matter(text)
        text = document.body
        if document.front_matter is not None and document.front_matter.data is not None:
            front = mapping_or_error(document.front_matter.data, "the top of the front matter")
    titles = [h.title for h in headings(text.splitlines())] if fmt == "markdown" else []
    return {"headings": titles, "words": count_words(text), "front_matter": front}


def _structured(fmt: str, text: str) -> dict[str, Any]:
    data = load_json(text) if fmt == "json" else load_yaml(text).data
    mapping = mapping_or_error(data)
    words = sum(count_words(s) for s in _strings(mapping))
    return {"headings": [], "words": words, "front_matter": mapping}


def _strings(value: Any) -> Iterator[str]:
    """Every string value in nested data, depth-first, without recursion."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


class AtrsRecordAdapter(DocumentAdapter):
    kind = "atrs_record"


class MonitoringPlanAdapter(DocumentAdapter):
    kind = "monitoring_plan"


class IncidentResponseAdapter(DocumentAdapter):
    kind = "incident_response"


class ThreatModelAdapter(DocumentAdapter):
    kind = "threat_model"


class DatasheetAdapter(DocumentAdapter):
    kind = "datasheets"
