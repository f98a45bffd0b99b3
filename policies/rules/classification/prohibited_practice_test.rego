package ai_assure.rules.classification.prohibited_practice_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.classification.prohibited_practice

test_always_applicable if {
	m := fx.minimal_manifest
	prohibited_practice.applicable with input.manifest as m
}

test_no_practice_passes if {
	m := fx.manifest
	count(prohibited_practice.deny) == 0 with input.manifest as m
}

test_declared_practice_is_denied_with_its_point_and_path if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "prohibited_practices"], ["Art.5(1)(c)"])
	findings := prohibited_practice.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["classification", "eu_ai_act", "prohibited_practices", 0]
	contains(f.msg, "prohibited practice Art.5(1)(c) (social scoring")
}

test_each_practice_is_a_finding if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "prohibited_practices"], ["Art.5(1)(a)", "Art.5(1)(h)"])
	findings := prohibited_practice.deny with input.manifest as m
	{f.path[3] | some f in findings} == {0, 1}
}
