"""Control coverage: every ISO/IEC 42001 Annex A control (38) and NIST AI RMF subcategory (72)
ends with exactly one status — automated, inherited from the governance team's attestations,
not applicable with its reason, or open — in the report and the Statement of Applicability."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
import yaml

from engine.policy.sources import bundled_policy_dir
from tests.cli import ai_assure

ROOT = Path(__file__).resolve().parents[3]
PROBATION = ROOT / "examples" / "probation-risk-assistant"
STATUSES = {"automated", "inherited", "not_applicable", "open"}
ATTESTER = "Head of AI Governance"


def attestation(control: str, expires: str = "2027-08-31") -> dict[str, str]:
    return {
        "control": control,
        "attested_by": ATTESTER,
        "attested_on": "2026-09-01",
        "expires": expires,
        "evidence": f"https://intranet.example.gov.uk/evidence/{control}",
    }


def check(*args: str | Path) -> tuple[int, dict]:
    result = ai_assure("check", PROBATION, "--format", "json", *args)
    return result.returncode, json.loads(result.stdout)


def by_framework(report: dict, framework: str) -> dict[str, dict]:
    entries = [e for e in report["control_coverage"] if e["framework"] == framework]
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), f"a {framework} control is listed twice"
    return {e["id"]: e for e in entries}


@pytest.fixture(scope="module")
def shipped() -> dict:
    """The probation example under the bundled library, which attests nothing."""
    return check("--as-of", "2026-11-26")[1]


def test_every_control_has_exactly_one_status_and_a_reason(shipped):
    iso, nist = by_framework(shipped, "ISO42001"), by_framework(shipped, "NIST-AI-RMF")
    assert (len(iso), len(nist)) == (38, 72)
    for entry in [*iso.values(), *nist.values()]:
        assert entry["status"] in STATUSES and entry["reason"], entry
        assert (entry["result"] is not None) == (entry["status"] in ("automated", "inherited"))
    assert iso["ISO42001:A.2.3"]["status"] == "open"  # organisation-level: nobody attested it
    assert iso["ISO42001:A.2.3"]["reason"].startswith("no rule assesses it")
    assert iso["ISO42001:A.6.2.4"] == {**iso["ISO42001:A.6.2.4"], "status": "automated"}


def test_the_statuses_cover_the_reference_catalogues(shipped, shared_dir):
    """The ids are those of the reference lists (ISO/IEC 42001:2023 Annex A, NIST AI 100-1)."""
    catalogues = shared_dir / "reference" / "catalogues"
    with (catalogues / "iso42001_2023_annexA_controls.csv").open() as handle:
        iso = {f"ISO42001:{row['control_id']}" for row in csv.DictReader(handle)}
    with (catalogues / "nist_ai_rmf_1.0_core.csv").open() as handle:
        nist = {
            "NIST-AI-RMF:" + row["id"].replace(" ", "-")
            for row in csv.DictReader(handle)
            if row["level"] == "subcategory"
        }
    assert set(by_framework(shipped, "ISO42001")) == iso and len(iso) == 38
    assert set(by_framework(shipped, "NIST-AI-RMF")) == nist and len(nist) == 72


def opened(report: dict) -> list[str]:
    return [e["id"] for e in report["control_coverage"] if e["status"] == "open"]


def stale_one(report: dict) -> str:
    """The open NIST AI RMF subcategory whose attestation the test lets run out."""
    return next(c for c in opened(report) if c.startswith("NIST-AI-RMF:"))


@pytest.fixture(scope="module")
def attested_policies(tmp_path_factory, shipped) -> Path:
    """The bundled library with every control open today attested, except A.10.4, which the
    organisation decided does not apply; one attestation ran out on 2026-10-31."""
    decided = "ISO42001:A.10.4"
    data = {
        "controls": [
            attestation(c, "2026-10-31" if c == stale_one(shipped) else "2027-08-31")
            for c in opened(shipped)
            if c != decided
        ],
        "not_applicable": [
            {
                "control": decided,
                "reason": "The department provides no AI service to customers.",
                "decided_by": "AI Governance Board",
                "decided_on": "2026-09-01",
            }
        ],
    }
    folder = tmp_path_factory.mktemp("attested") / "policies"
    shutil.copytree(bundled_policy_dir(), folder, ignore=shutil.ignore_patterns("compiled"))
    (folder / "ai_assure" / "attestations" / "data.yaml").write_text(yaml.safe_dump(data))
    return folder


@pytest.fixture(scope="module")
def attested(attested_policies) -> dict:
    return check("--policy-dir", attested_policies, "--as-of", "2026-11-26")[1]


def test_attested_common_controls_leave_nothing_open(attested):
    entries = [*by_framework(attested, "ISO42001").values()]
    entries += by_framework(attested, "NIST-AI-RMF").values()
    assert len(entries) == 38 + 72
    assert {e["status"] for e in entries} == {"automated", "inherited", "not_applicable"}
    policy = by_framework(attested, "ISO42001")["ISO42001:A.2.3"]
    assert policy["status"] == "inherited" and policy["result"] == "attested"
    assert policy["attestation"]["attested_by"] == ATTESTER
    assert policy["reason"].startswith(f"common control attested by {ATTESTER} on 2026-09-01")
    customers = by_framework(attested, "ISO42001")["ISO42001:A.10.4"]
    assert customers["status"] == "not_applicable"
    assert customers["reason"] == (
        "decided not applicable by AI Governance Board on 2026-09-01: "
        "The department provides no AI service to customers."
    )


def test_an_attestation_goes_stale_at_its_expiry(attested, shipped):
    stale = by_framework(attested, "NIST-AI-RMF")[stale_one(shipped)]
    assert (stale["status"], stale["result"]) == ("inherited", "expired")
    assert "expired on 2026-10-31" in stale["reason"]


def test_the_statement_of_applicability_shows_inherited_and_decided_controls(
    attested_policies, tmp_path
):
    report = tmp_path / "report.json"
    ai_assure(
        "check", PROBATION, "--policy-dir", attested_policies, "--as-of", "2026-11-26",
        "--format", f"json={report}",
    )  # fmt: skip
    result = ai_assure("report", "soa", "--report", report, "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)["controls"]}
    assert len(rows) == 38 and "not assessed" not in {row["status"] for row in rows.values()}
    policy = rows["ISO42001:A.2.3"]
    assert (policy["status"], policy["coverage"]) == ("implemented", "inherited")
    assert policy["justification"].startswith("implemented: inherited: common control attested")
    customers = rows["ISO42001:A.10.4"]
    assert (customers["status"], customers["applicability"]) == ("excluded", "excluded")


def test_an_attestation_of_a_control_the_catalogue_lacks_is_an_error(tmp_path):
    folder = tmp_path / "policies"
    shutil.copytree(bundled_policy_dir(), folder, ignore=shutil.ignore_patterns("compiled"))
    data = {"controls": [attestation("ISO42001:A.99.9")], "not_applicable": []}
    (folder / "ai_assure" / "attestations" / "data.yaml").write_text(yaml.safe_dump(data))
    result = ai_assure("check", PROBATION, "--policy-dir", folder, "--as-of", "2026-11-26")
    assert result.returncode == 2
    assert "name 'ISO42001:A.99.9', which the controls catalogue does not list" in result.stdout
