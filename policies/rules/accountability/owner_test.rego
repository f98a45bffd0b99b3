package ai_assure.rules.accountability.owner_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.accountability.owner

test_complete_owner_passes if {
	m := fx.manifest
	owner.applicable with input.manifest as m
	count(owner.deny) == 0 with input.manifest as m
	count(owner.warn) == 0 with input.manifest as m
}

test_blank_team_is_denied if {
	m := fx.put(fx.manifest, ["metadata", "owner", "team"], "  ")
	findings := owner.deny with input.manifest as m
	{f.path | some f in findings} == {["metadata", "owner", "team"]}
	some f in findings
	contains(f.msg, "metadata.owner.team is empty")
}

test_missing_owner_denies_team_and_contact if {
	m := fx.remove(fx.manifest, ["metadata", "owner"])
	findings := owner.deny with input.manifest as m
	{f.path | some f in findings} == {["metadata", "owner", "team"], ["metadata", "owner", "contact"]}
}

test_contact_that_is_not_an_email_warns if {
	m := fx.put(fx.manifest, ["metadata", "owner", "contact"], "Risk Tools team")
	count(owner.deny) == 0 with input.manifest as m
	findings := owner.warn with input.manifest as m
	some f in findings
	contains(f.msg, "Risk Tools team is not an email address")
}
