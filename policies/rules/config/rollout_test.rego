package ai_assure.rules.config.rollout_test

import rego.v1

import data.ai_assure.rules.config.rollout as rule

test_the_shipped_rollout_is_well_formed if {
	rule.applicable
	count(rule.deny) == 0
}

test_dated_entries_pass if {
	rules := {
		"GEN-004": {"enforcement": {"warn_from": "2027-01-04", "fail_from": "2027-03-01"}, "ticket": "GOV-200"},
		"SEC-009": {"enforcement": {"fail_from": "2027-03-01"}},
	}
	count(rule.deny) == 0 with data.ai_assure.rollout.rules as rules
}

test_a_malformed_entry_is_denied_naming_the_rule if {
	rules := {"GEN-004": {"enforcement": {"warn_from": "2027-03-01", "fail_from": "2027-01-04"}}}
	findings := rule.deny with data.ai_assure.rollout.rules as rules
	count(findings) == 1
	some f in findings
	startswith(f.msg, "Staged rollout of GEN-004: `enforcement` must hold")
}

test_rules_that_are_not_a_mapping_are_denied if {
	some f in rule.deny with data.ai_assure.rollout.rules as ["GEN-004"]
	contains(f.msg, "must be a mapping")
}
