package ai_assure.classification_test

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.fixtures_test as fx

# --- minimal ------------------------------------------------------------------------

test_minimal_when_no_trigger if {
	m := fx.minimal_manifest
	classification.tier == "minimal" with input.manifest as m
	classification.reasons == {concat("", [
		"No EU AI Act prohibited, Annex III or Art. 50 trigger and no UK GDPR Art. 9 or Art. 22 trigger ",
		"applies: minimal risk",
	])} with input.manifest as m
	not classification.high_risk with input.manifest as m
	not classification.at_least_limited with input.manifest as m
	not classification.personal_data with input.manifest as m
	not classification.generative with input.manifest as m
}

test_minimal_for_an_empty_manifest if {
	classification.tier == "minimal" with input.manifest as {}
	classification.rank == 0 with input.manifest as {}
}

# --- limited (Art. 50) ----------------------------------------------------------------

test_limited_for_a_public_chatbot if {
	m := fx.genai_manifest
	classification.tier == "limited" with input.manifest as m
	classification.at_least_limited with input.manifest as m
	not classification.high_risk with input.manifest as m
	r := classification.reasons with input.manifest as m
	"EU AI Act Art. 50(1): the system interacts directly with the public" in r
	"EU AI Act Art. 50: the system is deployed public-facing" in r
	"EU AI Act Art. 50(2): the system generates synthetic content" in r
}

test_each_art_50_trigger_alone_gives_limited if {
	base := fx.minimal_manifest
	m1 := fx.put(base, ["system", "interacts_with_public"], true)
	classification.tier == "limited" with input.manifest as m1
	m2 := fx.put(base, ["system", "deployment"], "public-facing")
	classification.tier == "limited" with input.manifest as m2
	classification.public_facing with input.manifest as m2
	m3 := fx.put(base, ["system", "generates_synthetic_content"], true)
	classification.tier == "limited" with input.manifest as m3
	not classification.public_facing with input.manifest as m3
}

# --- high: Annex III -------------------------------------------------------------------

test_high_for_administration_of_justice if {
	m := fx.manifest
	classification.tier == "high" with input.manifest as m
	classification.high_risk with input.manifest as m
	classification.annex_iii_points == {8} with input.manifest as m
	r := classification.reasons with input.manifest as m
	"EU AI Act Annex III point 8: administration of justice and democratic processes" in r
	"UK GDPR Art. 35: personal data is processed, so a DPIA is required" in r
	count(r) == 2
}

test_every_annex_iii_area_maps_to_its_point if {
	expected := {
		"biometrics": 1, "critical_infrastructure": 2, "education": 3, "employment": 4,
		"essential_services": 5, "law_enforcement": 6, "migration": 7, "administration_of_justice": 8,
	}
	every area, point in expected {
		m := fx.put(fx.minimal_manifest, ["classification", "eu_ai_act", "annex_iii_areas"], [area])
		classification.tier == "high" with input.manifest as m
		classification.annex_iii_points == {point} with input.manifest as m
		r := classification.reasons with input.manifest as m
		some reason in r
		startswith(reason, sprintf("EU AI Act Annex III point %d: ", [point]))
	}
}

test_unknown_annex_iii_area_is_high if {
	m := fx.put(fx.minimal_manifest, ["classification", "eu_ai_act", "annex_iii_areas"], ["justice"])
	classification.tier == "high" with input.manifest as m
	classification.unknown_annex_iii_areas == {"justice"} with input.manifest as m
	r := classification.reasons with input.manifest as m
	"EU AI Act Annex III: justice is not a recognised area and is treated as high-risk" in r
}

test_derogation_applies_without_profiling if {
	m := json.patch(fx.manifest, [
		{
			"op": "replace", "path": ["classification", "eu_ai_act", "art_6_3_exemption"],
			"value": "Performs a narrow procedural task: formats case notes.",
		},
		{"op": "replace", "path": ["classification", "eu_ai_act", "profiling_of_natural_persons"], "value": false},
	])
	classification.derogation_applies with input.manifest as m
	classification.tier == "minimal" with input.manifest as m
	r := classification.reasons with input.manifest as m
	concat("", [
		"EU AI Act Art. 6(3): not high-risk under Annex III point 8 (administration of justice and ",
		"democratic processes): derogation documented: Performs a narrow procedural task: formats case ",
		"notes.",
	]) in r
}

