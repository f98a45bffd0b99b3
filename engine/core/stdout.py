"""Keep native code from writing into our stdout.

regopy (rego-cpp) prints diagnostics and Rego `print()` output straight to file descriptor 1,
below Python's `sys.stdout`. A report written to stdout must never be corrupted by that, so
while native evaluation runs, descriptor 1 points at stderr.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator


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
