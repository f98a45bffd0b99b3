"""One assessment: policies → manifest → evidence → input document → evaluator → findings
→ report.

`run_check` never raises for a problem in what it was given: every failure becomes a report
with verdict `error` (exit 2), so a gate fails closed and CI still gets its JUnit/SARIF.

The evaluator starts as soon as the policies are loaded (the embedded one compiles them in
its child process) while this process imports the manifest model, validates the manifest
and gathers the evidence; so the modules needed only for that are imported late, here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine import __version__
from engine.assessment.canonical import canonical_input
from engine.core.errors import AssuranceError
from engine.core.files import find_repository_root, git_branch, git_commit, git_origin, resolved
from engine.core.interrupts import DeadlineExceeded, deadline
from engine.core.limits import Limits
from engine.core.parsing import yaml_limits
from engine.core.vocabulary import FailOn, Verdict, severity_rank
from engine.evaluators import get_evaluator
from engine.policy.layering import with_local_rules
from engine.policy.sources import PolicyError, PolicySet, load_policies
from engine.render.jsondoc import compact as compact_json

if TYPE_CHECKING:
    from engine.assessment.classification import Classification, Obligations
    from engine.assessment.model import (
        EvidenceRecord,
        ExceptionRecord,
        Finding,
        PolicyRef,
        Report,
        SourceRef,
        SystemRef,
        Tier,
    )
    from engine.manifest import LoadedManifest

EXIT_CODES = {"pass": 0, "fail": 1, "error": 2}


@dataclass(frozen=True)
class CheckOptions:
    as_of: dt.date | None = None  # None: today (UTC), fixed once at the start of the run
    fail_on: FailOn = "high"
    evaluator: str = "embedded"
    policy_dir: Path | None = None
    limits: Limits = field(default_factory=Limits)
    opa_binary: Path | None = None  # --evaluator opa
    opa_url: str | None = None  # --evaluator opa-server
    bundle: Path | None = None  # a governance policy bundle instead of policy_dir
    verify_key: Path | None = None  # the bundle's signature must verify with this public key
    bundle_digest: str | None = None  # the bundle file's sha256 must equal this
    allow_unverified: bool = False  # evaluate a bundle with neither key nor digest
    min_revision: int | None = None  # refuse a bundle whose revision number is lower
    local_policies: tuple[Path, ...] = ()  # repository-local extra rules (--local-rules)

    def evaluator_options(self) -> dict[str, Any]:
        """Constructor arguments for the chosen evaluator."""
        timeout = {"timeout": self.limits.timeout_s}
        if self.evaluator == "opa":
            return {"opa_binary": self.opa_binary, **timeout}
        if self.evaluator == "opa-server":
            token = os.environ.get("AI_ASSURE_OPA_TOKEN")
            return {"opa_url": self.opa_url, "token": token, **timeout}
        return {
            **timeout,
            "max_memory": self.limits.max_memory_bytes,
            "opa_binary": self.opa_binary,
        }

    @property
    def as_of_date(self) -> dt.date:
        return self.as_of or dt.datetime.now(dt.timezone.utc).date()


class AssessmentError(AssuranceError):
    """The system could not be assessed; the message says why."""


@dataclass(frozen=True)
class SystemInput:
    """What a check evaluated, enough to evaluate it again without the system's files (the
    results store keeps it for `policy impact --store`): the input document, and the
    manifest's text as read with its path as reports show it (the findings' lines and the
    exceptions come from the manifest)."""

    document: dict[str, Any]
    manifest: str
    shown: str

    def document_json(self) -> str:
        """The input document as compact canonical JSON text."""
        return compact_json(self.document)


@dataclass(frozen=True)
class Assessment:
    report: Report
    input: SystemInput | None  # None: the system could not be read as far as its input


def run_check(target: Path, options: CheckOptions, policies: PolicySet | None = None) -> Report:
    """Assess the system at `target` (a folder or manifest file). Never raises on bad input.
    `policies`, when given, are those `policies_for(options)` loaded already (a portfolio run
    loads them once for every system)."""
    return assess_system(target, options, policies).report


def assess_system(
    target: Path, options: CheckOptions, policies: PolicySet | None = None
) -> Assessment:
    """`run_check`'s report, with the input document it evaluated."""
    options = replace(options, as_of=options.as_of_date)
    partial: dict[str, Any] = {}
    limits = options.limits
    try:
        with deadline(limits.timeout_s), yaml_limits(limits.max_yaml_nodes, limits.max_yaml_depth):
            report = _assess(target, options, partial, policies)
    except (Exception, DeadlineExceeded) as exc:  # the gate's last line: fail closed, never pass
        problems, raw = _problems(exc)
        report = _error_report(options, problems, partial, raw)
    return Assessment(report, partial.get("input"))


