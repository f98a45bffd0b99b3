"""The results store: every check's report, kept append-only in SQL (SQLAlchemy 2).

A URL names it: `sqlite:///results.db` (the default kind; a bare file path means SQLite too)
or `postgresql+psycopg://user@host/db` for a department. The schema is made and upgraded by
the Alembic migrations shipped in `engine/store/migrations` (`ai-assure store upgrade`, and
automatically when a store is opened); one process migrates at a time (an advisory lock on
PostgreSQL, a file lock beside a SQLite database).

SQLAlchemy and Alembic are imported only here, and this module only by the commands that
use a store: `ai-assure check` without `--store` never loads them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.assessment.model import Report
from engine.core.errors import AssuranceError
from engine.core.text import natural_key as id_order

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

    from engine.assessment.run import SystemInput

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_RUN_COLUMNS = ("id", "system_id", "commit_sha", "verdict", "as_of", "source", "ingested_at")
_LOCK_KEY = 0x41_49_41_53  # "AIAS": the advisory lock migrations take on PostgreSQL


class StoreError(AssuranceError):
    """The store cannot be opened, migrated, read or written; the message says why."""


@dataclass(frozen=True)
class Added:
    run_id: int
    created: bool  # False: the same run (report and commit) was already there


@dataclass(frozen=True)
class StoredRun:
    """One run as the portfolio view lists it; its whole report is read only on demand
    (`Store.report`), since a store holds years of runs."""

    id: int
    system_id: str
    commit_sha: str | None
    verdict: str
    as_of: str
    source: str
    ingested_at: str
    failed: int  # failed findings


@dataclass(frozen=True)
class StoredInput:
    """The input a run evaluated, as `policy impact --store` evaluates it again."""

    run_id: int
    system_id: str
    as_of: str
    input: SystemInput


@dataclass(frozen=True)
class LatestInputs:
    inputs: list[StoredInput]  # per system, its latest run with a stored input, by id
    missing: list[str]  # systems with runs but no stored input (ingested reports), by id


def store_url(text: str) -> str:
    """A URL as given, or a bare file path as a SQLite URL."""
    return text if "://" in text else f"sqlite:///{Path(text)}"


def natural_key(report_json: str, commit: str | None) -> str:
    """What makes a run the same run: its canonical report and the commit it was run on."""
    return hashlib.sha256(f"{report_json}\n{commit or ''}".encode()).hexdigest()


class Store:
    """An opened store. `add` writes one run; `runs` and `report` feed the portfolio view
    and the register, `latest_inputs` the policy impact."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = store_url(url)
        self.engine = _engine(self.url)
        if migrate:
            self.upgrade()

    @property
    def shown(self) -> str:
        """The URL with any password hidden (for messages)."""
        return self.engine.url.render_as_string(hide_password=True)

    def upgrade(self) -> str:
        """Bring the schema to the newest revision (idempotent); its revision id."""
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""
        with self._errors("upgrade"), self.engine.connect() as connection:
            if _revision(connection) == head:
                return head
        with self._errors("upgrade"), _MigrationLock(self), self.engine.begin() as connection:
            if _revision(connection) != head:
                from alembic import command

                config = _alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        return head

    def require_current(self) -> None:
        """Refuse a store without this version's schema (`StoreError`)."""
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
        url = self.engine.url
        if url.get_backend_name() == "sqlite" and not Path(url.database or ":memory:").is_file():
            raise StoreError(f"{self.shown}: no such database file")
        with self._errors("read"), self.engine.connect() as connection:
            found = _revision(connection)
        if found != head:
            state = "no results store" if found is None else f"schema revision {found}"
            raise StoreError(
                f"{self.shown}: {state}, not {head} (`ai-assure store upgrade` makes it current)"
            )

    def add(
        self,
        report: Report,
        *,
        source: str,
        commit: str | None,
        signer: str | None = None,
        system_input: SystemInput | None = None,
    ) -> Added:
        """Write one run, its findings and the input it evaluated (when known); nothing when
        the same run is already there, but its input when that run has none yet."""
        from sqlalchemy import exc, select

        from engine.store.schema import runs

        text = report.to_json()
        key = natural_key(text, commit)
        with self._errors("write to"):
            try:
                with self.engine.begin() as connection:
                    run_id = _insert(connection, report, text, key, source, commit, signer)
                    if system_input is not None:
                        _insert_input(connection, run_id, system_input)
                return Added(run_id, True)
            except exc.IntegrityError:  # a concurrent or earlier writer stored this run
                with self.engine.connect() as connection:
                    found = connection.scalar(select(runs.c.id).where(runs.c.natural_key == key))
                if found is None:
                    raise
                if system_input is not None:
                    self._complete(int(found), system_input)
                return Added(int(found), False)

    def _complete(self, run_id: int, system_input: SystemInput) -> None:
        """Add the input of a run stored without one (say, its report ingested first)."""
        from sqlalchemy import exc

        try:
            with self.engine.begin() as connection:
                _insert_input(connection, run_id, system_input)
        except exc.IntegrityError:  # the run has its input already (one per run: primary key)
            pass

    def latest_inputs(self, as_of: str) -> LatestInputs:
        """Per system assessed on or before `as_of`, its latest run (by date assessed, then
        as stored) that has a stored input; and the systems none of whose runs has one.
        A stored input whose digest does not match is refused (`StoreError`)."""
        from sqlalchemy import select

        from engine.store.schema import run_inputs, runs

        query = (
            select(runs.c.id, runs.c.system_id, runs.c.as_of, run_inputs.c.run_id)
            .outerjoin(run_inputs, run_inputs.c.run_id == runs.c.id)
            .where(runs.c.as_of <= as_of)
            .order_by(runs.c.as_of, runs.c.id)
        )
        chosen: dict[str, tuple[int, str]] = {}
        seen: set[str] = set()
        with self._errors("read"), self.engine.connect() as connection:
            for run_id, system_id, day, kept in connection.execute(query):
                seen.add(system_id)
                if kept is not None:
                    chosen[system_id] = (run_id, day)
            found = [
                StoredInput(run_id, system_id, day, self._input(connection, run_id))
                for system_id, (run_id, day) in sorted(
                    chosen.items(), key=lambda item: id_order(item[0])
                )
            ]
        return LatestInputs(found, sorted(seen - set(chosen), key=id_order))

    def _input(self, connection: Connection, run_id: int) -> SystemInput:
        from sqlalchemy import select

        from engine.assessment.run import SystemInput
        from engine.store.schema import run_inputs

        row = connection.execute(select(run_inputs).where(run_inputs.c.run_id == run_id)).one()
        if hashlib.sha256(row.input.encode()).hexdigest() != row.input_digest:
            raise StoreError(
                f"the store {self.shown}: the input of run {run_id} does not match its digest"
            )
        return SystemInput(json.loads(row.input), row.manifest, row.manifest_path)

    def runs(self) -> list[StoredRun]:
        """Every run, oldest first (by date assessed, then as stored), without its report."""
        from sqlalchemy import func, select

        from engine.store.schema import findings, runs

        failed = (
            select(func.count())
            .where(findings.c.run_id == runs.c.id, findings.c.status == "fail")
            .scalar_subquery()
        )
        columns = [runs.c[name] for name in _RUN_COLUMNS]
        query = select(*columns, failed.label("failed")).order_by(runs.c.as_of, runs.c.id)
        with self._errors("read"), self.engine.connect() as connection:
            return [StoredRun(**row._asdict()) for row in connection.execute(query)]

    def report(self, run_id: int) -> dict[str, Any]:
        """One run's canonical JSON report, parsed."""
        from sqlalchemy import select

        from engine.store.schema import runs

        with self._errors("read"), self.engine.connect() as connection:
            text = connection.scalar(select(runs.c.report).where(runs.c.id == run_id))
        if text is None:
            raise StoreError(f"the store {self.shown} has no run {run_id}")
        found: dict[str, Any] = json.loads(text)
        return found

    def count(self) -> tuple[int, int]:
        """How many runs and findings the store holds."""
        from sqlalchemy import func, select

        from engine.store.schema import findings, runs

        with self._errors("read"), self.engine.connect() as connection:
            return (
                int(connection.scalar(select(func.count()).select_from(runs)) or 0),
                int(connection.scalar(select(func.count()).select_from(findings)) or 0),
            )

    def _errors(self, action: str) -> _Refusal:
        return _Refusal(f"cannot {action} the store {self.shown}")


