package ai_assure.rules.human_oversight.automated_decisions_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.human_oversight.automated_decisions

_automated := fx.put(
	fx.manifest,
	["uk_data_protection", "automated_decision"],
	{"significant": true, "solely_automated": true, "uses_special_category": false, "relies_on_6_1_ea": false},
)

_safeguards := ["contest", "human_intervention", "information", "representations"]

test_decisions_a_person_takes_are_not_in_scope if {
	m := fx.manifest
	not automated_decisions.applicable with input.manifest as m
	count(automated_decisions.deny) == 0 with input.manifest as m
}

test_decisions_without_significant_effects_are_not_in_scope if {
	m := fx.put(
		fx.minimal_manifest,
		["uk_data_protection"],
		object.union(fx.uk_low, {"automated_decision": {"significant": false, "solely_automated": true}}),
	)
	not automated_decisions.applicable with input.manifest as m
}

test_significant_automated_decisions_without_safeguards_are_denied if {
	m := _automated
	automated_decisions.applicable with input.manifest as m
	findings := automated_decisions.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["uk_data_protection", "automated_decision", "safeguards"]
	f.msg == concat("", [
		"The system takes significant decisions with no meaningful human involvement, but these safeguards",
		" (UK GDPR Art. 22C(2)) are not listed in uk_data_protection.automated_decision.safeguards: contest,",
		" human_intervention, information, representations",
	])
}

test_all_four_safeguards_pass if {
	m := fx.put(_automated, ["uk_data_protection", "automated_decision", "safeguards"], _safeguards)
	count(automated_decisions.deny) == 0 with input.manifest as m
}

test_before_the_duaa_commenced_art_22_3_is_named if {
	m := _automated
	cfg := fx.config_put(["duaa_art_22a_from"], "2027-01-01")
	ctx := fx.context
	findings := automated_decisions.deny with input.manifest as m with data.ai_assure.config as cfg
		with input.context as ctx
	some f in findings
	contains(f.msg, "(UK GDPR Art. 22(3))")
}

test_law_enforcement_decisions_name_dpa_s_50c if {
	m := json.patch(_automated, [
		{"op": "replace", "path": ["uk_data_protection", "regime"], "value": "dpa_part3"},
		{"op": "add", "path": ["uk_data_protection", "automated_decision", "safeguards"], "value": ["information"]},
	])
	findings := automated_decisions.deny with input.manifest as m
	some f in findings
	contains(f.msg, "(DPA 2018 s. 50C(2))")
	endswith(f.msg, ": contest, human_intervention, representations")
}
