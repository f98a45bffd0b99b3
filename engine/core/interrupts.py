"""Interrupted runs end cleanly, never in a traceback and never in exit 0.

While a command runs, SIGINT (Ctrl-C) and SIGTERM (a cancelled CI job) raise `Interrupted`,
so every `finally` and cleanup runs: a report being written is removed, not left half
written, and the evaluator's child process is killed. The command line then prints one line
naming the signal and exits 2: an interrupted run did not assess the system
(docs/contracts.md, exit codes, has no other code; the message tells a cancelled run apart).

Python runs a signal handler only between bytecodes, so native code that runs long (a
policy evaluating in WebAssembly) would hold the interrupt until it returned. Such code
registers `on_interrupt(stop)`: a watcher thread, woken through `signal.set_wakeup_fd`,
calls `stop` as soon as the signal arrives, and the handler runs once control is back.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType

_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_STOPPERS: list[Callable[[], None]] = []
_DEFERRING: list[bool] = []  # main thread only: `deferred` blocks in progress
_PENDING: list[int] = []  # an interrupt that came during them
_LOCK = threading.Lock()


class Interrupted(BaseException):
    """A signal asked the run to stop. Not an `Exception`: no `except Exception` swallows it."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number

    @property
    def signal_name(self) -> str:
        return signal.Signals(self.number).name


def on_interrupt(stop: Callable[[], None]) -> None:
    """Call `stop` (from another thread) when SIGINT or SIGTERM arrives within
    `signals_interrupt`; `stop` must make long-running native code return soon."""
    with _LOCK:
        if stop not in _STOPPERS:
            _STOPPERS.append(stop)


@contextlib.contextmanager
def signals_interrupt() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise `Interrupted` (main thread only: no other
    thread may handle signals); the previous handlers come back afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.signal(number, _interrupt) for number in _SIGNALS}
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    previous_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    watcher = threading.Thread(target=_watch, args=(read_end,), daemon=True)
    watcher.start()
    try:
        yield
    finally:
        signal.set_wakeup_fd(previous_fd)
        for number, handler in previous.items():
            signal.signal(number, handler)
        os.close(write_end)  # the watcher reads end-of-file and ends
        watcher.join(timeout=1)
        os.close(read_end)


def _watch(read_end: int) -> None:
    """Wait for a signal's wake-up byte, then stop whatever native code is running."""
    with contextlib.suppress(OSError):
        while os.read(read_end, 1):
            with _LOCK:
                stoppers = list(_STOPPERS)
            for stop in stoppers:
                stop()


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Within the block an interrupt is only noted; it is raised when the block ends (for a
    step that must not be cut in two, such as starting a child process)."""
    _DEFERRING.append(True)
    try:
        yield
    finally:
        _DEFERRING.pop()
    if not _DEFERRING and _PENDING:
        raise Interrupted(_PENDING.pop())


def _interrupt(number: int, _frame: FrameType | None) -> None:
    for each in _SIGNALS:  # one is enough: let the cleanup finish undisturbed
        signal.signal(each, signal.SIG_IGN)
    if _DEFERRING:
        _PENDING.append(number)
        return
    raise Interrupted(number)
