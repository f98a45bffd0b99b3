"""Every real file we hold, under every kind of evidence, through the real command line.

The team's samples (../shared/samples: SBOMs, model cards, SPDX documents written by others)
and this project's fixtures (tests/fixtures/evidence: each tool's own output) are declared
under every evidence kind that has a format of its own, and `ai-assure evidence` reads them
all. A file may be read as what it is and nothing else: no file is claimed by two adapters
(except the documented dual readings below), no kind's readers disagree about a file, and a
file no reader recognises is never `ok`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from adapters import REGISTRY
from tests.cli import ai_assure

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "samples"
FIXTURES = ROOT / "tests" / "fixtures" / "evidence"

# The kinds with formats of their own; the document kinds (atrs_record, monitoring_plan, ...)
# read any text by design, so they are checked only for refusing what is not text.
KINDS = ("model_cards", "sbom", "dpia", "fria", "evaluations", "red_team", "supplier_assessments")
DOCUMENT_KIND = "atrs_record"

# A CycloneDX ML-BOM and an SPDX 3.0 document with an AI package are both an SBOM and a
# model card (docs/evidence.md): the one reading by two adapters that is meant.
BOM_AND_CARD = {"sbom", "model_card"}

# What each file is, as the adapter modules that read it `ok`: {} for a file nothing reads.
EXPECTED_FIXTURES: dict[str, set[str]] = {
    "cyclonedx/environment-1.6.cdx.xml": {"sbom"},
    "deepeval/latest_test_run.json": {"evaluation"},
    "deepeval/test_run_20261207_000707.json": {"evaluation"},
    "dpia/probation-fria.md": {"assessment"},
    "dpia/visits-assistant-dpia.docx": {"assessment"},
    "dpia/visits-assistant-dpia.md": {"assessment"},
    "garak/visits-redteam.hitlog.jsonl": {"evaluation"},
    "garak/visits-redteam.report.jsonl": {"evaluation"},
    "huggingface/eval_results.yaml": {"evaluation"},
    "inspect/broken-task.eval": set(),  # a run that failed: its numbers show nothing
    "inspect/refusal-check.eval": {"evaluation"},
    "inspect/refusal-check.json": {"evaluation"},
    "lm-eval/results_2026-12-07T00-18-30.434401.json": {"evaluation"},
    "model-card/risk-scorer.mct-0.0.1.json": {"model_card"},
    "model-card/visits-topic-classifier-README.md": {"model_card"},
    "promptfoo/eval-results.json": {"evaluation"},
    "promptfoo/redteam-results.json": {"evaluation"},
}
EXPECTED_SAMPLES: dict[str, set[str]] = {
    "README.md": {"model_card"},  # Markdown without front matter is a card, as on the Hub
    "SOURCES.md": {"model_card"},
    "_provenance.json": set(),
    "cyclonedx/invalid-metadata-timestamp-1.6.json": set(),
    "cyclonedx/mlbom-dataset-INVALID-trailing-comma.bom.json": set(),
    "cyclonedx/mlbom-model-card-with-dataset-1.7.bom.json": BOM_AND_CARD,
    "cyclonedx/mlbom-model-foundationmodels.bom.json": BOM_AND_CARD,
    "cyclonedx/mlbom-model-opensource-INVALIDJSON.bom.json": set(),
    "cyclonedx/sbom-cern-lhc-vdm-editor.bom.json": {"sbom"},
    "cyclonedx/valid-component-data-1.6.json": {"sbom"},
    "cyclonedx/valid-machine-learning-1.5.json": BOM_AND_CARD,
    "cyclonedx/valid-machine-learning-1.6.json": BOM_AND_CARD,
    "cyclonedx/valid-machine-learning-considerations-env-1.6.json": BOM_AND_CARD,
    "modelcards/EleutherAI_pythia-160m_README.md": {"model_card"},
    "modelcards/abdalrahmanshahrour_questionanswering-v2_README.md": {"model_card"},
    "modelcards/hfhub-fixture-sample_datasetcard_simple.md": {"model_card"},
    "modelcards/hfhub-fixture-sample_invalid_card_data.md": set(),
    "modelcards/hfhub-fixture-sample_invalid_model_index.md": {"model_card"},  # warnings only
    "modelcards/hfhub-fixture-sample_no_metadata.md": {"model_card"},
    "modelcards/hfhub-fixture-sample_simple_model_index.md": {"model_card"},
    "modelcards/hfhub-fixture-sample_windows_line_breaks.md": {"model_card"},
    "modelcards/imodels_figs-compas-recidivism_README.md": {"model_card"},
    "modelcards/mct-full-v0.0.2.json": {"model_card"},
    "modelcards/opennyaiorg_en_legal_ner_sm_README.md": {"model_card"},
    "modelcards/stabilityai_stable-diffusion-2-1_README.md": {"model_card"},
    "spdx3/ai-example01-simplehtr.spdx3.json": BOM_AND_CARD,
    "spdx3/ai-example02-sbom.spdx3.json": BOM_AND_CARD,
    "spdx3/core-package1.spdx3.json": {"sbom"},
    "spdx3/dataset-example01.spdx3.json": {"sbom"},
    "spdx3/dataset-example04.spdx3.json": {"sbom"},
}
MANIFEST_HEAD = """\
apiVersion: ai-assure/v1
kind: AISystem
metadata:
  id: corpus
  name: Corpus
  owner: {team: Assurance, senior_responsible_owner: Head of Assurance, contact: a@example.gov.uk}
  lifecycle_stage: alpha
