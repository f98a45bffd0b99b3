package ai_assure.rules.dpia.approved_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.dpia.approved

test_approved_dpia_passes if {
	m := fx.manifest
	ev := fx.evidence
	approved.applicable with input.manifest as m
	count(approved.deny) == 0 with input.manifest as m with input.evidence as ev
	count(approved.warn) == 0 with input.manifest as m with input.evidence as ev
}

test_not_applicable_without_personal_data if {
	m := fx.minimal_manifest
	ev := fx.no_evidence
	not approved.applicable with input.manifest as m
	count(approved.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_personal_data_in_a_dataset_makes_it_applicable if {
	m := fx.put(fx.minimal_manifest, ["data", "datasets", 0, "personal_data"], true)
	approved.applicable with input.manifest as m
}

test_undeclared_dpia_is_denied if {
	m := fx.remove(fx.manifest, ["evidence", "dpia"])
	ev := fx.put(fx.evidence, ["dpia"], [])
	findings := approved.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.path == ["evidence", "dpia"]
	startswith(f.msg, "A DPIA is required: Art. 35(3)(a): a_systematic_extensive_evaluation; ")
	endswith(f.msg, ", but none is declared: complete one and set evidence.dpia")
}

test_personal_data_alone_does_not_require_a_dpia if {
	m := fx.put(fx.minimal_manifest, ["uk_data_protection"], {
		"personal_data": true, "regime": "uk_gdpr", "controller": "controller",
		"special_category_data": false, "criminal_offence_data": false,
		"automated_decision": {"significant": false},
		"dpia_screen": {"art_35_3": [], "ico_list": [], "wp248": ["large_scale"]},
	})
	not approved.applicable with input.manifest as m
}

test_an_unfinished_screening_requires_one_until_it_is_answered if {
	m := fx.remove(fx.manifest, ["uk_data_protection", "dpia_screen"])
	approved.applicable with input.manifest as m
}

test_missing_dpia_file_is_denied if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["dpia"], [fx.missing("dpia", "docs/dpia.yaml")])
	findings := approved.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == "The DPIA cannot be used: docs/dpia.yaml does not exist (see EVID-001)"
}

test_draft_unsigned_dpia_without_dpo_is_denied_three_times if {
	m := fx.manifest
	ev := json.patch(fx.evidence, [
		{"op": "replace", "path": ["dpia", 0, "facts", "status"], "value": "draft"},
		{"op": "replace", "path": ["dpia", 0, "facts", "approved_by"], "value": ""},
		{"op": "replace", "path": ["dpia", 0, "facts", "dpo_consulted"], "value": false},
	])
	findings := approved.deny with input.manifest as m with input.evidence as ev
	count(findings) == 3
	msgs := concat("\n", [f.msg | some f in findings])
	contains(msgs, "The DPIA docs/dpia.yaml has status draft")
	contains(msgs, "does not record who approved it")
	contains(msgs, "data protection officer was consulted")
	{f.path | some f in findings} == {["evidence", "dpia"]}
}

test_missing_fields_warn if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["dpia", 0, "facts", "missing_fields"], ["measures", "necessity_and_proportionality"])
	findings := approved.warn with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "leaves these fields empty: measures, necessity_and_proportionality")
}