test_derogation_void_when_profiling if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "art_6_3_exemption"], "Narrow procedural task.")
	not classification.derogation_applies with input.manifest as m
	classification.tier == "high" with input.manifest as m
	r := classification.reasons with input.manifest as m
	"EU AI Act Art. 6(3): the derogation claimed is void because the system profiles natural persons" in r
	"EU AI Act Annex III point 8: administration of justice and democratic processes" in r
}

test_derogation_needs_profiling_stated_false if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["classification", "eu_ai_act", "art_6_3_exemption"], "value": "Narrow procedural task."},
		{"op": "remove", "path": ["classification", "eu_ai_act", "profiling_of_natural_persons"]},
	])
	classification.tier == "high" with input.manifest as m
	r := classification.reasons with input.manifest as m
	concat("", [
		"EU AI Act Art. 6(3): the derogation claimed is not accepted because ",
		"profiling_of_natural_persons is not stated false",
	]) in r
}

test_blank_derogation_is_no_derogation if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["classification", "eu_ai_act", "art_6_3_exemption"], "value": "   "},
		{"op": "replace", "path": ["classification", "eu_ai_act", "profiling_of_natural_persons"], "value": false},
	])
	not classification.derogation_claimed with input.manifest as m
	classification.tier == "high" with input.manifest as m
}

# --- prohibited ---------------------------------------------------------------------------

test_prohibited_practice_outranks_everything if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "prohibited_practices"], ["Art.5(1)(d)"])
	classification.tier == "prohibited" with input.manifest as m
	classification.high_risk with input.manifest as m
	r := classification.reasons with input.manifest as m
	concat("", [
		"EU AI Act Art.5(1)(d): prohibited practice declared (predicting criminal offending solely from ",
		"profiling or personality traits)",
	]) in r
}

test_unrecognised_prohibited_point_is_still_prohibited if {
	m := fx.put(fx.minimal_manifest, ["classification", "eu_ai_act", "prohibited_practices"], "Art.5(1)(z)")
	classification.tier == "prohibited" with input.manifest as m
	r := classification.reasons with input.manifest as m
	"EU AI Act Art.5(1)(z): prohibited practice declared (not a recognised Art. 5(1) point)" in r
}

# --- UK GDPR -----------------------------------------------------------------------------

test_special_category_data_escalates_to_high if {
	m := fx.put(fx.minimal_manifest, ["classification", "uk_gdpr", "special_category_data"], true)
	classification.tier == "high" with input.manifest as m
	classification.personal_data with input.manifest as m
	r := classification.reasons with input.manifest as m
	"UK GDPR Art. 9: special category personal data is processed" in r
}

test_solely_automated_decisions_escalate_limited_to_high if {
	m := fx.put(fx.genai_manifest, ["classification", "uk_gdpr", "solely_automated_decision"], true)
	classification.tier == "high" with input.manifest as m
	classification.automated_decision with input.manifest as m
	r := classification.reasons with input.manifest as m
	"UK GDPR Art. 22: decisions are based solely on automated processing" in r
}

test_special_category_data_in_a_dataset_escalates_to_high if {
	m := fx.put(fx.minimal_manifest, ["data", "datasets", 0, "special_category_data"], true)
	classification.special_category_data with input.manifest as m
	classification.personal_data with input.manifest as m
	classification.tier == "high" with input.manifest as m
}

test_personal_data_in_a_dataset_adds_a_reason_only if {
	m := fx.put(fx.minimal_manifest, ["data", "datasets", 0, "personal_data"], true)
	classification.personal_data with input.manifest as m
	classification.tier == "minimal" with input.manifest as m
	r := classification.reasons with input.manifest as m
	"UK GDPR Art. 35: personal data is processed, so a DPIA is required" in r
}

# --- helpers -------------------------------------------------------------------------------

