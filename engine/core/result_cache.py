"""The result cache: a `check` run again on unchanged inputs answers as the last run did.

The pre-commit hook runs `check` on every commit, and most commits change nothing the check
reads. A finished check (exit 0 or 1) is kept with what it printed and with everything it
learnt from the repository (`engine.core.observed`). A later run reuses it only when

* its key is the same: the engine's own files, the interpreter and its installed packages,
  the command line, the working folder, today's date (UTC), the environment variables the
  engine reads, and whether each output stream is a terminal and in which encoding; and
* every observation still holds: each file read has the same content (sha256), each glob
  the same matches, each path the same resolution and kind.

Then the run would compute the same report, so the same bytes are written, in the same
order, and the same exit code returned. An error (exit 2) is never kept: it is found afresh.
The cache is off in CI and with `AI_ASSURE_NO_CACHE=1` (`engine.core.cache_store`), so a
gate on a shared runner always evaluates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.core import files
from engine.core.assets import asset_dir
from engine.core.cache_store import keep, read_kept
from engine.core.observed import Observation, Recording, still_holds

FORMAT = 1
#: entries kept; beyond this the oldest go
MAX_ENTRIES = 256

_ENVIRONMENT_PREFIXES = ("AI_ASSURE_", "PYTHON", "LC_")
_ENVIRONMENT_NAMES = frozenset(
    {"CI", "NO_COLOR", "LANG", "PATH", "HOME", "XDG_CACHE_HOME", "TERM", "COLUMNS"}
)

Chunk = tuple[int, bytes]  # (file descriptor, bytes written to it)


@dataclass(frozen=True)
class Entry:
    """A finished run: what it wrote, in order, and its exit code."""

    output: list[Chunk]
    exit_code: int


def run_key(argv: list[str], environ: Mapping[str, str]) -> str:
    """Everything besides the repository's content that decides a run's output, digested."""
    material = {
        "format": FORMAT,
        "engine": _engine_fingerprint(),
        "python": [sys.version, sys.executable, _search_path_stamps()],
        "argv": argv,
        "cwd": os.getcwd(),
        "today": dt.datetime.now(dt.timezone.utc).date().isoformat(),
        "environment": {
            name: value
            for name, value in sorted(environ.items())
            if name.startswith(_ENVIRONMENT_PREFIXES) or name in _ENVIRONMENT_NAMES
        },
        "streams": [_stream_traits(stream) for stream in (sys.stdout, sys.stderr)]
        + [_same_file(1, 2)],
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()


def lookup(folder: Path, key: str) -> Entry | None:
    """The kept run for `key` when everything it learnt still holds."""
    content = read_kept(folder, f"{key}.json")
    if content is None:
        return None
    try:
        kept = json.loads(content)
        if kept["format"] != FORMAT or kept["key"] != key:
            return None
        observations: list[Observation] = kept["observations"]
        entry = Entry(
            output=[(fd, text.encode("latin-1")) for fd, text in kept["output"]],
            exit_code=kept["exit"],
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    well_formed = entry.exit_code in (0, 1) and all(fd in (1, 2) for fd, _ in entry.output)
    return entry if well_formed and still_holds(observations) else None


def save(folder: Path, key: str, recording: Recording, entry: Entry) -> None:
    """Keep a finished run (exit 0 or 1) whose every observation was recorded."""
    if recording.spoilt is not None or entry.exit_code not in (0, 1):
        return
    kept = {
        "format": FORMAT,
        "key": key,
        "observations": recording.observations,
        "output": [[fd, data.decode("latin-1")] for fd, data in entry.output],
        "exit": entry.exit_code,
    }
    keep(folder, f"{key}.json", json.dumps(kept).encode())
    _prune(folder)


def replay(entry: Entry) -> int:
    """Write the kept output as it was written; the exit code to end with."""
    for fd, data in entry.output:
        _write_all(fd, data)
    return entry.exit_code


def capture_output() -> list[Chunk]:
    """From now on, everything written to `sys.stdout` and `sys.stderr` goes straight to its
    file descriptor and is also listed, in order (the list returned). A stream on no
    descriptor (a stand-in for a closed one) raises `OSError`, and neither is replaced."""
    for stream in (sys.stdout, sys.stderr):
        stream.fileno()
    chunks: list[Chunk] = []
    sys.stdout, sys.stderr = _teed(sys.stdout, 1, chunks), _teed(sys.stderr, 2, chunks)
    return chunks


class _Tee(io.RawIOBase):
    """A file descriptor whose every write is also listed."""

    def __init__(self, fd: int, chunks: list[Chunk]) -> None:
        super().__init__()
        self.fd, self.chunks = fd, chunks

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        written = bytes(data)
        _write_all(self.fd, written)
        self.chunks.append((self.fd, written))
        return len(written)

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        return os.isatty(self.fd)


def _teed(stream: Any, fd: int, chunks: list[Chunk]) -> io.TextIOWrapper:
    stream.flush()
    return io.TextIOWrapper(
        io.BufferedWriter(_Tee(fd, chunks)),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=stream.line_buffering,
    )


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _engine_fingerprint() -> list[Any]:
    """Name, size and modification time of every file of the engine, the adapters and the
    bundled policies, catalogue and schemas: any change to them is a new key."""
    package = Path(files.__file__).parents[1]
    folders = {package, package.parent / "adapters"}
    folders.update(asset_dir(name) for name in ("policies", "controls_catalogue", "schemas"))
    return [[str(folder), *_tree_stamps(folder)] for folder in sorted(folders)]


def _tree_stamps(folder: Path) -> Iterator[list[Any]]:
    try:
        with os.scandir(folder) as entries:
            found = sorted(entries, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in found:
        if entry.name == "__pycache__":
            continue
        if entry.is_dir(follow_symlinks=False):
            yield [entry.name, list(_tree_stamps(Path(entry.path)))]
        else:
            info = entry.stat(follow_symlinks=False)
            yield [entry.name, info.st_size, info.st_mtime_ns]


def _search_path_stamps() -> list[Any]:
    """Each import folder's modification time: installing or removing a package changes it."""
    stamps = []
    for folder in sys.path:
        try:
            stamps.append([folder, os.stat(folder or ".").st_mtime_ns])
        except OSError:
            stamps.append([folder, None])
    return stamps


def _stream_traits(stream: Any) -> list[Any]:
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError, OSError):
        terminal = None
    return [terminal, getattr(stream, "encoding", None), getattr(stream, "errors", None)]


def _same_file(first: int, second: int) -> bool:
    try:
        one, other = os.fstat(first), os.fstat(second)
    except OSError:
        return False
    return (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)


def _prune(folder: Path) -> None:
    """Drop the oldest entries beyond `MAX_ENTRIES` (with their digests)."""
    try:
        entries = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime_ns)
    except OSError:
        return
    for stale in entries[:-MAX_ENTRIES]:
        for path in (stale, stale.with_name(stale.name + ".sha256")):
            path.unlink(missing_ok=True)
