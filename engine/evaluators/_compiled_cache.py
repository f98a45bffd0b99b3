"""A cache of compiled policies for the embedded evaluator.

Compiling the library takes regopy about 0.2 s, more than evaluating it; a pre-commit hook
pays that on every commit. The compiled bundle is kept under the user's cache folder, keyed
by the sha256 of everything compiled (every module's text, the data, the query, the regopy
and ai-assure versions), and stored with its own sha256 so a damaged file is rebuilt, never
loaded. The cache is off in CI (`CI` set) and with `AI_ASSURE_NO_CACHE=1`: a gate on a shared
runner must not trust files another job could have written.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from engine import __version__
from engine.policy.sources import PolicySet


def cache_dir() -> Path | None:
    if os.environ.get("AI_ASSURE_NO_CACHE") or os.environ.get("CI"):
        return None
    base = os.environ.get("AI_ASSURE_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "ai-assure" / "compiled"


def cache_key(policies: PolicySet, query: str, regopy_version: str) -> str:
    hasher = hashlib.sha256()
    for part in (__version__, regopy_version, query, json.dumps(policies.data, sort_keys=True)):
        hasher.update(part.encode() + b"\0")
    for name, source in policies.modules:
        hasher.update(name.encode() + b"\0" + source.encode() + b"\0")
    return hasher.hexdigest()


def load(interpreter: Any, key: str) -> Any | None:
    """The cached bundle for `key`, or None when absent, unreadable or damaged."""
    import regopy

    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{key}.rbb"
    try:
        content = path.read_bytes()
        expected = (folder / f"{key}.sha256").read_text().strip()
    except OSError:
        return None
    if hashlib.sha256(content).hexdigest() != expected:
        return None
    return interpreter.load_bundle(str(path), regopy.BundleFormat.Binary)


def store(key: str, content: bytes) -> None:
    """Keep compiled policies for later runs; a cache that cannot be written is simply skipped."""
    folder = cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            (folder / f"{key}.sha256").write_text(hashlib.sha256(content).hexdigest())
            os.replace(temporary, folder / f"{key}.rbb")
        finally:
            Path(temporary).unlink(missing_ok=True)
