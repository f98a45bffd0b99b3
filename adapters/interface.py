"""The contract every evidence adapter keeps.

An adapter turns the bytes of one evidence file into a `Parsed` value: the detected format,
normalised facts (plain JSON-able data the policies read), parse errors and warnings. Adapters
never raise on bad content: they report it in `errors` (the item is then `invalid`) or, for a
malformed part no rule reads, in `warnings` (the item stays usable). Reading files, size
limits and repository confinement are the engine's job (`engine.assessment.evidence`), so
adapters only ever see bytes.

An adapter that reads several formats lists one `Reader` per format. Each reader says what it
recognises from the file's name and content; exactly one must claim a file
(`adapters._detect`), so evidence is never read as a format it is not.
"""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Parsed:
    """What an adapter made of one file."""

    format: str | None
    facts: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class Adapter(ABC):
    """Parses one kind of evidence (model card, SBOM, DPIA, ...)."""

    #: the evidence kind, as named in the manifest's `evidence:` block (e.g. "sbom")
    kind: str

    @abstractmethod
    def parse(self, name: str, content: bytes) -> Parsed:
        """Parse `content` read from the file called `name` (used for messages and sniffing)."""


class EvidenceFile:
    """One file as readers see it: its name, bytes, and (decoded once, on first use) its
    text and JSON, shared by every reader that looks at it."""

    def __init__(self, name: str, content: bytes) -> None:
        self.name = name
        self.content = content

    @property
    def lower_name(self) -> str:
        return self.name.lower()

    def has_suffix(self, *suffixes: str) -> bool:
        return self.lower_name.endswith(suffixes)

    @property
    def is_zip(self) -> bool:
        return self.content.startswith(ZIP_MAGIC)

    @functools.cached_property
    def _decoded(self) -> tuple[str | None, str | None]:
        from engine.core.parsing import ParseError, decode_text  # yaml: only when parsing

        if self.is_zip:
            return None, "a ZIP archive, not text"
        try:
            text = decode_text(self.content)
        except ParseError as exc:
            return None, str(exc)
        if not text.strip():
            return None, "empty file"
        return text, None

    @property
    def text(self) -> str | None:
        """The decoded text; None for binary, badly encoded or empty content."""
        return self._decoded[0]

    @property
    def text_error(self) -> str | None:
        """Why there is no text (None when there is)."""
        return self._decoded[1]

    @functools.cached_property
    def first_line(self) -> str | None:
        """The first non-blank line of JSON Lines: of a `.jsonl` file, or of text where more
        follows it (a one-line JSON document is not JSON Lines, and is not parsed again as
        one); else None."""
        text = self.text
        if text is None:
            return None
        start = len(text) - len(text.lstrip())
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if not text[end:].strip() and not self.has_suffix(".jsonl"):
            return None
        return text[start:end].rstrip("\r")

    @property
    def starts_like_json(self) -> bool:
        return self.text is not None and self.text.lstrip()[:1] in ("{", "[")

    @functools.cached_property
    def _json(self) -> tuple[Any, str | None, list[str]]:
        """The document with non-finite numbers read as null, why it is not JSON, and the
        non-finite numbers' literals: parsed once, for the strict and the tolerant view."""
        if not self.starts_like_json or self.has_suffix(".jsonl"):
            return None, "not JSON", []
        from engine.core.parsing import ParseError, load_json

        assert self.text is not None  # starts_like_json
        nonfinite: list[str] = []
        try:
            return load_json(self.text, nonfinite=nonfinite), None, nonfinite
        except ParseError as exc:
            return None, str(exc), []

    @property
    def json(self) -> Any:
        """The parsed JSON document, or None when the file is not (valid) JSON. A number
        that is not finite (`NaN`, `Infinity`) makes it invalid: see `tolerant_json`."""
        data, error, nonfinite = self._json
        return None if error or nonfinite else data

    @property
    def json_error(self) -> str | None:
        _, error, nonfinite = self._json
        if not nonfinite:
            return error
        first = nonfinite[0]
        if first in ("NaN", "Infinity", "-Infinity"):
            return f"invalid JSON constant {first}"  # as load_json words it
        return f"invalid JSON: number {first} is out of range"

    @property
    def json_object(self) -> dict[str, Any]:
        """The JSON document when it is an object, else {} (for recognisers)."""
        data = self.json
        return data if isinstance(data, dict) else {}

    @property
    def tolerant_json_object(self) -> dict[str, Any]:
        """The JSON object with every non-finite number read as null (`nonfinite` lists
        them), for formats whose tools write `NaN` where no rule reads it; else {}."""
        data = self._json[0]
        return data if isinstance(data, dict) else {}

    @property
    def nonfinite(self) -> list[str]:
        """The non-finite numbers `tolerant_json_object` read as null, as written."""
        return self._json[2]

    def nonfinite_warnings(self) -> list[str]:
        return nonfinite_warnings(self.nonfinite)


def nonfinite_warnings(literals: list[str]) -> list[str]:
    """A warning saying how many non-finite numbers were read as null, when some were."""
    if not literals:
        return []
    shown = ", ".join(sorted(set(literals)))
    return [
        f"{len(literals)} numbers that are not finite ({shown}) were read as null; "
        "a metric holding one is left out"
    ]


class Reader(ABC):
    """Reads one format of one or more evidence kinds."""

    #: the item's `format` value when this reader reads the file
    format: str
    #: what the format is, in words, for messages ("an Inspect AI evaluation log")
    title: str

    @abstractmethod
    def recognises(self, file: EvidenceFile) -> bool:
        """True when the file's name and content say it is in this format. Cheap and
        strict: another format's file must never be recognised."""

    @abstractmethod
    def read(self, file: EvidenceFile) -> Parsed:
        """The facts of a recognised file (errors for what is wrong in it)."""
