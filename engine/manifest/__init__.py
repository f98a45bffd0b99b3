"""Loading and validating `ai-manifest.yaml`, with errors that point at a line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from engine.core.errors import AssuranceError
from engine.core.files import UnreadableFileError, kind_of, read_confined, resolved
from engine.core.parsing import ParseError, YamlDocument, decode_text, load_yaml
from engine.manifest.plain import PlainRecord, plain_manifest
from engine.manifest.versions import API_VERSION_V2, API_VERSIONS

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic_core import ErrorDetails

    from engine.manifest.model_v2 import AnyManifest


MANIFEST_NAME = "ai-manifest.yaml"
MAX_MANIFEST_BYTES = 1024 * 1024
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_.-]+")

__all__ = [
    "MANIFEST_NAME",
    "LoadedManifest",
    "ManifestError",
    "load_manifest",
    "locate_manifest",
    "parse_manifest",
]


class ManifestError(AssuranceError):
    """The manifest cannot be used; `problems` are `file:LINE: field.path: what is wrong`."""

    def __init__(self, problems: list[str], raw: Any = None) -> None:
        super().__init__("\n".join(problems))
        self._problems = problems
        self.raw = raw

    @property
    def problems(self) -> list[str]:
        return self._problems


@dataclass(frozen=True)
class LoadedManifest:
    path: Path
    display_path: str
    model: AnyManifest
    document: YamlDocument
    text: str = field(default="", repr=False, compare=False)  # the file as read

    @property
    def raw(self) -> dict[str, Any]:
        return self.document.data

    @property
    def api_version(self) -> str:
        return str(self.raw.get("apiVersion"))

    def policy_document(self) -> dict[str, Any]:
        """The manifest as the policies read it: version 2's form. A version 1 manifest is
        migrated in memory, every fact it could not hold left unanswered."""
        if self.api_version == API_VERSION_V2:
            return self.raw
        from engine.manifest.migrate import migrate_document

        return migrate_document(self.raw)


def locate_manifest(target: Path) -> Path:
    """PATH may be the manifest itself or a folder holding `ai-manifest.yaml`."""
    kind = kind_of(target)
    if kind == "missing":
        raise ManifestError([f"{target}: no such file or folder"])
    candidate = target / MANIFEST_NAME if kind == "folder" else target
    if kind_of(candidate) != "file":
        raise ManifestError([f"{candidate}: no {MANIFEST_NAME} here (run `ai-assure init`)"])
    return candidate


def load_manifest(
    path: Path, display_path: str | None = None, root: Path | None = None
) -> LoadedManifest:
    """Read, parse and validate a manifest; raise `ManifestError` listing every problem. With
    the repository `root`, it is read as evidence is: from the root down, through no symlink."""
    shown = display_path or str(path)
    try:
        readable = resolved(path) if root is not None else path
        text = decode_text(read_confined(readable, MAX_MANIFEST_BYTES, root).content)
    except UnreadableFileError as exc:
        raise ManifestError([f"{shown}: {exc}"]) from None
    except ParseError as exc:  # not text
        raise ManifestError([f"{shown}:{exc.line or 1}: {exc.message}"]) from None
    return parse_manifest(text, path, shown)


def parse_manifest(text: str, path: Path, shown: str) -> LoadedManifest:
    """A manifest's text parsed and validated, as `load_manifest` reads a file (also a text
    kept in the results store); raise `ManifestError` listing every problem."""
    try:
        document = load_yaml(text)
    except ParseError as exc:
        raise ManifestError([f"{shown}:{exc.line or 1}: {exc.message}"]) from None
    if not isinstance(document.data, dict):
        raise ManifestError([f"{shown}:1: the manifest must be a YAML mapping"])
    api_version = document.data.get("apiVersion")
    if api_version not in API_VERSIONS:
        line = document.line_of(("apiVersion",))
        expected = " or ".join(repr(version) for version in reversed(API_VERSIONS))
        raise ManifestError(
            [f"{shown}:{line}: apiVersion: expected {expected}, got {api_version!r}"],
            raw=document.data,
        )
    return LoadedManifest(path, shown, _validate(document, shown), document, text)


def model_class(api_version: object) -> type[BaseModel]:
    """The model of a manifest version (version 1 unless it says version 2)."""
    if api_version == API_VERSION_V2:
        from engine.manifest.model_v2 import ManifestV2

        return ManifestV2
    from engine.manifest.model import Manifest

    return Manifest


def _validate(document: YamlDocument, shown: str) -> AnyManifest:
    """The manifest's model. A plainly valid manifest (the usual case) is read without
    pydantic (engine/manifest/plain.py); anything else is validated by its pydantic model,
    which accepts it or locates every problem."""
    plain = plain_manifest(document.data)
    if plain is not None:
        return cast("AnyManifest", PlainRecord(plain))
    from pydantic import ValidationError

    model = model_class(document.data.get("apiVersion"))
    try:
        return model.model_validate(document.data)  # type: ignore[return-value]
    except ValidationError as exc:
        located = sorted({_describe(error, document) for error in exc.errors()})
        problems = [f"{shown}:{line}: {text}" for line, text in located]
        raise ManifestError(problems, raw=document.data) from None


def _describe(error: ErrorDetails, document: YamlDocument) -> tuple[int, str]:
    location = tuple(part for part in error["loc"] if not _is_union_branch(part))
    line = document.line_of(location)
    field = ".".join(_shown_key(part) for part in location) or "(top level)"
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "unknown key (check the spelling; unknown keys are not allowed)"
    return line, f"{field}: {message}"


def _shown_key(part: str | int) -> str:
    """A key as written when it is a plain name, else quoted and escaped (blank keys, spaces,
    control characters), so the message stays one visible line."""
    text = str(part)
    return text if _PLAIN_KEY.fullmatch(text) else repr(text)


def _is_union_branch(part: object) -> bool:
    """Pydantic names union branches in `loc` (e.g. 'str', 'list[str]'); drop them."""
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "bool", "float"})
