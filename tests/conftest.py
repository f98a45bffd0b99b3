"""Fixtures for the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's shared reference folder beside the checkout; absent in a user's clone."""
    if not (SHARED / "reference").is_dir():
        pytest.skip(f"{SHARED} is absent (reference schemas and samples live beside the checkout)")
    return SHARED
