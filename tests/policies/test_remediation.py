"""Every rule's advice works: for each rule, a system is broken so that the rule fails (or
warns), then its remediation is applied as its words say, and the rule must pass.

Each case starts from an example system that passes the rule, breaks what the remediation
is about, checks through the real command line that the rule fails or warns, applies the
remediation as worded, and checks that the rule then passes. A remediation that asks for
something the rule never reads (GEN-001 used to say a failed red-team test could be
"recorded as a risk") cannot be applied here and still make its rule pass.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.cli import ROOT, ai_assure

AS_OF = "2026-11-26"


class System:
    """A copy of an example system in a throwaway repository, edited as a team would."""

    def __init__(self, example: str, root: Path) -> None:
        self.root = root / example
        shutil.copytree(ROOT / "examples" / example, self.root)
        (self.root / ".git").mkdir()
        self.manifest = yaml.safe_load((self.root / "ai-manifest.yaml").read_text())
        self.options: list[str] = []

    def govern(self, policies: Path, opa_binary: str) -> None:
        """Evaluate a copy of the governance policies the governance team can edit (compiled
        by OPA), as a policy author tries a change with `--governance-policies`."""
        shutil.copytree(ROOT / "policies", policies, ignore=shutil.ignore_patterns("compiled"))
        self.policies = policies
        self.options = ["--governance-policies", str(policies), "--opa-binary", opa_binary]

    def set(self, dotted: str, value: Any) -> None:
        *parents, key = dotted.split(".")
        node = self.manifest
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
        if isinstance(node, list):
            node[int(key)] = value
        else:
            node[key] = value

    def drop(self, dotted: str) -> Any:
        *parents, key = dotted.split(".")
        node = self.manifest
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node.pop(int(key)) if isinstance(node, list) else node.pop(key)

    def get(self, dotted: str) -> Any:
        node = self.manifest
        for part in dotted.split("."):
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node

    def edit_yaml(self, name: str, change: Callable[[dict[str, Any]], None]) -> None:
        path = self.root / name
        document = yaml.safe_load(path.read_text())
        change(document)
        path.write_text(yaml.safe_dump(document, sort_keys=False))

    def edit_json(self, name: str, change: Callable[[dict[str, Any]], None]) -> None:
        path = self.root / name
        document = json.loads(path.read_text())
        change(document)
        path.write_text(json.dumps(document))

    def edit_text(self, name: str, change: Callable[[str], str]) -> None:
        path = self.root / name
        path.write_text(change(path.read_text()))

    def statuses(self, rule_id: str) -> set[str]:
        """The statuses of the rule's findings in a real `ai-assure check`."""
        (self.root / "ai-manifest.yaml").write_text(yaml.safe_dump(self.manifest, sort_keys=False))
        result = ai_assure("check", self.root, "--as-of", AS_OF, "--format", "json", *self.options)
        report = json.loads(result.stdout)
        assert not report["errors"], report["errors"]
        return {f["status"] for f in report["findings"] if f["rule_id"] == rule_id}


@dataclass(frozen=True)
class Case:
    example: str
    breaks: Callable[[System], None]
    remediation: Callable[[System], None]  # the rule's remediation, applied as worded
    #: `not_applicable` where the remediation removes what makes the rule apply (a person put
    #: back into the decision, a derogation no longer claimed, a request withdrawn)
    then: str = "pass"
    #: the remediation is the governance team's, in the policy data (needs OPA to compile)
    governance: bool = False


def _steps(*steps: Callable[[System], None]) -> Callable[[System], None]:
    def run(system: System) -> None:
        for step in steps:
            step(system)

    return run


def _set(dotted: str, value: Any) -> Callable[[System], None]:
    return lambda system: system.set(dotted, value)


def _drop(dotted: str) -> Callable[[System], None]:
    return lambda system: system.drop(dotted)


