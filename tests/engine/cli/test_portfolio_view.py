"""`ai-assure portfolio --store URL`: the department view read from the results store, and
`register --store`: the risk register from the same stored reports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli import ai_assure

ROOT = Path(__file__).resolve().parents[3]
DATES = ("2026-09-01", "2026-10-15", "2026-11-26")
VIEW_DATE = "2026-12-01"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """The three examples checked on three dates, plus one stored report carrying an
    approved exception that expires on 2026-12-20 (governance data the examples lack)."""
    folder = tmp_path_factory.mktemp("store")
    database = folder / "results.db"
    for as_of in DATES:
        result = ai_assure("check", "--discover", ROOT / "examples", "--as-of", as_of,
                           "--store", database, "--format", "json")  # fmt: skip
        assert result.returncode == 1, result.stderr
    report = json.loads(json.dumps(_report("document-search", "2026-11-27")))
    report["exceptions"] = [
        {"rule": "ATRS-001", "status": "approved", "reason": "publication pending",
         "requested_by": "team", "ticket": "GOV-7", "expires": "2027-01-31",
         "approved_by": "AI governance board", "approved_on": "2026-10-01",
         "approved_until": "2026-12-20"}
    ]  # fmt: skip
    path = folder / "with-exception.json"
    path.write_text(json.dumps(report))
    result = ai_assure("store", "ingest", path, "--store", database)
    assert result.returncode == 0, result.stderr
    return database


def _report(example: str, as_of: str) -> dict:
    result = ai_assure("check", ROOT / "examples" / example, "--as-of", as_of, "--format", "json")
    return json.loads(result.stdout)


def view(store: Path, *arguments: str) -> dict:
    result = ai_assure("portfolio", "--store", store, "--as-of", VIEW_DATE, "--format", "json",
                       *arguments)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_each_system_shows_its_latest_verdict_tier_age_and_trend(store):
    document = view(store)
    assert document["schema"] == "ai-assure/portfolio/v1"
    assert document["runs"] == 10 and document["totals"] == {
        "systems": 3, "pass": 2, "fail": 1, "error": 0
    }  # fmt: skip
    systems = {s["id"]: s for s in document["systems"]}
    assert document["systems"][0]["id"] == "probation-risk-assistant"  # worst first
    probation = systems["probation-risk-assistant"]
    assert (probation["verdict"], probation["tier"], probation["assurance_level"]) == (
        "fail", "high", "high"
    )  # fmt: skip
    assert (probation["last_checked"], probation["days_since"], probation["runs"]) == (
        "2026-11-26", 5, 3
    )  # fmt: skip
    assert [p["as_of"] for p in probation["trend"]] == list(DATES)
    assert systems["document-search"]["last_checked"] == "2026-11-27"
    assert systems["document-search"]["runs"] == 4


def test_the_view_on_an_earlier_date_knows_only_the_runs_made_by_then(store):
    document = view(store, "--as-of", "2026-10-20")
    assert document["runs"] == 6
    assert {s["last_checked"] for s in document["systems"]} == {"2026-10-15"}
    assert all(len(t["points"]) == 2 for t in document["frameworks"])


def test_framework_trends_count_failed_controls_on_each_date(store):
    trends = {t["framework"]: t["points"] for t in view(store)["frameworks"]}
    assert set(trends) >= {"ISO42001", "NIST-AI-RMF", "UK-GDPR"}
    iso = trends["ISO42001"]
    assert [p["as_of"] for p in iso] == [*DATES, "2026-11-27"]
    assert all(0 < p["failing"] < p["assessed"] for p in iso)  # probation fails some


def test_expiring_exceptions_overdue_reviews_and_failing_controls(store):
    document = view(store, "--within", "30")
    (exception,) = document["exceptions"]
    assert (exception["system_id"], exception["rule"], exception["days_left"]) == (
        "document-search", "ATRS-001", 19
    )  # fmt: skip
    assert view(store, "--within", "10")["exceptions"] == []
    (review,) = document["reviews"]  # the probation DPIA was due for review on 2026-10-31
    assert (review["system_id"], review["kind"], review["review_by"], review["days_overdue"]) == (
        "probation-risk-assistant", "dpia", "2026-10-31", 31
    )  # fmt: skip
    controls = document["controls"]
    assert controls and all(c["systems"] == ["probation-risk-assistant"] for c in controls)


def test_text_csv_and_html_render_the_same_view(store, tmp_path):
    text = ai_assure("portfolio", "--store", store, "--as-of", VIEW_DATE)
    assert text.stdout.startswith(f"ai-assure portfolio as of {VIEW_DATE}: 3 systems, 10 runs")
    assert "probation-risk-assistant DPIA docs/dpia.yaml: review was due 2026-10-31" in text.stdout
    sheet = tmp_path / "portfolio.csv"
    ai_assure("portfolio", "--store", store, "--as-of", VIEW_DATE, "--format", f"csv={sheet}")
    assert sheet.read_bytes().count(b"\r\n") == 4  # a header and three systems, RFC 4180
    rows = list(csv.DictReader(io.StringIO(sheet.read_text())))
    assert rows[0]["system_id"] == "probation-risk-assistant"
    assert rows[0]["verdict_trend"] == "fail fail fail" and rows[0]["days_since_check"] == "5"
    page = tmp_path / "portfolio.html"
    ai_assure("portfolio", "--store", store, "--as-of", VIEW_DATE, "--format", f"html={page}")
    html = page.read_text()
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html and "<svg" in html


def test_the_register_from_the_store_has_the_rows_of_the_register_from_manifests(store):
    from_store = ai_assure("register", "--store", store, "--as-of", VIEW_DATE, "--format", "json")
    from_paths = ai_assure("register", ROOT / "examples", "--as-of", VIEW_DATE, "--format", "json")
    assert from_store.returncode == 0, from_store.stderr

    def rows(result) -> list[dict]:
        return [
            {k: v for k, v in row.items() if k not in ("team", "manifest")}
            for row in json.loads(result.stdout)["risks"]
        ]

    assert rows(from_store) == rows(from_paths) and rows(from_store)


def test_a_missing_store_is_an_error_and_is_not_created(tmp_path):
    missing = tmp_path / "missing.db"
    result = ai_assure("portfolio", "--store", missing)
    assert result.returncode == 2
    assert "no such database file" in result.stderr
    assert not missing.exists()
    both = ai_assure("register", ROOT / "examples", "--store", missing)
    assert both.returncode == 2 and "give PATH... or --store" in both.stderr


ROLLOUT = """rules:
  MC-002: {enforcement: {warn_from: 2026-11-01, fail_from: 2027-01-01}}
  DPIA-002: {enforcement: {warn_from: 2027-02-01, fail_from: 2027-03-01}}
  ACC-001: {enforcement: {fail_from: 2026-01-01}}
