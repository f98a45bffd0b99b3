package ai_assure.rules.classification.derogation_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.classification.derogation

_claim := concat("", [
	"Narrow procedural task: it only orders the documents a practitioner has already chosen, and ",
	"never rates people.",
])

test_no_claim_is_not_applicable if {
	m := fx.manifest
	not derogation.applicable with input.manifest as m
	count(derogation.deny) == 0 with input.manifest as m
}

test_documented_claim_without_profiling_passes_and_reminds_providers if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["classification", "eu_ai_act", "art_6_3_exemption"], "value": _claim},
		{"op": "replace", "path": ["classification", "eu_ai_act", "profiling_of_natural_persons"], "value": false},
		{"op": "replace", "path": ["classification", "eu_ai_act", "role"], "value": "provider"},
	])
	derogation.applicable with input.manifest as m
	count(derogation.deny) == 0 with input.manifest as m
	findings := derogation.warn with input.manifest as m
	some f in findings
	contains(f.msg, "register the system in the EU database (Art. 49(2))")
}

test_claim_voided_by_profiling_is_denied if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "art_6_3_exemption"], _claim)
	findings := derogation.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The Art. 6(3) derogation claimed for Annex III (administration_of_justice) is void because the ",
		"system profiles natural persons (profiling_of_natural_persons: true): it is high-risk; remove ",
		"art_6_3_exemption",
	])
	f.path == ["classification", "eu_ai_act", "art_6_3_exemption"]
}

test_claim_without_a_profiling_statement_is_denied if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["classification", "eu_ai_act", "art_6_3_exemption"], "value": _claim},
		{"op": "remove", "path": ["classification", "eu_ai_act", "profiling_of_natural_persons"]},
	])
	findings := derogation.deny with input.manifest as m
	some f in findings
	f.path == ["classification", "eu_ai_act", "profiling_of_natural_persons"]
}

test_a_token_reason_is_denied if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["classification", "eu_ai_act", "art_6_3_exemption"], "value": "low risk"},
		{"op": "replace", "path": ["classification", "eu_ai_act", "profiling_of_natural_persons"], "value": false},
	])
	findings := derogation.deny with input.manifest as m
	some f in findings
	contains(f.msg, "reason (low risk) is too short to document the assessment (2 of at least 8 words)")
}
