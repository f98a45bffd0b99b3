"""Signing keys for tests: PEM files of a fresh key pair."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


def write_pem(path: Path, key: Any) -> tuple[Path, Path]:
    """`key` as an unencrypted private PEM at `path`, its public key beside it."""
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    public = path.with_suffix(".pub.pem")
    public.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return path, public


def rsa_key_pair(folder: Path, name: str = "governance") -> tuple[Path, Path]:
    """A new 2048-bit RSA key pair: (`name`.pem, `name`.pub.pem) in `folder`."""
    return write_pem(folder / f"{name}.pem", rsa.generate_private_key(65537, 2048))
