"""Output formats of `ai-assure register`: one module per format, imported on first use.

The same layering as `engine.reporters`: adding a format means adding one module that
implements `interface.RegisterFormat` and one line to `REGISTER_FORMATS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.registry import load_class

if TYPE_CHECKING:
    from engine.register_formats.interface import RegisterFormat

#: format name -> "module:Class", resolved lazily by `get_register_format`
REGISTER_FORMATS: dict[str, str] = {
    "text": "engine.register_formats.text:TextRegister",
    "json": "engine.register_formats.json:JsonRegister",
    "csv": "engine.register_formats.csv:CsvRegister",
    "markdown": "engine.register_formats.markdown:MarkdownRegister",
    "html": "engine.register_formats.html:HtmlRegister",
}

FORMATS: tuple[str, ...] = tuple(REGISTER_FORMATS)


def get_register_format(name: str) -> RegisterFormat:
    """The format registered as `name`; `ValueError` naming the known ones otherwise."""
    try:
        return load_class(REGISTER_FORMATS, name, "register format")()
    except KeyError as exc:
        raise ValueError(exc.args[0]) from None
