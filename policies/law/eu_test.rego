package ai_assure.law.eu_test

import rego.v1

import data.ai_assure.law.art5
import data.ai_assure.law.eu
import data.ai_assure.law.high_risk
import data.ai_assure.law.roles
import data.ai_assure.lib.fixtures_test as fx

# Each test starts from a fully answered minimal system (an AI system a public body uses in the
# EU, with no Art. 5, Annex I, Annex III or Art. 50 trigger) and changes the facts one rule of
# the Act turns on.

_m(patches) := json.patch(fx.minimal_manifest, patches)

_set(path, value) := {"op": "add", "path": path, "value": value}

_category(m) := c if {
	c := eu.category with input.manifest as m
}

_citations(m) := cs if {
	grounds := eu.grounds with input.manifest as m
	cs := {g.citation | some g in grounds}
}

# --- the gate (Art. 3(1), 3(63)) and scope (Art. 2) -------------------------------------------

test_a_minimal_system_is_minimal_and_in_scope if {
	m := fx.minimal_manifest
	_category(m) == "minimal"
	eu.in_scope == true with input.manifest as m
	eu.nexus == ["Art.2(1)(b)", "Art.2(1)(c)"] with input.manifest as m
	"Art.6" in _citations(m)
}

test_rule_based_automation_is_not_an_ai_system if {
	m := _m([_set(["eu_ai_act", "is_ai_system"], "no")])
	eu.not_ai with input.manifest as m
	eu.in_scope == false with input.manifest as m
	"Art.3(1)" in _citations(m)
}

test_a_uk_only_system_is_out_of_scope if {
	m := fx.uk_only(fx.manifest)
	eu.in_scope == false with input.manifest as m
	startswith(eu.scope_reason, "Art. 2(1): not placed on the EU market") with input.manifest as m
}

test_scope_is_open_while_the_eu_facts_are if {
	m := fx.remove(fx.uk_only(fx.minimal_manifest), ["organisation", "established_in_eu"])
	eu.in_scope == null with input.manifest as m
}

test_output_intended_for_the_eu_brings_a_third_country_system_in if {
	m := fx.put(fx.uk_only(fx.minimal_manifest), ["eu_ai_act", "scope", "output_intended_for_use_in_eu"], true)
	eu.nexus == ["Art.2(1)(c)"] with input.manifest as m
}

test_exclusive_military_use_is_excluded if {
	m := _m([_set(["eu_ai_act", "scope", "exclusions"], ["military_defence_natsec_exclusive"])])
	eu.in_scope == false with input.manifest as m
	contains(
		eu.scope_reason,
		"used exclusively for military, defence or national security purposes",
	) with input.manifest as m
}

test_pre_market_research_is_excluded_unless_tested_in_real_world_conditions if {
	m := _m([
		_set(["eu_ai_act", "scope", "exclusions"], ["pre_market_rd_only"]),
		_set(["eu_ai_act", "scope", "real_world_testing"], false),
	])
	eu.in_scope == false with input.manifest as m
	m2 := fx.put(m, ["eu_ai_act", "scope", "real_world_testing"], true)
	eu.in_scope == true with input.manifest as m2
}

test_an_open_source_system_is_excluded_only_while_minimal if {
	m := _m([_set(["eu_ai_act", "scope", "free_open_source_licence"], true)])
	eu.in_scope == false with input.manifest as m
	chatbot := json.patch(m, [_set(["eu_ai_act", "transparency"], {
		"interacts_directly_with_natural_persons": true, "ai_nature_obvious": false, "generates_synthetic": [],
		"authorised_by_law_for_crime": false,
	})])
	eu.in_scope == true with input.manifest as chatbot
	_category(chatbot) == "limited"
}

# --- roles (Art. 3(3)-(7), 25) ---------------------------------------------------------------------

test_a_body_that_builds_and_uses_its_own_system_holds_both_roles if {
	m := _m([_set(["eu_ai_act", "activities"], ["develops", "puts_into_service_own_use", "uses_under_authority"])])
	roles.names == ["deployer", "provider"] with input.manifest as m
}

test_commissioning_a_system_and_putting_it_into_service_makes_a_provider if {
	m := _m([_set(["eu_ai_act", "activities"], ["commissions_development", "puts_into_service_own_use"])])
	roles.names == ["provider"] with input.manifest as m
}