system:
  description: Reads every file we hold.
  purpose: Test the adapters.
  users: [testers]
  deployment: internal
  decision_role: information-retrieval
  human_oversight: {mode: human-in-the-loop, description: A tester reads the output.}
evidence:
"""


def _files() -> dict[str, Path]:
    """Every corpus file by its name in the test repository."""
    found = {f"fixtures/{p.relative_to(FIXTURES).as_posix()}": p for p in _under(FIXTURES)}
    if SAMPLES.is_dir():
        found |= {f"samples/{p.relative_to(SAMPLES).as_posix()}": p for p in _under(SAMPLES)}
    return found


def _under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "inputs" not in p.parts)


def _expected() -> dict[str, set[str]]:
    expected = {f"fixtures/{name}": modules for name, modules in EXPECTED_FIXTURES.items()}
    if SAMPLES.is_dir():
        expected |= {f"samples/{name}": modules for name, modules in EXPECTED_SAMPLES.items()}
    return expected


def _module(kind: str) -> str:
    return REGISTRY[kind].split(":")[0].removeprefix("adapters.")


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    repo = tmp_path_factory.mktemp("corpus")
    (repo / ".git").mkdir()
    files = _files()
    for name, source in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, repo / name)
    paths = json.dumps(sorted(files))
    manifest = MANIFEST_HEAD + "".join(f"  {kind}: {paths}\n" for kind in (*KINDS, DOCUMENT_KIND))
    (repo / "ai-manifest.yaml").write_text(manifest)
    result = ai_assure("evidence", repo, "--format", "json")
    assert result.returncode == 1, result.stderr  # some files are refused, on purpose
    evidence: list[dict[str, Any]] = json.loads(result.stdout)["evidence"]
    return evidence


def test_the_corpus_holds_every_file_we_expect() -> None:
    if not SAMPLES.is_dir():
        pytest.skip(f"the team's samples are not at {SAMPLES}")
    assert set(_files()) == set(_expected())


def test_each_file_is_read_by_the_adapters_that_own_its_format_and_no_other(
    records: list[dict[str, Any]],
) -> None:
    read_by: dict[str, set[str]] = {name: set() for name in _files()}
    for record in records:
        if record["kind"] in KINDS and record["status"] == "ok":
            read_by[record["path"]].add(_module(record["kind"]))
    assert read_by == _expected()


def test_no_kind_finds_a_file_ambiguous(records: list[dict[str, Any]]) -> None:
    ambiguous = [
        (r["kind"], r["path"]) for r in records if any("ambiguous" in e for e in r["errors"])
    ]
    assert ambiguous == []


def test_a_file_no_reader_recognises_is_never_ok_and_says_what_it_looks_like(
    records: list[dict[str, Any]],
) -> None:
    for record in records:
        if record["kind"] not in KINDS:
            continue
        if record["format"] is None:
            assert record["status"] == "invalid", record
            assert record["errors"], record
        if record["status"] == "ok":
            assert record["format"], record


def test_a_file_that_is_not_text_is_no_document(records: list[dict[str, Any]]) -> None:
    binary = {r["path"] for r in records if r["kind"] == DOCUMENT_KIND and r["status"] == "ok"}
    assert not {p for p in binary if p.endswith((".eval", ".docx"))}
