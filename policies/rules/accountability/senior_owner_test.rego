package ai_assure.rules.accountability.senior_owner_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.accountability.senior_owner

test_sro_and_stage_pass if {
	m := fx.manifest
	senior_owner.applicable with input.manifest as m
	count(senior_owner.deny) == 0 with input.manifest as m
}

test_missing_sro_is_denied if {
	m := fx.remove(fx.manifest, ["metadata", "owner", "senior_responsible_owner"])
	findings := senior_owner.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["metadata", "owner", "senior_responsible_owner"]
	contains(f.msg, "senior_responsible_owner is empty")
}

test_missing_stage_is_denied if {
	m := fx.put(fx.manifest, ["metadata", "lifecycle_stage"], null)
	findings := senior_owner.deny with input.manifest as m
	some f in findings
	f.path == ["metadata", "lifecycle_stage"]
	contains(f.msg, "lifecycle_stage is empty")
}

test_unknown_stage_is_denied if {
	m := fx.put(fx.manifest, ["metadata", "lifecycle_stage"], "pilot")
	findings := senior_owner.deny with input.manifest as m
	some f in findings
	contains(
		f.msg,
		concat("", [
			"lifecycle_stage pilot is not a lifecycle stage: use one of alpha, discovery, live, ",
			"private-beta, public-beta, retired",
		]),
	)
}
