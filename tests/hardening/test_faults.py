"""Fault injection through the real CLI (issue 7): the evaluator hanging or crashing, a run
interrupted by SIGINT or SIGTERM, report files that cannot be written (read-only folder,
full disk). Every case ends in a non-zero exit with one message and no traceback, every
report file is complete or absent, and no temporary file or evaluator process is left.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .conftest import System

ROOT = Path(__file__).resolve().parents[2]

COMMAND = [sys.executable, "-c", "from engine.cli import run; run()", "check"]
AS_OF = ["--as-of", "2026-11-26"]
MAIN = "package ai_assure.main\n\nimport rego.v1\n\n"
SPINS = (  # nested iteration that never succeeds: runs for minutes, in constant memory
    MAIN + "spins if {\n  some i in numbers.range(1, 100000)\n"
    "  some j in numbers.range(1, 100000)\n  i * j == -1\n}\n\n"
    'result := {"tier": "minimal", "spins": spins}\n'
)
SPINS_IN_PLACE = (  # the same loop over one range built once: slow to grow in memory
    MAIN + "many := numbers.range(1, 100000)\n\nspins if {\n  some i in many\n"
    "  some j in many\n  i * j == -1\n}\n\n"
    'result := {"tier": "minimal", "spins": spins}\n'
)
TOO_DEEP = MAIN + 'result := {"tier": ' + "[" * 100_000 + "1" + "]" * 100_000 + "}\n"


def environment() -> dict[str, str]:
    """No compiled-policy cache (as in CI): the run writes no file but its reports."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "CI": "true", "NO_COLOR": "1"}


def run(*arguments: str | Path, **options) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *map(str, arguments)],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=60,
        **options,
    )


def policy_dir(base: Path, source: str) -> Path:
    folder = base / "policies"
    folder.mkdir()
    (folder / "main.rego").write_text(source)
    return folder


