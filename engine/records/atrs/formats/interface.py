"""The contract every ATRS record format keeps: a renderer of the `AtrsRecord`."""

from __future__ import annotations

from engine.records.atrs.record import AtrsRecord
from engine.render.interface import Renderer


class AtrsFormat(Renderer[AtrsRecord]):
    """Renders the record in one format."""
