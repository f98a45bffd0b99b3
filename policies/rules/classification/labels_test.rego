package ai_assure.rules.classification.labels_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.classification.labels

_declaring(declared) := fx.put(fx.manifest, ["eu_ai_act", "declared"], declared)

test_labels_that_agree_with_the_facts_pass if {
	m := _declaring({
		"roles": ["deployer"], "category": "high", "prohibited_practices": [],
		"annex_iii_areas": ["essential_services"],
	})
	labels.applicable with input.manifest as m
	count(labels.deny) == 0 with input.manifest as m
	count(labels.warn) == 0 with input.manifest as m
}

test_a_lower_category_than_the_facts_give_fails if {
	m := _declaring({"category": "minimal"})
	findings := labels.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["eu_ai_act", "declared", "category"]
	f.msg == concat("", [
		"The team declares the EU AI Act category minimal but the facts make it high (AnnexIII.5(a)):",
		" the facts decide",
	])
}

test_a_higher_category_is_advice if {
	m := _declaring({"category": "prohibited"})
	count(labels.deny) == 0 with input.manifest as m
	count(labels.warn) == 1 with input.manifest as m
}

test_a_role_the_facts_give_but_the_label_omits_fails if {
	m := fx.put(
		_declaring({"roles": ["provider"]}), ["eu_ai_act", "activities"],
		["develops", "puts_into_service_own_use", "uses_under_authority"],
	)
	findings := labels.deny with input.manifest as m
	some f in findings
	f.msg == concat("", [
		"The facts make the organisation the deployer (Art.3(4)) but eu_ai_act.declared.roles says",
		" provider: the deployer's obligations apply",
	])
}

test_a_role_the_facts_do_not_give_is_advice if {
	m := _declaring({"roles": ["deployer", "provider"]})
	count(labels.deny) == 0 with input.manifest as m
	findings := labels.warn with input.manifest as m
	some f in findings
	startswith(f.msg, "eu_ai_act.declared.roles says provider but the activities answered (uses_under_authority)")
}

test_an_annex_iii_area_left_out_of_the_label_fails if {
	m := _declaring({"annex_iii_areas": ["employment"]})
	paths := {f.path | some f in labels.deny} with input.manifest as m
	paths == {["eu_ai_act", "declared", "annex_iii_areas"]}
}

test_a_dataset_holding_personal_data_contradicts_a_no if {
	m := json.patch(
		fx.minimal_manifest,
		[{"op": "replace", "path": ["data", "datasets", 0, "personal_data"], "value": true}],
	)
	findings := labels.deny with input.manifest as m
	some f in findings
	f.path == ["uk_data_protection", "personal_data"]
}
