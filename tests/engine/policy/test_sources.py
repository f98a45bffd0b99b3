"""Reading rule METADATA (regopy cannot): what the engine needs from each rule package."""

import pytest

from engine.policy.sources import PolicyError, load_policies, package_metadata, parse_rule_metadata

RULE = """\
# METADATA
# title: Owner named
# description: Someone answers for the system.
# related_resources:
#   - ref: https://example.org/guidance
# custom:
#   id: ACC-001
#   severity: high
#   controls: ["ISO42001:A.3.2"]
#   remediation: Name the owning team.
package ai_assure.rules.accountability.owner

import rego.v1

applicable := true
"""


def test_metadata_becomes_a_rule():
    rule = parse_rule_metadata("accountability/owner.rego", RULE)
    assert rule.id == "ACC-001"
    assert rule.severity == "high"
    assert rule.controls == ("ISO42001:A.3.2",)
    assert rule.related_resources == ("https://example.org/guidance",)
    assert rule.result_path == ("accountability", "owner")
    assert rule.domain == "accountability"
    assert rule.waivable  # governance exceptions may waive it unless METADATA says otherwise


def test_a_rule_can_be_made_unwaivable():
    source = RULE.replace("#   severity: high", "#   severity: high\n#   waivable: false")
    assert not parse_rule_metadata("x.rego", source).waivable


def test_helper_packages_are_not_rules():
    assert parse_rule_metadata("lib.rego", "package ai_assure.lib.dates\n") is None


def test_metadata_must_sit_directly_above_the_package():
    source = RULE.replace("package ai_assure", "\npackage ai_assure")
    with pytest.raises(PolicyError, match="no # METADATA block"):
        parse_rule_metadata("x.rego", source)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("#   severity: high", "#   severity: huge"), "severity 'huge'"),
        (("#   id: ACC-001\n", ""), "custom.id"),
        (("# title: Owner named\n", ""), "title"),
        (('#   controls: ["ISO42001:A.3.2"]', "#   controls: ISO42001:A.3.2"), "list of control"),
        (("# custom:", "# custom: [1"), "not valid YAML"),
        (("#   severity: high", "#   severity: high\n#   waivable: 'no'"), "waivable must be true"),
    ],
)
def test_incomplete_metadata_is_a_policy_error(edit, message):
    with pytest.raises(PolicyError, match=message):
        parse_rule_metadata("x.rego", RULE.replace(*edit))


def test_package_metadata_reads_the_yaml():
    assert package_metadata(RULE)["custom"]["controls"] == ["ISO42001:A.3.2"]


def test_load_skips_tests_digests_sources_and_refuses_duplicate_ids(tmp_path):
    (tmp_path / "owner.rego").write_text(RULE)
    (tmp_path / "owner_test.rego").write_text("package ai_assure.rules.accountability.owner_test\n")
    policies = load_policies(tmp_path)
    assert [name for name, _ in policies.modules] == ["owner.rego"]
    assert policies.digest.startswith("sha256:")
    assert policies.source == str(tmp_path)
    (tmp_path / "copy.rego").write_text(RULE.replace("accountability.owner", "accountability.copy"))
    with pytest.raises(PolicyError, match="ACC-001 is also used"):
        load_policies(tmp_path)


def test_digest_changes_with_any_policy_byte(tmp_path):
    (tmp_path / "owner.rego").write_text(RULE)
    before = load_policies(tmp_path).digest
    (tmp_path / "owner.rego").write_text(RULE + "\n")
    assert load_policies(tmp_path).digest != before


def test_empty_or_missing_policy_dirs_are_errors(tmp_path):
    with pytest.raises(PolicyError, match=r"no \.rego"):
        load_policies(tmp_path)
    with pytest.raises(PolicyError, match="not found"):
        load_policies(tmp_path / "absent")


def test_data_files_sit_at_their_folder_path_and_count_in_the_digest(tmp_path):
    (tmp_path / "owner.rego").write_text(RULE)
    (tmp_path / "data.yaml").write_text("ai_assure:\n  config:\n    stale_days: 365\n")
    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "data.json").write_text('{"allow": ["MIT"]}')
    policies = load_policies(tmp_path)
    assert policies.data == {
        "ai_assure": {"config": {"stale_days": 365}},
        "extra": {"allow": ["MIT"]},
    }
    before = policies.digest
    (tmp_path / "data.yaml").write_text("ai_assure:\n  config:\n    stale_days: 30\n")
    assert load_policies(tmp_path).digest != before


def test_a_data_file_that_is_not_a_mapping_is_a_policy_error(tmp_path):
    (tmp_path / "owner.rego").write_text(RULE)
    (tmp_path / "data.yaml").write_text("- 1\n")
    with pytest.raises(PolicyError, match="mapping"):
        load_policies(tmp_path)
