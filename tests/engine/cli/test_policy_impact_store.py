"""`ai-assure policy impact --store`: the portfolio comes from the results store. Each system's
input, as its latest `check --store` run on or before --as-of evaluated it, is evaluated again
under both revisions, with the same outcome as reading the systems; a system whose reports
were only ingested is listed as not re-evaluable, never dropped and never passed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from engine.policy.sources import bundled_policy_dir
from tests.cli import ai_assure
from tests.engine.records.test_impact import NEW_RULE, revision

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
AS_OF = "2026-11-26"


@pytest.fixture(scope="module")
def candidate(tmp_path_factory) -> Path:
    """The next revision: a new high rule that fails systems named "...Search"."""
    folder = revision(tmp_path_factory.mktemp("impact-store"), "candidate")
    (folder / "rules" / "accountability" / "index_owner.rego").write_text(NEW_RULE)
    return folder


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    """The three examples checked into a store, and one system's report only ingested."""
    folder = tmp_path_factory.mktemp("store")
    url = f"sqlite:///{folder / 'results.db'}"
    checked = ai_assure("check", "--discover", EXAMPLES, "--as-of", AS_OF, "--store", url)
    assert checked.returncode == 1, checked.stderr
    report = json.loads(
        ai_assure(
            "check", EXAMPLES / "document-search", "--as-of", AS_OF, "--format", "json"
        ).stdout
    )
    report["system"] = {"id": "legacy-search", "name": "Legacy Search"}
    ingested = folder / "legacy.json"
    ingested.write_text(json.dumps(report))
    assert ai_assure("store", "ingest", ingested, "--store", url).returncode == 0
    return url


def impact(*args: str | Path) -> tuple[int, dict, str]:
    result = ai_assure(
        "policy", "impact", "--baseline", bundled_policy_dir(), "--format", "json", *args
    )
    return result.returncode, json.loads(result.stdout) if result.stdout else {}, result.stderr


def test_the_stored_inputs_give_the_impact_reading_the_systems_gives(store, candidate):
    code, stored, stderr = impact(
        "--candidate", candidate, "--store", store, "--as-of", AS_OF, "--workers", "1"
    )
    assert code == 1, stderr  # document-search passes today and fails the new rule
    _, read, _ = impact("--candidate", candidate, "--discover", EXAMPLES, "--as-of", AS_OF)
    assert stored["systems"] == read["systems"]
    assert stored["rollout"] == read["rollout"]
    search = next(s for s in stored["systems"] if s["id"] == "document-search")
    assert search["breaking"] and [c["rule_id"] for c in search["changes"]] == ["ACC-009"]


def test_an_ingested_system_is_listed_not_re_evaluable(store, candidate):
    _, stored, _ = impact("--candidate", candidate, "--store", store, "--as-of", AS_OF)
    assert stored["not_reevaluable"] == ["legacy-search"]
    assert stored["summary"]["not_reevaluable"] == 1 and stored["summary"]["systems"] == 3
    assert "legacy-search" not in [s["id"] for s in stored["systems"]]
    text = ai_assure(
        "policy", "impact", "--baseline", bundled_policy_dir(), "--candidate", candidate,
        "--store", store, "--as-of", AS_OF, "--accept-breaking",
    )  # fmt: skip
    assert text.returncode == 0, text.stderr
    assert "1 system not re-evaluable: no stored input" in text.stdout.splitlines()[1]
    assert "legacy-search: not re-evaluable: no stored input" in text.stdout.splitlines()


def test_the_latest_input_on_or_before_as_of_is_evaluated(tmp_path, candidate):
    system = tmp_path / "search"
    shutil.copytree(EXAMPLES / "document-search", system)
    url = f"sqlite:///{tmp_path / 'results.db'}"
    assert ai_assure("check", system, "--as-of", "2026-11-26", "--store", url).returncode == 0
    manifest = system / "ai-manifest.yaml"
    manifest.write_text(manifest.read_text().replace("Policy Framework Search", "Policy Finder"))
    assert ai_assure("check", system, "--as-of", "2026-12-10", "--store", url).returncode == 0
    manifest.write_text(manifest.read_text().replace("Policy Finder", "Policy Search"))

    code, before, _ = impact("--candidate", candidate, "--store", url, "--as-of", "2026-12-01")
    assert code == 1 and before["summary"]["breaking"] == 1  # the run of 2026-11-26
    code, after, _ = impact("--candidate", candidate, "--store", url, "--as-of", "2026-12-31")
    assert code == 0 and after["summary"]["breaking"] == 0  # "Policy Finder": not a search
    assert after["as_of"] == "2026-12-31"
    code, _, stderr = impact("--candidate", candidate, "--store", url, "--as-of", "2026-11-01")
    assert code == 2
    assert "no system in the store has a stored input on or before 2026-11-01" in stderr


def test_the_store_is_one_source_of_systems_among_three(store, candidate, tmp_path):
    both = ai_assure(
        "policy", "impact", "--baseline", candidate, "--candidate", candidate,
        "--store", store, EXAMPLES / "document-search",
    )  # fmt: skip
    assert both.returncode == 2
    assert "give the systems as PATH..., --discover DIR or --store URL (one of them)" in (
        both.stderr
    )
    missing = ai_assure(
        "policy", "impact", "--baseline", candidate, "--candidate", candidate,
        "--store", tmp_path / "nowhere.db",
    )  # fmt: skip
    assert missing.returncode == 2 and "no such database file" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_a_store_of_ingested_reports_only_has_nothing_to_evaluate(tmp_path, candidate):
    report = tmp_path / "report.json"
    written = ai_assure(
        "check", EXAMPLES / "document-search", "--as-of", AS_OF, "--format", f"json={report}"
    )
    assert written.returncode == 0, written.stderr
    url = f"sqlite:///{tmp_path / 'results.db'}"
    assert ai_assure("store", "ingest", report, "--store", url).returncode == 0
    code, _, stderr = impact("--candidate", candidate, "--store", url, "--as-of", AS_OF)
    assert code == 2
    assert "no system in the store has a stored input on or before 2026-11-26" in stderr
    assert "(not re-evaluable: document-search)" in stderr
