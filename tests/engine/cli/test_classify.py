"""`ai-assure classify` explains a classification fact by fact; `ai-assure migrate` turns a
version 1 manifest into version 2 without guessing a fact (docs/classification.md)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from engine import cli
from engine.manifest import load_manifest
from tests.cli import ai_assure

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/ai-manifest.yaml"))
AS_OF = "2026-11-26"


def invoke(*arguments: str | Path):
    return CliRunner().invoke(cli.main, [str(a) for a in arguments])


def version_1_manifest() -> str:
    """The probation example as it was written in version 1 (git history is not needed)."""
    return (Path(__file__).parent / "data" / "probation-v1.yaml").read_text()


@pytest.fixture
def v1_system(tmp_path) -> Path:
    folder = tmp_path / "v1"
    shutil.copytree(ROOT / "examples" / "probation-risk-assistant", folder)
    (folder / ".git").mkdir()
    (folder / "ai-manifest.yaml").write_text(version_1_manifest())
    return folder


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_classify_explains_every_example(example):
    result = invoke("classify", example, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.output  # every fact answered
    classified = json.loads(result.output)
    assert classified["schema"] == "ai-assure/classification/v1"
    assert classified["questions"] == []
    path = classified["path"]
    # every conclusion of the law is a step with its citation and the facts that decided it
    grounds = classified["eu_ai_act"]["grounds"] + classified["uk_data_protection"]["grounds"]
    assert len(path) == len(grounds)
    for step in path:
        assert step["citation"] and step["conclusion"]
        for fact in step["facts"]:
            assert fact["question"] and fact["cite"], fact
    assert {s["kind"] for s in path} >= {"scope", "role"}
    text = invoke("classify", example, "--as-of", AS_OF)
    assert "Decision path" in text.output and "Assurance level:" in text.output
    markdown = invoke("classify", example, "--as-of", AS_OF, "--format", "markdown")
    assert "## Decision path" in markdown.output


def test_the_path_shows_each_fact_with_its_answer_and_the_citation_it_triggered():
    result = invoke("classify", ROOT / "examples" / "probation-risk-assistant", "--as-of", AS_OF)
    assert (
        "    AnnexIII.6(d) (high): high-risk: Annex III 6(d): law enforcement: risk of offending or"
        " re-offending not solely from profiling, or assessing personality traits or past criminal"
        " behaviour\n"
        "        eu_ai_act.annex_iii.points = [AnnexIII.6(d)]  [EU AI Act Art. 6(2), Annex III]\n"
    ) in result.output
    assert "        eu_ai_act.profiling_of_natural_persons = true" in result.output
    assert (
        "  category     high on its facts; the Act does not apply to this system" in result.output
    )


def test_explain_unknowns_asks_the_open_questions_in_plain_language_and_exits_1(v1_system):
    result = invoke("classify", v1_system, "--as-of", AS_OF, "--explain-unknowns")
    assert result.exit_code == 1
    assert "Open questions: " in result.output
    assert (
        "Does the system score or rank people over time based on their social behaviour or"
        " personal characteristics?\n     write it at: eu_ai_act.art_5.social_scoring"
        "  [EU AI Act Art. 5(1)(c)]"
    ) in result.output
    assert "Decision path" not in result.output
    as_json = json.loads(
        invoke("classify", v1_system, "--explain-unknowns", "--format", "json").output
    )
    assert set(as_json) == {"schema", "system", "as_of", "questions"}


def test_a_version_1_manifest_still_loads_and_its_declared_area_counts(v1_system):
    result = invoke("classify", v1_system, "--as-of", AS_OF, "--format", "json")
    classified = json.loads(result.output)
    # the team's Annex III area counts until the points are answered (fail closed)
    assert classified["eu_ai_act"]["category"] == "high"
    assert classified["assurance_level"]["level"] == "high"


def test_migrate_rewrites_version_1_with_every_unknown_fact_as_a_question(v1_system):
    manifest = v1_system / "ai-manifest.yaml"
    result = subprocess_migrate(manifest)
    assert result.returncode == 0, result.stderr
    text = manifest.read_text()
    assert "apiVersion: ai-assure/v2" in text
    assert "# yaml-language-server: $schema=" in text  # the team's own lines stay
    assert "classification:" not in text and "interacts_with_public" not in text
    migrated = yaml.safe_load(text)
    eu = migrated["eu_ai_act"]
    # what version 1 said as the same fact is carried; its conclusions become labels
    assert eu["profiling_of_natural_persons"] is True
    assert eu["declared"] == {
        "roles": ["deployer"],
        "annex_iii_areas": ["administration_of_justice"],
        "prohibited_practices": [],
        "general_purpose_ai": False,
    }
    assert migrated["uk_data_protection"]["special_category_data"] is True
    # nothing is guessed: each other fact is null under its question
    assert eu["activities"] is None and eu["annex_iii"]["points"] is None
    assert (
        "  # QUESTION (EU AI Act Arts. 3(3)-(7), 2(1)(e)): What does your organisation do with"
        " the system?"
    ) in text
    assert "  - eu_ai_act.activities\n" in result.stderr
    assert load_manifest(manifest).api_version == "ai-assure/v2"


def test_migrate_to_stdout_leaves_the_file_alone(v1_system):
    manifest = v1_system / "ai-manifest.yaml"
    before = manifest.read_text()
    result = invoke("migrate", manifest, "--stdout")
    assert result.exit_code == 0
    assert "apiVersion: ai-assure/v2" in result.stdout
    assert manifest.read_text() == before


#: every version 1 manifest the project keeps: the conformance regressions and the v1 probation
V1_MANIFESTS = sorted(
    [
        *(ROOT / "tests" / "conformance" / "regressions").glob("*/ai-manifest.yaml"),
        Path(__file__).parent / "data" / "probation-v1.yaml",
    ]
)


@pytest.mark.parametrize("manifest", V1_MANIFESTS, ids=lambda p: p.parent.name)
def test_every_version_1_manifest_migrates_to_one_that_loads(tmp_path, manifest):
    copy = tmp_path / "ai-manifest.yaml"
    shutil.copy(manifest, copy)
    result = invoke("migrate", copy)
    assert result.exit_code == 0, result.output
    assert load_manifest(copy).api_version == "ai-assure/v2"


def test_migrating_a_version_2_manifest_is_refused():
    result = ai_assure("migrate", ROOT / "examples" / "document-search", "--stdout")
    assert result.returncode == 2
    assert "apiVersion is ai-assure/v2, not ai-assure/v1: nothing to migrate" in result.stderr


def subprocess_migrate(manifest: Path) -> subprocess.CompletedProcess[str]:
    return ai_assure("migrate", manifest)
