"""The red-team coverage mapping (policies/ai_assure/redteam/data.yaml): governance data that
says which risks of the OWASP Top 10 for LLM Applications 2025 and which MITRE ATLAS
techniques each tool's attack categories and strategies test. A malformed entry would cover
nothing without a word, so its shape is checked here."""

from __future__ import annotations

import re
from typing import Any

import pytest

from engine.policy.sources import load_policies

OWASP_2025 = {f"LLM{n:02d}" for n in range(1, 11)}
ATLAS_ID = re.compile(r"^AML\.T\d{4}(\.\d{3})?$")
TOOLS = {"promptfoo", "garak", "inspect_ai", "*"}
CLASSES = {
    "prompt-injection", "jailbreak", "obfuscation", "pii", "data-leak", "harmful",
    "output-handling", "excessive-agency", "system-prompt", "misinformation", "rag-poisoning",
    "denial-of-service",
}  # fmt: skip


def _redteam() -> dict[str, Any]:
    return load_policies().data["ai_assure"]["redteam"]


def _mappings() -> list[dict[str, Any]]:
    return _redteam()["mappings"]


def test_the_owasp_titles_are_the_2025_list() -> None:
    titles = _redteam()["owasp_llm_2025"]
    assert set(titles) == OWASP_2025
    assert titles["LLM07"] == "System Prompt Leakage"
    assert titles["LLM10"] == "Unbounded Consumption"


@pytest.mark.parametrize(
    "entry", _mappings(), ids=lambda e: f"{e['tool']}:{e.get('category', e.get('strategy'))}"
)
def test_each_mapping_names_one_thing_of_one_tool_and_known_ids(entry: dict[str, Any]) -> None:
    assert set(entry) in ({"tool", "category", "classes", "owasp", "atlas"},
                          {"tool", "strategy", "classes", "owasp", "atlas"})  # fmt: skip
    assert entry["tool"] in TOOLS
    assert entry.get("strategy") is None or entry["tool"] == "promptfoo", (
        "only promptfoo has strategies"
    )
    assert entry["classes"] and set(entry["classes"]) <= CLASSES
    assert set(entry["owasp"]) <= OWASP_2025
    assert all(ATLAS_ID.match(technique) for technique in entry["atlas"])
    assert set(entry["atlas"]) <= set(_redteam()["atlas_techniques"]), (
        "give each technique its name"
    )


def test_no_name_is_mapped_twice_for_one_tool() -> None:
    keys = [(e["tool"], "category" in e, e.get("category", e.get("strategy"))) for e in _mappings()]
    assert len(keys) == len(set(keys))


def test_every_owasp_risk_a_tier_requires_can_be_covered() -> None:
    """A required risk that no mapping reaches could never pass GEN-003."""
    config = load_policies().data["ai_assure"]["config"]["red_team"]
    reachable = {risk for entry in _mappings() for risk in entry["owasp"]}
    for tier, required in config["required_owasp"].items():
        assert set(required) <= reachable, tier


def test_every_class_gen_002_requires_can_be_covered() -> None:
    config = load_policies().data["ai_assure"]["config"]["red_team"]
    assert set(config["required_categories"]) <= CLASSES
