"""The results store keeps every run append-only, on SQLite and on a real PostgreSQL server:
the same run twice is stored once, history cannot be rewritten, the shipped migrations make
exactly the tables the code reads, and eight concurrent writers lose and duplicate nothing."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from engine.assessment.model import Report, parse_report
from engine.assessment.run import Assessment, CheckOptions, assess_system, run_check
from engine.store import LatestInputs, Store, StoreError
from tests.cli import COMMAND, ROOT

AS_OF = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def report() -> Report:
    return run_check(ROOT / "examples" / "probation-risk-assistant", CheckOptions(as_of=AS_OF))


@cache
def assessed() -> Assessment:
    return assess_system(ROOT / "examples" / "probation-risk-assistant", CheckOptions(as_of=AS_OF))


def on(report: Report, day: int) -> Report:
    """The same report, as if assessed on another day: another run."""
    return replace(report, as_of=(AS_OF + dt.timedelta(days=day)).isoformat())


def test_a_run_is_stored_once_with_its_findings_and_controls(store_url, report):
    store = Store(store_url)
    first = store.add(report, source="check", commit="a" * 40)
    again = store.add(report, source="check", commit="a" * 40)
    assert first.created and not again.created and again.run_id == first.run_id
    other_commit = store.add(report, source="check", commit="b" * 40)
    assert other_commit.created  # the same report on another commit is another run
    runs, findings = store.count()
    assert (runs, findings) == (2, 2 * len(report.findings))
    with store.engine.connect() as connection:
        controls = connection.scalar(text("SELECT count(*) FROM finding_controls"))
    assert controls == 2 * sum(len(set(f.controls)) for f in report.findings)
    (stored, _) = store.runs()
    assert stored.system_id == "probation-risk-assistant" and stored.verdict == "fail"
    assert stored.commit_sha == "a" * 40
    assert parse_report(store.report(stored.id)) == report


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE runs SET verdict = 'pass'",
        "DELETE FROM findings",
        "UPDATE run_inputs SET manifest = ''",
        "DELETE FROM run_inputs",
    ],
)
def test_history_cannot_be_rewritten(store_url, report, statement):
    store = Store(store_url)
    store.add(report, source="check", commit=None, system_input=assessed().input)
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
        connection.execute(text(statement))
    assert store.count() == (1, len(report.findings))


def test_the_migrations_make_exactly_the_tables_the_code_reads(store_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from engine.store.schema import metadata

    store = Store(store_url)
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []
    assert store.upgrade() == "0002"  # idempotent
    assert "run_inputs" in metadata.tables  # the comparison covers the newest table too


def test_eight_concurrent_writers_lose_and_duplicate_nothing(store_url, report, tmp_path):
    """Eight `store ingest` processes on a new store (so they race to create it, too): each
    ingests the same six shared runs and three of its own."""
    shared = [_write(tmp_path / f"shared-{day}.json", on(report, day)) for day in range(6)]
    writers = []
    for writer in range(8):
        own = [
            _write(tmp_path / f"own-{writer}-{n}.json", on(report, 100 + writer * 3 + n))
            for n in range(3)
        ]
        command = [*COMMAND, "store", "ingest", "--store", store_url, *shared, *own]
        writers.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    results = [(process.wait(timeout=120), process.stderr.read()) for process in writers]
    assert all(code == 0 for code, _ in results), results
    store = Store(store_url)
    runs = list(store.runs())
    assert len(runs) == 6 + 8 * 3
    assert len({run.as_of for run in runs}) == len(runs)
    assert store.count()[1] == len(runs) * len(report.findings)


def _write(path: Path, report: Report) -> Path:
    path.write_text(report.to_json())
    return path


def test_the_command_line_does_not_import_the_database_libraries():
    probe = (
        "import sys\n"
        "from engine.cli import main\n"
        "try:\n"
        "    main(['check', 'examples/document-search', '--as-of', '2026-11-26'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = sorted(m for m in ('sqlalchemy', 'alembic', 'psycopg') if m in sys.modules)\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.stdout.splitlines()[-1] == "[]", result.stderr


def test_the_view_reads_runs_oldest_first_with_their_failed_counts(store_url, report):
    """What `ai-assure portfolio` and `register --store` read, on both backends."""
    store = Store(store_url)
    for day in (30, 0, 10):  # stored out of order
        store.add(on(report, day), source="report", commit=None)
    runs = store.runs()
    assert [run.as_of for run in runs] == ["2026-11-26", "2026-12-06", "2026-12-26"]
    failed = sum(1 for finding in report.findings if finding.status == "fail")
    assert {run.failed for run in runs} == {failed} and failed > 0
    assert store.report(runs[-1].id)["as_of"] == "2026-12-26"
    result = subprocess.run(
        [*COMMAND, "portfolio", "--store", store_url, "--as-of", "2026-12-31", "--format", "json"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (system,) = json.loads(result.stdout)["systems"]
    assert (system["id"], system["runs"], system["last_checked"], system["days_since"]) == (
        "probation-risk-assistant", 3, "2026-12-26", 5
    )  # fmt: skip


def test_a_checked_run_keeps_the_input_it_evaluated(store_url):
    """What `policy impact --store` evaluates again: the latest run with an input, per system."""
    first = assessed()
    assert first.input is not None
    store = Store(store_url)
    store.add(first.report, source="report", commit=None)  # ingested first: no input
    later = on(first.report, 5)
    store.add(later, source="report", commit=None)
    assert store.latest_inputs("2026-12-31").missing == ["probation-risk-assistant"]
    again = store.add(first.report, source="check", commit=None, system_input=first.input)
    assert not again.created  # the same run: its input is added to it
    (kept,) = store.latest_inputs("2026-12-31").inputs
    assert (kept.run_id, kept.as_of) == (again.run_id, "2026-11-26")
    assert kept.input == first.input
    assert store.latest_inputs("2026-11-25") == LatestInputs([], [])  # nothing checked yet


def test_a_stored_input_that_does_not_match_its_digest_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'results.db'}"
    store = Store(url)
    first = assessed()
    added = store.add(first.report, source="check", commit=None, system_input=first.input)
    with store.engine.begin() as connection:  # as a tampering owner of the file could
        connection.execute(text("DROP TRIGGER run_inputs_no_update"))
        connection.execute(text("UPDATE run_inputs SET input = '{}'"))
    with pytest.raises(StoreError, match=f"the input of run {added.run_id} does not match"):
        store.latest_inputs("2026-12-31")


def test_a_store_of_revision_0001_is_upgraded_and_keeps_its_runs(store_url, report):
    from alembic import command

    from engine.store import _alembic_config

    old = Store(store_url, migrate=False)
    with old.engine.begin() as connection:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    old.add(report, source="report", commit=None)  # what an earlier version stored
    with pytest.raises(StoreError, match="schema revision 0001, not 0002"):
        old.require_current()
    store = Store(store_url)  # opening migrates
    store.require_current()
    assert store.count() == (1, len(report.findings))
    assert store.report(store.runs()[0].id) == json.loads(report.to_json())
    assert store.latest_inputs("2026-12-31").missing == ["probation-risk-assistant"]
    first = assessed()
    store.add(first.report, source="check", commit="c" * 40, system_input=first.input)
    assert len(store.latest_inputs("2026-12-31").inputs) == 1
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
        connection.execute(text("DELETE FROM run_inputs"))


def test_policy_impact_evaluates_the_stored_inputs_again(store_url, tmp_path):
    """`check --store` then `policy impact --store`, on both backends: the same revision
    changes nothing, and every checked system is compared."""
    checked = subprocess.run(
        [*COMMAND, "check", "--discover", "examples", "--as-of", "2026-11-26", "--store",
         store_url],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert checked.returncode == 1, checked.stderr
    result = subprocess.run(
        [*COMMAND, "policy", "impact", "--baseline", "policies", "--candidate", "policies",
         "--store", store_url, "--as-of", "2026-12-01", "--format", "json"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    impact = json.loads(result.stdout)
    assert [s["id"] for s in impact["systems"]] == [
        "document-search", "probation-risk-assistant", "public-llm-assistant"
    ]  # fmt: skip
    assert impact["not_reevaluable"] == [] and impact["summary"]["breaking"] == 0
