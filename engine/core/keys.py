"""Reading key files (bundle signing and verification, assurance records): bounded, so a
key path pointing at a device or a huge file cannot hang or exhaust the run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from engine.core.errors import AssuranceError

MAX_KEY_BYTES = 64 * 2**10


def read_key(path: Path, error: type[AssuranceError]) -> bytes:
    """At most `MAX_KEY_BYTES` of the key file at `path`; `error` when it cannot be read."""
    try:
        with path.open("rb") as stream:
            return stream.read(MAX_KEY_BYTES)
    except OSError as exc:
        raise error(f"cannot read key {path}: {exc.strerror or exc}") from None


def key_kind(key: Any) -> str:
    """`RSA`, `EC`, `Ed448`...: a `cryptography` key's algorithm, from its class name."""
    return type(key).__name__.lstrip("_").removesuffix("PrivateKey").removesuffix("PublicKey")
