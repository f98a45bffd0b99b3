"""ai-assure's caches on disk: where they live, and files kept with their digest.

Each cache is a folder under the user's cache home (`$AI_ASSURE_CACHE_DIR`, else
`$XDG_CACHE_HOME`, else `~/.cache`), never inside a repository. Caches are off in CI (`CI`
set) and with `AI_ASSURE_NO_CACHE=1`: a gate on a shared runner must not trust files another
job could have written. Each file is kept next to its sha256, so a damaged one reads as
absent, never as wrong.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def cache_folder(name: str, environ: Mapping[str, str] = os.environ) -> Path | None:
    """The cache folder `name`, or None when caching is off."""
    if environ.get("AI_ASSURE_NO_CACHE") or environ.get("CI"):
        return None
    base = environ.get("AI_ASSURE_CACHE_DIR") or environ.get("XDG_CACHE_HOME")
    try:
        root = Path(base) if base else Path.home() / ".cache"
    except (RuntimeError, KeyError):  # no home folder to be found: no cache
        return None
    return root / "ai-assure" / name


def read_kept(folder: Path, name: str) -> bytes | None:
    """The file `name` kept in `folder`, or None when absent, unreadable or damaged."""
    try:
        content = (folder / name).read_bytes()
        expected = (folder / f"{name}.sha256").read_text().strip()
    except OSError:
        return None
    return content if hashlib.sha256(content).hexdigest() == expected else None


def keep(folder: Path, name: str, content: bytes) -> None:
    """Keep `content` as `name` in `folder` (private to this user); a cache that cannot be
    written is simply skipped."""
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            (folder / f"{name}.sha256").write_text(hashlib.sha256(content).hexdigest())
            os.replace(temporary, folder / name)
        finally:
            Path(temporary).unlink(missing_ok=True)
