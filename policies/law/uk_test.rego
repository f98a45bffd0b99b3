package ai_assure.law.uk_test

import rego.v1

import data.ai_assure.law.uk
import data.ai_assure.lib.fixtures_test as fx

_screen(art_35_3, ico, wp248) := fx.put(
	fx.minimal_manifest,
	["uk_data_protection"],
	object.union(fx.uk_low, {"dpia_screen": {"art_35_3": art_35_3, "ico_list": ico, "wp248": wp248}}),
)

_dpia(m) := d if {
	d := uk.dpia with input.manifest as m
}

test_no_personal_data_needs_no_dpia if {
	m := fx.minimal_manifest
	_dpia(m) == "not_applicable"
	uk.dpia_reason == "no personal data is processed (UK GDPR Art. 2(1))" with input.manifest as m
}

test_personal_data_alone_needs_no_dpia if {
	_dpia(_screen([], [], [])) == "not_required"
}

test_an_art_35_3_case_requires_one if {
	m := _screen(["b_large_scale_special_or_criminal"], [], [])
	_dpia(m) == "required"
	uk.dpia_reason == "required: Art. 35(3)(b): b_large_scale_special_or_criminal" with input.manifest as m
}

test_a_stand_alone_ico_item_requires_one if {
	_dpia(_screen([], ["denial_of_service"], [])) == "required"
}

test_innovative_technology_needs_one_more_criterion if {
	_dpia(_screen([], ["innovative_technology"], ["innovative_technology"])) == "not_required"
	_dpia(_screen([], ["innovative_technology"], ["innovative_technology", "vulnerable_subjects"])) == "required"
}

test_two_wp248_criteria_make_one_likely if {
	m := _screen([], [], ["large_scale", "matching_combining"])
	_dpia(m) == "likely"
	uk.dpia_needed with input.manifest as m
}

test_an_unanswered_screening_is_undetermined if {
	m := fx.remove(_screen([], [], []), ["uk_data_protection", "dpia_screen", "wp248"])
	_dpia(m) == "undetermined"
}

test_intelligence_services_processing_is_outside_art_35 if {
	m := fx.put(_screen(["a_systematic_extensive_evaluation"], [], []), ["uk_data_protection", "regime"], "dpa_part4")
	_dpia(m) == "not_applicable"
}

test_a_dataset_holding_personal_data_counts_whatever_the_fact_says if {
	m := fx.put(fx.minimal_manifest, ["data", "datasets", 0, "personal_data"], true)
	uk.personal_data with input.manifest as m
	not uk.no_personal_data with input.manifest as m
}

test_a_significant_decision_with_a_person_meaningfully_involved_is_not_automated if {
	m := fx.manifest
	not uk.significant_automated_decision with input.manifest as m
}

test_the_duaa_date_decides_which_article_governs if {
	ctx := fx.context
	uk.duaa_in_force with input.context as ctx
	cfg := fx.config_put(["duaa_art_22a_from"], "2027-01-01")
	not uk.duaa_in_force with input.context as ctx with data.ai_assure.config as cfg
}

test_each_uk_conclusion_is_a_ground_with_its_citation_and_facts if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["uk_data_protection", "regime"], "value": "dpa_part3"},
		{"op": "replace", "path": ["uk_data_protection", "criminal_offence_data"], "value": true},
	])
	grounds := uk.grounds with input.manifest as m
	{g.citation | some g in grounds} == {"DPA 2018 ss. 29-31", "UK GDPR Art. 10", "DPA 2018 s. 50A", "DPA 2018 s. 64"}
	some g in grounds
	g.kind == "dpia"
	g.facts == [
		"uk_data_protection.dpia_screen.art_35_3", "uk_data_protection.dpia_screen.ico_list",
		"uk_data_protection.dpia_screen.wp248",
	]
}
