"""Gathering evidence within the limits: no file is read once the declarations, together,
name more files than one check may read."""

from __future__ import annotations

import pytest

from engine.assessment.evidence import TooMuchEvidenceError, gather
from engine.core.files import PathEscapeError
from engine.core.limits import Limits
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
