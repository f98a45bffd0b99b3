"""The portfolio runner: a worker process that dies fails its systems closed, and the
progress bar is drawn only on a terminal."""

from __future__ import annotations

import datetime as dt
import os
import pty
import subprocess
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from engine.assessment.run import CheckOptions
from engine.portfolio.model import SystemSummary
from engine.portfolio.run import Plan, Target, _outcome_of
from tests.cli import COMMAND, ROOT


def test_a_dead_worker_becomes_an_error_report_for_its_system():
    future: Future = Future()
    future.set_exception(BrokenProcessPool("A child process terminated abruptly"))
    target = Target("teams/a", Path("teams/a"))
    options = CheckOptions(as_of=dt.date(2026, 11, 26))
    outcome = _outcome_of(future, target, options, Plan(reports=("json",), parts=("junit",)))
    assert outcome.summary == SystemSummary(
        path="teams/a",
        id="unknown",
        name="",
        verdict="error",
        tier="unknown",
        assurance_level=None,
        failed=dict.fromkeys(("critical", "high", "medium", "low", "info"), 0),
        warnings=0,
        waived=0,
        errors=("the worker process assessing it ended unexpectedly (BrokenProcessPool)",),
    )
    assert '"verdict": "error"' in outcome.reports["json"]
    assert "<error" in outcome.parts["junit"]


def test_the_progress_bar_is_drawn_on_a_terminal_only(tmp_path):
    leader, follower = pty.openpty()
    arguments = ["check", "examples/document-search", "examples/public-llm-assistant",
                 "--as-of", "2026-11-26", "--format", f"json={tmp_path / 's.json'}"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [*COMMAND, *arguments], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=follower
    ) as process:
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed: the run is over
                break
            if not chunk:
                break
            drawn += chunk
        assert process.wait(timeout=120) == 0
    os.close(leader)
    assert b"checking" in drawn and b"100%" in drawn
