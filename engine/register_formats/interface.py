"""The contract every register format keeps: render one `Register` to text."""

from __future__ import annotations

from abc import ABC, abstractmethod

from engine.register import Register


class RegisterFormat(ABC):
    """Renders the register in one format. Rendering is pure: same register, same output."""

    #: the name used with `register --format`
    name: str

    @abstractmethod
    def render(self, register: Register) -> str:
        """Return the whole output as a string (written as UTF-8)."""
