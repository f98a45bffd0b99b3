"""Properties of every registered evidence adapter (issue 7): whatever bytes a repository
holds, `parse` returns facts or recorded errors, never raises; the facts always carry every
key of the kind and are JSON that any evaluator can take (finite numbers, valid Unicode); the
same bytes always give the same result.

Inputs: arbitrary bytes; arbitrary JSON-able documents written as JSON, YAML and Markdown
front matter; and the real files each kind is given (the shipped examples' evidence and the
third-party samples in ../shared/samples) with random edits to their structure or their text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from adapters import KINDS, get_adapter
from adapters.interface import Parsed
from engine.assessment.evidence import declarations
from engine.core.files import expand
from engine.manifest import load_manifest
from tests.strategies import Seed, edited, json_values, seed

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "samples"
#: the shared sample folders and the kinds whose adapters read them
SAMPLE_KINDS = {
    "cyclonedx": ("sbom", "model_cards"),
    "spdx3": ("sbom",),
    "modelcards": ("model_cards",),
}
NAMES = ("evidence.json", "evidence.yaml", "README.md", "notes.txt", "evidence")


def example_evidence() -> dict[str, list[Path]]:
    """Each kind's files as the shipped examples declare them."""
    found: dict[str, list[Path]] = {kind: [] for kind in KINDS}
    for manifest_path in sorted((ROOT / "examples").glob("*/ai-manifest.yaml")):
        manifest = load_manifest(manifest_path).model
        for kind, declared in declarations(manifest).items():
            for each in declared:
                found[kind] += expand(each, manifest_path.parent, ROOT, max_matches=50)
    return found


def all_seeds() -> dict[str, list[Seed]]:
    paths = example_evidence()
    for folder, kinds in SAMPLE_KINDS.items():
        for kind in kinds:
            paths[kind] += sorted((SAMPLES / folder).glob("*.*"))  # none when ../shared is absent
    every = [seed(path) for kind_paths in paths.values() for path in kind_paths]
    return {kind: [seed(path) for path in paths[kind]] or every for kind in KINDS}


SEEDS = all_seeds()


def edited_evidence(kind: str) -> st.SearchStrategy[tuple[str, bytes]]:
    return st.sampled_from(SEEDS[kind]).flatmap(edited)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, bytes]:
    """Any JSON-able document, written as JSON, YAML or Markdown front matter."""
    data = draw(json_values())
    shape = draw(st.sampled_from(["json", "yaml", "front-matter"]))
    name = {"json": "evidence.json", "yaml": "evidence.yaml", "front-matter": "README.md"}[shape]
    return name, Seed(name, b"", shape, body="# Card\n\n## Uses\n\ntext\n").written(data)


def assert_parsed(kind: str, name: str, content: bytes) -> None:
    adapter = get_adapter(kind)
    parsed = adapter.parse(name, content)
    assert isinstance(parsed, Parsed)
    assert parsed.format is None or isinstance(parsed.format, str)
    assert set(parsed.facts) == set(adapter.parse(name, b"").facts), "a fact key went missing"
    # what every evaluator needs: strict JSON (no NaN) in valid UTF-8 (no lone surrogates)
    json.dumps(parsed.facts, allow_nan=False, ensure_ascii=False).encode("utf-8")
    assert all(isinstance(error, str) and error for error in parsed.errors), parsed.errors
    assert adapter.parse(name, content) == parsed, "the same bytes parsed differently"


@pytest.mark.parametrize("kind", KINDS)
@given(name=st.sampled_from(NAMES), content=st.binary(max_size=300))
@example(name="evidence.json", content=b'{"schema": "ai-assure/evaluation/v1", "tool": "\\ud800"}')
def test_arbitrary_bytes_give_facts_or_errors(kind, name, content):
    assert_parsed(kind, name, content)


@pytest.mark.parametrize("kind", KINDS)
@given(document=documents())
def test_arbitrary_documents_give_facts_or_errors(kind, document):
    assert_parsed(kind, *document)


@pytest.mark.parametrize("kind", KINDS)
@given(data=st.data())
def test_edited_real_evidence_gives_facts_or_errors(kind, data):
    assert_parsed(kind, *data.draw(edited_evidence(kind)))