def assert_one_clean_error(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result.stdout[-2000:] + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ai-assure:")]
    assert len(errors) == 1, result.stderr
    assert message in errors[0], result.stderr


def assert_complete_or_absent(folder: Path, expected: set[str]) -> None:
    """Only finished reports (no temporary files); each one a complete document."""
    present = {path.name for path in folder.iterdir()}
    assert present <= expected, present
    for name in present:
        text = (folder / name).read_text(encoding="utf-8")
        if name.endswith((".json", ".sarif")):
            json.loads(text)
        else:
            assert text.rstrip().endswith(">"), text[-200:]


# --- the evaluator -----------------------------------------------------------------------


def test_a_policy_that_never_finishes_is_exit_2_at_the_timeout(system: System, tmp_path: Path):
    start = time.monotonic()
    result = run(
        system.repo,
        *AS_OF,
        "--governance-policies",
        policy_dir(tmp_path, SPINS),
        "--timeout",
        "1",
        "--format",
        "json",
    )
    assert time.monotonic() - start < 15
    assert_one_clean_error(result, "did not finish within 1 s (the limit is --timeout)")
    report = json.loads(result.stdout)
    assert report["verdict"] == "error"
    [error] = report["errors"]
    assert error.endswith("did not finish within 1 s (the limit is --timeout)")


def test_a_policy_nested_too_deep_to_compile_is_exit_2_with_one_short_message(
    system: System, tmp_path: Path
):
    """A term nested 100,000 deep once crashed rego-cpp (a segfault); OPA refuses to parse
    it. The message quotes the source line, cut to a length a terminal can show."""
    policies = policy_dir(tmp_path, TOO_DEEP)
    result = run(system.repo, *AS_OF, "--governance-policies", policies, "--format", "json")
    assert_one_clean_error(result, "OPA could not compile the policies")
    assert "max parsing recursion depth exceeded" in result.stderr
    assert len(result.stderr) < 5_000
    assert json.loads(result.stdout)["verdict"] == "error"


# --- interrupted runs ----------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def _gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return status.rsplit(")", 1)[1].split()[0] in ("Z", "X")


@pytest.mark.skipif(
    not Path(f"/proc/self/task/{os.getpid()}/children").exists(), reason="needs /proc children"
)
@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_run_exits_2_and_leaves_nothing_behind(
    system: System, tmp_path: Path, number: signal.Signals
):
    out = tmp_path / "out"
    out.mkdir()
    formats = ["--format", f"json={out / 'report.json'}", "--format", f"sarif={out / 'r.sarif'}"]
    policies = policy_dir(tmp_path, SPINS)
    command = [*COMMAND, str(system.repo), *AS_OF, "--governance-policies", str(policies), *formats]
    process = subprocess.Popen(
        command, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        evaluator = _wait_for_the_evaluator(process)
        process.send_signal(number)
        stdout, stderr = process.communicate(timeout=20)
    finally:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    assert process.returncode == 2, stderr
    assert f"ai-assure: interrupted by {number.name}" in stderr
    assert "Traceback" not in stdout + stderr
    assert list(out.iterdir()) == []  # no report, no temporary file
    assert _gone(evaluator)


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupt_stops_a_compiled_policy_at_once(
    system: System, tmp_path: Path, number: signal.Signals
):
    """The policy ships compiled, so nothing but WebAssembly runs: the signal must still
    end the run at once, not when the evaluation would have returned."""
    from engine.evaluators.wasm_build import build_folder

    policies = policy_dir(tmp_path, SPINS_IN_PLACE)
    build_folder(policies)
    command = [*COMMAND, str(system.repo), *AS_OF, "--governance-policies", str(policies)]
    process = subprocess.Popen(
        command, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        time.sleep(1.5)  # long enough to be evaluating
        assert process.poll() is None, process.communicate()
        start = time.monotonic()
        process.send_signal(number)
        _, stderr = process.communicate(timeout=20)
        stopped_in = time.monotonic() - start
    finally:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    assert process.returncode == 2, stderr
    assert f"ai-assure: interrupted by {number.name}" in stderr
    assert "Traceback" not in stderr
    assert stopped_in < 3, stopped_in


def _wait_for_the_evaluator(process: subprocess.Popen[str]) -> int:
    """The evaluator's child process, once the run has reached policy evaluation."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        children = _children(process.pid)
        if children:
            return children[0]
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    pytest.fail("the run never started evaluating")


# --- reports that cannot be written ---------------------------------------------------------


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """A folder nobody can create files in: chmod, or for root (who ignores modes) the
    immutable attribute. Skips where neither works."""
    folder.chmod(0o555)
    immutable = os.geteuid() == 0 and shutil.which("chattr") is not None
    if immutable:
        subprocess.run(["chattr", "+i", str(folder)], check=False, capture_output=True)
    try:
        try:
            (folder / "probe").touch()
        except OSError:
            pass
        else:
            (folder / "probe").unlink()
            pytest.skip("cannot make a read-only folder here")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=False, capture_output=True)
        folder.chmod(0o755)


def test_a_report_into_a_read_only_folder_is_exit_2_and_the_others_complete_or_absent(
    system: System, tmp_path: Path
):
    good, locked = tmp_path / "good", tmp_path / "locked"
    good.mkdir()
    locked.mkdir()
    with read_only(locked):
        result = run(
            system.repo,
            *AS_OF,
            "--format",
            f"json={good / 'report.json'}",
            "--format",
            f"sarif={locked / 'report.sarif'}",
            "--format",
            f"junit={good / 'junit.xml'}",
        )
        assert list(locked.iterdir()) == []
    assert_one_clean_error(result, f"cannot write {locked / 'report.sarif'}")
    assert_complete_or_absent(good, {"report.json", "junit.xml"})
    assert (good / "report.json").exists()  # written before the failure, and whole


def test_a_report_to_a_full_device_is_exit_2_and_the_device_is_left_alone(
    system: System, tmp_path: Path
):
    if not (Path("/dev/full").exists() and Path("/dev/full").is_char_device()):
        pytest.skip("/dev/full is not a device here")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").symlink_to("/dev/full")  # a link: a regression cannot touch /dev
    result = run(system.repo, *AS_OF, "--format", f"json={out / 'report.json'}")
    assert_one_clean_error(result, "No space left on device")
    assert [p.name for p in out.iterdir()] == ["report.json"]
    assert os.readlink(out / "report.json") == "/dev/full"


def _files_of_at_most_4_kib() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_disk_that_fills_up_mid_report_leaves_no_file_and_no_temporary(
    system: System, tmp_path: Path
):
    """RLIMIT_FSIZE makes a write fail part-way (EFBIG) as a full disk (ENOSPC) would."""
    out = tmp_path / "out"
    out.mkdir()
    result = run(
        system.repo,
        *AS_OF,
        "--format",
        f"json={out / 'report.json'}",
        preexec_fn=_files_of_at_most_4_kib,
    )
    assert_one_clean_error(result, f"cannot write {out / 'report.json'}: File too large")
    assert list(out.iterdir()) == []
