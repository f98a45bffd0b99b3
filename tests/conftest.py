"""Fixtures for the whole suite."""

from __future__ import annotations

import contextlib
import functools
import os
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

SHARED = Path(__file__).resolve().parents[2] / "shared"

# Property tests (hypothesis). `ci` is reproducible (the examples derive from each test's
# name, no example database) and bounded so the property suite stays well under a minute on
# two cores; `dev` explores more and remembers failures in .hypothesis/. HYPOTHESIS_PROFILE
# picks one explicitly, else CI=true picks `ci`. Examples can be slow on a loaded machine
# (a whole `run_check`), so no per-example deadline.
settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "dev",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


@pytest.fixture(scope="session", autouse=True)
def _caches_in_the_test_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The compiled-policy and result caches of every command the suite runs (subprocesses
    inherit this) stay in the run's temporary folder, never in the user's home."""
    if os.environ.get("AI_ASSURE_CACHE_DIR"):
        yield
        return
    os.environ["AI_ASSURE_CACHE_DIR"] = str(tmp_path_factory.mktemp("caches"))
    try:
        yield
    finally:
        os.environ.pop("AI_ASSURE_CACHE_DIR", None)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's shared reference folder beside the checkout; absent in a user's clone."""
    if not (SHARED / "reference").is_dir():
        pytest.skip(f"{SHARED} is absent (reference schemas and samples live beside the checkout)")
    return SHARED


def _find_opa() -> str | None:
    """The OPA binary the suite uses: $AI_ASSURE_OPA (set by scripts/test), else PATH."""
    import shutil

    return shutil.which(os.environ.get("AI_ASSURE_OPA") or "opa")


@pytest.fixture(scope="session")
def opa_binary() -> str:
    """Real OPA. In CI it must be there (scripts/test builds it); locally, skip without it."""
    found = _find_opa()
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("OPA is missing in CI: scripts/test should have built it (scripts/install-opa)")
    pytest.skip("OPA not installed: run scripts/install-opa and set AI_ASSURE_OPA")


def _find_regal() -> str | None:
    """Regal, the Rego linter: $AI_ASSURE_REGAL (set by scripts/test), else PATH."""
    import shutil

    return shutil.which(os.environ.get("AI_ASSURE_REGAL") or "regal")


@pytest.fixture(scope="session")
def regal_binary() -> str:
    """Regal. In CI it must be there (scripts/test builds it); locally, skip without it."""
    found = _find_regal()
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(
            "Regal is missing in CI: scripts/test should have built it (scripts/install-regal)"
        )
    pytest.skip("Regal not installed: run scripts/install-regal and set AI_ASSURE_REGAL")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def _opa_server(opa: str, *arguments: str, startup_seconds: float = 30) -> Iterator[str]:
    """Run `opa run --server` on a free loopback port with `arguments`; yield its URL.

    Waits until OPA reports its bundles activated (`/health?bundles`) and always stops it.
    """
    url = f"http://127.0.0.1:{_free_port()}"
    address = url.removeprefix("http://")
    command = [
        opa,
        "run",
        "--server",
        "--addr",
        address,
        "--shutdown-grace-period",
        "1",
        *arguments,
    ]
    # OPA logs every request: its output goes to a file, never to an unread pipe, which
    # fills up and stalls the server mid-test.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_healthy(process, url, log, startup_seconds)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_healthy(process: subprocess.Popen, url: str, log, seconds: float) -> None:
    import requests

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            output = log.read().decode(errors="replace")
            raise RuntimeError(f"OPA exited {process.returncode}: {output[-2000:]}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{url}/health?bundles", timeout=1).status_code == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"OPA did not become healthy within {seconds} s")


@pytest.fixture(scope="session")
def run_opa_server(opa_binary: str):
    """`with run_opa_server("--bundle", path) as url:` runs a real OPA server on loopback."""
    return functools.partial(_opa_server, opa_binary)