test_generative_triggers if {
	g := fx.genai_manifest
	classification.generative with input.manifest as g
	c := fx.put(fx.minimal_manifest, ["system", "decision_role"], "content-generation")
	classification.generative with input.manifest as c
	s := fx.put(fx.minimal_manifest, ["system", "generates_synthetic_content"], true)
	classification.generative with input.manifest as s
	f := fx.put(fx.minimal_manifest, ["models", 0, "type"], "foundation-model")
	classification.generative with input.manifest as f
}

test_third_party_models_are_listed_with_their_index if {
	g := fx.genai_manifest
	tp := classification.third_party_models with input.manifest as g
	[m.index | some m in tp] == [0]
	m := fx.manifest
	count(classification.third_party_models) == 0 with input.manifest as m
}

test_automated_decision_role_counts if {
	m := fx.put(fx.minimal_manifest, ["system", "decision_role"], "automated-decision")
	classification.automated_decision with input.manifest as m
	classification.tier == "minimal" with input.manifest as m
}

# --- roles, scope and triggers ----------------------------------------------------------

test_roles_and_gpai_provider if {
	d := fx.manifest
	m := fx.put(d, ["classification", "eu_ai_act", "role"], "provider")
	g := fx.put(m, ["classification", "eu_ai_act", "general_purpose_ai"], true)
	classification.deployer with input.manifest as d
	not classification.provider with input.manifest as d
	classification.provider with input.manifest as m
	not classification.gpai_provider with input.manifest as m
	classification.gpai_provider with input.manifest as g
}

test_atrs_scope_is_public_facing_or_decision_support if {
	m := fx.manifest
	classification.atrs_in_scope with input.manifest as m
	mm := fx.minimal_manifest
	not classification.atrs_in_scope with input.manifest as mm
	g := fx.genai_manifest
	classification.atrs_in_scope with input.manifest as g
}

test_fria_required_for_public_body_deployers_of_annex_iii_systems if {
	m := fx.manifest
	classification.fria_required with input.manifest as m
	not classification.fria_required with input.manifest as m with data.ai_assure.config.public_body as false
	provider := fx.put(m, ["classification", "eu_ai_act", "role"], "provider")
	not classification.fria_required with input.manifest as provider
}

test_fria_never_required_for_critical_infrastructure_only if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "annex_iii_areas"], ["critical_infrastructure"])
	not classification.fria_required with input.manifest as m
}

test_fria_required_for_essential_services_even_without_a_public_body if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "annex_iii_areas"], ["essential_services"])
	classification.fria_required with input.manifest as m with data.ai_assure.config.public_body as false
}

test_triggers_name_what_raised_obligations if {
	m := fx.manifest
	classification.triggers == {"high_risk", "personal_data"} with input.manifest as m
	g := fx.genai_manifest
	classification.triggers == {"third_party_models", "generative", "public_facing"} with input.manifest as g
}

test_a_derogation_without_a_documented_reason_is_not_accepted if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["classification", "eu_ai_act", "art_6_3_exemption"], "value": "Narrow procedural task."},
		{"op": "replace", "path": ["classification", "eu_ai_act", "profiling_of_natural_persons"], "value": false},
	])
	not classification.derogation_applies with input.manifest as m
	classification.derogation_reason_words == 3 with input.manifest as m
	classification.tier == "high" with input.manifest as m
	r := classification.reasons with input.manifest as m
	concat("", [
		"EU AI Act Art. 6(3): the derogation claimed is not accepted because its reason is too short to ",
		"document the assessment",
	]) in r
	not concat("", [
		"EU AI Act Art. 6(3): the derogation claimed is not accepted because ",
		"profiling_of_natural_persons is not stated false",
	]) in r
}

test_art_5_1_d_declared_is_prohibited if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "prohibited_practices"], ["Art.5(1)(d)"])
	classification.tier == "prohibited" with input.manifest as m
	r := classification.reasons with input.manifest as m
	concat("", [
		"EU AI Act Art.5(1)(d): prohibited practice declared (predicting criminal offending solely from ",
		"profiling or personality traits)",
	]) in r
}
