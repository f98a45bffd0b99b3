"""Run native policy code where it cannot take ai-assure down: a forked child, timed.

rego-cpp (regopy) compiles and evaluates policies in native code, in our process. A policy
that runs for ever would hang the gate; a native crash (rego-cpp overflows its stack on
terms nested thousands of levels deep) would kill it without a report or a message.
`run_isolated` forks: the child runs the work with file descriptor 1 on stderr and sends
back its JSON result, or its error message, through a pipe; the parent waits at most
`timeout` seconds and then kills it. Every way the child can fail — a timeout, a signal, an
exception, garbage — becomes one `EvaluationError`, so the check ends in exit 2.

The child inherits the parent's memory (the compiled policies, the input document), so
nothing but the result is copied. It also arms its own alarm a little after the deadline:
should the parent die without killing it, it still cannot run on.
"""

from __future__ import annotations

import contextlib
import faulthandler
import functools
import json
import os
import select
import signal
import struct
import sys
import time
from collections.abc import Callable
from typing import Any, NoReturn

from engine.core.stdout import stdout_to_stderr
from engine.evaluators.interface import EvaluationError

ORPHAN_GRACE_S = 5.0  # the child's own alarm fires this long after the parent's deadline
_CHUNK = 1 << 16
_WATCH_INTERVAL_S = 0.05  # how often the parent looks at the child's memory
_OVER_MEMORY = "over memory"
_SENT = "sent"
_LENGTH = struct.Struct(">Q")  # the input's length, before the input
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def can_isolate() -> bool:
    """Isolation needs `os.fork` (Linux, macOS, the BSDs; not Windows)."""
    return hasattr(os, "fork")


def run_isolated(
    work: Callable[[], Any], timeout: float, what: str, max_memory: int | None = None
) -> Any:
    """`work()` run in a forked child within `timeout` seconds and, where the parent can
    watch it (Linux), `max_memory` bytes of resident memory; `what` names it in errors."""
    return start_isolated(lambda _read_input: work(), timeout, what, max_memory).finish(b"")


def start_isolated(
    work: Callable[[Callable[[], bytes]], Any],
    timeout: float,
    what: str,
    max_memory: int | None = None,
) -> Isolated:
    """Fork a child that runs `work(read_input)` at once: it can do what needs no input
    (compiling) while this process prepares the input, then `read_input()` waits for the
    bytes `Isolated.finish` sends through a pipe. The limits count from `finish`."""
    sys.stdout.flush()  # or the child would inherit, and repeat, what is still buffered
    sys.stderr.flush()
    input_read, input_write = os.pipe()
    result_read, result_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(input_write)
        os.close(result_read)
        read_input = functools.partial(_read_input, input_read, timeout)
        _child(functools.partial(work, read_input), result_write, timeout, what)
    os.close(input_read)
    os.close(result_write)
    return Isolated(pid, input_write, result_read, timeout, what, max_memory)


class Isolated:
    """A forked child working towards its result; `finish` or `cancel` it exactly once."""

    def __init__(
        self,
        pid: int,
        input_write: int,
        result_read: int,
        timeout: float,
        what: str,
        max_memory: int | None,
    ) -> None:
        self._pid, self._input, self._result = pid, input_write, result_read
        self._timeout, self._what, self._max_memory = timeout, what, max_memory
        self._running = True

    def finish(self, data: bytes) -> Any:
        """Send `data` as the child's input and return its value (or raise its error)."""
        status: int | str | None = None
        payload = b""
        try:
            deadline = time.monotonic() + self._timeout
            status = self._send(_LENGTH.pack(len(data)) + data, deadline)
            if status == _SENT:
                payload, status = _collect(self._pid, self._result, deadline, self._max_memory)
        finally:
            self._close(reaped=isinstance(status, int))
        if isinstance(status, str):  # _OVER_MEMORY (`_collect` always replaces _SENT)
            limit = (self._max_memory or 0) // 2**20
            raise EvaluationError(
                f"{self._what} used more than {limit} MiB of memory (the limit is --max-memory)"
            )
        return _outcome(payload, status, self._timeout, self._what)

    def cancel(self) -> None:
        """Stop the child if it is still running (the input never came)."""
        if self._running:
            self._close(reaped=False)

    def _send(self, message: bytes, deadline: float) -> str | None:
        """Write `message` to the child without ever blocking past `deadline` (the child reads
        only once it has compiled). `_SENT`, or None when time ran out, or `_OVER_MEMORY`.
        A child that has ended stops the sending: its result (or status) says why."""
        os.set_blocking(self._input, False)
        view = memoryview(message)
        while view:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            _, ready, _ = select.select([], [self._input], [], min(remaining, _WATCH_INTERVAL_S))
            if not ready:
                if self._max_memory is not None and _resident_bytes(self._pid) > self._max_memory:
                    return _OVER_MEMORY
                continue
            try:
                view = view[os.write(self._input, view[:_CHUNK]) :]
            except BlockingIOError:
                continue
            except BrokenPipeError:
                break
        os.close(self._input)
        self._input = -1
        return _SENT

    def _close(self, reaped: bool) -> None:
        self._running = False
        for fd in (self._input, self._result):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        if not reaped:  # stopped, failed or interrupted: never leave it running
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)


