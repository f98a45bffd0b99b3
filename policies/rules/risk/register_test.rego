package ai_assure.rules.risk.register_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.risk.register

test_owned_treated_risks_pass if {
	m := fx.manifest
	ctx := fx.context
	register.applicable with input.manifest as m
	count(register.deny) == 0 with input.manifest as m with input.context as ctx
	count(register.warn) == 0 with input.manifest as m with input.context as ctx
}

test_empty_register_is_denied_for_high_risk if {
	m := fx.put(fx.manifest, ["risks"], [])
	findings := register.deny with input.manifest as m
	some f in findings
	f.path == ["risks"]
	contains(f.msg, "The system is high-risk but its risk register (risks) is empty")
}

test_empty_register_warns_for_limited_risk if {
	m := fx.genai_manifest
	count(register.deny) == 0 with input.manifest as m
	count(register.warn) == 1 with input.manifest as m
}

test_unowned_untreated_risk_is_denied if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["risks", 0, "owner"], "value": ""},
		{"op": "remove", "path": ["risks", 0, "treatment"]},
	])
	findings := register.deny with input.manifest as m
	{f.path | some f in findings} == {["risks", 0, "owner"], ["risks", 0, "treatment"]}
	msgs := concat("\n", [f.msg | some f in findings])
	contains(msgs, "Risk R-001 has no owner")
	contains(msgs, "Risk R-001 has no treatment (null): choose one of accept, avoid, mitigate, transfer")
}

test_minimal_risk_is_not_applicable if {
	m := fx.minimal_manifest
	not register.applicable with input.manifest as m
	count(register.deny) == 0 with input.manifest as m
}
