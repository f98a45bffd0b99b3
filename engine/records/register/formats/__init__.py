"""Output formats of `ai-assure register`: one module per format, imported on first use.

The same layering as every output family (`engine.render.interface`): adding a format means
adding one module that implements `interface.RegisterFormat` and one line to
`REGISTER_FORMATS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.render.interface import get_renderer

if TYPE_CHECKING:
    from engine.records.register.formats.interface import RegisterFormat

#: format name -> "module:Class", resolved lazily by `get_register_format`
REGISTER_FORMATS: dict[str, str] = {
    "text": "engine.records.register.formats.text:TextRegister",
    "json": "engine.records.register.formats.json:JsonRegister",
    "csv": "engine.records.register.formats.csv:CsvRegister",
    "markdown": "engine.records.register.formats.markdown:MarkdownRegister",
    "html": "engine.records.register.formats.html:HtmlRegister",
}

FORMATS: tuple[str, ...] = tuple(REGISTER_FORMATS)


def get_register_format(name: str) -> RegisterFormat:
    """The format registered as `name`; `ValueError` naming the known ones otherwise."""
    renderer: RegisterFormat = get_renderer(REGISTER_FORMATS, name, "register format")
    return renderer