def _relisted(dotted: str) -> tuple[Callable[[System], None], Callable[[System], None]]:
    """Break: the evidence is no longer listed; remediation: list it again."""
    kept: dict[str, Any] = {}

    def breaks(system: System) -> None:
        kept[dotted] = system.drop(dotted)

    def remediation(system: System) -> None:
        system.set(dotted, kept[dotted])

    return breaks, remediation


def _evidence(example: str, kind: str) -> Case:
    breaks, remediation = _relisted(f"evidence.{kind}")
    return Case(example, breaks, remediation)


def _supplier(field: str, broken: Any, fixed: Any) -> Case:
    name = "suppliers/northwind-models.yaml"
    return Case(
        "public-llm-assistant",
        lambda s: s.edit_yaml(name, lambda d: d.__setitem__(field, broken)),
        lambda s: s.edit_yaml(name, lambda d: d.__setitem__(field, fixed)),
    )


def _red_team(change: Callable[[dict[str, Any]], None]) -> Callable[[System], None]:
    return lambda s: s.edit_json("reports/red-team-2026-10.json", change)


def _passed_every_test(report: dict[str, Any]) -> None:
    """Fix the failures and re-run: every test passes."""
    report["tests"] = {"total": 180, "passed": 180, "failed": 0}


def _dpia_reviewed(dpia: dict[str, Any]) -> None:
    """Review the DPIA, record the new approval and set a new review_by date."""
    dpia.update({"approved_on": "2026-11-20", "review_by": "2027-11-20"})


def _kept(
    name: str, take: Callable[[dict[str, Any]], Any], give: Callable[[dict[str, Any], Any], None]
) -> tuple[Callable[[System], None], Callable[[System], None]]:
    """Break: `take` something out of a JSON evidence file; remediation: `give` it back."""
    kept: list[Any] = []

    def breaks(system: System) -> None:
        system.edit_json(name, lambda document: kept.append(take(document)))

    def remediation(system: System) -> None:
        system.edit_json(name, lambda document: give(document, kept[0]))

    return breaks, remediation


EVALUATION = "reports/evaluation-2026-10.json"
SBOM = "sbom/probation-risk-assistant.cdx.json"
MODEL_SHA256 = "468a80b702fc9468bc0de5c7e8ce3010a15372c7c7443356a663cdb9a1762987"


def _without_groups(report: dict[str, Any]) -> list[Any]:
    metrics = report["metrics"]
    report["metrics"] = [metric for metric in metrics if metric["group"] is None]
    return [metric for metric in metrics if metric["group"] is not None]


def _with_groups(report: dict[str, Any], group_metrics: list[Any]) -> None:
    """Evaluate per population group, each group metric with a threshold."""
    report["metrics"] += group_metrics


def _without_own_threshold(report: dict[str, Any]) -> dict[str, Any]:
    """balanced_accuracy 0.64 left to the default bar (0.7)."""
    metric = report["metrics"][1]
    return {key: metric.pop(key) for key in ("threshold", "direction")}


def _agreed_threshold(report: dict[str, Any], agreed: dict[str, Any]) -> None:
    """Record the threshold agreed for this system, with its direction, and why."""
    report["metrics"][1].update(agreed)
    report["notes"] += " balanced_accuracy: 0.6 agreed with the SRO (five bands, 2026-10)."


def _model_component(sbom: dict[str, Any]) -> dict[str, Any]:
    component: dict[str, Any] = sbom["components"].pop(0)
    return component


def _model_hashes(sbom: dict[str, Any]) -> list[Any]:
    hashes: list[Any] = sbom["components"][0].pop("hashes")
    return hashes


def _section(heading: str, body: str) -> Callable[[str], str]:
    return lambda text: f"{text.rstrip()}\n\n{heading}\n\n{body}\n"


