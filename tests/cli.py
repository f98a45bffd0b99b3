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


_ONE_EVIDENCE_FILE = """\
apiVersion: ai-assure/v1
kind: AISystem
metadata:
  id: visits-assistant
  name: Visits Assistant
  owner:
    team: Visits Digital
    senior_responsible_owner: Head of Digital
    contact: visits@example.gov.uk
  lifecycle_stage: alpha
system:
  description: Answers questions about prison visits.
  purpose: Help the public book visits.
  users: [members of the public]
  deployment: public-facing
  decision_role: content-generation
  interacts_with_public: true
  human_oversight:
    mode: human-on-the-loop
    description: Staff review a sample of conversations every week.
models:
  - name: assistant
    version: 1.0.0
    type: foundation-model
    provider: Example Models
evidence:
  {kind}: [{path}]
"""


def one_evidence_manifest(kind: str, path: str) -> str:
    """A complete manifest (a public-facing LLM assistant) declaring one evidence file, for
    tests of what `ai-assure evidence` and `check` make of that file."""
    return _ONE_EVIDENCE_FILE.format(kind=kind, path=path)
