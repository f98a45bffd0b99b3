package ai_assure.law.obligations_test

import rego.v1

import data.ai_assure.law.obligations
import data.ai_assure.lib.fixtures_test as fx

_decision(m, control) := d if {
	ctx := fx.context
	d := obligations.decisions[control] with input.manifest as m with input.context as ctx
}

_status(m, control) := _decision(m, control).status

# --- the EU AI Act: category, role, scope and date ---------------------------------------------

test_a_public_body_deploying_an_annex_iii_system_is_bound_by_the_deployer_articles if {
	m := fx.manifest
	every control in [
		"EU-AI-ACT:Art.26",
		"EU-AI-ACT:Art.27",
		"EU-AI-ACT:Art.49",
		"EU-AI-ACT:Art.86",
		"EU-AI-ACT:AnnexIII.5",
	] {
		_status(m, control) == "binds"
	}
	d := _decision(m, "EU-AI-ACT:Art.26")
	d.floor == "high"
	d.applies_from == "2026-08-02"
	d.reason == concat("", [
		"Art. 26 (obligations of deployers): binds the deployer because it is a high-risk AI system",
		" (AnnexIII.5(a)); applies from 2026-08-02 (2027-12-02 under the other date_schedule)",
	])
}

test_provider_articles_do_not_bind_a_deployer if {
	m := fx.manifest
	d := _decision(m, "EU-AI-ACT:Art.9")
	d.status == "not_applicable"
	d.reason == concat("", [
		"Art. 9 (risk management system): does not apply: it binds the provider and the organisation is",
		" the deployer",
	])
}

test_high_risk_articles_do_not_bind_a_minimal_system if {
	m := fx.minimal_manifest
	d := _decision(m, "EU-AI-ACT:Art.14")
	d.status == "not_applicable"
	contains(d.reason, "it is not a high-risk AI system (its EU AI Act category is minimal)")
	_status(m, "EU-AI-ACT:Art.86") == "not_applicable"
}

test_art_4_and_art_5_bind_every_ai_system_in_scope if {
	m := fx.minimal_manifest
	_status(m, "EU-AI-ACT:Art.4") == "binds"
	_decision(m, "EU-AI-ACT:Art.5").floor == "critical"
}

test_outside_the_act_its_articles_are_advisory_or_not_applicable if {
	m := fx.uk_only(fx.manifest)
	_status(m, "EU-AI-ACT:Art.26") == "advisory"
	cfg := fx.config_put(["eu_ai_act_reference"], false)
	ctx := fx.context
	d := obligations.decisions["EU-AI-ACT:Art.26"] with input.manifest as m with input.context as ctx
		with data.ai_assure.config as cfg
	d.status == "not_applicable"
	startswith(d.reason, "Art. 26 (obligations of deployers): the EU AI Act does not apply to this system (Art. 2(1)")
}

test_under_the_omnibus_schedule_annex_iii_duties_are_upcoming if {
	m := fx.put(fx.manifest, ["eu_ai_act", "lifecycle", "first_placed_or_put_into_service"], "not_yet")
	cfg := fx.config_put(["date_schedule"], "omnibus_2026")
	ctx := fx.context
	d := obligations.decisions["EU-AI-ACT:Art.26"] with input.manifest as m with input.context as ctx
		with data.ai_assure.config as cfg
	d.status == "upcoming"
	d.applies_from == "2027-12-02"
}

test_an_annex_i_product_s_duties_apply_from_august_2027 if {
	m := json.patch(fx.provider_manifest, [
		{"op": "replace", "path": ["eu_ai_act", "annex_iii", "points"], "value": []},
		{
			"op": "replace",
			"path": ["eu_ai_act", "annex_i"],
			"value": {"act": "A11", "safety_component_or_product": true, "third_party_conformity_required": true},
		},
		{"op": "replace", "path": ["eu_ai_act", "lifecycle", "first_placed_or_put_into_service"], "value": "not_yet"},
	])
	d := _decision(m, "EU-AI-ACT:Art.9")
	d.status == "upcoming"
	d.applies_from == "2027-08-02"
	_status(m, "EU-AI-ACT:Art.27") == "not_applicable"
	_status(m, "EU-AI-ACT:Art.49") == "not_applicable"
}

_legacy(changes) := json.patch(fx.manifest, array.concat(
	[{"op": "replace", "path": ["eu_ai_act", "lifecycle"], "value": {"first_placed_or_put_into_service": "2025-03-01"}}],
	changes,
))

test_a_system_in_use_before_the_cutoff_and_unchanged_is_not_covered if {
	m := _legacy([
		{"op": "add", "path": ["eu_ai_act", "lifecycle", "significant_design_change_after_cutoff"], "value": false},
		{"op": "add", "path": ["eu_ai_act", "lifecycle", "intended_for_public_authority_use"], "value": false},
	])
	d := _decision(m, "EU-AI-ACT:Art.26")
	d.status == "not_applicable"
	contains(d.reason, "it was in use before 2026-08-02 and has not changed significantly since (Art. 111(2))")
}

test_a_legacy_system_for_public_authorities_is_covered_from_2030 if {
	m := _legacy([
		{"op": "add", "path": ["eu_ai_act", "lifecycle", "significant_design_change_after_cutoff"], "value": false},
		{"op": "add", "path": ["eu_ai_act", "lifecycle", "intended_for_public_authority_use"], "value": true},
	])
	d := _decision(m, "EU-AI-ACT:Art.26")
	d.status == "upcoming"
	d.applies_from == "2030-08-02"
}

test_an_open_legacy_question_leaves_the_duty_undetermined if {
	m := _legacy([])
	_status(m, "EU-AI-ACT:Art.26") == "undetermined"
}

