"""Where reports go: `--format FMT[=FILE]` specs and atomic file writes."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from engine.core.errors import AssuranceError


class OutputError(AssuranceError):
    """Outputs that cannot be written (the folder is read-only, the disk is full, ...): one
    problem per output."""

    def __init__(self, *problems: str) -> None:
        super().__init__("; ".join(problems))
        self._problems = list(problems)

    @property
    def problems(self) -> list[str]:
        return self._problems


@dataclass(frozen=True)
class OutputSpec:
    format: str
    file: Path | None


def parse_output_spec(spec: str, known: tuple[str, ...]) -> OutputSpec:
    """`sarif=results.sarif` → (sarif, results.sarif); `text` → (text, stdout)."""
    name, _, file = spec.partition("=")
    if name not in known:
        raise ValueError(f"unknown format {name!r}; choose from {', '.join(known)}")
    if _ and not file:
        raise ValueError(f"--format {spec}: missing file name after '='")
    return OutputSpec(name, Path(file) if file else None)


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write all of `content` (text as UTF-8) or nothing: a temporary file, then rename.

    Missing parent folders are created. A new file gets the mode the umask allows (as a shell
    redirection would) and a replaced file keeps its mode: nothing written here is a secret
    (ai-assure reads keys, never writes them; the private Wasm cache has its own writer, 0600).
    A symlink keeps pointing where it did: its target is what gets replaced. A terminal,
    pipe or other character device (`/dev/stdout`, `/dev/null`, `/dev/full`) cannot be
    replaced, and must never be: it is written in place. Anything else that is not a regular
    file (a folder, a block device, a socket) is refused.
    """
    write_atomic_chunks(path, [content])


def write_atomic_chunks(path: Path, chunks: Iterable[str | bytes]) -> None:
    """`write_atomic` of the chunks one after another, never all held at once (a portfolio's
    SARIF log can be larger than the memory a run may use)."""
    encoded = (chunk.encode() if isinstance(chunk, str) else chunk for chunk in chunks)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        with open(path, "wb") as stream:
            stream.writelines(encoded)
    elif mode is not None and not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "not a regular file, terminal or pipe")
    else:
        target = path.resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        _replace(target, encoded, _mode_for(mode))


def _mode_for(existing: int | None) -> int:
    """The permission bits of a replaced file, or what the umask allows a new one."""
    if existing is not None:
        return stat.S_IMODE(existing)
    umask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(umask)
    return 0o666 & ~umask


def _replace(path: Path, data: Iterable[bytes], file_mode: int) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(handle, file_mode)
        with os.fdopen(handle, "wb") as stream:
            stream.writelines(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
