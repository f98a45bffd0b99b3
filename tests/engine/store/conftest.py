"""A real PostgreSQL server for the store tests, started from Debian's `postgresql` package
(scripts/test installs it) in a temporary folder, on a Unix socket only, and stopped after
the session. As root, the server runs as the `postgres` user (PostgreSQL refuses root)."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_DATABASES = itertools.count(1)


def _postgres_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(versions[-1]).parent if versions else None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Path]:
    """The socket folder of a running PostgreSQL server (trust authentication)."""
    binaries = _postgres_bin()
    if binaries is None:
        pytest.skip("PostgreSQL is not installed (scripts/test installs Debian's postgresql)")
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install .[test])")
    prefix: list[str] = []
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root, and no `postgres` user to run PostgreSQL as")
    folder = Path(tempfile.mkdtemp(prefix="ai-assure-pg-"))
    if os.geteuid() == 0:
        os.chown(folder, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, log = folder / "data", folder / "server.log"

    def run(*command: str | Path) -> None:
        subprocess.run([*prefix, *map(str, command)], check=True, capture_output=True)

    run(binaries / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
    options = f"-k {folder} -c listen_addresses='' -F"
    run(binaries / "pg_ctl", "-D", data, "-o", options, "-l", log, "-w", "-t", "60", "start")
    try:
        yield folder
    finally:
        run(binaries / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: Path) -> str:
    """A new, empty database on the test server."""
    import psycopg

    name = f"ai_assure_{os.getpid()}_{next(_DATABASES)}"
    with psycopg.connect(host=str(postgres_server), user="postgres", dbname="postgres") as db:
        db.autocommit = True
        db.execute(f"CREATE DATABASE {name}")
    return f"postgresql+psycopg://postgres@/{name}?host={postgres_server}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs on both backends."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'results.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url
