"""Interrupted runs end cleanly, never in a traceback and never in exit 0.

While a command runs, SIGINT (Ctrl-C) and SIGTERM (a cancelled CI job) raise `Interrupted`,
so every `finally` and cleanup runs: a report being written is removed, not left half
written, and the evaluator's child process is killed. The command line then prints one line
naming the signal and exits 2: an interrupted run did not assess the system
(docs/contracts.md, exit codes, has no other code; the message tells a cancelled run apart).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """A signal asked the run to stop. Not an `Exception`: no `except Exception` swallows it."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number

    @property
    def signal_name(self) -> str:
        return signal.Signals(self.number).name


@contextlib.contextmanager
def signals_interrupt() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise `Interrupted` (main thread only: no other
    thread may handle signals); the previous handlers come back afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.signal(number, _interrupt) for number in _SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _interrupt(number: int, _frame: FrameType | None) -> None:
    for each in _SIGNALS:  # one is enough: let the cleanup finish undisturbed
        signal.signal(each, signal.SIG_IGN)
    raise Interrupted(number)
