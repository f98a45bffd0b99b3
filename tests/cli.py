"""Running the real command line in a subprocess, as a user would (shared by the test files)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-c", "from engine.cli import run; run()"]


def ai_assure(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`ai-assure ARGS...` from this checkout, uncoloured, output captured as text."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run(
        [*COMMAND, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=120,
    )