"""
SEARCH, PROBATION, LLM = "document-search", "probation-risk-assistant", "public-llm-assistant"


@pytest.fixture(scope="module")
def staged_store(tmp_path_factory) -> Path:
    """The examples checked under policies that stage three rules: MC-002 warns from
    2026-11-01 (probation fails it), DPIA-002 is not enforced yet (probation fails it too),
    ACC-001 is enforced. The public LLM assistant was last checked before MC-002 warned."""
    from tests.engine.records.test_impact import revision

    folder = tmp_path_factory.mktemp("staged")
    policies = revision(folder, "policies")
    (policies / "ai_assure" / "rollout" / "data.yaml").write_text(ROLLOUT)
    database = folder / "results.db"
    for as_of, systems in (("2026-11-26", (SEARCH, PROBATION)), ("2026-10-15", (LLM,))):
        result = ai_assure("check", *(ROOT / "examples" / s for s in systems), "--as-of", as_of,
                           "--governance-policies", policies, "--store", database)  # fmt: skip
        assert result.returncode == 0, result.stderr  # the staged failures do not fail yet
    return database


def test_the_rollout_lists_each_staged_rule_and_the_systems_its_next_phase_fails(staged_store):
    rollout = view(staged_store)["rollout"]
    assert [
        (r["rule_id"], r["phase"], r["warn_from"], r["fail_from"], r["systems"], r["will_fail"])
        for r in rollout
    ] == [
        ("ACC-001", "enforced", None, "2026-01-01", [SEARCH, PROBATION, LLM], []),
        ("DPIA-002", "scheduled", "2027-02-01", "2027-03-01", [SEARCH, PROBATION, LLM],
         [PROBATION]),
        ("MC-002", "scheduled", "2026-11-01", "2027-01-01", [LLM], []),
        ("MC-002", "warn", "2026-11-01", "2027-01-01", [SEARCH, PROBATION], [PROBATION]),
    ]  # fmt: skip
    earlier = view(staged_store, "--as-of", "2026-10-20")["rollout"]
    assert {(r["rule_id"], r["phase"]) for r in earlier} == {
        ("ACC-001", "enforced"), ("DPIA-002", "scheduled"), ("MC-002", "scheduled")
    }  # fmt: skip
    assert all(r["systems"] == [LLM] for r in earlier)


def test_the_rollout_in_text_csv_and_html(staged_store, tmp_path):
    text = ai_assure("portfolio", "--store", staged_store, "--as-of", VIEW_DATE).stdout
    section = text[text.index("Staged rollout") :].splitlines()
    assert section[1:] == [
        "  ACC-001 enforced (warn from -, fail from 2026-01-01): 3 systems, no phase change left",
        "  DPIA-002 scheduled (warn from 2027-02-01, fail from 2027-03-01): will fail 1 of "
        "3 systems (probation-risk-assistant)",
        "  MC-002 scheduled (warn from 2026-11-01, fail from 2027-01-01): will fail 0 of 1 system",
        "  MC-002 warn (warn from 2026-11-01, fail from 2027-01-01): will fail 1 of 2 systems "
        "(probation-risk-assistant)",
    ]
    sheet = ai_assure("portfolio", "--store", staged_store, "--as-of", VIEW_DATE, "--format", "csv")
    rows = {row["system_id"]: row for row in csv.DictReader(io.StringIO(sheet.stdout))}
    assert rows[PROBATION]["rollout_will_fail"] == "DPIA-002 MC-002"
    assert rows[SEARCH]["rollout_will_fail"] == ""
    page = tmp_path / "portfolio.html"
    ai_assure("portfolio", "--store", staged_store, "--as-of", VIEW_DATE, "--format",
              f"html={page}")  # fmt: skip
    html = page.read_text()
    assert '<section id="rollout"' in html and "<code>MC-002</code>" in html


def test_a_view_without_staged_rules_says_so(store, tmp_path):
    text = ai_assure("portfolio", "--store", store, "--as-of", VIEW_DATE).stdout
    assert text.endswith("Staged rollout (systems each staged rule fails once enforced, "
                         "latest runs):\n  none\n")  # fmt: skip
    assert view(store)["rollout"] == []
    page = tmp_path / "portfolio.html"
    ai_assure("portfolio", "--store", store, "--as-of", VIEW_DATE, "--format", f"html={page}")
    assert "No staged rules." in page.read_text()