test_changing_a_general_purpose_system_to_a_high_risk_purpose_makes_a_provider if {
	m := json.patch(fx.manifest, [
		_set(["eu_ai_act", "annex_iii", "points"], ["AnnexIII.4(a)"]),
		_set(["eu_ai_act", "art_25"], ["purpose_changed_to_high_risk"]),
	])
	roles.names == ["deployer", "provider"] with input.manifest as m
	"Art.25(1)" in _citations(m)
}

test_a_personal_non_professional_user_is_no_deployer if {
	m := _m([_set(["eu_ai_act", "scope", "exclusions"], ["personal_non_professional"])])
	roles.names == [] with input.manifest as m
}

test_importers_distributors_and_representatives if {
	m := _m([_set(
		["eu_ai_act", "activities"],
		["imports_third_country_branded", "distributes", "eu_mandate_from_non_eu_provider"],
	)])
	roles.names == ["authorised_representative", "distributor", "importer"] with input.manifest as m
}

# --- Art. 5(1): every point, from the facts -----------------------------------------------------------

_prohibited(patches, point) if {
	m := _m(patches)
	_category(m) == "prohibited"
	point in art5.prohibited_points with input.manifest as m
	point in _citations(m)
}

test_art_5_1_a_manipulation_causing_significant_harm if {
	_prohibited(
		[
			_set(["eu_ai_act", "art_5", "manipulative_or_subliminal"], true),
			_set(["eu_ai_act", "art_5", "material_distortion_significant_harm"], true),
		],
		"Art.5(1)(a)",
	)
}

test_art_5_1_a_manipulation_without_significant_harm_is_not_prohibited if {
	m := _m([
		_set(["eu_ai_act", "art_5", "manipulative_or_subliminal"], true),
		_set(["eu_ai_act", "art_5", "material_distortion_significant_harm"], false),
	])
	_category(m) == "minimal"
}

test_art_5_1_b_exploiting_vulnerability if {
	_prohibited(
		[
			_set(["eu_ai_act", "art_5", "exploits_vulnerability"], ["age"]),
			_set(["eu_ai_act", "art_5", "material_distortion_significant_harm"], true),
		],
		"Art.5(1)(b)",
	)
}

test_art_5_1_c_social_scoring_with_detrimental_treatment if {
	_prohibited(
		[
			_set(["eu_ai_act", "art_5", "social_scoring"], true),
			_set(["eu_ai_act", "art_5", "detrimental_treatment"], ["unrelated_context"]),
		],
		"Art.5(1)(c)",
	)
}

test_art_5_1_c_scoring_without_detrimental_treatment_is_not_prohibited if {
	m := _m([
		_set(["eu_ai_act", "art_5", "social_scoring"], true),
		_set(["eu_ai_act", "art_5", "detrimental_treatment"], []),
	])
	_category(m) == "minimal"
}

test_art_5_1_d_offending_prediction_solely_from_profiling if {
	_prohibited([_set(["eu_ai_act", "art_5", "crime_prediction_basis"], "solely_profiling_or_traits")], "Art.5(1)(d)")
}

test_art_5_1_d_support_for_a_fact_based_human_assessment_is_high_risk_not_prohibited if {
	m := _m([
		_set(["eu_ai_act", "art_5", "crime_prediction_basis"], "supports_human_assessment_on_objective_facts"),
		_set(["eu_ai_act", "annex_iii", "points"], ["AnnexIII.6(d)"]),
		_set(["eu_ai_act", "profiling_of_natural_persons"], true),
		_set(["eu_ai_act", "art_6_3"], {"claimed": false}),
	])
	_category(m) == "high"
	"AnnexIII.6(d)" in _citations(m)
}

test_art_5_1_e_untargeted_facial_scraping if {
	_prohibited([_set(["eu_ai_act", "art_5", "untargeted_facial_scraping"], true)], "Art.5(1)(e)")
}

test_art_5_1_f_emotion_recognition_in_education if {
	_prohibited(
		[
			_set(["eu_ai_act", "biometrics", "emotion_recognition"], true),
			_set(["eu_ai_act", "art_5", "emotion_setting"], ["education_institution"]),
			_set(["eu_ai_act", "art_5", "medical_or_safety_purpose"], false),
		],
		"Art.5(1)(f)",
	)
}