class _Refusal:
    """A context that turns a database error into one `StoreError` line."""

    def __init__(self, what: str) -> None:
        self.what = what

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, error: Any, _trace: Any) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(error, SQLAlchemyError):
            detail = str(getattr(error, "orig", None) or error).strip().splitlines()
            raise StoreError(f"{self.what}: {detail[0] if detail else type(error).__name__}")


def _engine(url: str) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(parsed, connect_args={"timeout": 60})
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        return create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise StoreError(f"--store: not a usable database URL ({exc})") from None
    except ImportError as exc:
        raise StoreError(f"--store: the database driver is not installed ({exc})") from None


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """Writers wait for each other instead of failing; foreign keys are enforced."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.close()


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


class _MigrationLock:
    """One migrating process at a time: PostgreSQL's advisory lock, or a lock file beside a
    SQLite database (an in-memory one has no other process)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.release: list[Any] = []

    def __enter__(self) -> None:
        url = self.store.engine.url
        if url.get_backend_name() == "postgresql":
            from sqlalchemy import text

            connection = self.store.engine.connect()
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _LOCK_KEY})
            self.release.append(lambda: _unlock(connection))
        elif url.database and url.database != ":memory:" and sys.platform != "win32":
            import fcntl  # Windows: SQLite's own locking alone (no concurrent first migration)

            stream = open(f"{url.database}.lock", "a")  # closed in __exit__
            fcntl.flock(stream, fcntl.LOCK_EX)
            self.release.append(stream.close)

    def __exit__(self, *_: Any) -> None:
        for release in self.release:
            release()


