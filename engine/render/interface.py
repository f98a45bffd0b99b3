"""The one contract every output format keeps, whatever it renders (a check report, the risk
register, an ATRS record, a Statement of Applicability), and the one way formats are found.

Each family keeps a registry `{format name: "module:Class"}`; `get_renderer` imports only the
module of the format asked for, so start-up pays for nothing it does not write.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from inspect import signature
from typing import Any, ClassVar, Generic, TypeVar

from engine.core.plugins import load_class

DocumentT = TypeVar("DocumentT", contravariant=True)


class Renderer(ABC, Generic[DocumentT]):
    """Renders one kind of document in one format. Rendering is pure: the same document
    always gives the same text."""

    #: the name used with `--format`
    name: ClassVar[str]

    @abstractmethod
    def render(self, document: DocumentT) -> str:
        """Return the whole output as a string (written as UTF-8)."""


def get_renderer(registry: dict[str, str], name: str, what: str, **options: Any) -> Any:
    """The renderer registered as `name`, constructed with the `options` its constructor
    takes (others are ignored, so a caller may pass the same options to every format).
    Raises `ValueError` naming the known formats when `name` is not registered."""
    try:
        renderer_class = load_class(registry, name, what)
    except KeyError as exc:
        raise ValueError(exc.args[0]) from None
    accepted = signature(renderer_class).parameters
    return renderer_class(**{key: value for key, value in options.items() if key in accepted})