def _without_section(heading: str) -> Callable[[str], str]:
    """The document without the section under `heading`, its subsections included."""
    level = len(heading) - len(heading.lstrip("#"))

    def cut(text: str) -> str:
        start = text.index(heading)
        following = re.compile(rf"^#{{1,{level}}} ", re.MULTILINE)
        end = following.search(text, start + len(heading))
        return text[:start] + (text[end.start() :] if end else "")

    return cut


MODEL_CARD = "docs/model-cards/northwind-lm-large.md"


def _gpai_provider(system: System) -> None:
    """The organisation places its own general-purpose AI model on the EU market."""
    facts = system.manifest["eu_ai_act"]
    facts.update(is_gpai_model=True, activities=["develops", "markets_under_own_name"])
    facts["scope"]["placed_on_eu_market"] = True
    facts["gpai"] = {
        "training_compute_flop": 1.0e24,
        "commission_designated": False,
        "open_licence_weights_public": False,
        "first_placed_on_market": "2026-09-01",
        "copyright_policy": "https://www.example.gov.uk/ai/copyright-policy",
        "training_content_summary": "https://www.example.gov.uk/ai/training-content-summary",
        "authorised_representative": "Example Representation GmbH, Berlin (written mandate)",
    }


def _gpai(breaks: Callable[[System], None], remediation: Callable[[System], None]) -> Case:
    return Case("public-llm-assistant", _steps(_gpai_provider, breaks), remediation)


def _policy_data(name: str, old: str, new: str) -> Callable[[System], None]:
    def edit(system: System) -> None:
        path = system.policies / name
        text = path.read_text()
        assert old in text, old
        path.write_text(text.replace(old, new))

    return edit


APPROVALS = "ai_assure/approvals/data.yaml"
_REQUESTED = "exceptions: []"
_INCOMPLETE = "exceptions:\n  - {system: document-search, rule: MON-001, ticket: GOV-7}"
_COMPLETE = (
    "exceptions:\n  - {system: document-search, rule: MON-001, ticket: GOV-7, "
    "approved_by: Head of AI Assurance, approved_on: 2026-11-01, expires: 2027-01-31}"
)

ROLLOUT = "ai_assure/rollout/data.yaml"
_UNORDERED = "rules:\n  MON-001: {enforcement: {warn_from: 2027-03-01, fail_from: 2027-01-04}}"
_STAGED = "rules:\n  MON-001: {enforcement: {warn_from: 2027-01-04, fail_from: 2027-03-01}}"
ATTESTATIONS = "ai_assure/attestations/data.yaml"
_NO_ATTESTATION = "controls: []"
_INCOMPLETE_ATTESTATION = 'controls:\n  - {control: "ISO42001:A.2.2", attested_by: Head of AI}'
_ATTESTATION = (
    'controls:\n  - {control: "ISO42001:A.2.2", attested_by: Head of AI, attested_on: '
    "2026-09-01, expires: 2027-08-31, evidence: https://intranet.example.gov.uk/ai-policy}"
)

