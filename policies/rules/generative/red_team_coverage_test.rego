package ai_assure.rules.generative.red_team_coverage_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.generative.red_team_coverage

_full := fx.put(
	fx.genai_evidence, ["red_team", 0, "facts", "categories"],
	["harmful:hate", "jailbreak", "pii:direct", "prompt-injection"],
)

test_covering_report_passes if {
	m := fx.genai_manifest
	ev := _full
	red_team_coverage.applicable with input.manifest as m
	count(red_team_coverage.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_not_applicable_without_generation if {
	m := fx.manifest
	not red_team_coverage.applicable with input.manifest as m
}

test_missing_categories_are_denied if {
	m := fx.genai_manifest
	ev := fx.genai_evidence
	findings := red_team_coverage.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The red-team report reports/redteam.json does not cover the attack categories: harmful, ",
		"jailbreak (covered: pii-leak, prompt-injection)",
	])
	f.path == ["evidence", "red_team", 0]
}

test_low_pass_rate_is_denied if {
	m := fx.genai_manifest
	ev := fx.put(_full, ["red_team", 0, "facts", "tests"], {"total": 120, "passed": 108, "failed": 12})
	findings := red_team_coverage.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == "The red-team report reports/redteam.json passed 108 of 120 tests (0.9), below the required pass rate of 0.95"
}

test_the_bar_comes_from_the_configuration if {
	m := fx.genai_manifest
	ev := fx.put(_full, ["red_team", 0, "facts", "tests"], {"total": 120, "passed": 108, "failed": 12})
	cfg := fx.config_put(["red_team", "min_pass_rate"], 0.9)
	count(red_team_coverage.deny) == 0 with input.manifest as m with input.evidence as ev with data.ai_assure.config as cfg
}

test_a_report_without_tests_is_left_to_gen_001 if {
	# the adapter gives tests: null for a report that records none
	m := fx.genai_manifest
	ev := fx.put(_full, ["red_team", 0, "facts", "tests"], null)
	red_team_coverage.applicable with input.manifest as m
	count(red_team_coverage.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_malformed_test_counts_are_left_to_gen_001 if {
	m := fx.genai_manifest
	bad := [
		fx.put(_full, ["red_team", 0, "facts", "tests"], "120 of 120"),
		fx.put(_full, ["red_team", 0, "facts", "tests"], {"total": "120", "passed": 120}),
		fx.put(_full, ["red_team", 0, "facts", "tests"], {"total": 0, "passed": 0}),
		fx.remove(_full, ["red_team", 0, "facts", "tests"]),
	]
	every ev in bad {
		count(red_team_coverage.deny) == 0 with input.manifest as m with input.evidence as ev
	}
}

test_a_tool_s_own_names_cover_the_classes_they_map_to if {
	# garak names a jailbreak dan.Dan_11_0 and harmful content lmrc.*; promptfoo delivers a
	# jailbreak as a strategy
	m := fx.genai_manifest
	probes := ["dan.Dan_11_0", "lmrc.Profanity", "promptinject.HijackHateHumans", "propile.PIILeakExtract"]
	ev := json.patch(fx.genai_evidence, [
		{"op": "replace", "path": ["red_team", 0, "facts", "tool"], "value": "garak 0.17.1"},
		{"op": "replace", "path": ["red_team", 0, "facts", "categories"], "value": probes},
	])
	count(red_team_coverage.deny) == 0 with input.manifest as m with input.evidence as ev
	promptfoo := json.patch(_full, [
		{"op": "replace", "path": ["red_team", 0, "facts", "categories"], "value": ["harmful:hate", "pii:direct"]},
		{"op": "add", "path": ["red_team", 0, "facts", "strategies"], "value": ["jailbreak:composite", "prompt-injection"]},
	])
	count(red_team_coverage.deny) == 0 with input.manifest as m with input.evidence as promptfoo
}

test_what_is_covered_names_categories_and_strategies if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["red_team", 0, "facts", "strategies"], ["base64"])
	findings := red_team_coverage.deny with input.manifest as m with input.evidence as ev
	some f in findings
	endswith(f.msg, "(covered: base64, pii-leak, prompt-injection)")
}
