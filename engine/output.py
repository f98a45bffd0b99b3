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


def write_atomic(path: Path, text: str) -> None:
    """Write all of `text` or nothing: a temporary file in the same folder, then rename."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
