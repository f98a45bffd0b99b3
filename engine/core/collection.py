"""Bulk work that builds many objects, without Python's cyclic garbage collector running
through it.

Parsing 200 MB of evidence creates tens of millions of short-lived objects; each time enough
pile up, the collector walks every object still alive, and the facts already gathered are
many. JSON, YAML and the facts made from them hold no reference cycles, so reference counting
frees them the moment they are dropped: pausing the cyclic collector while evidence is
gathered and canonicalised changes no result and saves about a third of the time
(bench/evidence_gathering.py). It runs again, as before, when the block ends.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_collection() -> Iterator[None]:
    """Within the block, the cyclic garbage collector does not run; afterwards it is as it
    was (a block inside another leaves it paused)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