def _problems(exc: BaseException) -> tuple[list[str], Any]:
    """What to report for `exc`: the messages of a refusal, an internal error for anything
    else (a bug, which still fails closed)."""
    from engine.manifest import ManifestError

    if isinstance(exc, ManifestError):
        return exc.problems, exc.raw
    if isinstance(exc, AssuranceError):
        return exc.problems, None
    if isinstance(exc, DeadlineExceeded):
        return [f"the check did not finish within {exc.seconds:g} s (the limit is --timeout)"], None
    if isinstance(exc, MemoryError):
        return ["the check needed more memory than --max-memory allows"], None
    return [f"internal error: {type(exc).__name__}: {exc}"], None


def _assess(
    target: Path, options: CheckOptions, partial: dict[str, Any], loaded: PolicySet | None
) -> Report:
    try:
        policies = loaded or policies_for(options, partial)
    except PolicyError:
        _note_manifest(target, partial)  # so the error report names the system
        raise
    partial["policies"] = policies
    evaluation = get_evaluator(options.evaluator, **options.evaluator_options()).start(policies)
    try:
        manifest, shown, root = load_system(target)
        partial["manifest"] = manifest
        evidence = _gather(manifest, root, options)
        partial["evidence"] = evidence
        document = build_input(manifest, evidence, options.as_of_date, root)
        partial["input"] = SystemInput(document, manifest.text, shown)
        evidence = partial["evidence"] = document["evidence"]  # as the policies see it
        result = evaluation.finish(document)
    finally:
        evaluation.cancel()
    report = _outcome(result, manifest, shown, policies, evidence, options)
    return replace(report, source=_source(root))


def _source(root: Path) -> SourceRef | None:
    """The checkout the system was assessed in, when it is a git checkout with a remote."""
    from engine.assessment.model import SourceRef

    repository, commit = git_origin(root), git_commit(root)
    if repository is None or commit is None:
        return None
    return SourceRef(repository=repository, commit=commit, branch=git_branch(root))


def understood_evidence(target: Path, limits: Limits | None = None) -> list[EvidenceRecord]:
    """What the adapters made of every declared evidence file, in canonical form (the facts
    the policies see), unbounded: `ai-assure evidence`. Refusals raise."""
    from engine.assessment.evidence import gather, records

    manifest, _, root = load_system(target)
    limits = limits or Limits()
    with yaml_limits(limits.max_yaml_nodes, limits.max_yaml_depth):
        evidence = gather(manifest.model, manifest.path.parent, root, limits)
    today = dt.datetime.now(dt.timezone.utc).date()
    document = build_input(manifest, evidence, today, root)
    return records(document["evidence"], max_facts_bytes=None)


def load_system(target: Path) -> tuple[LoadedManifest, str, Path]:
    """The manifest at `target` loaded, its path as reports show it, and the repository root."""
    from engine.manifest import ManifestError, load_manifest, locate_manifest

    manifest_path = locate_manifest(target)
    root = find_repository_root(manifest_path.parent)
    real = resolved(manifest_path)
    if root not in real.parents:  # a symlinked manifest: never read outside the repository
        raise ManifestError([f"{manifest_path}: resolves outside the repository (symlink?)"])
    shown = real.relative_to(root).as_posix()
    return load_manifest(manifest_path, shown, root), shown, root


def _note_manifest(target: Path, partial: dict[str, Any]) -> None:
    """Best effort: the manifest, for the system's name in an error report."""
    with contextlib.suppress(AssuranceError, OSError):
        partial["manifest"] = load_system(target)[0]


