"""The results store keeps every run append-only, on SQLite and on a real PostgreSQL server:
the same run twice is stored once, history cannot be rewritten, the shipped migrations make
exactly the tables the code reads, and eight concurrent writers lose and duplicate nothing."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from engine.assessment.model import Report, parse_report
from engine.assessment.run import CheckOptions, run_check
from engine.store import Store
from tests.cli import COMMAND, ROOT

AS_OF = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def report() -> Report:
    return run_check(ROOT / "examples" / "probation-risk-assistant", CheckOptions(as_of=AS_OF))


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


@pytest.mark.parametrize("statement", ["UPDATE runs SET verdict = 'pass'", "DELETE FROM findings"])
def test_history_cannot_be_rewritten(store_url, report, statement):
    store = Store(store_url)
    store.add(report, source="check", commit=None)
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
    assert store.upgrade() == "0001"  # idempotent


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
