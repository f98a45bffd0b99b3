"""The resource limits of one check and their defaults (docs/limits.md explains each).

Limits are set on the command line (`ai-assure check --max-file-size ... --timeout ...`) and
nowhere else: not in the manifest, not by evidence, not by repository-local policies, not
through the environment. The repository under assessment can therefore never raise them for
itself, and the limits in force are visible in the command a CI log shows. This module
imports nothing heavy: the command line reads its defaults at start-up.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_EVIDENCE_FILES = 500
DEFAULT_MAX_YAML_NODES = 200_000
DEFAULT_MAX_YAML_DEPTH = 64
DEFAULT_TIMEOUT_S = 60.0
DEFAULT_MAX_MEMORY_BYTES = 1024**3
DEFAULT_MAX_EVIDENCE_BYTES = 256 * 1024**2
PROCESS_HEADROOM_BYTES = 64 * 1024**2  # the interpreter and its libraries, above the limit

_SIZE = re.compile(r"(\d+)\s*([KMG]?)(?:i?B)?", re.I)
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES  # one evidence file
    max_evidence_files: int = DEFAULT_MAX_EVIDENCE_FILES  # files one check reads, all declarations
    max_yaml_nodes: int = DEFAULT_MAX_YAML_NODES  # one YAML document, aliases expanded
    max_yaml_depth: int = DEFAULT_MAX_YAML_DEPTH  # nesting of one YAML document
    timeout_s: float = DEFAULT_TIMEOUT_S  # wall-clock limit on the whole run
    max_memory_bytes: int = DEFAULT_MAX_MEMORY_BYTES  # memory of the run (evaluator and process)
    max_evidence_bytes: int = DEFAULT_MAX_EVIDENCE_BYTES  # all evidence files together

    @property
    def max_glob_matches(self) -> int:
        """A single glob may match no more files than the whole check may read."""
        return self.max_evidence_files


def parse_size(text: str) -> int:
    """`20971520`, `512K`, `20M`, `1G` (also `20MB`, `20MiB`): binary units, in bytes."""
    match = _SIZE.fullmatch(text.strip())
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"{text!r} is not a size such as 20M, 512K or 1048576")
    return int(match.group(1)) * _UNITS[match.group(2).upper()]


def format_size(size: int) -> str:
    """The shortest exact form `parse_size` reads back: 20971520 → `20M`."""
    for unit in ("G", "M", "K"):
        if size % _UNITS[unit] == 0:
            return f"{size // _UNITS[unit]}{unit}"
    return str(size)


@contextlib.contextmanager
def process_memory_cap(max_bytes: int) -> Iterator[None]:
    """Within the block, bound this process's data segment (heap and private mappings;
    Linux and macOS) to `max_bytes` plus interpreter headroom: past it, allocation fails,
    the run stops with `MemoryError` and exits 2. Child processes started in the block (OPA)
    inherit the bound. Only ever lowers the bound, and puts the old one back afterwards."""
    if sys.platform == "win32":
        yield
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    wanted = max_bytes + PROCESS_HEADROOM_BYTES
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft <= wanted:
        yield
        return
    resource.setrlimit(resource.RLIMIT_DATA, (wanted, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))