def _gather(manifest: LoadedManifest, root: Path, options: CheckOptions) -> dict[str, Any]:
    from engine.assessment.evidence import gather

    return gather(manifest.model, manifest.path.parent, root, options.limits)


def _outcome(
    result: dict[str, Any],
    manifest: LoadedManifest,
    shown: str,
    policies: PolicySet,
    evidence: dict[str, Any],
    options: CheckOptions,
) -> Report:
    """The report of an evaluation: both axes of the classification, findings with the staged
    rollout applied, the legal controls that do not bind set apart and exceptions applied,
    controls."""
    from engine.assessment.binding import apply_binding
    from engine.assessment.classification import read_classification, read_obligations
    from engine.assessment.enforcement import apply_enforcement, read_stages
    from engine.assessment.exceptions import apply_exceptions
    from engine.assessment.findings import build_findings, sort_findings

    tier = _tier(result)
    classification = read_classification(result)
    obligations = read_obligations(result)
    stages = read_stages(result.get("enforcement"), policies.rules)
    findings = build_findings(policies.rules, result, manifest, shown)
    findings = apply_enforcement(findings, stages, manifest.model.metadata.id)
    findings = apply_binding(findings, obligations)
    findings, exceptions = apply_exceptions(
        findings, result.get("exceptions"), manifest, policies.rules
    )
    policy = _policy_ref(policies, result.get("local_engine"))
    report = _report(manifest, policy, evidence, tier, sort_findings(findings), exceptions, options)
    return _covered(_classified(report, classification, obligations), result)


def _covered(report: Report, result: dict[str, Any]) -> Report:
    """The report with every ISO/IEC 42001 and NIST AI RMF control's one status: automated,
    inherited from the governance team's attestations, not applicable, or open."""
    from engine.assessment.coverage import control_coverage, read_common_controls
    from engine.policy.catalogue_index import control_frameworks

    catalogue = control_frameworks()
    common = read_common_controls(result.get("common_controls"), catalogue)
    coverage = control_coverage(report.controls, report.findings, common, catalogue)
    return replace(report, control_coverage=coverage)


def _classified(report: Report, classification: Classification, obligations: Obligations) -> Report:
    """The report with both axes, the open questions, the review points, the obligations and
    each control's binding."""
    from engine.assessment.binding import bound_control_results

    return replace(
        report,
        eu_ai_act=classification.eu_ai_act,
        assurance_level=classification.assurance_level,
        uk_data_protection=classification.uk_data_protection,
        questions=classification.questions,
        review=classification.review,
        obligations=obligations.listed(),
        controls=bound_control_results(report.findings, obligations),
    )


def policies_for(options: CheckOptions, partial: dict[str, Any]) -> PolicySet:
    """The governance policies (a verified bundle, a policy folder or the bundled library),
    with any repository-local rules layered on; what went wrong is noted in `partial`."""
    return with_local_rules(_governance_policies(options, partial), list(options.local_policies))


def _governance_policies(options: CheckOptions, partial: dict[str, Any]) -> PolicySet:
    if options.bundle is None:
        return load_policies(options.policy_dir)
    from engine.policy.bundles import BundleError, load_bundle  # cryptography: only when needed

    try:
        return load_bundle(
            options.bundle,
            options.verify_key,
            digest=options.bundle_digest,
            allow_unverified=options.allow_unverified,
            as_of=options.as_of_date,
            min_revision=options.min_revision,
        )
    except BundleError as exc:  # the report names the refused file
        from engine.assessment.model import PolicyRef

        source = f"bundle:{options.bundle.name}"
        partial["policy"] = PolicyRef(source=source, revision="unknown", digest=exc.digest)
        raise


def build_input(
    manifest: LoadedManifest, evidence: dict[str, Any], as_of: dt.date, root: Path
) -> dict[str, Any]:
    """The document every evaluator sees, in canonical form (docs/input-document.md): the
    same values, whichever evaluator reads them. `evidence` is `gather`'s, whose items are
    canonical as read."""
    context = {"as_of": as_of.isoformat(), "repo": root.name, "commit": git_commit(root)}
    settled = canonical_input({"manifest": manifest.policy_document(), "context": context})[0]
    return {"manifest": settled["manifest"], "evidence": evidence, "context": settled["context"]}


