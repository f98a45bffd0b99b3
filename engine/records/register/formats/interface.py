"""The contract every register format keeps: a renderer of the `Register`."""

from __future__ import annotations

from engine.records.register.build import Register
from engine.render.interface import Renderer


class RegisterFormat(Renderer[Register]):
    """Renders the register in one format (`ai-assure register --format NAME`)."""
