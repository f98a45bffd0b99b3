"""The department-wide AI risk register: every risk of every manifest in a portfolio.

`ai-assure register PATH...` reads manifests only (no evidence, no policies, no checks), so
it is fast over hundreds of repositories. A PATH is a manifest file, a folder holding
`ai-manifest.yaml`, or a portfolio folder searched below for `ai-manifest.yaml` files.

Errors never stop the walk: a manifest that does not load, a PATH with no manifest and a
system id used by two manifests are all collected in `Register.errors`. The rows of the
manifests that did load are still there (so the register is not lost), and the command
exits 2 when any error was found (so a pipeline never takes a partial register for a
whole one).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from engine.core.files import find_repository_root
from engine.manifest import MANIFEST_NAME, LoadedManifest, ManifestError, load_manifest
from engine.manifest.model import Risk

REGISTER_SCHEMA = "ai-assure/register/v1"

#: folders never searched for manifests: version control, dependencies, virtual environments
SKIPPED_DIRS = frozenset({".git", "node_modules", ".venv"})

#: action statuses that no longer count as open (the same set rule RISK-004 uses)
CLOSED_ACTIONS = frozenset({"done", "cancelled"})


@dataclass(frozen=True)
class RegisterRow:
    """One risk of one system, with the scores and action status worked out."""

    system_id: str
    system_name: str
    team: str
    risk_id: str
    title: str
    category: str
    likelihood: int
    impact: int
    inherent_score: int
    residual_likelihood: int
    residual_impact: int
    residual_score: int
    residual_basis: str  # "assessed", or "inherent" when the risk has no residual score
    treatment: str
    owner: str
    open_actions: int
    next_due: str  # the earliest due date of an open action, "" when none has one
    overdue_actions: int  # open actions due before the register's as_of date
    controls: tuple[str, ...]
    manifest: str

    def as_dict(self) -> dict[str, Any]:
        """The row by column name, `controls` as a list (for JSON)."""
        data = asdict(self)
        data["controls"] = list(self.controls)
        return data


#: the register's columns, in order (every format uses these names)
COLUMNS: tuple[str, ...] = tuple(column.name for column in fields(RegisterRow))


@dataclass(frozen=True)
class SystemTotals:
    """One system of the portfolio and the totals of its risks (zeros when it records none)."""

    system_id: str
    system_name: str
    team: str
    manifest: str
    risks: int = 0
    highest_residual: int = 0
    open_actions: int = 0
    overdue_actions: int = 0


@dataclass(frozen=True)
class Register:
    """The portfolio's risks (sorted, worst first), its systems, and what could not be read."""

    as_of: dt.date
    rows: tuple[RegisterRow, ...]
    systems: tuple[SystemTotals, ...]  # highest residual score first, then by id
    errors: tuple[str, ...] = ()

    @property
    def overdue_actions(self) -> int:
        return sum(row.overdue_actions for row in self.rows)


