"""Interrupted runs end cleanly, never in a traceback and never in exit 0.

While a command runs, SIGINT (Ctrl-C) and SIGTERM (a cancelled CI job) raise `Interrupted`,
so every `finally` and cleanup runs: a report being written is removed, not left half
written, and the evaluator's child process is killed. The command then prints one line naming
the signal and exits 2: an interrupted run did not assess the system (DESIGN.md contract 6
has no other codes; the message tells a cancelled run apart).
"""

from __future__ import annotations

import functools
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

import click

_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_Command = TypeVar("_Command", bound=Callable[..., Any])


class Interrupted(BaseException):
    """A signal asked the run to stop. Not an `Exception`: no `except Exception` swallows it."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def exit_on_interrupt(command: _Command) -> _Command:
    """Run `command` with SIGINT and SIGTERM turned into `Interrupted`, then exit 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            return command(*args, **kwargs)  # only the main thread may handle signals
        previous = {number: signal.signal(number, _interrupt) for number in _SIGNALS}
        try:
            return command(*args, **kwargs)
        except Interrupted as exc:
            name = signal.Signals(exc.number).name
            click.echo(
                f"ai-assure: interrupted by {name}: the run did not finish; "
                "no report file was left half-written",
                err=True,
            )
            sys.exit(2)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)

    return wrapper  # type: ignore[return-value]


def _interrupt(number: int, _frame: FrameType | None) -> None:
    for each in _SIGNALS:  # one is enough: let the cleanup finish undisturbed
        signal.signal(each, signal.SIG_IGN)
    raise Interrupted(number)
