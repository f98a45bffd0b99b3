package ai_assure.classification_test

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.fixtures_test as fx

_level(m) := l if {
	ctx := fx.context
	l := classification.assurance_level with input.manifest as m with input.context as ctx
}

_reasons(m) := texts if {
	ctx := fx.context
	a := classification.assurance with input.manifest as m with input.context as ctx
	texts := {r.text | some r in a.reasons}
}

# --- the EU AI Act axis ------------------------------------------------------------------------

test_the_eu_axis_is_the_category_the_facts_give if {
	m := fx.manifest
	e := classification.eu_ai_act with input.manifest as m
	e.in_scope == true
	e.category == "high"
	e.roles == ["deployer"]
	e.gpai_model == false
	e.date_schedule == "aia_2024"
	classification.tier == "high" with input.manifest as m
	reasons := classification.reasons with input.manifest as m
	some reason in reasons
	startswith(reason, "EU AI Act AnnexIII.5(a): high-risk: Annex III 5(a): by or for public authorities: eligibility")
}

test_uk_facts_never_change_the_eu_category if {
	m := json.patch(fx.minimal_manifest, [{
		"op": "replace", "path": ["uk_data_protection"],
		"value": object.union(fx.uk_low, {
			"special_category_data": true, "criminal_offence_data": true,
			"automated_decision": {
				"significant": true, "solely_automated": true, "uses_special_category": false,
				"relies_on_6_1_ea": false,
			},
		}),
	}])
	classification.category == "minimal" with input.manifest as m
	_level(m) == "high"
	count({
		"special category data is processed (UK GDPR Art. 9; DPA 2018 s. 35)",
		"criminal offence data is processed (UK GDPR Art. 10; DPA 2018 s. 11(2))",
	} - _reasons(m)) == 0
}

# --- the assurance level ----------------------------------------------------------------------------

test_a_minimal_internal_tool_is_low if {
	m := fx.minimal_manifest
	_level(m) == "low"
	_reasons(m) == {"the EU AI Act category from the facts is minimal (no trigger)"}
	not classification.high_risk with input.manifest as m
	not classification.at_least_limited with input.manifest as m
}

test_a_public_chatbot_is_medium if {
	m := fx.genai_manifest
	_level(m) == "medium"
	_reasons(m) == {
		"the EU AI Act category from the facts is limited (Art.50(1), Art.50(2))",
		"it generates content", "it is public-facing",
	}
	classification.at_least_limited with input.manifest as m
	not classification.high_risk with input.manifest as m
}

test_a_high_risk_system_is_high if {
	m := fx.manifest
	_level(m) == "high"
	classification.high_risk with input.manifest as m
}

test_a_prohibited_practice_is_critical if {
	m := fx.put(fx.manifest, ["eu_ai_act", "art_5", "untargeted_facial_scraping"], true)
	_level(m) == "critical"
}

test_an_unlawful_automated_decision_is_critical if {
	m := fx.put(
		fx.manifest,
		["uk_data_protection", "automated_decision"],
		{"significant": true, "solely_automated": true, "uses_special_category": false, "relies_on_6_1_ea": true},
	)
	_level(m) == "critical"
	classification.category == "high" with input.manifest as m
}

test_a_required_dpia_raises_a_minimal_system_to_medium if {
	m := fx.put(
		fx.minimal_manifest,
		["uk_data_protection"],
		object.union(fx.uk_low, {"dpia_screen": {"art_35_3": [], "ico_list": ["data_matching"], "wp248": []}}),
	)
	_level(m) == "medium"
	classification.dpia_required with input.manifest as m
}

test_open_questions_keep_the_level_at_least_high if {
	m := fx.remove(fx.minimal_manifest, ["eu_ai_act", "art_5", "social_scoring"])
	_level(m) == "high"
	some r in _reasons(m)
	startswith(r, "1 classification questions are unanswered (CLS-005)")
}

test_a_gpai_model_provider_is_medium_and_high_with_systemic_risk if {
	_level(fx.gpai_manifest) == "medium"
	m := fx.put(fx.gpai_manifest, ["eu_ai_act", "gpai", "training_compute_flop"], 3.0e+25)
	_level(m) == "high"
}

test_outside_the_act_its_category_counts_only_as_a_reference_framework if {
	m := fx.uk_only(fx.manifest)
	ctx := fx.context
	a := classification.assurance with input.manifest as m with input.context as ctx
	a.level == "high"
	some r in a.reasons
	r.source == "EU AI Act, as a reference framework"
	cfg := fx.config_put(["eu_ai_act_reference"], false)
	b := classification.assurance with input.manifest as m with input.context as ctx with data.ai_assure.config as cfg
	every r2 in b.reasons {
		not startswith(r2.source, "EU AI Act")
	}
}

test_the_organisation_sets_what_each_fact_raises_the_level_to if {
	m := fx.genai_manifest
	cfg := fx.config_put(["assurance", "raise", "public_facing"], "high")
	ctx := fx.context
	level := classification.assurance_level with input.manifest as m with input.context as ctx
		with data.ai_assure.config as cfg
	level == "high"
}

# --- the helpers rules decide from ----------------------------------------------------------------------

test_enforced_and_advised_follow_the_binding_decision if {
	m := fx.manifest
	ctx := fx.context
	classification.enforced("EU-AI-ACT:Art.26") with input.manifest as m with input.context as ctx
	classification.fria_required with input.manifest as m with input.context as ctx
	not classification.enforced("EU-AI-ACT:Art.9") with input.manifest as m with input.context as ctx
	u := fx.uk_only(m)
	classification.advised("EU-AI-ACT:Art.26") with input.manifest as u with input.context as ctx
	not classification.enforced("EU-AI-ACT:Art.26") with input.manifest as u with input.context as ctx
}

test_triggers_name_what_raises_the_obligations if {
	m := fx.genai_manifest
	classification.triggers == {"generative", "public_facing", "third_party_models"} with input.manifest as m
	classification.triggers == {"high_risk", "personal_data"} with input.manifest as fx.manifest
}

test_the_summary_holds_both_axes_the_questions_and_the_review if {
	m := fx.manifest
	s := classification.summary with input.manifest as m
	object.keys(s) == {"eu_ai_act", "assurance_level", "uk_data_protection", "questions", "review", "facts"}
	s.questions == []
	s.uk_data_protection.dpia == "required"
}
