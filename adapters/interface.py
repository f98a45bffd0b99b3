"""The contract every evidence adapter keeps.

An adapter turns the bytes of one evidence file into a `Parsed` value: the detected format,
normalised facts (plain JSON-able data the policies read) and parse errors. Adapters never
raise on bad content: they report it in `errors`. Reading files, size limits and repository
confinement are the engine's job (`engine.assessment.evidence`), so adapters only ever see bytes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Parsed:
    """What an adapter made of one file."""

    format: str | None
    facts: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


class Adapter(ABC):
    """Parses one kind of evidence (model card, SBOM, DPIA, ...)."""

    #: the evidence kind, as named in the manifest's `evidence:` block (e.g. "sbom")
    kind: str

    @abstractmethod
    def parse(self, name: str, content: bytes) -> Parsed:
        """Parse `content` read from the file called `name` (used for messages and sniffing)."""