def find_manifests(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """The manifests the PATHs name, each once, and a problem for each PATH that names none."""
    found: list[Path] = []
    problems: list[str] = []
    for path in paths:
        manifests = _manifests_at(path, problems)
        if not manifests and path.exists():
            problems.append(f"{path}: no {MANIFEST_NAME} found")
        found.extend(manifests)
    unique = {manifest.resolve(): manifest for manifest in reversed(found)}
    return sorted(unique.values(), key=lambda manifest: manifest.parts), problems


def _manifests_at(path: Path, problems: list[str]) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        problems.append(f"{path}: no such file or folder")
        return []
    if (path / MANIFEST_NAME).is_file():
        return [path / MANIFEST_NAME]
    return _walk(path, problems)


def _walk(folder: Path, problems: list[str]) -> list[Path]:
    """Every `ai-manifest.yaml` below `folder`; symlinked folders are not followed."""

    def unreadable(error: OSError) -> None:
        problems.append(f"{error.filename}: cannot be searched ({error.strerror})")

    manifests = []
    for directory, subdirectories, files in os.walk(folder, onerror=unreadable):
        subdirectories[:] = sorted(name for name in subdirectories if name not in SKIPPED_DIRS)
        if MANIFEST_NAME in files:
            manifests.append(Path(directory) / MANIFEST_NAME)
    return manifests


def build_register(
    manifests: Iterable[Path], as_of: dt.date, problems: Sequence[str] = ()
) -> Register:
    """Read every manifest (lazily, so a caller can show progress) into a sorted register."""
    errors = list(problems)
    loaded: list[LoadedManifest] = []
    for path in manifests:
        try:
            loaded.append(_load(path))
        except ManifestError as exc:
            errors.extend(exc.problems)
    errors.extend(_duplicate_ids(loaded))
    rows = sorted(
        (_row(item, risk, as_of) for item in loaded for risk in item.model.risks),
        key=lambda row: (-row.residual_score, row.system_id, row.risk_id, row.manifest),
    )
    by_manifest: dict[str, list[RegisterRow]] = {}
    for row in rows:
        by_manifest.setdefault(row.manifest, []).append(row)
    systems = sorted(
        (_totals(item, by_manifest.get(item.display_path, [])) for item in loaded),
        key=lambda system: (-system.highest_residual, system.system_id, system.manifest),
    )
    return Register(as_of=as_of, rows=tuple(rows), systems=tuple(systems), errors=tuple(errors))


def _load(path: Path) -> LoadedManifest:
    """Load a manifest the way `check` does: never through a symlink out of its repository."""
    shown = path.as_posix()
    try:
        root, resolved = find_repository_root(path.parent), path.resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        raise ManifestError([f"{shown}: cannot be resolved (symlink loop?)"]) from None
    if root not in resolved.parents:
        raise ManifestError([f"{shown}: resolves outside the repository (symlink?)"])
    return load_manifest(path, shown)


def _duplicate_ids(loaded: list[LoadedManifest]) -> list[str]:
    where: dict[str, list[str]] = {}
    for item in loaded:
        where.setdefault(item.model.metadata.id, []).append(item.display_path)
    return [
        f"system id {system_id!r} is used by more than one manifest: {', '.join(paths)}"
        for system_id, paths in sorted(where.items())
        if len(paths) > 1
    ]


def _totals(item: LoadedManifest, rows: list[RegisterRow]) -> SystemTotals:
    metadata = item.model.metadata
    return SystemTotals(
        system_id=metadata.id,
        system_name=metadata.name,
        team=metadata.owner.team or "",
        manifest=item.display_path,
        risks=len(rows),
        highest_residual=max((row.residual_score for row in rows), default=0),
        open_actions=sum(row.open_actions for row in rows),
        overdue_actions=sum(row.overdue_actions for row in rows),
    )


def _row(item: LoadedManifest, risk: Risk, as_of: dt.date) -> RegisterRow:
    metadata = item.model.metadata
    residual = risk.residual
    residual_likelihood = residual.likelihood if residual else risk.likelihood
    residual_impact = residual.impact if residual else risk.impact
    open_actions = [action for action in risk.actions if action.status not in CLOSED_ACTIONS]
    due_dates = sorted(action.due for action in open_actions if action.due is not None)
    return RegisterRow(
        system_id=metadata.id,
        system_name=metadata.name,
        team=metadata.owner.team or "",
        risk_id=risk.id,
        title=risk.title,
        category=risk.category,
        likelihood=risk.likelihood,
        impact=risk.impact,
        inherent_score=risk.likelihood * risk.impact,
        residual_likelihood=residual_likelihood,
        residual_impact=residual_impact,
        residual_score=residual_likelihood * residual_impact,
        residual_basis="assessed" if residual else "inherent",
        treatment=risk.treatment or "",
        owner=risk.owner or "",
        open_actions=len(open_actions),
        next_due=due_dates[0].isoformat() if due_dates else "",
        overdue_actions=sum(1 for due in due_dates if due < as_of),
        controls=tuple(risk.controls),
        manifest=item.display_path,
    )