def _tier(result: dict[str, Any]) -> Tier:
    from engine.assessment.model import Tier

    level, reasons = result.get("tier"), result.get("reasons", [])
    if level not in ("prohibited", "high", "limited", "minimal"):
        raise AssessmentError(f"the classification policy returned no valid tier ({level!r})")
    if not isinstance(reasons, list) or not all(isinstance(r, str) for r in reasons):
        raise AssessmentError("the classification policy returned malformed reasons")
    return Tier(level=level, reasons=sorted(reasons))


def verdict(findings: list[Finding], errors: list[str], fail_on: FailOn) -> Verdict:
    """error beats fail beats pass; only `fail` findings at or above `fail_on` fail the gate."""
    if errors or any(item.status == "error" for item in findings):
        return "error"
    if fail_on == "never":
        return "pass"
    threshold = severity_rank(fail_on)
    failing = (f for f in findings if f.status == "fail" and severity_rank(f.severity) <= threshold)
    return "fail" if any(failing) else "pass"


def _report(
    manifest: LoadedManifest,
    policy: PolicyRef,
    evidence: dict[str, Any],
    tier: Tier,
    findings: list[Finding],
    exceptions: list[ExceptionRecord],
    options: CheckOptions,
) -> Report:
    from engine.assessment.evidence import records
    from engine.assessment.findings import control_results
    from engine.assessment.model import Report, RiskRecord, SystemRef, Tool

    metadata = manifest.model.metadata
    return Report(
        tool=Tool(version=__version__),
        system=SystemRef(id=metadata.id, name=metadata.name),
        as_of=options.as_of_date.isoformat(),
        fail_on=options.fail_on,
        tier=tier,
        verdict=verdict(findings, [], options.fail_on),
        policy=policy,
        evidence=records(evidence),
        findings=findings,
        controls=control_results(findings),
        exceptions=exceptions,
        risks=[RiskRecord.of(risk.model_dump(mode="json")) for risk in manifest.model.risks],
    )


def _policy_ref(policies: PolicySet | None, local_engine: Any = None) -> PolicyRef:
    from engine.assessment.model import PolicyRef

    if policies is None:
        return PolicyRef(source="unknown", revision="unknown", digest="unknown")
    return PolicyRef(
        source=policies.source,
        revision=policies.revision,
        digest=policies.digest,
        local_digest=policies.local_digest,
        local_engine=local_engine if isinstance(local_engine, str) else None,
    )


def _error_report(
    options: CheckOptions, errors: list[str], partial: dict[str, Any], raw: Any = None
) -> Report:
    from engine.assessment.evidence import records
    from engine.assessment.model import Report, Tier, Tool

    manifest: LoadedManifest | None = partial.get("manifest")
    system = _system_ref(manifest, raw)
    evidence = partial.get("evidence")
    return Report(
        tool=Tool(version=__version__),
        system=system,
        as_of=options.as_of_date.isoformat(),
        fail_on=options.fail_on,
        tier=Tier(level="unknown", reasons=[]),
        verdict="error",
        policy=partial.get("policy") or _policy_ref(partial.get("policies")),
        evidence=records(evidence) if evidence else [],
        errors=errors,
    )


def _system_ref(manifest: LoadedManifest | None, raw: Any) -> SystemRef:
    from engine.assessment.model import SystemRef

    if manifest is not None:
        return SystemRef(id=manifest.model.metadata.id, name=manifest.model.metadata.name)
    metadata = raw.get("metadata") if isinstance(raw, dict) else None
    if not isinstance(metadata, dict):
        return SystemRef(id="unknown", name="")
    return SystemRef(id=_text(metadata.get("id")) or "unknown", name=_text(metadata.get("name")))


def _text(value: Any) -> str:
    """A metadata value from a manifest that did not validate: text only, never the repr of
    a list or mapping in a report heading."""
    return value.strip() if isinstance(value, str) else ""
