"""The controls catalogue: one YAML file per framework, validated on load."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from engine.files import read_confined
from engine.parsing import ParseError, decode_text, load_yaml
from engine.policies import bundled_catalogue_dir

MAX_CATALOGUE_BYTES = 5 * 1024 * 1024


class CatalogueError(ValueError):
    """A catalogue file that cannot be used."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Framework(_Strict):
    id: str
    name: str
    version: str
    source: str
    licence_note: str | None = None


class Control(_Strict):
    id: str
    title: str
    group: str | None = None
    summary: str | None = None
    text: str | None = None
    binds: list[str] | None = None
    applies_from: str | None = None
    framework: str = ""


class CatalogueFile(_Strict):
    framework: Framework
    controls: list[Control]


def load_catalogue_file(path: Path) -> CatalogueFile:
    try:
        text = decode_text(read_confined(path, MAX_CATALOGUE_BYTES).content)
        parsed = CatalogueFile.model_validate(load_yaml(text).data)
    except (OSError, ParseError, ValidationError) as exc:
        raise CatalogueError(f"{path.name}: {exc}") from None
    prefix = parsed.framework.id + ":"
    wrong = [c.id for c in parsed.controls if not c.id.startswith(prefix)]
    if wrong:
        raise CatalogueError(f"{path.name}: ids must start with {prefix!r}: {wrong[:5]}")
    return parsed


@lru_cache(maxsize=4)
def load_catalogue(directory: Path | None = None) -> dict[str, Control]:
    """Every control by id, across all frameworks; ids must be unique."""
    controls: dict[str, Control] = {}
    for path in sorted((directory or bundled_catalogue_dir()).glob("*.yaml")):
        parsed = load_catalogue_file(path)
        for control in parsed.controls:
            if control.id in controls:
                raise CatalogueError(f"{path.name}: duplicate control id {control.id}")
            controls[control.id] = control.model_copy(update={"framework": parsed.framework.id})
    return dict(sorted(controls.items()))
