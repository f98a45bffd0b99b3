package ai_assure.rules.classification.review_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.classification.review

test_nothing_contested_gives_no_advice if {
	m := fx.manifest
	review.applicable with input.manifest as m
	count(review.warn) == 0 with input.manifest as m
}

test_a_public_authority_treated_as_a_body_governed_by_public_law_is_flagged if {
	m := fx.put(fx.manifest, ["organisation", "body_governed_by_public_law"], false)
	findings := review.warn with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["organisation", "body_governed_by_public_law"]
	startswith(f.msg, "For legal review (Art.27(1)): the deployer is a public authority and is treated as a body")
}

test_relying_on_the_art_5_1_d_exception_is_flagged if {
	m := fx.put(
		fx.manifest,
		["eu_ai_act", "art_5", "crime_prediction_basis"],
		"supports_human_assessment_on_objective_facts",
	)
	findings := review.warn with input.manifest as m
	{f.path | some f in findings} == {["eu_ai_act", "art_5", "crime_prediction_basis"]}
}

test_an_uk_only_system_is_flagged_for_the_reach_of_art_2_1_c if {
	m := fx.uk_only(fx.manifest)
	findings := review.warn with input.manifest as m
	some f in findings
	f.path == ["eu_ai_act", "scope", "output_intended_for_use_in_eu"]
}
