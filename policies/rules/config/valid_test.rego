package ai_assure.rules.config.valid_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.config.valid

test_the_shipped_configuration_is_valid if {
	valid.applicable
	count(valid.deny) == 0
}

test_a_missing_knob_is_denied if {
	cfg := fx.config_remove(["risk", "appetite_max_residual"])
	findings := valid.deny with data.ai_assure.config as cfg
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The policy configuration has no risk.appetite_max_residual (data.ai_assure.config in ",
		"policies/data.yaml): the rules that read it cannot decide; restore it as a number",
	])
	f.path == []
}

test_no_configuration_at_all_fails_closed if {
	findings := valid.deny with data.ai_assure.config as {}
	count(findings) == count(valid.knobs)
}

test_a_mistyped_knob_is_denied if {
	cfg := fx.config_put(["eu_ai_act_reference"], "yes")
	findings := valid.deny with data.ai_assure.config as cfg
	some f in findings
	f.msg == "The policy configuration value eu_ai_act_reference is a string (yes) but must be a boolean"
}

test_a_schedule_or_level_outside_its_values_is_denied if {
	cfg := json.patch(data.ai_assure.config, [
		{"op": "replace", "path": ["date_schedule"], "value": "aia_2025"},
		{"op": "replace", "path": ["assurance", "raise", "generative"], "value": "severe"},
	])
	msgs := {f.msg | some f in valid.deny} with data.ai_assure.config as cfg
	msgs == {
		"The policy configuration value date_schedule is aia_2025 but must be one of aia_2024, omnibus_2026",
		"The policy configuration value assurance.raise.generative is severe but must be one of critical, high, low, medium",
	}
}

test_a_commencement_date_that_is_not_a_date_is_denied if {
	cfg := fx.config_put(["duaa_art_22a_from"], "5 February 2026")
	msgs := {f.msg | some f in valid.deny} with data.ai_assure.config as cfg
	msgs == {concat("", [
		"The policy configuration value duaa_art_22a_from is 5 February 2026 but must be a date written",
		" YYYY-MM-DD",
	])}
}

test_an_out_of_range_number_is_denied if {
	cfg := fx.config_put(["red_team", "min_pass_rate"], 95)
	findings := valid.deny with data.ai_assure.config as cfg
	some f in findings
	f.msg == "The policy configuration value red_team.min_pass_rate is 95, outside its range 0 to 1"
}

test_malformed_list_entries_are_denied if {
	cfg := json.patch(data.ai_assure.config, [
		{
			"op": "replace", "path": ["evaluation_default_thresholds"],
			"value": [{"metric": "accuracy", "direction": "up", "threshold": 0.8}],
		},
		{"op": "replace", "path": ["licence_allowlist"], "value": ["MIT", 3]},
		{"op": "replace", "path": ["risk", "required_categories"], "value": {"high_risk": "bias"}},
		{"op": "replace", "path": ["red_team", "required_owasp", "limited"], "value": ["LLM01", "LLM11"]},
	])
	findings := valid.deny with data.ai_assure.config as cfg
	count(findings) == 4
	msgs := concat("\n", sort([f.msg | some f in findings]))
	contains(msgs, "evaluation_default_thresholds[0] is")
	contains(msgs, "licence_allowlist has an entry that is not a name: 3")
	contains(msgs, "risk.required_categories.high_risk must be a list of category names")
	contains(msgs, "red_team.required_owasp.limited must be a list of OWASP Top 10 for LLM Applications 2025 ids")
}