CASES: dict[str, Case] = {
    "ACC-001": Case(
        "public-llm-assistant",
        _set("metadata.owner.contact", ""),
        _set("metadata.owner.contact", "visits-digital@example.gov.uk"),
    ),
    "ACC-002": Case(
        "public-llm-assistant",
        _set("metadata.owner.senior_responsible_owner", ""),
        _set("metadata.owner.senior_responsible_owner", "Director, HMPPS Digital Services"),
    ),
    "CFG-001": Case(
        "document-search",
        _policy_data("data.yaml", "review_warning_days: 30", "review_warning_days: thirty"),
        _policy_data("data.yaml", "review_warning_days: thirty", "review_warning_days: 30"),
        governance=True,
    ),
    "CFG-002": Case(
        "document-search",
        _policy_data(APPROVALS, _REQUESTED, _INCOMPLETE),
        _policy_data(APPROVALS, _INCOMPLETE, _COMPLETE),
        governance=True,
    ),
    "CFG-003": Case(  # fail_from before warn_from; the remediation puts warn_from first
        "document-search",
        _policy_data(ROLLOUT, "rules: {}", _UNORDERED),
        _policy_data(ROLLOUT, _UNORDERED, _STAGED),
        governance=True,
    ),
    "CFG-004": Case(
        "document-search",
        _policy_data(ATTESTATIONS, _NO_ATTESTATION, _INCOMPLETE_ATTESTATION),
        _policy_data(ATTESTATIONS, _INCOMPLETE_ATTESTATION, _ATTESTATION),
        governance=True,
    ),
    "CLS-001": Case(
        "public-llm-assistant",
        _steps(
            _set("eu_ai_act.art_5.social_scoring", True),
            _set("eu_ai_act.art_5.detrimental_treatment", ["unrelated_context"]),
        ),
        _set("eu_ai_act.art_5.social_scoring", False),  # redesigned, the fact answered again
    ),
    "CLS-004": Case(
        "probation-risk-assistant",
        _set("system.human_oversight.mode", "none"),
        _set("system.human_oversight.mode", "human-in-the-loop"),
    ),
    "CLS-006": Case(
        "probation-risk-assistant",
        _set("eu_ai_act.declared", {"category": "minimal"}),
        _drop("eu_ai_act.declared"),
    ),
    "DATA-002": Case(
        "probation-risk-assistant",
        _set("data.datasets.0.special_category_data", False),
        _set("data.datasets.0.special_category_data", True),
    ),
    "DATA-003": Case(
        "probation-risk-assistant",
        _set("data.datasets.0.name", "case-record-extract-2026"),
        lambda s: s.edit_yaml(
            "docs/dpia.yaml",
            lambda d: d.update(
                processing=d["processing"].replace(
                    "case-record-extract-2025", "case-record-extract-2026"
                ),
                approved_on="2026-11-20",
                review_by="2027-11-20",
            ),
        ),
    ),
    "EVAL-002": Case("probation-risk-assistant", *_kept(EVALUATION, _without_groups, _with_groups)),
    "EVAL-003": Case(
        "probation-risk-assistant", *_kept(EVALUATION, _without_own_threshold, _agreed_threshold)
    ),
    "EVID-002": Case(
        "probation-risk-assistant",
        lambda s: s.edit_json(EVALUATION, lambda d: d.update(date="2024-01-15")),
        lambda s: s.edit_json(EVALUATION, lambda d: d.update(date="2026-11-20")),  # re-run
    ),
    "FRIA-002": Case(
        "probation-risk-assistant",
        lambda s: s.edit_yaml("docs/fria.yaml", lambda d: d.pop("complaint_mechanism")),
        lambda s: s.edit_yaml(
            "docs/fria.yaml",
            lambda d: d.update(
                complaint_mechanism="People can complain through the probation complaints "
                "process and ask for the band to be reviewed by a senior officer.",
                approved_on="2026-11-20",
            ),
        ),
    ),
    "GEN-002": Case(
        "public-llm-assistant",
        _red_team(lambda r: r["categories"].remove("jailbreak")),
        _red_team(lambda r: r["categories"].append("jailbreak")),
    ),
    "GEN-003": Case(
        "public-llm-assistant",
        _red_team(lambda r: r.update(categories=["off-topic"])),
        _red_team(
            lambda r: r.update(
                categories=[
                    "harmful-content",
                    "hallucination",
                    "jailbreak",
                    "off-topic",
                    "pii-leak",
                    "prompt-injection",
                ]
            )
        ),
    ),
    "INPUT-001": Case(
        "probation-risk-assistant",
        _set("models.0.version", 123456789012345678901234567890),
        _set("models.0.version", "123456789012345678901234567890"),  # as text in quotes
    ),
    "MC-002": Case(
        "probation-risk-assistant",
        lambda s: None,  # its model card has no evaluation section
        lambda s: s.edit_text(
            "docs/model-card.md",
            _section(
                "## Evaluation",
                "Evaluated on 31,200 held-out supervision periods: macro AUC 0.76, balanced "
                "accuracy 0.64, calibration error 0.031; per-group false positive rate ratios "
                "are all above 0.8 (reports/evaluation-2026-10.json).",
            ),
        ),
    ),
    "MON-003": Case(
        "probation-risk-assistant",
        lambda s: s.edit_text("docs/monitoring-plan.md", _without_section("## What we monitor")),
        lambda s: s.edit_text(
            "docs/monitoring-plan.md",
            _section(
                "## Metrics",
                "| metric | threshold for action | how often |\n|---|---|---|\n"
                "| macro AUC | below 0.72 | monthly |\n"
                "| false positive rate ratio per group | below 0.8 | monthly |\n"
                "| drift (population stability index) | above 0.2 | monthly |\n"
                "| override rate | above 30% | weekly |\n| complaint rate | above 1% | monthly |",
            ),
        ),
    ),
    "MON-004": Case(
        "probation-risk-assistant",
        lambda s: s.edit_text(
            "docs/incident-response.md", _without_section("## Reporting serious incidents")
        ),
        lambda s: s.edit_text(
            "docs/incident-response.md",
            _section(
                "## Reporting serious incidents",
                "The service owner reports a serious incident to the provider and the market "
                "surveillance authority within 15 days, tells the ICO within 72 hours where "
                "personal data is involved, and informs the affected people without delay.",
            ),
        ),
    ),
    "RISK-001": Case(
        "probation-risk-assistant",
        _drop("risks.0.owner"),
        _set("risks.0.owner", "Head of Data Science, HMPPS Risk Tools"),
    ),
    "RISK-002": Case(
        "probation-risk-assistant",
        _set("risks.0.residual", {"likelihood": 5, "impact": 5}),
        _set("risks.0.residual", {"likelihood": 2, "impact": 3}),
    ),
    "RISK-003": Case(
        "probation-risk-assistant",
        _set("risks.3.category", "other"),
        _set("risks.3.category", "security"),
    ),
    "RISK-004": Case(
        "probation-risk-assistant",
        _set("risks.0.actions.0.due", "2026-01-31"),
        _set("risks.0.actions.0.status", "done"),  # finished, and marked done
    ),
    "RISK-005": Case(
        "probation-risk-assistant",
        _steps(
            _set("risks.0.likelihood", 5),
            _set("risks.0.impact", 5),
            _set("risks.0.residual", {"likelihood": 5, "impact": 5}),
        ),
        _set("risks.0.residual", {"likelihood": 1, "impact": 2}),  # reduced within appetite
    ),
    "SBOM-002": Case(
        "probation-risk-assistant",
        *_kept(SBOM, _model_component, lambda d, c: d["components"].insert(0, c)),
    ),
    "SEC-002": Case(
        "probation-risk-assistant",
        *_kept(SBOM, _model_hashes, lambda d, h: d["components"][0].update(hashes=h)),
    ),
    "SEC-003": Case(
        "probation-risk-assistant",
        _drop("models.0.artifact.sha256"),
        _set("models.0.artifact.sha256", MODEL_SHA256),
    ),
    "SEC-004": Case(
        "probation-risk-assistant",
        _set("models.0.licence", "AGPL-3.0-only"),
        _set("models.0.licence", "Apache-2.0"),
    ),
    "CLS-005": Case(
        "public-llm-assistant",
        _set("organisation.public_authority", None),
        _set("organisation.public_authority", True),
    ),
    "DATA-001": Case(
        "public-llm-assistant",
        _drop("data.datasets.0.source"),
        _set("data.datasets.0.source", "GOV.UK published guidance"),
    ),
    "DATA-004": Case(
        "public-llm-assistant",
        _set("uk_data_protection.criminal_offence_data", True),
        _set("uk_data_protection.art_10", {"basis": "official_authority"}),
    ),
    "DATA-005": Case(
        "public-llm-assistant",
        _drop("uk_data_protection.lawful_basis"),
        _set("uk_data_protection.lawful_basis", "6(1)(e)"),
    ),
    "DPIA-001": _evidence("public-llm-assistant", "dpia"),
    "DPIA-002": Case(
        "probation-risk-assistant",
        lambda s: None,  # its DPIA's review_by (2026-10-31) has passed
        lambda s: s.edit_yaml("docs/dpia.yaml", _dpia_reviewed),
    ),
    "EVAL-001": _evidence("probation-risk-assistant", "evaluations"),
    "EVID-001": Case(
        "public-llm-assistant",
        _set("evidence.monitoring_plan", "docs/monitoring.md"),
        _set("evidence.monitoring_plan", "docs/monitoring-plan.md"),  # the path corrected
    ),
    "FRIA-001": _evidence("probation-risk-assistant", "fria"),
    "GEN-001": Case(
        "public-llm-assistant",
        lambda s: None,  # its red-team report has 3 failed tests: a warning
        _red_team(_passed_every_test),
    ),
    "EXC-001": Case(
        "probation-risk-assistant",
        _set(
            "exceptions",
            [
                {
                    "rule": "DPIA-002",
                    "reason": "The DPIA review is booked for December.",
                    "requested_by": "HMPPS Risk Tools",
                    "ticket": "GOV-1",
                    "expires": "2027-01-31",
                }
            ],
        ),
        _steps(  # the failure fixed, and the request no longer needed removed
            lambda s: s.edit_yaml("docs/dpia.yaml", _dpia_reviewed), _set("exceptions", [])
        ),
        then="not_applicable",
    ),
    "CLS-003": Case(
        "probation-risk-assistant",
        _set("eu_ai_act.art_6_3.claimed", True),
        _set("eu_ai_act.art_6_3.claimed", False),  # treated as high-risk
        then="not_applicable",
    ),
    "HO-002": Case(
        "probation-risk-assistant",
        _set("uk_data_protection.automated_decision.solely_automated", True),
        _steps(
            _set(
                "uk_data_protection.automated_decision.safeguards",
                ["information", "representations", "human_intervention", "contest"],
            ),
            _set(
                "system.human_oversight.art_22_safeguards",
                "People are told of the band, can make representations, ask a senior officer "
                "to decide again, and contest it through the complaints process.",
            ),
        ),
    ),
    "HO-003": Case(
        "public-llm-assistant",
        _steps(
            _set("uk_data_protection.automated_decision.significant", True),
            _set("uk_data_protection.automated_decision.solely_automated", True),
            _set("uk_data_protection.automated_decision.uses_special_category", True),
        ),
        _set("uk_data_protection.automated_decision.solely_automated", False),  # a person decides
        then="not_applicable",
    ),
    "GPAI-001": _gpai(
        _drop("eu_ai_act.gpai.copyright_policy"),
        _set("eu_ai_act.gpai.copyright_policy", "https://www.example.gov.uk/ai/copyright"),
    ),
    "GPAI-002": _gpai(
        _drop("eu_ai_act.gpai.authorised_representative"),
        _set("eu_ai_act.gpai.authorised_representative", "Example Representation GmbH"),
    ),
    "GPAI-003": _gpai(
        _set("eu_ai_act.gpai.training_compute_flop", 3.0e25),
        # the red team, incident response and threat model are already listed under evidence
        _steps(
            _set("eu_ai_act.gpai.commission_notified_on", "2026-08-01"),
            lambda s: s.manifest["risks"].append(
                {
                    "id": "PVA-R-005",
                    "title": "The model is misused at scale to produce disinformation",
                    "category": "systemic-risk",
                    "likelihood": 2,
                    "impact": 4,
                    "owner": "Technical Architect, HMPPS Digital Visits",
                    "treatment": "mitigate",
                    "residual": {"likelihood": 1, "impact": 4},
                }
            ),
        ),
    ),
    "MC-003": _gpai(
        _steps(  # a model of its own, whose card has no technical specifications
            _set("models.0.type", "in-house"),
            lambda s: s.edit_text(MODEL_CARD, _without_section("## Evaluation")),
        ),
        lambda s: s.edit_text(
            MODEL_CARD,
            _section(
                "## Technical Specifications",
                "A decoder-only transformer of 13 billion parameters with an 8,192-token "
                "context, served on GPU instances in the supplier's London region.\n\n"
                "## Evaluation\n\nGroundedness 0.94 and answer accuracy 0.91 on 300 real "
                "visitor questions (reports/answer-quality-2026-10.json).",
            ),
        ),
    ),
    "HO-001": Case(
        "public-llm-assistant",
        _set("system.human_oversight.description", ""),
        _set("system.human_oversight.description", "Staff review a daily sample and can stop it."),
    ),
    "MC-001": Case(
        "public-llm-assistant",
        _drop("models.0.model_card"),
        _set("models.0.model_card", "docs/model-cards/northwind-lm-large.md"),
    ),
    "MON-001": _evidence("public-llm-assistant", "monitoring_plan"),
    "MON-002": _evidence("public-llm-assistant", "incident_response"),
    "SBOM-001": _evidence("public-llm-assistant", "sbom"),
    "SEC-001": _evidence("public-llm-assistant", "threat_model"),
    "SUP-001": _evidence("public-llm-assistant", "supplier_assessments"),
    "SUP-002": _supplier("data_residency", "US (supplier's Virginia region)", "UK (London)"),
    "SUP-003": _supplier("incident_notification_hours", 240, 24),
    "SUP-004": _supplier("audit_rights", False, True),
    "SUP-005": _supplier("training_data_provenance", "", "Published training content summary."),
    "TRN-001": Case(
        "public-llm-assistant",
        _drop("system.transparency_notice"),
        _set("system.transparency_notice", "This is an AI assistant, shown before you start."),
    ),
    "TRN-002": _evidence("public-llm-assistant", "atrs_record"),
    "TRN-003": Case(
        "probation-risk-assistant",
        lambda s: s.edit_text("transparency/atrs-record.md", _without_section("### Contact email")),
        lambda s: s.edit_text(
            "transparency/atrs-record.md",
            lambda text: text.replace(
                "## Tier 2 - Owner and responsibility",
                "### Contact email\n\nrisk-tools@example.gov.uk\n\n"
                "## Tier 2 - Owner and responsibility",
            ),
        ),
    ),
}


