"""The limits through the real CLI: each option tightens what a check accepts, and nothing
in the repository (the manifest, an environment variable a CI file sets) can raise one."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .conftest import System

SBOM = "sbom/document-search.cdx.json"
MB = 1024 * 1024


def test_max_file_size_turns_a_larger_evidence_file_into_evid_001(system: System):
    size = (system.repo / SBOM).stat().st_size
    assert size > 1024
    result = system.check("--max-file-size", "1K")
    system.assert_evidence_rejected(result, SBOM)
    assert f"file is {size} bytes; the limit is 1024" in str(result.findings("EVID-001"))


def test_max_evidence_files_caps_all_declarations_together(system: System):
    result = system.check("--max-evidence-files", "3")
    system.assert_refused(result, "more than 3 files")


def test_max_yaml_depth_and_nodes_apply_to_the_manifest(system: System):
    system.assert_refused(system.check("--max-yaml-depth", "2"), "nesting deeper than 2 levels")
    system.assert_refused(system.check("--max-yaml-nodes", "50"), "alias bomb")


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="memory is watched via /proc")
def test_max_memory_stops_an_sbom_too_big_for_the_evaluator(system: System):
    document = json.loads((system.repo / SBOM).read_text())
    document["components"] = [
        {"type": "library", "name": f"pkg-{i}", "version": "1.0.0", "bom-ref": f"pkg-{i}"}
        for i in range(20_000)
    ]
    system.write(SBOM, json.dumps(document))
    result = system.check("--max-memory", "32M")
    system.assert_refused(result, "--max-memory")
    assert "memory" in result.stderr, result


def test_timeout_covers_the_whole_run_not_only_evaluation(system: System):
    result = system.check("--timeout", "0.01")
    system.assert_refused(result, "did not finish within 0.01 s (the limit is --timeout)")


def test_max_evidence_size_caps_all_evidence_files_together(system: System):
    for index in range(3):
        system.write(f"sbom/part-{index}.cdx.json", (system.repo / SBOM).read_text())
    system.declare("sbom", "sbom/*.cdx.json")
    size = (system.repo / SBOM).stat().st_size
    result = system.check("--max-evidence-size", f"{(size * 3) // 1024}K")
    system.assert_refused(result, "the limit is --max-evidence-size")


@pytest.mark.skipif(sys.platform != "linux", reason="the data segment limit is Linux's")
def test_max_memory_bounds_the_whole_process_not_only_the_evaluator(system: System):
    """Evidence that parses into more objects than the limit: the main process stops at
    `--max-memory` plus headroom, before any evaluator runs."""
    document = json.loads((system.repo / SBOM).read_text())
    properties = [{"name": f"p{i}", "value": "v" * 20} for i in range(8)]
    document["components"] = [
        {"type": "library", "name": f"pkg-{i}", "version": "1", "properties": properties}
        for i in range(40_000)
    ]
    system.write(SBOM, json.dumps(document))
    result = system.check("--max-memory", "64M", "--max-file-size", "64M")
    system.assert_refused(result, "--max-memory")
    assert result.peak_rss_mb < 64 + 150, result


def test_one_file_reports_its_first_errors_then_a_count(system: System):
    evaluation = "reports/retrieval-eval-2026-09.json"
    document = json.loads((system.repo / evaluation).read_text())
    document["metrics"] = [{"name": 1} for _ in range(500)]
    system.write(evaluation, json.dumps(document))
    evidence = [e for e in system.check().report()["evidence"] if e["path"] == evaluation]
    errors = evidence[0]["errors"]
    assert len(errors) == 21 and errors[-1].startswith("... and ")
    assert errors[-1].endswith("more errors in this file")


@pytest.mark.parametrize(
    "option",
    [
        ("--timeout", "0"),
        ("--timeout", "soon"),
        ("--max-file-size", "huge"),
        ("--max-evidence-files", "0"),
        ("--max-yaml-depth", "-1"),
        ("--max-memory", "lots"),
        ("--max-evidence-size", "0"),
    ],
)
def test_a_limit_that_makes_no_sense_is_a_usage_error(system: System, option):
    result = system.check(*option)
    assert result.code == 2, result
    assert "Invalid value for" in result.stderr, result
    assert option[0] in result.stderr, result


def test_a_manifest_cannot_raise_a_limit(system: System):
    text = system.manifest_text()
    system.write_manifest(text + "limits:\n  max_file_size: 1G\n  timeout: 3600\n")
    system.assert_refused(system.check(), "limits: unknown key")


def test_the_environment_cannot_raise_a_limit(system: System, monkeypatch):
    with open(system.repo / SBOM, "r+b") as handle:
        handle.truncate(21 * MB)
    for name in ("AI_ASSURE_MAX_FILE_SIZE", "AI_ASSURE_CHECK_MAX_FILE_SIZE", "AI_ASSURE_LIMITS"):
        monkeypatch.setenv(name, "1G")
    result = system.check()
    system.assert_evidence_rejected(result, SBOM)
    assert "the limit is 20971520" in str(result.findings("EVID-001"))