# --- Art. 27: which deployers -----------------------------------------------------------------------------

_private(points) := json.patch(fx.manifest, [
	{"op": "replace", "path": ["organisation"], "value": {
		"established_in_eu": true, "public_authority": false, "body_governed_by_public_law": false,
		"private_entity_providing_public_service": false,
	}},
	{"op": "replace", "path": ["eu_ai_act", "annex_iii", "points"], "value": points},
])

test_a_private_deployer_of_a_recruitment_tool_owes_no_fria if {
	m := _private(["AnnexIII.4(a)"])
	_status(m, "EU-AI-ACT:Art.26") == "binds"
	d := _decision(m, "EU-AI-ACT:Art.27")
	d.status == "not_applicable"
	contains(d.reason, "the deployer is not a body governed by public law or a private entity providing public services")
	_status(m, "EU-AI-ACT:Art.49") == "not_applicable"
}

test_every_deployer_of_credit_scoring_or_life_and_health_insurance_pricing_owes_one if {
	every p in ["AnnexIII.5(b)", "AnnexIII.5(c)"] {
		_status(_private([p]), "EU-AI-ACT:Art.27") == "binds"
	}
}

test_a_private_entity_providing_a_public_service_owes_one if {
	m := fx.put(_private(["AnnexIII.3(a)"]), ["organisation", "private_entity_providing_public_service"], true)
	_status(m, "EU-AI-ACT:Art.27") == "binds"
}

test_no_fria_and_no_art_86_for_critical_infrastructure if {
	m := fx.put(fx.manifest, ["eu_ai_act", "annex_iii", "points"], ["AnnexIII.2"])
	_status(m, "EU-AI-ACT:Art.27") == "not_applicable"
	_status(m, "EU-AI-ACT:Art.86") == "not_applicable"
	_status(m, "EU-AI-ACT:Art.26") == "binds"
}

# --- Art. 50: each paragraph binds its own operator ------------------------------------------------------------

test_a_chatbot_provider_is_bound_by_art_50 if {
	m := fx.genai_manifest
	d := _decision(m, "EU-AI-ACT:Art.50")
	d.status == "binds"
	contains(d.reason, "Art.50(1) (provider), Art.50(2) (provider)")
}

test_a_deployer_of_a_vendor_chatbot_is_not_bound_by_the_provider_s_paragraphs if {
	m := fx.put(fx.genai_manifest, ["eu_ai_act", "activities"], ["uses_under_authority"])
	d := _decision(m, "EU-AI-ACT:Art.50")
	d.status == "not_applicable"
	contains(d.reason, "binds another operator, not the organisation (the deployer)")
}

# --- general-purpose AI models -----------------------------------------------------------------------------------

test_a_gpai_model_provider_is_bound_by_art_53_but_not_54_in_the_eu if {
	m := fx.gpai_manifest
	_status(m, "EU-AI-ACT:Art.53") == "binds"
	_status(m, "EU-AI-ACT:Art.54") == "not_applicable"
	_status(m, "EU-AI-ACT:Art.55") == "not_applicable"
	_status(m, "EU-AI-ACT:Art.26") == "not_applicable"
}

test_a_non_eu_provider_of_a_systemic_risk_model_is_bound_by_54_and_55 if {
	m := json.patch(fx.gpai_manifest, [
		{"op": "replace", "path": ["organisation", "established_in_eu"], "value": false},
		{"op": "replace", "path": ["eu_ai_act", "gpai", "training_compute_flop"], "value": 3.0e+25},
	])
	_status(m, "EU-AI-ACT:Art.54") == "binds"
	_status(m, "EU-AI-ACT:Art.55") == "binds"
}

# --- UK GDPR, the DPA 2018 and the ATRS ------------------------------------------------------------------------------

test_art_22a_binds_only_significant_solely_automated_decisions if {
	m := fx.manifest
	_status(m, "UK-GDPR:Art.22A") == "not_applicable"
	m2 := fx.put(m, ["uk_data_protection", "automated_decision", "solely_automated"], true)
	_status(m2, "UK-GDPR:Art.22A") == "binds"
	_status(m2, "UK-GDPR:Art.22C") == "binds"
	_status(m2, "UK-GDPR:Art.22") == "not_applicable"
}

test_a_spam_filter_owes_no_art_22_and_no_dpia if {
	m := fx.put(
		fx.minimal_manifest,
		["uk_data_protection"],
		object.union(fx.uk_low, {"automated_decision": {"significant": false, "solely_automated": true}}),
	)
	_status(m, "UK-GDPR:Art.22A") == "not_applicable"
	d := _decision(m, "UK-GDPR:Art.35")
	d.status == "not_applicable"
	contains(d.reason, "not required: no Art. 35(3) case, no ICO list item and fewer than two WP248 criteria")
	_status(m, "UK-GDPR:Art.32") == "binds"
}

test_law_enforcement_processing_binds_part_3_not_the_uk_gdpr if {
	m := fx.put(fx.manifest, ["uk_data_protection", "regime"], "dpa_part3")
	_status(m, "UK-GDPR:Art.35") == "not_applicable"
	_status(m, "UK-DPA-2018:s.64") == "binds"
}

test_the_atrs_binds_public_sector_bodies_only if {
	_status(fx.manifest, "UK-ATRS:Tier1") == "binds"
	m := fx.put(fx.manifest, ["organisation", "public_authority"], false)
	d := _decision(m, "UK-ATRS:Tier1")
	d.status == "not_applicable"
	contains(d.reason, "the ATRS is mandatory for public-sector bodies only")
}

test_an_unknown_control_is_undetermined if {
	obligations.status("EU-AI-ACT:Art.99") == "undetermined"
}
