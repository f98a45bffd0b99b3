"""Gathering evidence: from the manifest's declarations to normalised items for the policies.

Each declared path or glob is confined to the repository, read with a size limit, hashed and
handed to the adapter for its kind. Bad content is recorded on the item (`invalid`), absent
files too (`missing`), so rules turn them into findings; a path that escapes the repository
raises `PathEscapeError` and the run fails closed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from adapters import KINDS, get_adapter
from engine.assessment.model import EvidenceRecord
from engine.core.errors import AssuranceError
from engine.core.files import UnreadableFileError, expand, read_confined
from engine.core.limits import Limits
from engine.manifest.model_v2 import AnyManifest

__all__ = ["Limits", "TooMuchEvidenceError", "declarations", "gather", "records"]


class TooMuchEvidenceError(AssuranceError):
    """The declarations name more files than one check may read (`--max-evidence-files`)."""


def declarations(manifest: AnyManifest) -> dict[str, list[str]]:
    """Declared paths per evidence kind, in manifest order, without repeats."""
    declared: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for kind, value in manifest.evidence.model_dump(exclude_none=True).items():
        declared[kind].extend([value] if isinstance(value, str) else value)
    declared["model_cards"].extend(m.model_card for m in manifest.models if m.model_card)
    declared["datasheets"].extend(d.datasheet for d in manifest.data.datasets if d.datasheet)
    return {kind: list(dict.fromkeys(paths)) for kind, paths in declared.items()}


def gather(
    manifest: AnyManifest, base: Path, root: Path, limits: Limits | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Evidence items per kind, every kind present (see docs/input-document.md). No file is
    read once the declarations together name more than `limits.max_evidence_files`."""
    limits = limits or Limits()
    gathered: dict[str, list[dict[str, Any]]] = {}
    budget = limits.max_evidence_files
    for kind, declared_paths in declarations(manifest).items():
        items: dict[str, dict[str, Any]] = {}
        for declared in declared_paths:
            paths = expand(declared, base, root, limits.max_evidence_files)
            budget -= len(paths)
            if budget < 0:
                raise TooMuchEvidenceError(
                    f"the evidence declarations name more than {limits.max_evidence_files} "
                    f"files (reached at {declared}); the limit is --max-evidence-files"
                )
            for item in _items_for(kind, declared, paths, base, root, limits):
                items.setdefault(item["path"], item)
        gathered[kind] = list(items.values())
    return gathered


def _items_for(
    kind: str, declared: str, paths: list[Path], base: Path, root: Path, limits: Limits
) -> list[dict[str, Any]]:
    if not paths:
        return [_item(kind, declared, declared, status="missing", errors=["file not found"])]
    return [_parse(kind, declared, path, base, root, limits) for path in paths]


def _parse(
    kind: str, declared: str, path: Path, base: Path, root: Path, limits: Limits
) -> dict[str, Any]:
    shown = _display(path, base, root)
    try:
        read = read_confined(path, limits.max_file_bytes)
    except UnreadableFileError as exc:
        return _item(kind, declared, shown, status="invalid", errors=[str(exc)])
    parsed = get_adapter(kind).parse(path.name, read.content)
    return _item(
        kind,
        declared,
        shown,
        status="invalid" if parsed.errors else "ok",
        errors=list(parsed.errors),
        sha256=read.sha256,
        size=len(read.content),
        format=parsed.format,
        facts=parsed.facts,
    )


def _display(path: Path, base: Path, root: Path) -> str:
    """POSIX path relative to the manifest's folder when inside it, else to the repository."""
    base = base.resolve()
    anchor = base if base in path.parents else root
    return path.relative_to(anchor).as_posix()


def _item(kind: str, declared: str, path: str, **fields: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "kind": kind,
        "declared": declared,
        "path": path,
        "sha256": None,
        "size": None,
        "format": None,
        "status": "ok",
        "errors": [],
        "facts": {},
    }
    item.update(fields)
    return item


def records(evidence: dict[str, list[dict[str, Any]]]) -> list[EvidenceRecord]:
    """The report's view of the evidence, sorted by kind then path."""
    fields = ("kind", "path", "sha256", "size", "format", "status", "errors")
    flat = [item for items in evidence.values() for item in items]
    return sorted(
        (EvidenceRecord(**{name: item[name] for name in fields}) for item in flat),
        key=lambda record: (record.kind, record.path),
    )
