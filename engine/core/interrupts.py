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
_PENDING: list[BaseException] = []  # an interrupt or deadline that came during them
_LOCK = threading.Lock()


class DeadlineExceeded(BaseException):
    """The whole run took longer than `--timeout`. Not an `Exception`, for the same reason
    as `Interrupted`: no `except Exception` along the way may swallow it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


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
def deadline(seconds: float) -> Iterator[None]:
    """Within the block, raise `DeadlineExceeded` once `seconds` have passed (SIGALRM; main
    thread only, elsewhere the block runs unbounded). Native code registered with
    `on_interrupt` is stopped as for SIGINT, when `signals_interrupt` is also active."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_number: int, _frame: FrameType | None) -> None:
        if _DEFERRING:
            _PENDING.append(DeadlineExceeded(seconds))
            return
        raise DeadlineExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
        raise _PENDING.pop()


def _interrupt(number: int, _frame: FrameType | None) -> None:
    for each in _SIGNALS:  # one is enough: let the cleanup finish undisturbed
        signal.signal(each, signal.SIG_IGN)
    if _DEFERRING:
        _PENDING.append(Interrupted(number))
        return
    raise Interrupted(number)