def _read_input(input_read: int, timeout: float) -> bytes:
    """In the child: the input the parent sends (a length, then the bytes). While it waits
    the alarm is off (the parent may take long to gather evidence); should the parent die,
    the pipe ends and so does the child. Once the input starts to come, the limit runs."""
    signal.setitimer(signal.ITIMER_REAL, 0)
    header = _read_exactly(input_read, _LENGTH.size)
    signal.setitimer(signal.ITIMER_REAL, timeout + ORPHAN_GRACE_S)
    data = _read_exactly(input_read, _LENGTH.unpack(header)[0])
    os.close(input_read)
    return data


def _read_exactly(fd: int, size: int) -> bytes:
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, _CHUNK))
        if not chunk:
            os._exit(0)  # the parent went away or gave up: nobody wants the answer
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _child(work: Callable[[], Any], write_end: int, timeout: float, what: str) -> NoReturn:
    """Run `work`, send `{"value": ...}` or `{"error": ...}`, and exit without cleanup."""
    code = 0
    try:
        faulthandler.disable()  # a crash is reported by the parent in one line, not a dump
        _lift_data_limit()  # rego-cpp's allocator reserves far more than it uses
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGALRM):
            signal.signal(number, signal.SIG_DFL)  # stop at once, even inside native code
        signal.setitimer(signal.ITIMER_REAL, timeout + ORPHAN_GRACE_S)
        try:
            with stdout_to_stderr():
                message = {"value": work()}
        except EvaluationError as exc:
            message = {"error": str(exc)}
        except Exception as exc:
            message = {"error": f"{what} failed: {type(exc).__name__}: {exc}"}
        with os.fdopen(write_end, "wb") as stream:
            stream.write(json.dumps(message).encode())
    except BaseException:
        code = 70  # EX_SOFTWARE: the parent reports the exit status
    finally:
        os._exit(code)


def _lift_data_limit() -> None:
    """Undo the process's data-segment bound (`process_memory_cap`) in the child, whose
    memory the parent bounds by resident size instead (`_resident_bytes`)."""
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    resource.setrlimit(resource.RLIMIT_DATA, (hard, hard))


def _collect(
    pid: int, read_end: int, deadline: float, max_memory: int | None
) -> tuple[bytes, int | str | None]:
    """Everything the child wrote and its wait status; the status is None when time ran out
    and `_OVER_MEMORY` when the child's resident memory went over `max_memory`."""
    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return b"", None
        ready, _, _ = select.select([read_end], [], [], min(remaining, _WATCH_INTERVAL_S))
        if not ready:
            if max_memory is not None and _resident_bytes(pid) > max_memory:
                return b"", _OVER_MEMORY
            continue
        chunk = os.read(read_end, _CHUNK)
        if not chunk:  # end of file: the child closes the pipe only to exit at once
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    return b"".join(chunks), status


def _resident_bytes(pid: int) -> int:
    """The child's resident memory, from /proc (0 where there is none to read).

    An rlimit cannot do this job: rego-cpp's allocator reserves hundreds of GiB of address
    space up front, so RLIMIT_AS and RLIMIT_DATA stop it before it starts."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as stream:
            return int(stream.read().split()[1]) * _PAGE_BYTES
    except (OSError, ValueError, IndexError):
        return 0


def _outcome(payload: bytes, status: int | None, timeout: float, what: str) -> Any:
    number = None if status is None else _signal_of(status)
    if status is None or number == signal.SIGALRM:
        raise EvaluationError(
            f"{what} did not finish within {timeout:g} s (the limit is --timeout)"
        )
    if number is not None:
        raise EvaluationError(f"{what} crashed (signal {number}, {_signal_name(number)})")
    code = os.waitstatus_to_exitcode(status)
    message = _message(payload) if code == 0 else None
    if message is None:
        raise EvaluationError(f"{what} failed without an answer (exit status {code})")
    if "error" in message:
        raise EvaluationError(str(message["error"]))
    return message["value"]


def _message(payload: bytes) -> dict[str, Any] | None:
    """The child's `{"value": ...}` or `{"error": ...}`, else None."""
    try:
        message = json.loads(payload)
    except ValueError:
        return None
    if isinstance(message, dict) and len(message) == 1 and message.keys() <= {"value", "error"}:
        return message
    return None


def _signal_of(status: int) -> int | None:
    return os.WTERMSIG(status) if os.WIFSIGNALED(status) else None


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return "unknown signal"
