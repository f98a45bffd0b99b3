"""Building the record: walk the template, fill each field from the manifest, the team's
record file or a summary of other facts, and note what stays empty or disagrees."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

from engine import __version__
from engine.assessment.evidence import Limits, gather
from engine.assessment.model import SystemRef, Tool
from engine.core.files import (
    FileContent,
    UnreadableFileError,
    expand,
    find_repository_root,
    read_confined,
)
from engine.core.parsing import decode_text
from engine.manifest import (
    MAX_MANIFEST_BYTES,
    ManifestError,
    load_manifest,
    locate_manifest,
)
from engine.manifest.model import Model
from engine.manifest.model_v2 import AnyManifest
from engine.records.atrs.record import (
    AtrsRecord,
    Candidate,
    Conflict,
    RecordClassification,
    RecordField,
    RecordSection,
    RecordTier,
    SourceRef,
    Standard,
    Unfilled,
)
from engine.records.atrs.sources import ASSESSMENTS, STATED, SUMMARIES, Evidence, agrees
from engine.records.atrs.team_record import Matcher, RecordFile, read_record
from engine.records.atrs.template import (
    AtrsError,
    Template,
    TemplateField,
    TemplateSection,
    load_template,
)


@dataclass
class _Build:
    """What one build collects while it walks the template."""

    manifest: AnyManifest
    evidence: Evidence
    record: RecordFile | None
    no_record: str  # why there is no record to read, for unfilled reasons
    unfilled: list[Unfilled] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def build_record(
    manifest: AnyManifest,
    evidence: Evidence,
    record: RecordFile | None,
    template: Template,
    as_of: str,
    sources: list[SourceRef],
) -> AtrsRecord:
    """The ATRS record for one system, from what was gathered."""
    build = _Build(manifest, evidence, record, _why_no_record(evidence))
    tiers = []
    for tier, title in ((1, "Tier 1"), (2, "Tier 2")):
        chosen = [s for s in template.sections if s.tier == tier]
        built = [section for s in chosen for section in _sections(build, s)]
        tiers.append(RecordTier(tier=tier, title=title, sections=built))
    notes = [*record.notes, *_unused_copies(record, manifest, template)] if record else []
    return AtrsRecord(
        standard=Standard(version=template.version),
        tool=Tool(version=__version__),
        system=SystemRef(id=manifest.metadata.id, name=manifest.metadata.name),
        as_of=as_of,
        sources=sources,
        tiers=tiers,
        unfilled=build.unfilled,
        conflicts=build.conflicts,
        notes=_evidence_notes(evidence) + notes,
    )


def own_models(manifest: AnyManifest) -> list[tuple[int, Model]]:
    """(index, model) for the models the organisation built: the ones the model and
    development data specifications describe."""
    return [(i, m) for i, m in enumerate(manifest.models) if m.type == "in-house"]


class _SectionId(TypedDict):
    id: str
    ref: str
    title: str


class _FieldId(TypedDict):
    ref: str | None
    attribute: str
    name: str


class _Where(_FieldId):
    section: str
    model: str | None


def _sections(build: _Build, section: TemplateSection) -> list[RecordSection]:
    base = _SectionId(id=section.id, ref=section.ref, title=section.title)
    owned = own_models(build.manifest)
    if section.own_models_only and not owned:
        reason = (
            "no in-house model in the manifest (models[].type): off-the-shelf tools leave"
            " this section blank (ATRS guidance, section 10)"
        )
        return [RecordSection(**base, not_applicable=reason)]
    copies: list[tuple[int, Model | None, int | None]] = (
        [(copy, model, index) for copy, (index, model) in enumerate(owned)]
        if section.per_model
        else [(0, None, None)]
    )
    return [
        RecordSection(
            **base,
            model=model.name if model else None,
            fields=[_field(build, section, f, copy, model, index) for f in section.fields],
        )
        for copy, model, index in copies
    ]


def _field(
    build: _Build,
    section: TemplateSection,
    spec: TemplateField,
    copy: int,
    model: Model | None,
    index: int | None,
) -> RecordField:
    key = (section.id, spec.attribute)
    stated = STATED.get(key)
    items = stated.read(build.manifest, model) if stated else []
    recorded = build.record.values.get((section.id, copy, spec.attribute)) if build.record else None
    base = _FieldId(ref=spec.ref, attribute=spec.attribute, name=spec.name)
    where = _Where(section=section.title, model=model.name if model else None, **base)
    if stated and items:
        path = stated.path.replace("[]", f"[{index}]") if index is not None else stated.path
        kept = Candidate(value=stated.value(build.manifest, items), source=f"manifest: {path}")
        if recorded and not agrees(stated.compare, items, recorded.value):
            build.conflicts.append(Conflict(**where, kept=kept, other=recorded))
        elif recorded and stated.compare != "equal":  # the record says it and says more
            source = f"{recorded.source}, agreeing with {kept.source}"
            return RecordField(**base, value=recorded.value, source=source)
        return RecordField(**base, value=kept.value, source=kept.source)
    if recorded:
        return RecordField(**base, value=recorded.value, source=recorded.source)
    summary = SUMMARIES.get(key)
    found = summary.build(build.manifest, build.evidence) if summary else None
    if found:
        return RecordField(**base, value=found.value, source=found.source)
    reasons = [
        stated.why_empty() if stated else "the manifest has no field for it",
        _record_gap(build, spec),
        *([summary.missing] if summary else []),
    ]
    build.unfilled.append(Unfilled(tier=section.tier, reason="; ".join(reasons), **where))
    return RecordField(**base)


def _record_gap(build: _Build, spec: TemplateField) -> str:
    if build.record is None:
        return build.no_record
    return f"{build.record.path} has no {spec.name!r}"


def _why_no_record(evidence: Evidence) -> str:
    items = evidence.get("atrs_record", [])
    if not items:
        return "no ATRS record is declared (evidence.atrs_record)"
    return "the ATRS record cannot be read (" + ", ".join(i["path"] for i in items) + ")"


def _evidence_notes(evidence: Evidence) -> list[str]:
    """Why declared ATRS records were not read: missing, invalid, or more than one."""
    notes = []
    usable = [i for i in evidence.get("atrs_record", []) if i["status"] == "ok"]
    for item in evidence.get("atrs_record", []):
        if item["status"] != "ok":
            problems = "; ".join(item["errors"]) or item["status"]
            notes.append(f"{item['path']}: not read ({item['status']}: {problems})")
    for item in usable[1:]:
        notes.append(
            f"{item['path']}: not read; only the first ATRS record ({usable[0]['path']}) is"
        )
    return notes


def _unused_copies(record: RecordFile, manifest: AnyManifest, template: Template) -> list[str]:
    """Record sections the manifest gives nothing to describe (extra model specifications)."""
    notes = []
    for section in template.sections:
        found = record.copies.get(section.id, 0)
        wanted = len(own_models(manifest)) if section.own_models_only else 1
        if section.per_model and found > wanted:
            notes.append(
                f"{record.path}: {found} {section.title!r} sections but {wanted} in-house"
                f" models in the manifest; the extra ones are not used"
            )
        elif section.own_models_only and found and not wanted:
            notes.append(
                f"{record.path}: has a {section.title!r} section but the manifest declares no"
                " in-house model; it is not used"
            )
    return notes


def generate(target: Path, as_of: str, policy_dir: Path | None = None) -> AtrsRecord:
    """Build the ATRS record for the system at `target` (a folder or manifest file).

    Raises `ManifestError` for the manifest and `AtrsError` for anything else."""
    template = load_template(policy_dir)
    manifest_path = locate_manifest(target)
    root = find_repository_root(manifest_path.parent)
    resolved = manifest_path.resolve()
    if root not in resolved.parents:
        raise ManifestError([f"{manifest_path}: resolves outside the repository (symlink?)"])
    loaded = load_manifest(manifest_path, resolved.relative_to(root).as_posix())
    limits = Limits()
    try:
        evidence = gather(loaded.model, manifest_path.parent, root, limits)
    except ValueError as exc:  # a path outside the repository, or too many files to read
        raise AtrsError(str(exc)) from None
    usable = [i for i in evidence["atrs_record"] if i["status"] == "ok"]
    record = None
    if usable:
        text = _markdown_text(usable[0], manifest_path.parent, root, limits)
        record = read_record(usable[0], text, Matcher(template))
    manifest_sha = _read(resolved, MAX_MANIFEST_BYTES, loaded.display_path, root).sha256
    sources = [SourceRef(kind="manifest", path=loaded.display_path, sha256=manifest_sha)]
    sources += _evidence_sources(evidence, usable[:1])
    built = build_record(loaded.model, evidence, record, template, as_of, sources)
    return built.model_copy(update={"classification": _classification(target, as_of)})


def _classification(target: Path, as_of: str) -> RecordClassification:
    """Both axes of the system's classification, and whether the ATRS binds, by the bundled
    policies (the same as `ai-assure classify`)."""
    import datetime as dt

    from engine.assessment.classify import classify_system
    from engine.assessment.run import CheckOptions

    classified = classify_system(target, CheckOptions(as_of=dt.date.fromisoformat(as_of)))
    atrs = [o for o in classified.obligations if o.id == "UK-ATRS:Tier1"]
    return RecordClassification(
        eu_ai_act=classified.eu_ai_act,
        assurance_level=classified.assurance_level,
        atrs=atrs[0] if atrs else None,
        open_questions=len(classified.questions),
    )


def _markdown_text(item: dict[str, Any], base: Path, root: Path, limits: Limits) -> str | None:
    """The text of a Markdown record, read again (the adapter keeps headings, not bodies) and
    checked against the digest taken when it was gathered."""
    if item["format"] != "markdown":
        return None
    for path in expand(item["declared"], base, root, limits.max_glob_matches):
        content = _read(path, limits.max_file_bytes, item["path"], root)
        if content.sha256 == item["sha256"]:
            return decode_text(content.content)
    raise AtrsError(f"{item['path']}: changed while it was being read; run again")


def _read(path: Path, max_bytes: int, shown: str, root: Path) -> FileContent:
    try:
        return read_confined(path, max_bytes, root)
    except UnreadableFileError as exc:
        raise AtrsError(f"{shown}: {exc}") from None


def _evidence_sources(evidence: Evidence, records: list[dict[str, Any]]) -> list[SourceRef]:
    """The evidence files the record may quote: the ATRS record read, the DPIA and FRIA."""
    used = list(records) + [i for k in ASSESSMENTS for i in evidence.get(k, [])]
    return [
        SourceRef(kind=item["kind"], path=item["path"], sha256=item["sha256"])
        for item in used
        if item["status"] == "ok"
    ]
