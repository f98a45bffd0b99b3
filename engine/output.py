"""Where reports go: `--format FMT[=FILE]` specs and atomic file writes."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


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
    """Write all of `content` (text as UTF-8) or nothing: a temporary file, then rename."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content.encode() if isinstance(content, str) else content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
