"""The policy configuration (policies/data.yaml): one documented file the governance team edits,
every knob of which some rule reads, and which rule CFG-001 checks knob by knob."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engine.policy.sources import bundled_policy_dir, load_policies, rego_files

POLICY_DIR = bundled_policy_dir()
CONFIG_FILE = POLICY_DIR / "data.yaml"
VALIDATOR = POLICY_DIR / "rules" / "config" / "valid.rego"


def _config() -> dict[str, Any]:
    return load_policies().data["ai_assure"]["config"]


def _rego_sources(*, include_validator: bool = False) -> str:
    paths = [p for p in rego_files(POLICY_DIR) if include_validator or p != VALIDATOR]
    return "\n".join(p.read_text() for p in paths)


def _key_paths(value: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every mapping key, at any depth (inside lists too), as a path of keys."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from _key_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for item in value:
            yield from _key_paths(item, prefix)


def test_the_configuration_is_one_documented_yaml_file_loaded_as_data():
    data_files = {p.relative_to(POLICY_DIR).as_posix() for p in POLICY_DIR.rglob("data.*")}
    # other governance data (approvals, ATRS field lists) sits at its own data path below
    assert "data.yaml" in data_files
    assert all(name.startswith("ai_assure/") for name in data_files - {"data.yaml"})
    text = CONFIG_FILE.read_text()
    config = _config()
    assert config, "data.ai_assure.config is empty"
    for knob in config:
        # each knob is introduced by a comment (the line block above it) saying what it does
        block = text.split(f"\n    {knob}:")[0].rstrip().splitlines()
        assert block[-1].strip().startswith("#"), f"{knob} has no comment above it"


@pytest.mark.parametrize("knob", sorted(_config()))
def test_every_top_level_knob_is_read_by_a_rule(knob):
    sources = _rego_sources()
    assert re.search(rf"\bconfig\.{re.escape(knob)}\b", sources), (
        f"no rule reads data.ai_assure.config.{knob}"
    )


@pytest.mark.parametrize(
    "path", sorted({p for p in _key_paths(_config()) if len(p) > 1}), ids="/".join
)
def test_every_nested_key_is_used_by_a_rule(path):
    sources = _rego_sources()
    key = path[-1]
    assert re.search(rf'(\.{re.escape(key)}\b|"{re.escape(key)}")', sources), (
        f"no rule uses the key {'.'.join(path)}"
    )


_MAPPING_KNOBS = {("risk", "required_categories"), ("red_team", "required_owasp")}


def _leaf_knobs(value: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Knob paths down to values that are not mappings; risk.required_categories (keyed by
    classification trigger) and red_team.required_owasp (keyed by tier) are one knob each."""
    for key, item in value.items():
        path = (*prefix, key)
        if isinstance(item, dict) and path not in _MAPPING_KNOBS:
            yield from _leaf_knobs(item, path)
        else:
            yield path


def test_cfg_001_checks_exactly_the_knobs_the_file_holds():
    source = VALIDATOR.read_text()
    checked = {tuple(json.loads(f"[{m}]")) for m in re.findall(r'\{"path": \[([^\]]*)\]', source)}
    assert checked == set(_leaf_knobs(_config()))


def test_the_readme_documents_every_knob():
    readme = (POLICY_DIR / "README.md").read_text()
    for knob in _config():
        assert f"`{knob}`" in readme, f"policies/README.md does not document {knob}"


def test_a_broken_configuration_file_is_refused(tmp_path: Path):
    from engine.policy.sources import PolicyError

    (tmp_path / "a.rego").write_text("package a\n\nimport rego.v1\n\nx := 1\n")
    (tmp_path / "data.yaml").write_text("ai_assure: [not, a, mapping\n")
    with pytest.raises(PolicyError, match=r"data\.yaml"):
        load_policies(tmp_path)
