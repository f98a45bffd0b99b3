"""Native policy code runs in a forked child with a time limit: whatever the child does —
answer, raise, hang, crash, exit, print — the parent gets a value or one `EvaluationError`,
and no child is left running."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from engine.evaluators import EvaluationError
from engine.evaluators._isolation import can_isolate, run_isolated, start_isolated

pytestmark = pytest.mark.skipif(not can_isolate(), reason="needs os.fork")

ROOT = Path(__file__).resolve().parents[3]


def children() -> set[int]:
    """This process's live children (Linux), so a test can prove none was left behind."""
    path = Path(f"/proc/self/task/{os.getpid()}/children")
    return {int(pid) for pid in path.read_text().split()} if path.exists() else set()


def test_the_work_runs_in_another_process_and_its_value_comes_back():
    value = run_isolated(lambda: {"pid": os.getpid(), "n": [1, 2.5, None, "é"]}, 10, "work")
    assert value["pid"] != os.getpid()
    assert value["n"] == [1, 2.5, None, "é"]


def test_an_evaluation_error_in_the_child_keeps_its_message():
    def fail():
        raise EvaluationError("policy error: boom")

    with pytest.raises(EvaluationError, match=r"^policy error: boom$"):
        run_isolated(fail, 10, "work")


def test_any_other_exception_in_the_child_is_an_evaluation_error():
    def fail():
        raise RecursionError("too deep")

    with pytest.raises(EvaluationError, match=r"^work failed: RecursionError: too deep$"):
        run_isolated(fail, 10, "work")


def test_a_child_that_never_finishes_is_killed_at_the_timeout():
    before = children()
    start = time.monotonic()
    with pytest.raises(EvaluationError, match=r"work did not finish within 0\.3 s"):
        run_isolated(lambda: time.sleep(60), 0.3, "work")
    assert time.monotonic() - start < 5
    assert children() == before


def test_a_child_killed_by_a_signal_is_reported_as_a_crash():
    before = children()
    with pytest.raises(EvaluationError, match=r"^work crashed \(signal 11, SIGSEGV\)$"):
        run_isolated(lambda: os.kill(os.getpid(), signal.SIGSEGV), 10, "work")
    with pytest.raises(EvaluationError, match=r"crashed \(signal 6, SIGABRT\)"):
        run_isolated(os.abort, 10, "work")
    assert children() == before


def test_a_child_that_exits_without_answering_is_an_error():
    with pytest.raises(EvaluationError, match=r"work failed without an answer \(exit status 3\)"):
        run_isolated(lambda: os._exit(3), 10, "work")
    with pytest.raises(EvaluationError, match=r"failed without an answer \(exit status 0\)"):
        run_isolated(lambda: os._exit(0), 10, "work")


def test_an_answer_that_is_not_json_is_an_error():
    with pytest.raises(EvaluationError, match="failed without an answer"):
        run_isolated(lambda: {1, 2}, 10, "work")  # a set cannot be sent back


def test_what_the_child_prints_goes_to_stderr_not_stdout(capfd):
    def noisy():
        os.write(1, b"native noise\n")
        return {}

    assert run_isolated(noisy, 10, "work") == {}
    captured = capfd.readouterr()
    assert "native noise" not in captured.out
    assert "native noise" in captured.err


def test_output_buffered_before_the_fork_is_not_repeated_by_the_child(capfd):
    print("once", end="")  # still in sys.stdout's buffer when the child starts
    run_isolated(dict, 10, "work")
    assert capfd.readouterr().out == "once"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_child_whose_parent_died_stops_on_its_own(tmp_path):
    """Its own alarm: a parent killed with SIGKILL cannot leave a runaway policy behind."""
    pid_file = tmp_path / "child.pid"
    script = textwrap.dedent(
        f"""
        import os, signal, threading, time
        from engine.evaluators import _isolation

        _isolation.ORPHAN_GRACE_S = 0.5

        def work():
            open({str(pid_file)!r}, "w").write(str(os.getpid()))
            time.sleep(60)

        threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGKILL)).start()
        _isolation.run_isolated(work, 1.0, "work")
        """
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=30, check=False)
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    """Running or sleeping; a zombie (dead, waiting to be reaped) does not count."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return status.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="memory is watched via /proc")
def test_a_child_that_grows_past_the_memory_limit_is_killed():
    def hog() -> None:
        held = []
        while True:
            held.append(bytearray(16 * 2**20))
            time.sleep(0.01)

    started = time.monotonic()
    with pytest.raises(EvaluationError, match=r"used more than 128 MiB of memory"):
        run_isolated(hog, timeout=30, what="policy evaluation", max_memory=128 * 2**20)
    assert time.monotonic() - started < 10


def test_a_child_within_the_memory_limit_answers():
    assert run_isolated(lambda: {"ok": True}, 5, "work", max_memory=512 * 2**20) == {"ok": True}


def test_the_child_starts_before_its_input_and_waiting_for_it_is_not_timed():
    def work(read_input):
        return {"input": read_input().decode()}

    running = start_isolated(work, timeout=0.5, what="work")
    time.sleep(1.0)  # the parent gathers evidence for longer than the limit
    assert running.finish(b"the input") == {"input": "the input"}


def test_a_large_input_reaches_a_child_that_reads_it_late():
    data = os.urandom(8 * 2**20)

    def work(read_input):
        time.sleep(0.3)  # still compiling: the pipe fills up and the parent must not block
        return {"sha256": hashlib.sha256(read_input()).hexdigest()}

    value = start_isolated(work, timeout=10, what="work").finish(data)
    assert value == {"sha256": hashlib.sha256(data).hexdigest()}


def test_a_child_that_never_reads_its_input_is_stopped_at_the_timeout():
    def work(read_input):
        time.sleep(60)  # compiling for ever: the input is never read

    before, started = children(), time.monotonic()
    with pytest.raises(EvaluationError, match=r"did not finish within 0\.5 s"):
        start_isolated(work, timeout=0.5, what="work").finish(os.urandom(2**20))
    assert time.monotonic() - started < 5
    assert children() == before


def test_a_cancelled_child_is_killed_and_reaped():
    before = children()
    running = start_isolated(lambda read_input: read_input(), timeout=10, what="work")
    assert children() > before
    running.cancel()
    assert children() == before