#: rules whose advice is not a change that makes them pass, and why
NOT_A_FIX = {
    "CLS-007": "advice for legal review: its warning stays while the classification rests on a"
    " contested point of law, and its remediation says so",
}


def test_every_rule_has_its_remediation_tried():
    listed = ai_assure("policy", "list", "--format", "json").stdout
    rules = {rule["id"] for rule in json.loads(listed)["rules"]}
    assert set(CASES) | set(NOT_A_FIX) == rules
    assert not set(CASES) & set(NOT_A_FIX)


def test_the_legal_review_warning_says_it_stays():
    listed = ai_assure("policy", "list", "--format", "json").stdout
    [review] = [rule for rule in json.loads(listed)["rules"] if rule["id"] in NOT_A_FIX]
    assert "stays while the classification rests on a contested point" in review["remediation"]


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_the_remediation_makes_the_failing_rule_pass(rule_id, tmp_path, request):
    case = CASES[rule_id]
    system = System(case.example, tmp_path)
    if case.governance:
        system.govern(tmp_path / "policies", request.getfixturevalue("opa_binary"))
    case.breaks(system)
    assert system.statuses(rule_id) & {"fail", "warn"}, f"{rule_id} did not fail when broken"
    case.remediation(system)
    assert system.statuses(rule_id) == {case.then}, f"{rule_id}'s remediation did not work"
