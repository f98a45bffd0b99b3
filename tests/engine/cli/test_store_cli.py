"""`ai-assure check --store`, `store ingest` and `store upgrade` through the real command line:
CI artifacts feed the store, a signed assurance record is verified before it is kept, and
one that does not verify is refused without stopping the others."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from engine.store import Store
from tests.cli import ai_assure
from tests.keys import write_pem

ROOT = Path(__file__).resolve().parents[3]
AS_OF = "2026-11-26"
COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture
def system(tmp_path) -> Path:
    """The probation example in a repository whose HEAD is COMMIT."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "examples" / "probation-risk-assistant", repo)
    (repo / ".git" / "refs" / "heads").mkdir(parents=True)
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (repo / ".git" / "refs" / "heads" / "main").write_text(COMMIT + "\n")
    return repo


@pytest.fixture
def keys(tmp_path) -> tuple[Path, Path]:
    return write_pem(tmp_path / "signer.pem", ed25519.Ed25519PrivateKey.generate())


def test_check_keeps_the_run_with_its_commit(system, tmp_path):
    url = f"sqlite:///{tmp_path / 'results.db'}"
    result = ai_assure("check", system, "--as-of", AS_OF, "--store", url, "--format", "json")
    assert result.returncode == 1
    (run,) = Store(url).runs()
    assert (run.system_id, run.verdict, run.commit_sha, run.source) == (
        "probation-risk-assistant",
        "fail",
        COMMIT,
        "check",
    )
    assert Store(url).report(run.id) == json.loads(result.stdout)


def test_a_portfolio_check_keeps_every_system(tmp_path):
    database = tmp_path / "results.db"  # a bare path is a SQLite store
    result = ai_assure(
        "check", "--discover", ROOT / "examples", "--as-of", AS_OF, "--store", database
    )
    assert result.returncode == 1, result.stderr
    assert sorted(run.system_id for run in Store(str(database)).runs()) == [
        "document-search",
        "probation-risk-assistant",
        "public-llm-assistant",
    ]


def test_ingest_verifies_records_refuses_a_forged_one_and_keeps_the_rest(system, keys, tmp_path):
    private, public = keys
    record, report = tmp_path / "record.json", tmp_path / "report.json"
    result = ai_assure(
        "check", system, "--as-of", AS_OF, "--attest", record, "--attest-key", private,
        "--format", f"json={report}",
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    forged = tmp_path / "forged.json"
    envelope = json.loads(record.read_text())
    statement = json.loads(base64.b64decode(envelope["payload"]))
    statement["predicate"]["verdict"] = "pass"
    envelope["payload"] = base64.b64encode(json.dumps(statement).encode()).decode()
    forged.write_text(json.dumps(envelope))
    url = f"sqlite:///{tmp_path / 'results.db'}"

    result = ai_assure(
        "store", "ingest", record, forged, report, "--store", url, "--key", public,
        "--commit", COMMIT,
    )  # fmt: skip
    assert result.returncode == 2
    assert f"{forged}: refused, the record does not verify" in result.stderr
    assert (
        f"{record}: probation-risk-assistant fail as of {AS_OF}: stored as run 1" in result.stdout
    )
    runs = list(Store(url).runs())
    assert [(run.source, run.verdict) for run in runs] == [("record", "fail")]  # report == record
    assert f"{report}: probation-risk-assistant fail as of {AS_OF}: already stored" in result.stdout

    again = ai_assure(
        "store", "ingest", record, "--store", url, "--key", public, "--commit", COMMIT
    )
    assert again.returncode == 0 and "already stored" in again.stdout
    assert len(list(Store(url).runs())) == 1


def test_a_record_needs_a_key_and_other_files_are_refused(system, tmp_path):
    record = tmp_path / "record.json"
    ai_assure("check", system, "--as-of", AS_OF, "--attest", record)
    other = tmp_path / "other.json"
    other.write_text('{"schema": "something/else"}')
    url = f"sqlite:///{tmp_path / 'results.db'}"
    result = ai_assure("store", "ingest", record, other, "--store", url)
    assert result.returncode == 2
    assert "an assurance record: give --key to verify its signature" in result.stderr
    assert "neither a JSON report (ai-assure/report/v1) nor an assurance record" in result.stderr
    assert list(Store(url).runs()) == []
    unsigned = ai_assure("store", "ingest", record, "--store", url, "--allow-unsigned")
    assert unsigned.returncode == 0, unsigned.stderr


def test_a_report_with_a_wrong_field_is_refused(tmp_path):
    report = json.loads(
        ai_assure(
            "check", ROOT / "examples" / "document-search", "--as-of", AS_OF, "--format", "json"
        ).stdout
    )
    good, wrong_verdict, wrong_date = (tmp_path / f"{n}.json" for n in ("good", "verdict", "date"))
    good.write_text(json.dumps(report))
    wrong_verdict.write_text(json.dumps({**report, "verdict": "great"}))
    wrong_date.write_text(json.dumps({**report, "as_of": "soon"}))
    database = tmp_path / "results.db"
    result = ai_assure("store", "ingest", wrong_verdict, wrong_date, good, "--store", database)
    assert result.returncode == 2
    assert f"{wrong_verdict}: not a valid report: verdict:" in result.stderr
    assert f"{wrong_date}: not a valid report: as_of: not a YYYY-MM-DD date" in result.stderr
    assert [run.as_of for run in Store(str(database)).runs()] == [AS_OF]  # the good one is kept


def test_upgrade_creates_the_schema_and_an_unusable_store_is_one_clear_error(tmp_path):
    result = ai_assure("store", "upgrade", "--store", tmp_path / "results.db")
    assert result.returncode == 0 and result.stdout.endswith("schema at revision 0002\n")
    bad = ai_assure("store", "upgrade", "--store", "postgresql+psycopg://me:secret@127.0.0.1:1/x")
    assert bad.returncode == 2
    assert bad.stderr.startswith(
        "ai-assure: error: cannot upgrade the store postgresql+psycopg://me:***@"
    )
    assert "Traceback" not in bad.stderr and "secret" not in bad.stderr
