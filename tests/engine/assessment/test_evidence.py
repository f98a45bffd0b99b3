"""Gathering evidence within the limits: no file is read once the declarations, together,
name more files than one check may read."""

from __future__ import annotations

import json
import signal

import pytest

import engine.assessment.evidence as evidence_module
from engine.assessment.evidence import TooMuchEvidenceError, gather
from engine.core.files import PathEscapeError
from engine.core.limits import Limits
from engine.core.observed import recording
from engine.manifest import load_manifest

MANIFEST_EVIDENCE = "evidence:\n  sbom: [sbom.cdx.json]\n"


def gathered(make_repo, minimal_manifest, evidence: str, files: dict, limits: Limits):
    repo = make_repo(minimal_manifest.replace(MANIFEST_EVIDENCE, evidence), files)
    manifest = load_manifest(repo / "ai-manifest.yaml")
    return gather(manifest.model, repo, repo.resolve(), limits)


def test_the_evidence_file_limit_counts_every_declaration_together(make_repo, minimal_manifest):
    evidence = "evidence:\n  sbom: ['sboms/*.json']\n  evaluations: ['reports/*.json']\n"
    files = {f"{folder}/{n}.json": "{}" for folder in ("sboms", "reports") for n in range(3)}
    files["docs/model-card.md"] = "# card\n"
    assert gathered(make_repo, minimal_manifest, evidence, files, Limits(max_evidence_files=7))
    with pytest.raises(TooMuchEvidenceError, match=r"more than 6 files \(reached at reports/"):
        gathered(make_repo, minimal_manifest, evidence, files, Limits(max_evidence_files=6))


def test_one_glob_beyond_the_limit_is_refused_naming_it(make_repo, minimal_manifest):
    evidence = "evidence:\n  sbom: ['sboms/*.json']\n"
    files = {f"sboms/{n}.json": "{}" for n in range(4)}
    with pytest.raises(PathEscapeError, match=r"sboms/\*\.json: matches more than 3 files"):
        gathered(make_repo, minimal_manifest, evidence, files, Limits(max_evidence_files=3))


def test_a_file_over_the_size_limit_is_invalid_evidence_not_read(make_repo, minimal_manifest):
    files = {"sbom.cdx.json": "{}" + " " * 2000, "docs/model-card.md": "# card\n"}
    evidence = gathered(
        make_repo, minimal_manifest, MANIFEST_EVIDENCE, files, Limits(max_file_bytes=1024)
    )
    [sbom] = evidence["sbom"]
    assert sbom["status"] == "invalid"
    assert sbom["errors"] == ["file is 2002 bytes; the limit is 1024"]


# --- read by one process or by several -------------------------------------------------------

MIXED_EVIDENCE = (
    "evidence:\n"
    "  sbom: ['sboms/*.json', sboms/0.cdx.json]\n"
    "  evaluations: [reports/bad.json, reports/subnormal.json, reports/absent.json]\n"
)
CYCLONEDX = '{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [%s]}'


def mixed_files() -> dict[str, str]:
    component = '{"type": "library", "name": "lib-%d", "version": "1.%d"}'
    files = {
        f"sboms/{n}.cdx.json": CYCLONEDX % ",".join(component % (i, i) for i in range(n * 50))
        for n in range(6)
    }
    files["reports/bad.json"] = '{"results": ['
    files["reports/subnormal.json"] = (  # a score no evaluator holds the same: the item is invalid
        '{"version": 2, "status": "success", "eval": {"task": "t", "created": '
        '"2026-11-01T00:00:00Z", "model": "m"}, "results": {"scores": [{"name": "acc", '
        '"metrics": {"accuracy": {"name": "accuracy", "value": 5e-324}}}]}}'
    )
    files["docs/model-card.md"] = "# card\n"
    return files


@pytest.fixture
def several_readers(monkeypatch):
    """Read with worker processes whatever the evidence's size and the machine's cores."""
    monkeypatch.setattr(evidence_module, "PARALLEL_FROM_BYTES", 0)
    monkeypatch.setattr(evidence_module, "_cores", lambda: 3)


def test_several_reader_processes_give_what_one_process_gives(make_repo, minimal_manifest, request):
    files = mixed_files()
    alone = gathered(make_repo, minimal_manifest, MIXED_EVIDENCE, files, Limits())
    request.getfixturevalue("several_readers")
    together = gathered(make_repo, minimal_manifest, MIXED_EVIDENCE, files, Limits())
    assert json.dumps(together) == json.dumps(alone)
    assert [item["status"] for item in alone["evaluations"]] == ["invalid"] * 2 + ["missing"]
    assert len(alone["sbom"]) == 6  # the file named twice is read once


def test_files_read_by_worker_processes_leave_the_run_unkept(
    make_repo, minimal_manifest, several_readers
):
    """Their reads are not observed in this process, so the result cache must not keep it."""
    with recording() as record:
        gathered(make_repo, minimal_manifest, MIXED_EVIDENCE, mixed_files(), Limits())
    assert record.spoilt == "evidence was read in worker processes"


def test_a_size_limit_is_met_at_the_same_declaration_however_files_are_read(
    make_repo, minimal_manifest, several_readers
):
    limits = Limits(max_evidence_bytes=2000)
    with pytest.raises(TooMuchEvidenceError, match=r"reached at sboms/\*\.json\)"):
        gathered(make_repo, minimal_manifest, MIXED_EVIDENCE, mixed_files(), limits)


def test_a_size_limit_met_first_is_the_refusal_even_when_the_file_limit_follows(
    make_repo, minimal_manifest, several_readers
):
    limits = Limits(max_evidence_bytes=2000, max_evidence_files=7)  # 8 files are named
    with pytest.raises(TooMuchEvidenceError, match="--max-evidence-size"):
        gathered(make_repo, minimal_manifest, MIXED_EVIDENCE, mixed_files(), limits)


# --- the facts a report carries -------------------------------------------------------------


def halving_cut(facts: dict, limit: int) -> dict:
    """The rule as docs/report.md states it, done the slow way: lists cut to their first N
    items, N halving from the longest list's length until the compact JSON fits."""
    keep = max((len(v) for v in evidence_module._walk(facts) if isinstance(v, list)), default=0)
    while True:
        cut = evidence_module._cut(facts, keep)
        if evidence_module._size(cut) <= limit or keep == 0:
            return cut
        keep //= 2


@pytest.mark.parametrize("components", [3, 300, 5000, 70_000])
def test_facts_too_big_for_the_report_are_cut_as_the_halving_rule_says(components):
    facts = {
        "components": [{"name": f"lib-{n}", "licenses": ["MIT"]} for n in range(components)],
        "notes": ["x" * 500, "short"],
    }
    bounded, truncated = evidence_module.bounded_facts(facts, limit=4096)
    assert truncated == (evidence_module._size(facts) > 4096)
    assert bounded == (halving_cut(facts, 4096) if truncated else facts)
    assert evidence_module._size(bounded) <= 4096


def test_reader_processes_end_quietly_when_the_check_stops_them(
    make_repo, minimal_manifest, several_readers, capfd
):
    def interrupted(number, frame):  # what the CLI installs: SIGTERM stops the run
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        gathered(make_repo, minimal_manifest, MIXED_EVIDENCE, mixed_files(), Limits())
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert "Traceback" not in capfd.readouterr().err


def test_a_reader_process_leaves_sigterm_to_its_default_and_sigint_to_the_parent():
    saved = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    try:
        evidence_module._quiet_reader()
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, saved[0])
        signal.signal(signal.SIGINT, saved[1])
