package ai_assure.rules.generative.red_team_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.generative.red_team

test_passing_red_team_passes if {
	m := fx.genai_manifest
	ev := fx.genai_evidence
	red_team.applicable with input.manifest as m
	count(red_team.deny) == 0 with input.manifest as m with input.evidence as ev
	count(red_team.warn) == 0 with input.manifest as m with input.evidence as ev
}

test_not_applicable_to_a_classifier if {
	m := fx.manifest
	not red_team.applicable with input.manifest as m
	count(red_team.deny) == 0 with input.manifest as m
}

test_undeclared_red_team_is_denied if {
	m := fx.remove(fx.genai_manifest, ["evidence", "red_team"])
	ev := fx.put(fx.genai_evidence, ["red_team"], [])
	findings := red_team.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.path == ["evidence", "red_team"]
}

test_unreadable_report_is_denied if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["red_team"], [fx.missing("red_team", "reports/redteam.json")])
	findings := red_team.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == "No declared red-team report can be used: reports/redteam.json does not exist (see EVID-001)"
}

test_report_without_tests_is_denied if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["red_team", 0, "facts", "tests"], {"total": 0, "passed": 0, "failed": 0})
	findings := red_team.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.path == ["evidence", "red_team", 0]
	contains(f.msg, "reports/redteam.json records no tests")
}

test_failed_tests_warn_with_counts if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["red_team", 0, "facts", "tests"], {"total": 120, "passed": 117, "failed": 3})
	count(red_team.deny) == 0 with input.manifest as m with input.evidence as ev
	findings := red_team.warn with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == concat("", [
		"The red-team report reports/redteam.json has 3 failed tests out of 120 (categories tested: ",
		"pii-leak, prompt-injection): fix them and re-test (a failure you accept needs an approved",
		" exception for GEN-001, docs/exceptions.md)",
	])
}

test_failed_tests_without_categories_warn_plainly if {
	m := fx.genai_manifest
	ev := json.patch(fx.genai_evidence, [
		{"op": "replace", "path": ["red_team", 0, "facts", "tests"], "value": {"total": 10, "passed": 9, "failed": 1}},
		{"op": "replace", "path": ["red_team", 0, "facts", "categories"], "value": []},
	])
	findings := red_team.warn with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "has 1 failed tests out of 10: fix them")
}

test_report_with_null_tests_is_denied if {
	# a report without `tests`: the adapter gives null
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["red_team", 0, "facts", "tests"], null)
	count(red_team.warn) == 0 with input.manifest as m with input.evidence as ev
	findings := red_team.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.path == ["evidence", "red_team", 0]
	f.msg == "The red-team report reports/redteam.json records no tests: it does not show that the system was tested"
}
