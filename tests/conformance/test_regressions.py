"""Systems on which evaluators once disagreed (each folder under regressions/, with its
assessment date in `as_of` and what it is about in `README.md`): every evaluator must give
the same report on each, byte for byte, for good."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conformance.harness import reports

REGRESSIONS = Path(__file__).parent / "regressions"
CASES = sorted(p for p in REGRESSIONS.iterdir() if p.is_dir() and not p.name.startswith("_"))


def test_there_are_regression_fixtures():
    assert len(CASES) >= 8


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_every_evaluator_agrees_on_a_past_divergence(case, tmp_path, opa_binary, opa_url):
    system = tmp_path / case.name
    shutil.copytree(case, system)
    (system / ".git").mkdir()
    as_of = (case / "as_of").read_text().strip()
    outputs = reports(system, as_of, opa_binary, opa_url)
    assert outputs["opa"] == outputs["embedded"]
    assert outputs["opa-server"] == outputs["embedded"]
