"""Every benchmark still runs: the smallest run of each, through its own command line, ends
well and prints its numbers (a benchmark that broke with a refactor measures nothing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "document-search"

SMALLEST_RUNS = {
    "check_latency.py": ["--runs", "1", str(EXAMPLE)],
    "compare.py": ["--runs", "1"],
    "eval_latency.py": ["--runs", "1", str(EXAMPLE)],
    "evaluators.py": ["--count", "4", "--workers", "1"],
    "evidence_gathering.py": ["--files", "7", "--size-mb", "0.05", "--runs", "1"],
    "hook_latency.py": ["--runs", "1"],
    "policy_impact.py": ["--count", "4", "--workers", "1"],
    "portfolio.py": ["--sizes", "3", "--jobs", "1"],
    "startup.py": ["--runs", "1"],
}


def test_every_benchmark_has_a_smallest_run():
    scripts = {path.name for path in (ROOT / "bench").glob("*.py")} - {"__init__.py"}
    assert scripts - {"corpus.py"} == set(SMALLEST_RUNS)  # corpus.py is bench/evaluators.py's


@pytest.mark.parametrize("script", sorted(SMALLEST_RUNS))
def test_the_smallest_run_of_a_benchmark_ends_well(script, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *SMALLEST_RUNS[script]],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert any(char.isdigit() for char in result.stdout)