test_art_5_1_f_for_safety_reasons_is_high_risk_emotion_recognition if {
	m := _m([
		_set(["eu_ai_act", "biometrics", "emotion_recognition"], true),
		_set(["eu_ai_act", "art_5", "emotion_setting"], ["workplace"]),
		_set(["eu_ai_act", "art_5", "medical_or_safety_purpose"], true),
		_set(["eu_ai_act", "profiling_of_natural_persons"], false),
		_set(["eu_ai_act", "art_6_3"], {"claimed": false}),
	])
	_category(m) == "high"
	count({"AnnexIII.1(c)", "Art.50(3)"} - _citations(m)) == 0
}

test_art_5_1_g_biometric_categorisation_inferring_protected_traits if {
	_prohibited(
		[
			_set(["eu_ai_act", "biometrics", "biometric_categorisation"], true),
			_set(["eu_ai_act", "art_5", "infers_protected_traits"], ["sexual_orientation"]),
			_set(["eu_ai_act", "art_5", "categorisation_exception"], "none"),
		],
		"Art.5(1)(g)",
	)
}

test_art_5_1_g_labelling_a_lawful_dataset_is_excepted if {
	m := _m([
		_set(["eu_ai_act", "biometrics", "biometric_categorisation"], true),
		_set(["eu_ai_act", "art_5", "infers_protected_traits"], ["race"]),
		_set(["eu_ai_act", "art_5", "categorisation_exception"], "labelling_filtering_lawful_dataset"),
	])
	not "Art.5(1)(g)" in art5.prohibited_points with input.manifest as m
}

_rbi(objective, conditions) := _m([
	_set(["eu_ai_act", "biometrics", "remote_identification"], true),
	_set(["eu_ai_act", "art_5", "real_time_remote_identification"], object.union(
		{
			"real_time": true, "publicly_accessible_space": true, "law_enforcement_purpose": true,
			"objective": objective,
		},
		conditions,
	)),
])

_all_conditions := {"national_law_authorises": true, "prior_authorisation": true, "fria_done": true, "registered": true}

test_art_5_1_h_real_time_identification_for_law_enforcement if {
	m := _rbi("none", {})
	_category(m) == "prohibited"
	"Art.5(1)(h)" in art5.prohibited_points with input.manifest as m
}

test_art_5_1_h_an_allowed_objective_with_every_condition_is_high_risk if {
	m := _rbi("victim_or_missing_person_search", _all_conditions)
	not "Art.5(1)(h)" in art5.prohibited_points with input.manifest as m
	"AnnexIII.1(a)" in high_risk.annex_iii_points with input.manifest as m
}

test_art_5_1_h_an_allowed_objective_without_prior_authorisation_is_prohibited if {
	m := _rbi("imminent_threat_or_terrorism", object.union(_all_conditions, {"prior_authorisation": false}))
	"Art.5(1)(h)" in art5.prohibited_points with input.manifest as m
}

test_art_5_1_h_binds_the_use_not_the_provider_who_markets_it if {
	m := fx.put(_rbi("none", {}), ["eu_ai_act", "activities"], ["develops", "markets_under_own_name"])
	not "Art.5(1)(h)" in art5.prohibited_points with input.manifest as m
}

test_the_omnibus_points_apply_only_under_its_schedule if {
	m := _m([_set(["eu_ai_act", "art_5", "intimate_or_csam_generation"], "intimate_imagery_without_explicit_consent")])
	not art5.prohibited with input.manifest as m
	art5.omnibus_only_point == "Art.5(1)(ba)" with input.manifest as m
	cfg := fx.config_put(["date_schedule"], "omnibus_2026")
	art5.prohibited_points == {"Art.5(1)(ba)"} with input.manifest as m with data.ai_assure.config as cfg
}

test_a_prohibited_practice_outranks_every_other_trigger if {
	m := json.patch(fx.genai_manifest, [
		_set(["eu_ai_act", "art_5", "untargeted_facial_scraping"], true),
		_set(["eu_ai_act", "annex_iii", "points"], ["AnnexIII.4(a)"]),
		_set(["eu_ai_act", "profiling_of_natural_persons"], true),
	])
	_category(m) == "prohibited"
}
