"""The controls catalogue: one YAML file per framework, validated on load, plus crosswalks.

`controls_catalogue/<framework>.yaml` holds a framework and its controls; ids are
`FRAMEWORK:ID` and unique across every file. `controls_catalogue/crosswalks/*.yaml` map the
controls of one framework to those of another where a public mapping exists, each citing its
source; every id a crosswalk names must be in the catalogue.

The models are frozen dataclasses checked by `engine.core.shape`. `check` reads none of this:
control coverage takes each control's framework from the index built with the catalogue
(engine/policy/catalogue_index.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from engine.core.assets import bundled_catalogue_dir
from engine.core.errors import AssuranceError
from engine.core.files import read_confined
from engine.core.parsing import ParseError, decode_text, load_yaml
from engine.core.shape import Rule, ShapeError, from_data

MAX_CATALOGUE_BYTES = 5 * 1024 * 1024
CROSSWALK_DIR = "crosswalks"

Date = Annotated[str, Rule(pattern=r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")]
NonEmpty = Annotated[str, Rule(min_length=1)]
ControlId = Annotated[str, Rule(pattern=r"[A-Z0-9-]+:\S+")]
# Who an obligation binds: EU AI Act operators (Art. 3(3)-(8)), GPAI model providers
# (Chapter V), and UK GDPR controllers and processors.
Role = Literal[
    "provider",
    "deployer",
    "importer",
    "distributor",
    "authorised-representative",
    "gpai-provider",
    "controller",
    "processor",
]


class CatalogueError(AssuranceError):
    """A catalogue or crosswalk file that cannot be used."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Framework:
    id: str
    name: str
    version: str
    source: str
    licence_note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DateChange:
    """A change to when a control applies that is proposed or agreed but not yet in force
    (e.g. the EU Digital Omnibus): kept as data beside `applies_from`, never applied silently."""

    applies_from: Date
    status: Literal["proposed", "provisionally-agreed", "adopted"]
    source: NonEmpty
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Control:
    id: ControlId
    title: NonEmpty
    group: str | None = None
    summary: str | None = None
    text: str | None = None
    binds: list[Role] | None = None
    applies_from: Date | None = None
    date_changes: list[DateChange] | None = None
    framework: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogueFile:
    framework: Framework
    controls: list[Control]


@dataclass(frozen=True, slots=True, kw_only=True)
class CrosswalkSource:
    title: NonEmpty
    publisher: NonEmpty
    url: Annotated[str, Rule(pattern=r"https://\S+")]
    date: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Mapping:
    source: ControlId  # a control of the crosswalk's `from` framework
    targets: Annotated[list[ControlId], Rule(min_length=1)]
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Crosswalk:
    id: Annotated[str, Rule(pattern=r"[a-z0-9-]+_[a-z0-9-]+")]
    from_framework: NonEmpty
    to_framework: NonEmpty
    relation: Literal["related", "equivalent", "subset", "superset"] = "related"
    source: CrosswalkSource
    method: str | None = None
    mappings: Annotated[list[Mapping], Rule(min_length=1)]


def _load(path: Path) -> object:
    try:
        return load_yaml(decode_text(read_confined(path, MAX_CATALOGUE_BYTES).content)).data
    except (OSError, ParseError) as exc:
        raise CatalogueError(f"{path.name}: {exc}") from None


def load_catalogue_file(path: Path) -> CatalogueFile:
    try:
        parsed = from_data(CatalogueFile, _load(path))
    except ShapeError as exc:
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
            controls[control.id] = replace(control, framework=parsed.framework.id)
    return dict(sorted(controls.items()))


def load_crosswalk_file(path: Path, catalogue: dict[str, Control]) -> Crosswalk:
    """One crosswalk, checked against the catalogue: both frameworks exist, every source id
    is a control of `from_framework` and every target one of `to_framework`, no source is
    mapped twice and no target is repeated."""
    try:
        crosswalk = from_data(Crosswalk, _load(path))
    except ShapeError as exc:
        raise CatalogueError(f"{path.name}: {exc}") from None
    expected_id = f"{_slug(crosswalk.from_framework)}_{_slug(crosswalk.to_framework)}"
    problems = [] if crosswalk.id == expected_id else [f"id must be {expected_id!r}"]
    frameworks = {control.framework for control in catalogue.values()}
    for name in (crosswalk.from_framework, crosswalk.to_framework):
        if name not in frameworks:
            problems.append(f"framework {name} is not in the catalogue")
    seen: set[str] = set()
    for mapping in crosswalk.mappings:
        problems += _id_problems(mapping.source, crosswalk.from_framework, catalogue)
        for target in mapping.targets:
            problems += _id_problems(target, crosswalk.to_framework, catalogue)
        if mapping.source in seen:
            problems.append(f"{mapping.source} is mapped twice")
        seen.add(mapping.source)
        if len(set(mapping.targets)) != len(mapping.targets):
            problems.append(f"{mapping.source} repeats a target")
    if problems:
        raise CatalogueError(f"{path.name}: " + "; ".join(problems[:10]))
    return crosswalk


def _id_problems(control_id: str, framework: str, catalogue: dict[str, Control]) -> list[str]:
    control = catalogue.get(control_id)
    if control is None:
        return [f"{control_id} is not in the catalogue"]
    if control.framework != framework:
        return [f"{control_id} is not a {framework} control"]
    return []


def _slug(framework_id: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", framework_id.lower()).strip("-")


@lru_cache(maxsize=4)
def load_crosswalks(directory: Path | None = None) -> dict[str, Crosswalk]:
    """Every crosswalk under `<catalogue>/crosswalks/`, by id, validated against the catalogue."""
    directory = directory or bundled_catalogue_dir()
    catalogue = load_catalogue(directory)
    crosswalks: dict[str, Crosswalk] = {}
    for path in sorted((directory / CROSSWALK_DIR).glob("*.yaml")):
        crosswalk = load_crosswalk_file(path, catalogue)
        if crosswalk.id in crosswalks:
            raise CatalogueError(f"{path.name}: duplicate crosswalk id {crosswalk.id}")
        crosswalks[crosswalk.id] = crosswalk
    return crosswalks
