"""`ai-assure init`: from an empty repository to a manifest that validates and a check that
says what evidence is still missing."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine import cli
from engine.cli import scaffold as scaffold_command
from engine.manifest.scaffold import COMMENT_COLUMN, slug
from tests.cli import ai_assure


def invoke(*arguments: str, input: str | None = None):
    return CliRunner().invoke(cli.main, list(arguments), input=input)


@pytest.fixture
def empty_repo(tmp_path):
    repo = tmp_path / "Probation Tools"
    (repo / ".git").mkdir(parents=True)
    return repo


def test_init_validate_check_from_an_empty_repository(empty_repo):
    made = invoke(
        "init",
        str(empty_repo),
        "--non-interactive",
        "--team",
        "Risk Tools",
        "--contact",
        "risk@example.gov.uk",
        "--personal-data",
    )
    assert made.exit_code == 0, made.output
    manifest = empty_repo / "ai-manifest.yaml"
    assert manifest.read_text().startswith(
        "# yaml-language-server: $schema=.ai-assure/ai-manifest.schema.json\n"
    )
    assert json.loads((empty_repo / ".ai-assure" / "ai-manifest.schema.json").read_text())
    assert invoke("validate", str(empty_repo)).exit_code == 0
    # a process of its own, as users run it: --max-memory caps the whole process
    checked = ai_assure("check", empty_repo, "--as-of", "2026-11-26", "--format", "json")
    report = json.loads(checked.stdout)
    assert report["system"]["id"] == "probation-tools"
    missing = {e["path"] for e in report["evidence"] if e["status"] == "missing"}
    assert missing == {"docs/model-card.md", "sbom.cdx.json", "docs/dpia.yaml"}
    failed = {f["rule_id"] for f in report["findings"] if f["status"] == "fail"}
    assert {"EVID-001", "DPIA-001"} <= failed
    assert checked.returncode == 1


def test_init_never_overwrites_without_force(empty_repo):
    assert invoke("init", str(empty_repo), "--non-interactive").exit_code == 0
    (empty_repo / "ai-manifest.yaml").write_text("# mine\n")
    again = invoke("init", str(empty_repo), "--non-interactive")
    assert again.exit_code == 0
    assert f"skipped {empty_repo / 'ai-manifest.yaml'}: it exists" in again.output
    assert (empty_repo / "ai-manifest.yaml").read_text() == "# mine\n"
    assert invoke("init", str(empty_repo), "--non-interactive", "--force").exit_code == 0
    assert (empty_repo / "ai-manifest.yaml").read_text() != "# mine\n"


def test_init_on_an_existing_repository_adds_only_the_missing_files(empty_repo):
    assert invoke("init", str(empty_repo), "--non-interactive").exit_code == 0
    (empty_repo / "ai-manifest.yaml").write_text("# the team's edits\n")
    made = invoke("init", str(empty_repo), "--ci", "github", "--ci", "gitlab")
    assert made.exit_code == 0, made.output
    assert (empty_repo / "ai-manifest.yaml").read_text() == "# the team's edits\n"
    assert (empty_repo / ".github" / "workflows" / "ai-assure.yml").is_file()
    assert (empty_repo / ".gitlab-ci.yml").is_file()
    lines = made.output.splitlines()
    assert f"wrote {empty_repo / '.github' / 'workflows' / 'ai-assure.yml'}" in lines
    assert f"wrote {empty_repo / '.gitlab-ci.yml'}" in lines
    skipped = sorted(line.split(":")[0] for line in lines if line.startswith("skipped "))
    assert skipped == [
        f"skipped {empty_repo / '.ai-assure' / 'ai-manifest.schema.json'}",
        f"skipped {empty_repo / 'ai-manifest.yaml'}",
    ]


def test_scaffolded_files_respect_the_umask(empty_repo):
    old = os.umask(0o002)
    try:
        made = invoke("init", str(empty_repo), "--non-interactive", "--ci", "github")
    finally:
        os.umask(old)
    assert made.exit_code == 0, made.output
    for path in ("ai-manifest.yaml", ".github/workflows/ai-assure.yml"):
        assert (empty_repo / path).stat().st_mode & 0o777 == 0o664, path


def test_the_scaffold_lists_every_evidence_kind_with_aligned_comments(empty_repo):
    invoke("init", str(empty_repo), "--non-interactive", "--name", "A much longer # name")
    text = (empty_repo / "ai-manifest.yaml").read_text()
    for entry in ("# fria: docs/fria.yaml", "# atrs_record: transparency/atrs.yaml"):
        assert f"\n  {entry}" in text
    assert "# datasheets: one per dataset, as `datasheet:` under data.datasets" in text
    commented = [TRAILING_COMMENT.match(line) for line in text.splitlines()]
    columns = {match.end() - 2 for match in commented if match}
    assert columns == {COMMENT_COLUMN}
    assert sum(1 for match in commented if match) > 10


#: `key: value  # comment`, the value plain or double-quoted (a quoted `#` is no comment)
TRAILING_COMMENT = re.compile(r' *[a-z_]+:(?: (?:"[^"]*"|[^#" ][^#"]*?))? +# ')


def test_init_asks_on_a_terminal(empty_repo, monkeypatch):
    monkeypatch.setattr(scaffold_command, "_stdin_is_terminal", lambda: True)
    answers = "\n".join(
        [
            "court-listing",
            "Court Listing Assistant",
            "Listing Team",
            "Director of Listing",
            "listing@example.gov.uk",
            "public-facing",
            "information-retrieval",
            "y",
            "",
        ]
    )
    made = invoke("init", str(empty_repo), input=answers)
    assert made.exit_code == 0, made.output
    text = (empty_repo / "ai-manifest.yaml").read_text()
    assert "id: court-listing" in text and 'name: "Court Listing Assistant"' in text
    assert "apiVersion: ai-assure/v2" in text and "deployment: public-facing" in text
    assert "personal_data: true" in text and "dpia: docs/dpia.yaml" in text
    assert 'senior_responsible_owner: "Director of Listing"' in text
    assert "decision_role: information-retrieval" in text
    assert invoke("validate", str(empty_repo)).exit_code == 0
    checked = ai_assure("check", empty_repo, "--as-of", "2026-11-26", "--format", "json")
    failed = {f["rule_id"] for f in json.loads(checked.stdout)["findings"] if f["status"] == "fail"}
    assert "ACC-002" not in failed  # the owner it asks for is the one ACC-002 wants


def test_init_scaffolds_the_facts_with_their_questions_and_guesses_none(empty_repo):
    made = invoke("init", str(empty_repo), "--non-interactive", "--deployment", "public-facing")
    assert made.exit_code == 0, made.output
    text = (empty_repo / "ai-manifest.yaml").read_text()
    # a public-facing deployment does not answer whether people interact with it directly
    assert (
        "  # QUESTION (EU AI Act Art. 50(1)): Do people (the public, customers or your own staff)"
        " interact with the system directly, for example by chatting or talking to it?\n"
        "    interacts_directly_with_natural_persons: null\n"
    ) in text
    assert "  personal_data: false\n" in text
    classified = invoke("classify", str(empty_repo), "--explain-unknowns", "--format", "json")
    assert classified.exit_code == 1  # questions are open
    questions = json.loads(classified.output)["questions"]
    assert {"eu_ai_act.is_ai_system", "organisation.public_authority"} <= {
        q["fact"] for q in questions
    }


def test_answers_that_look_like_yaml_stay_text(empty_repo):
    made = invoke(
        "init", str(empty_repo), "--non-interactive", "--name", 'yes: "no" # x', "--team", "on"
    )
    assert made.exit_code == 0
    assert invoke("validate", str(empty_repo)).exit_code == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Probation Tools", "probation-tools"), ("--", "ai-system"), ("A" * 80, "a" * 64)],
)
def test_ids_are_slugs(text, expected):
    assert slug(text) == expected


def test_init_adds_the_github_workflow_shipped_as_the_example(empty_repo):
    made = invoke("init", str(empty_repo), "--non-interactive", "--ci", "github")
    assert made.exit_code == 0, made.output
    written = (empty_repo / ".github" / "workflows" / "ai-assure.yml").read_text()
    example = Path(__file__).resolve().parents[3] / "examples" / "github" / "ai-assure.yml"
    assert written == example.read_text()


def test_init_adds_gitlab_and_pre_commit_files_their_tools_accept(empty_repo):
    import shutil
    import subprocess
    import sys

    made = invoke("init", str(empty_repo), "--non-interactive", "--ci", "gitlab", "--pre-commit")
    assert made.exit_code == 0, made.output
    gitlab = empty_repo / ".gitlab-ci.yml"
    pre_commit = empty_repo / ".pre-commit-config.yaml"
    schema = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.gitlab-ci",
            str(gitlab),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert schema.returncode == 0, schema.stdout + schema.stderr
    tool = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    assert tool, "pre-commit is part of the test extra"
    config = subprocess.run(
        [tool, "validate-config", str(pre_commit)], capture_output=True, text=True, timeout=120
    )
    assert config.returncode == 0, config.stdout + config.stderr
    hook_ids = {
        line.split("id:")[1].split()[0]
        for line in pre_commit.read_text().splitlines()
        if "- id:" in line
    }
    shipped = (Path(__file__).resolve().parents[3] / ".pre-commit-hooks.yaml").read_text()
    assert all(f"- id: {hook}\n" in shipped for hook in hook_ids)
