"""Properties of the gate (issue 7): it fails closed. Whatever the findings and errors,
`verdict` is never `pass` when anything errored; and a real assessment (`run_check` on a copy
of a shipped example whose evidence files or manifest were edited at random) maps to exit 0,
1 or 2, and never to 0 when the report records an error, and never ends in an internal
error: bad input is a finding or a clear refusal, never a crash.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from engine.assessment.model import Finding, Report
from engine.assessment.run import EXIT_CODES, CheckOptions, run_check, verdict
from engine.cli import FAIL_ON
from engine.core.shape import from_data
from engine.core.vocabulary import severity_rank
from tests.strategies import Texts, edited, hostile_text, model_values, mutated, seed

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
SYSTEMS = sorted(path.parent for path in EXAMPLES.glob("*/ai-manifest.yaml"))
AS_OF = dt.date(2026, 11, 26)

findings = model_values(Finding, Texts(st.text(max_size=8))).map(
    lambda data: from_data(Finding, data)
)
fail_on_levels = st.sampled_from(FAIL_ON)


def assert_fails_closed(report: Report) -> None:
    code = EXIT_CODES[report.verdict]
    assert code in (0, 1, 2)
    if report.errors or any(finding.status == "error" for finding in report.findings):
        assert code == 2, report.errors
    internal = [error for error in report.errors if error.startswith("internal error")]
    assert not internal, internal


@given(
    findings=st.lists(findings, max_size=12),
    errors=st.lists(st.text(max_size=8), max_size=2),
    fail_on=fail_on_levels,
)
def test_the_verdict_is_error_whenever_anything_errored(findings, errors, fail_on):
    result = verdict(findings, errors, fail_on)
    errored = bool(errors) or any(finding.status == "error" for finding in findings)
    assert (result == "error") == errored


@given(findings=st.lists(findings, max_size=12), fail_on=fail_on_levels)
def test_a_failure_at_or_above_the_threshold_always_fails_the_gate(findings, fail_on):
    result = verdict(findings, [], fail_on)
    failing = fail_on != "never" and any(
        finding.status == "fail" and severity_rank(finding.severity) <= severity_rank(fail_on)
        for finding in findings
    )
    if result != "error":
        assert (result == "fail") == failing


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("systems")


@contextlib.contextmanager
def copy_of(system: Path, workspace: Path) -> Iterator[Path]:
    """The example in a fresh folder that is its own repository, removed afterwards."""
    with tempfile.TemporaryDirectory(dir=workspace) as folder:
        repo = Path(folder) / system.name
        shutil.copytree(system, repo)
        (repo / ".git").mkdir()
        yield repo


@given(data=st.data(), system=st.sampled_from(SYSTEMS), fail_on=fail_on_levels)
def test_a_gate_over_edited_evidence_fails_closed(workspace, data, system, fail_on):
    with copy_of(system, workspace) as repo:
        files = sorted(path for path in repo.rglob("*") if path.is_file() and path.parent != repo)
        chosen = data.draw(st.lists(st.sampled_from(files), min_size=1, max_size=3, unique=True))
        for path in chosen:
            _, content = data.draw(edited(seed(path)))
            path.write_bytes(content)
        assert_fails_closed(run_check(repo, CheckOptions(as_of=AS_OF, fail_on=fail_on)))


@given(data=st.data(), system=st.sampled_from(SYSTEMS), fail_on=fail_on_levels)
def test_a_gate_over_an_edited_manifest_fails_closed(workspace, data, system, fail_on):
    with copy_of(system, workspace) as repo:
        manifest = repo / "ai-manifest.yaml"
        document = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        junk = st.one_of(hostile_text(), st.integers())
        text = yaml.safe_dump(data.draw(mutated(document, junk)), allow_unicode=True)
        manifest.write_text(text, encoding="utf-8")
        assert_fails_closed(run_check(repo, CheckOptions(as_of=AS_OF, fail_on=fail_on)))
