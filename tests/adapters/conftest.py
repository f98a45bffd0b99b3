"""Fixtures for the adapter tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def samples(shared_dir: Path) -> Path:
    """The real third-party sample files (CycloneDX, SPDX 3, model cards) in ../shared."""
    path = shared_dir / "samples"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the real-world samples live beside the checkout")
    return path