def _unlock(connection: Connection) -> None:
    from sqlalchemy import text

    connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _LOCK_KEY})
    connection.close()


def _insert_input(connection: Connection, run_id: int, system_input: SystemInput) -> None:
    from sqlalchemy import insert

    from engine.store.schema import run_inputs

    text = system_input.document_json()
    connection.execute(
        insert(run_inputs).values(
            run_id=run_id,
            input=text,
            input_digest=hashlib.sha256(text.encode()).hexdigest(),
            manifest=system_input.manifest,
            manifest_path=system_input.shown,
        )
    )


def _insert(
    connection: Connection,
    report: Report,
    text: str,
    key: str,
    source: str,
    commit: str | None,
    signer: str | None,
) -> int:
    from sqlalchemy import insert

    from engine.store.schema import finding_controls, findings, runs

    level = report.assurance_level
    run_id = connection.scalar(
        insert(runs)
        .values(
            natural_key=key,
            system_id=report.system.id,
            system_name=report.system.name,
            commit_sha=commit,
            as_of=report.as_of,
            verdict=report.verdict,
            tier=report.tier.level,
            assurance_level=level.level if level is not None else None,
            fail_on=report.fail_on,
            policy_source=report.policy.source,
            policy_revision=report.policy.revision,
            policy_digest=report.policy.digest,
            tool_version=report.tool.version,
            source=source,
            signer=signer,
            ingested_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            report=text,
        )
        .returning(runs.c.id)
    )
    if not report.findings:
        return int(run_id)
    rows = [
        {
            "run_id": run_id,
            "rule_id": finding.rule_id,
            "severity": finding.severity,
            "status": finding.status,
            "fingerprint": finding.fingerprint,
            "path": finding.location.path,
            "line": finding.location.line,
            "message": finding.message,
        }
        for finding in report.findings
    ]
    statement = insert(findings).returning(findings.c.id, sort_by_parameter_order=True)
    ids = connection.execute(statement, rows).scalars().all()
    controls = [
        {"finding_id": finding_id, "control_id": control}
        for finding_id, finding in zip(ids, report.findings, strict=True)
        for control in sorted(set(finding.controls))
    ]
    if controls:
        connection.execute(insert(finding_controls), controls)
    return int(run_id)
