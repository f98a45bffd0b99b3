"""Shared by the browser tests: the headless Chromium they drive."""

from __future__ import annotations

import os
import shutil

import pytest


@pytest.fixture(scope="module")
def chromium() -> str:
    configured = os.environ.get("AI_ASSURE_CHROMIUM")
    found = shutil.which(configured or "chromium")
    if found:
        return found
    reason = f"Chromium not found ({configured or 'chromium'} on PATH; set AI_ASSURE_CHROMIUM)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: scripts/test installs Debian's chromium in CI")
    pytest.skip(f"{reason}: install it with `apt-get install chromium`")
