"""Evaluation tools run for real, offline, and their fresh output read by `ai-assure evidence`.

The committed fixtures (tests/fixtures/evidence, SOURCES.md) are each tool's output from one
run; these tests make new output with the tool a developer has installed, so a format change
in a new release shows up here first. The tools are not dependencies of ai-assure: each test
runs when its tool is named and skips, saying how, when it is not.

- `AI_ASSURE_PROMPTFOO`: the `promptfoo` executable (`npm install promptfoo`), run with its
  `echo` provider (no model, no network).
- `AI_ASSURE_INSPECT_PYTHON`: a Python with `inspect-ai` installed, run with Inspect's
  `mockllm/model` (no model, no network).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.cli import ai_assure, one_evidence_manifest

INPUTS = Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "inputs"
pytestmark = pytest.mark.slow


def _tool(variable: str, how: str) -> str:
    value = os.environ.get(variable)
    if not value:
        pytest.skip(f"set {variable} to {how} to run this tool for real")
    return value


def _understood(repo: Path, report: Path) -> dict[str, Any]:
    (repo / ".git").mkdir(exist_ok=True)
    manifest = one_evidence_manifest("evaluations", report.relative_to(repo).as_posix())
    (repo / "ai-manifest.yaml").write_text(manifest)
    result = ai_assure("evidence", repo, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    (record,) = json.loads(result.stdout)["evidence"]
    return record


def _run(command: list[str], cwd: Path, **env: str) -> None:
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=600, env={**os.environ, **env}
    )
    # promptfoo exits 100 when a test case fails: the run itself worked
    assert result.returncode in (0, 100), result.stdout[-2000:] + result.stderr[-2000:]


def test_a_fresh_promptfoo_eval_is_read_with_its_tests_and_target(tmp_path: Path) -> None:
    promptfoo = _tool("AI_ASSURE_PROMPTFOO", "the promptfoo executable")
    shutil.copyfile(INPUTS / "promptfooconfig.yaml", tmp_path / "promptfooconfig.yaml")
    _run(
        [promptfoo, "eval", "-c", "promptfooconfig.yaml", "-o", "results.json", "--no-share",
         "--no-cache"],
        tmp_path,
        PROMPTFOO_DISABLE_TELEMETRY="1",
        PROMPTFOO_DISABLE_UPDATE="1",
        PROMPTFOO_CONFIG_DIR=str(tmp_path / ".promptfoo"),
    )  # fmt: skip
    record = _understood(tmp_path, tmp_path / "results.json")
    assert (record["format"], record["status"]) == ("promptfoo", "ok")
    assert record["facts"]["tests"] == {"total": 3, "passed": 2, "failed": 1}
    assert record["facts"]["target"] == "visits-assistant"


@pytest.mark.parametrize(
    ("log_format", "reader"), [("json", "inspect-ai"), ("eval", "inspect-ai-eval")]
)
def test_a_fresh_inspect_log_is_read_with_its_samples(
    tmp_path: Path, log_format: str, reader: str
) -> None:
    python = _tool("AI_ASSURE_INSPECT_PYTHON", "a Python that has inspect-ai installed")
    shutil.copyfile(INPUTS / "inspect_tasks.py.txt", tmp_path / "tasks.py")
    shutil.copyfile(INPUTS / "inspect_run.py.txt", tmp_path / "run.py")
    _run([python, "run.py", log_format, "refusal_check"], tmp_path)
    (log,) = (tmp_path / "logs").glob(f"*.{log_format}")
    record = _understood(tmp_path, log)
    assert (record["format"], record["status"]) == (reader, "ok")
    assert record["facts"]["tests"] == {"total": 4, "passed": 2, "failed": 2}
    assert record["facts"]["tool"].startswith("inspect_ai ")
