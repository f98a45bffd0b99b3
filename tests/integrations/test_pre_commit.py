"""The pre-commit hooks, run by the real pre-commit in throwaway git repositories.

pre-commit installs a hook repository from a commit, so the hooks come from a snapshot of
this checkout's working tree (bench/hook_latency.py: `snapshot_checkout`), committed into a
temporary repository: uncommitted and new files included, which plain `try-repo` on the
checkout would leave out. pre-commit then builds its own virtualenv and pip-installs
ai-assure from that commit, exactly as for a team (the first install takes a while; every
test shares one PRE_COMMIT_HOME).

The team's system is examples/document-search with its SBOM missing: a high-severity gap
that does not depend on the date (SBOM-001). Restoring the SBOM fixes it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bench.hook_latency import SYSTEM, git, git_env, pre_commit_config, snapshot_checkout

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
EXAMPLE = ROOT / "examples" / "document-search"
SBOM = "sbom/document-search.cdx.json"
AS_OF = "2026-11-26"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def pre_commit() -> list[str]:
    """The real pre-commit. In CI it must be installed (the `test` extra); locally, skip."""
    if importlib.util.find_spec("pre_commit") is None:
        message = "pre-commit is not installed; install ai-assure[test]"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="session")
def env(tmp_path_factory) -> dict[str, str]:
    return git_env(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory, env) -> tuple[Path, str]:
    """This checkout's working tree as a committed repository: (path, commit)."""
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git checkout")
    path = tmp_path_factory.mktemp("hook-repo") / "ai-assure"
    return path, snapshot_checkout(path, env)


def team_repo(path: Path, env: dict[str, str], system: str = ".") -> Path:
    """A team's repository holding the example system at `system`, its SBOM missing."""
    shutil.copytree(EXAMPLE, path / system, dirs_exist_ok=True)
    (path / system / SBOM).unlink()
    git("init", "-q", cwd=path, env=env)
    return path


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def assert_names_the_gap(output: str) -> None:
    """Rule, control and fix, as the text report gives them."""
    assert "FAIL SBOM-001" in output, output
    assert "ISO42001:A.4.2" in output, output
    assert re.search(r"fix: Generate a CycloneDX .* SBOM", output), output


def test_hook_manifest_is_valid_and_triggers_on_manifest_and_evidence(pre_commit):
    done = run([*pre_commit, "validate-manifest", str(HOOKS)], ROOT, dict(os.environ))
    assert done.returncode == 0, done.stdout + done.stderr
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text())}
    assert set(hooks) == {"ai-assure", "ai-assure-validate"}
    for hook in hooks.values():
        assert (hook["language"], hook["pass_filenames"]) == ("python", False)
        assert not hook.get("always_run", False)
    assert hooks["ai-assure"]["entry"] == "ai-assure check"
    assert hooks["ai-assure-validate"]["entry"] == "ai-assure validate"

    evidence = [
        "ai-manifest.yaml",
        "service/ai/ai-manifest.yaml",
        "docs/model-card.md",
        "docs/dpia.yaml",
        "sbom/app.cdx.json",
        "sbom/app.spdx.jsonld",
        "reports/eval-2026-10.json",
        "policies/local/extra.rego",
    ]
    check, validate = (re.compile(hooks[i]["files"]) for i in ("ai-assure", "ai-assure-validate"))
    assert all(check.search(name) for name in evidence)
    assert not any(check.search(name) for name in ["src/app.py", "Dockerfile", "model.joblib"])
    assert [name for name in evidence if validate.search(name)] == evidence[:2]
    assert not validate.search("docs/not-ai-manifest.yaml.md")


def test_try_repo_fails_on_a_gap_and_names_rule_control_and_fix(
    pre_commit, hook_repo, env, tmp_path
):
    team = team_repo(tmp_path / "team", env)
    git("add", "-A", cwd=team, env=env)
    done = run([*pre_commit, "try-repo", str(hook_repo[0]), "--all-files"], team, env)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert re.search(r"ai-assure validate\.+Passed", output), output
    assert re.search(r"ai-assure check\.+Failed", output), output
    assert_names_the_gap(output)


def test_commit_is_blocked_until_the_gap_is_fixed(pre_commit, hook_repo, env, tmp_path):
    team = team_repo(tmp_path / "team", env, SYSTEM)
    path, rev = hook_repo
    # --as-of keeps the outcome independent of today's date (review dates go stale).
    config = pre_commit_config(path, rev, "--as-of", AS_OF, SYSTEM)
    (team / ".pre-commit-config.yaml").write_text(config)
    installed = run([*pre_commit, "install"], team, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    git("add", "-A", cwd=team, env=env)
    blocked = run(["git", "commit", "-m", "Add the AI system"], team, env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert re.search(r"ai-assure check\.+Failed", output), output
    assert_names_the_gap(output)
    assert run(["git", "rev-parse", "--verify", "-q", "HEAD"], team, env).returncode != 0

    shutil.copy(EXAMPLE / SBOM, team / SYSTEM / SBOM)
    git("add", "-A", cwd=team, env=env)
    passed = run(["git", "commit", "-m", "Add the AI system with its SBOM"], team, env)
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert re.search(r"ai-assure validate\.+Passed", output), output
    assert re.search(r"ai-assure check\.+Passed", output), output
    assert git("log", "--format=%s", cwd=team, env=env) == "Add the AI system with its SBOM"


def test_validate_hook_points_at_the_manifest_line(pre_commit, hook_repo, env, tmp_path):
    team = team_repo(tmp_path / "team", env, SYSTEM)
    shutil.copy(EXAMPLE / SBOM, team / SYSTEM / SBOM)
    manifest = team / SYSTEM / "ai-manifest.yaml"
    text = manifest.read_text()
    manifest.write_text(text.replace("lifecycle_stage: ", "lifecycle_stag: ", 1))
    path, rev = hook_repo
    (team / ".pre-commit-config.yaml").write_text(pre_commit_config(path, rev, SYSTEM))
    git("add", "-A", cwd=team, env=env)
    done = run([*pre_commit, "run"], team, env)  # what the git hook runs: staged files
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert re.search(r"ai-assure validate\.+Failed", output), output
    line = text[: text.index("lifecycle_stage: ")].count("\n") + 1
    assert re.search(rf"ai-manifest\.yaml:{line}:.*lifecycle_stag", output), output
