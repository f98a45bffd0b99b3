"""Real OPA over the policy library: strict compile, its unit tests, canonical formatting."""

from __future__ import annotations

import json
import subprocess

from engine.policy.sources import bundled_policy_dir

POLICIES = str(bundled_policy_dir())


def opa(binary: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=300)


def test_opa_check_strict_accepts_the_library(opa_binary):
    result = opa(opa_binary, "check", "--strict", POLICIES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_opa_test_passes_the_same_rego_tests(opa_binary):
    result = opa(opa_binary, "test", "--format", "json", POLICIES)
    outcomes = json.loads(result.stdout)
    failed = [f"{t['package']}.{t['name']}" for t in outcomes if t.get("fail") or t.get("error")]
    assert result.returncode == 0 and not failed, failed
    assert len(outcomes) >= 100


def test_opa_fmt_leaves_every_file_unchanged(opa_binary):
    result = opa(opa_binary, "fmt", "--list", POLICIES)
    assert result.returncode == 0 and result.stdout == "", result.stdout
