package ai_assure.rules.classification.derogation_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.classification.derogation

# A provider's documented, registered claim for a system that does not profile anyone: it only
# indexes the files an examiner has already chosen (Art. 6(3)(d), recital 53).
_claim := {
	"claimed": true, "conditions": ["d_preparatory"], "no_significant_risk": true,
	"assessment_doc": "docs/art-6-3-assessment.md", "assessment_date": "2026-06-01", "registered": true,
}

_holding := json.patch(fx.provider_manifest, [
	{"op": "replace", "path": ["eu_ai_act", "art_6_3"], "value": _claim},
	{"op": "replace", "path": ["eu_ai_act", "profiling_of_natural_persons"], "value": false},
])

_with(patches) := json.patch(_holding, patches)

_paths(m) := paths if {
	findings := derogation.deny with input.manifest as m
	paths := {f.path | some f in findings}
}

test_no_claim_is_not_applicable if {
	m := fx.manifest
	not derogation.applicable with input.manifest as m
	count(derogation.deny) == 0 with input.manifest as m
}

test_a_documented_registered_claim_without_profiling_holds_and_reminds_the_provider if {
	m := _holding
	derogation.applicable with input.manifest as m
	count(derogation.deny) == 0 with input.manifest as m
	findings := derogation.warn with input.manifest as m
	some f in findings
	f.msg == concat("", [
		"The system relies on the Art. 6(3) derogation for AnnexIII.5(a): keep the documented assessment for",
		" the authorities (Art. 6(4)) and its EU database registration current (Art. 49(2))",
	])
}

test_profiling_voids_the_claim_and_fails_at_high if {
	m := _with([{"op": "replace", "path": ["eu_ai_act", "profiling_of_natural_persons"], "value": true}])
	findings := derogation.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The Art. 6(3) derogation claimed for AnnexIII.5(a) does not hold: the system profiles natural",
		" persons, which always makes it high-risk (Art. 6(3) third subparagraph). The system is high-risk",
	])
	f.path == ["eu_ai_act", "profiling_of_natural_persons"]
}

test_profiling_left_unanswered_voids_it_too if {
	m := _with([{"op": "remove", "path": ["eu_ai_act", "profiling_of_natural_persons"]}])
	_paths(m) == {["eu_ai_act", "profiling_of_natural_persons"]}
}

test_each_missing_element_of_the_claim_is_named_at_its_fact if {
	m := _with([{"op": "replace", "path": ["eu_ai_act", "art_6_3"], "value": {"claimed": true}}])
	_paths(m) == {
		["eu_ai_act", "art_6_3", "conditions"], ["eu_ai_act", "art_6_3", "no_significant_risk"],
		["eu_ai_act", "art_6_3", "assessment_doc"], ["eu_ai_act", "art_6_3", "assessment_date"],
		["eu_ai_act", "art_6_3", "registered"],
	}
}

test_an_assessment_made_after_first_use_does_not_count if {
	m := _with([{"op": "replace", "path": ["eu_ai_act", "art_6_3", "assessment_date"], "value": "2026-10-01"}])
	findings := derogation.deny with input.manifest as m
	some f in findings
	contains(f.msg, "the assessment was documented after the system was placed on the market or put into service")
}

test_outside_the_act_a_claim_that_does_not_hold_is_advice if {
	m := fx.uk_only(_with([{"op": "replace", "path": ["eu_ai_act", "art_6_3", "registered"], "value": false}]))
	count(derogation.deny) == 0 with input.manifest as m
	count(derogation.warn) == 1 with input.manifest as m
}
