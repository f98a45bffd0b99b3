"""Which framework each control of the catalogue belongs to, without reading the catalogue.

`check` gives every ISO/IEC 42001 and NIST AI RMF control a status (control coverage), for
which it needs only the control ids and their frameworks. Parsing and checking the
catalogue's YAML for that cost more than the rest of a check's reporting, so
scripts/build-policies keeps `controls_catalogue/index.json`: the ids with their frameworks
and the digest of the catalogue files it was made from. The index is used only while that
digest matches the files; otherwise the catalogue itself is read (engine/policy/catalogue.py).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from engine.core.assets import bundled_catalogue_dir
from engine.core.parsing import ParseError, load_json

INDEX_FILE = "index.json"
INDEX_SCHEMA = "ai-assure/catalogue-index/v1"


def control_frameworks(directory: Path | None = None) -> dict[str, str]:
    """Every control id of the catalogue, with the id of its framework."""
    directory = directory or bundled_catalogue_dir()
    indexed = _indexed(directory)
    if indexed is not None:
        return indexed
    from engine.policy.catalogue import load_catalogue

    return {control.id: control.framework for control in load_catalogue(directory).values()}


def catalogue_digest(directory: Path) -> str:
    """The sha256 of the catalogue's files (names and contents, in name order)."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.yaml")):
        content = path.read_bytes()
        digest.update(f"{path.name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def index_text(directory: Path) -> str:
    """The index of the catalogue in `directory`, as `write_index` keeps it."""
    from engine.policy.catalogue import load_catalogue

    frameworks = {cid: control.framework for cid, control in load_catalogue(directory).items()}
    document = {
        "schema": INDEX_SCHEMA,
        "sources_digest": catalogue_digest(directory),
        "frameworks": frameworks,
    }
    return json.dumps(document, indent=1, sort_keys=True) + "\n"


def write_index(directory: Path) -> Path:
    """Keep the catalogue's index beside it (scripts/build-policies)."""
    path = directory / INDEX_FILE
    path.write_text(index_text(directory), encoding="utf-8")
    return path


def _indexed(directory: Path) -> dict[str, str] | None:
    """The index's frameworks, when it exists, is well formed and matches the files."""
    try:
        document = load_json((directory / INDEX_FILE).read_text(encoding="utf-8"))
    except (OSError, ParseError):
        return None
    if not isinstance(document, dict) or document.get("schema") != INDEX_SCHEMA:
        return None
    frameworks = document.get("frameworks")
    if document.get("sources_digest") != catalogue_digest(directory):
        return None
    if not isinstance(frameworks, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in frameworks.items()
    ):
        return None
    return frameworks
