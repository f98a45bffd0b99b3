"""Interrupts end a run cleanly: raised between steps, held back while a child process
starts (so it can always be killed), and passed at once to native code that runs long."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from engine.core.interrupts import (
    DeadlineExceeded,
    Interrupted,
    deadline,
    deferred,
    on_interrupt,
    signals_interrupt,
)
from engine.core.processes import run_process


def test_a_signal_raises_interrupted_naming_it():
    with pytest.raises(Interrupted) as caught, signals_interrupt():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)
    assert caught.value.signal_name == "SIGTERM"


def test_a_deferred_step_finishes_before_the_interrupt_is_raised():
    finished = []
    with pytest.raises(Interrupted), signals_interrupt(), deferred():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.2)
        finished.append(True)
    assert finished == [True]


def test_native_code_is_told_at_once():
    told = threading.Event()
    on_interrupt(told.set)
    with pytest.raises(Interrupted), signals_interrupt():
        os.kill(os.getpid(), signal.SIGINT)
        assert told.wait(5)  # set from the watcher thread while this thread waits
        time.sleep(0.1)


def test_an_interrupted_child_is_killed_and_reaped(monkeypatch):
    spawned: list[int] = []

    class Recording(subprocess.Popen):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            spawned.append(self.pid)

    def interrupt_soon() -> None:
        time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(subprocess, "Popen", Recording)
    threading.Thread(target=interrupt_soon, daemon=True).start()
    with pytest.raises(Interrupted), signals_interrupt():
        run_process([sys.executable, "-c", "import time; time.sleep(60)"], timeout=30)
    assert spawned
    assert not os.path.exists(f"/proc/{spawned[0]}")


def test_a_deadline_stops_python_code_and_is_disarmed_after():
    with pytest.raises(DeadlineExceeded) as raised, deadline(0.05):
        while True:
            pass
    assert raised.value.seconds == 0.05
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_deadline_that_passes_in_a_deferred_step_is_raised_when_the_step_ends():
    finished = []
    with pytest.raises(DeadlineExceeded), deadline(0.05), deferred():
        time.sleep(0.2)
        finished.append(True)
    assert finished == [True]


def test_a_deadline_outside_the_main_thread_does_not_arm_an_alarm():
    seen = []

    def work():
        with deadline(0.01):
            time.sleep(0.05)
            seen.append(signal.getitimer(signal.ITIMER_REAL))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [(0.0, 0.0)]
