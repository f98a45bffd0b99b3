"""Regal, the Rego linter, over the policy library: no violation of the repository's
configuration (.regal/config.yaml), including its custom rule against builtins called on
unguarded values (.regal/rules), whose own Rego tests pass too."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / ".regal" / "config.yaml"
RULES = ROOT / ".regal" / "rules"
POLICIES = ROOT / "policies"


def lint(regal: str, *paths: Path) -> dict:
    result = subprocess.run(
        [regal, "lint", "--format", "json", "--config-file", CONFIG, "--rules", RULES, *paths],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode in (0, 3) and result.stdout, result.stdout + result.stderr
    return json.loads(result.stdout)


def described(violation: dict) -> str:
    where = violation.get("location", {})
    return (
        f"{where.get('file')}:{where.get('row')}: {violation['title']}: {violation['description']}"
    )


def test_regal_finds_nothing_in_the_policy_library(regal_binary):
    report = lint(regal_binary, POLICIES)
    assert [described(v) for v in report.get("violations", [])] == []
    assert report["summary"]["files_scanned"] >= 100


def test_the_custom_rule_tests_pass(regal_binary):
    result = subprocess.run(
        [regal_binary, "test", "--format", "json", "--timeout", "60s", RULES],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    outcomes = json.loads(result.stdout)
    failed = [t["name"] for t in outcomes if t.get("fail") or t.get("error")]
    assert result.returncode == 0 and not failed, failed or result.stderr
    assert len(outcomes) >= 20


def test_the_lint_reports_unguarded_and_forbidden_builtins(regal_binary, tmp_path):
    # the custom rule and the forbidden list are live in `regal lint`, not only in their tests
    policy = tmp_path / "p.rego"
    policy.write_text(
        "package p\n\n"
        "import rego.v1\n\n"
        "f(s) := to_number(s)\n\n"
        "g(s) := n if {\n\tis_number(s)\n\tn := to_number(s)\n}\n\n"
        'h(s) := time.parse_ns("2006-01-02", s) if is_string(s)\n',
        encoding="utf-8",
    )
    report = lint(regal_binary, policy)
    found = sorted((v["title"], v["location"]["row"]) for v in report["violations"])
    assert found == [
        ("forbidden-function-call", 12),
        ("unguarded-builtin-call", 5),
        ("unguarded-builtin-call", 12),
    ]


def test_every_rule_the_config_switches_off_or_tunes_says_why():
    # a rule's block in .regal/config.yaml carries a comment, unless it only sets level: error
    text = CONFIG.read_text(encoding="utf-8")
    rules = yaml.safe_load(text)["rules"]
    for category, entries in rules.items():
        for name, settings in entries.items():
            if settings == {"level": "error"}:
                continue
            block = re.search(rf"^    {re.escape(name)}:\n((?:      .*\n|\n)+)", text, re.M)
            assert block and "#" in block.group(1), f"{category}/{name} needs a comment saying why"
