"""Formats of `ai-assure classify --format NAME`, one module each, found the same way as every
other output family (`engine.render.interface`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine.render.interface import get_renderer

if TYPE_CHECKING:
    from engine.records.classification.formats.interface import ClassificationFormat

#: format name -> "module:Class", resolved lazily by `get_classification_format`
CLASSIFICATION_FORMATS: dict[str, str] = {
    "text": "engine.records.classification.formats.text:TextClassification",
    "json": "engine.records.classification.formats.json:JsonClassification",
    "markdown": "engine.records.classification.formats.markdown:MarkdownClassification",
}

FORMATS: tuple[str, ...] = tuple(CLASSIFICATION_FORMATS)


def get_classification_format(name: str, **options: Any) -> ClassificationFormat:
    """The format registered as `name`; `ValueError` naming the known ones otherwise."""
    renderer: ClassificationFormat = get_renderer(
        CLASSIFICATION_FORMATS, name, "classification format", **options
    )
    return renderer
