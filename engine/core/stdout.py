"""The standard streams: keep native code from writing into our stdout, and stand in for a
stream whose descriptor was closed.

regopy (rego-cpp) prints diagnostics and Rego `print()` output straight to file descriptor 1,
below Python's `sys.stdout`. A report written to stdout must never be corrupted by that, so
while native evaluation runs, descriptor 1 points at stderr.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def stdout_to_stderr() -> Iterator[None]:
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def replace_closed_streams() -> None:
    """Give a stream whose descriptor was closed before start-up (Python leaves it None) a
    stand-in: writing the report to a closed stdout fails like any failed write (exit 2,
    "cannot write"); messages to a closed stderr have nowhere to go and are dropped."""
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_Closed()), encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = io.TextIOWrapper(io.BufferedWriter(_Discarding()), encoding="utf-8")


class _Closed(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, "the stream is closed")


class _Discarding(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        return len(data)
