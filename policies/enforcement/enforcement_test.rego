package ai_assure.enforcement_test

import rego.v1

import data.ai_assure.enforcement

_staged := {"GEN-004": {"enforcement": {"warn_from": "2027-01-04", "fail_from": "2027-03-01"}}}

_on(day) := {"context": {"as_of": day}}

test_the_shipped_rollout_stages_nothing_malformed if {
	every id, entry in data.ai_assure.rollout.rules {
		enforcement.decisions[id]
		enforcement.schedule(entry)
	}
}

test_before_warn_from_the_rule_is_scheduled if {
	d := enforcement.decisions["GEN-004"] with data.ai_assure.rollout.rules as _staged
		with input as _on("2027-01-03")
	d == {"phase": "scheduled", "warn_from": "2027-01-04", "fail_from": "2027-03-01"}
}

test_from_warn_from_to_the_day_before_fail_from_it_warns if {
	first := enforcement.decisions["GEN-004"] with data.ai_assure.rollout.rules as _staged
		with input as _on("2027-01-04")
	first.phase == "warn"
	last := enforcement.decisions["GEN-004"] with data.ai_assure.rollout.rules as _staged
		with input as _on("2027-02-28")
	last.phase == "warn"
}

test_from_fail_from_it_is_enforced if {
	d := enforcement.decisions["GEN-004"] with data.ai_assure.rollout.rules as _staged
		with input as _on("2027-03-01")
	d.phase == "enforced"
}

test_without_warn_from_it_goes_straight_to_enforced if {
	rules := {"SEC-009": {"enforcement": {"fail_from": "2027-03-01"}}}
	d := enforcement.decisions["SEC-009"] with data.ai_assure.rollout.rules as rules
		with input as _on("2027-02-01")
	d == {"phase": "scheduled", "warn_from": null, "fail_from": "2027-03-01"}
}

test_without_fail_from_it_warns_for_good if {
	rules := {"SEC-009": {"enforcement": {"warn_from": "2027-01-01"}}}
	d := enforcement.decisions["SEC-009"] with data.ai_assure.rollout.rules as rules
		with input as _on("2030-01-01")
	d.phase == "warn"
}

test_malformed_entries_get_no_decision_so_the_rule_stays_enforced if {
	rules := {
		"A-001": {"enforcement": {"warn_from": "2027-03-01", "fail_from": "2027-01-01"}},
		"A-002": {"enforcement": {"warn_from": "2027-02-30"}},
		"A-003": {"enforcement": {}},
		"A-004": {"enforcement": {"warn_from": "2027-01-01", "action": "dryrun"}},
		"A-005": {"enforcement": "warn"},
		"A-006": "2027-01-01",
	}
	decided := enforcement.decisions with data.ai_assure.rollout.rules as rules
		with input as _on("2026-12-01")
	decided == {}
}

test_without_an_assessment_date_every_staged_rule_is_enforced if {
	d := enforcement.decisions["GEN-004"] with data.ai_assure.rollout.rules as _staged
		with input as {"context": {}}
	d.phase == "enforced"
}
