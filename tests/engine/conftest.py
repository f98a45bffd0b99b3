"""Fixtures shared by the engine tests: a small, valid system in a throwaway repository."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

MINIMAL_MANIFEST = textwrap.dedent(
    """\
    apiVersion: ai-assure/v1
    kind: AISystem
    metadata:
      id: tiny-search
      name: Tiny Search
      owner:
        team: Knowledge Tools
        senior_responsible_owner: Head of Digital
        contact: knowledge-tools@example.gov.uk
      lifecycle_stage: alpha
    system:
      description: Finds internal guidance documents.
      purpose: Help staff find guidance.
      users: [caseworkers]
      deployment: internal
      decision_role: information-retrieval
      human_oversight:
        mode: human-in-the-loop
        description: Staff read every document a search returns.
    models:
      - name: embedder
        version: 1.0.0
        type: in-house
        model_card: docs/model-card.md
    evidence:
      sbom: [sbom.cdx.json]
    """
)


def write_repo(root: Path, manifest: str, files: dict[str, str | bytes] | None = None) -> Path:
    """A git-looking folder holding `ai-manifest.yaml` and the given files."""
    (root / ".git").mkdir(parents=True, exist_ok=True)
    (root / "ai-manifest.yaml").write_text(manifest)
    for name, content in (files or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
    return root


@pytest.fixture
def minimal_manifest() -> str:
    return MINIMAL_MANIFEST


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the minimal manifest and no evidence files."""
    return write_repo(tmp_path / "repo", MINIMAL_MANIFEST)


@pytest.fixture
def make_repo(tmp_path: Path):
    """`make_repo(manifest=MINIMAL, files=..., name="repo")` builds a repository folder."""

    def make(manifest: str = MINIMAL_MANIFEST, files=None, name: str = "repo") -> Path:
        return write_repo(tmp_path / name, manifest, files)

    return make
