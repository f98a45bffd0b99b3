package ai_assure.rules.config.approvals_test

import rego.v1

import data.ai_assure.rules.config.approvals as rule

_exception := {
	"system": "probation-risk-assistant", "rule": "MC-002", "ticket": "GOV-123",
	"approved_by": "Head of AI Assurance", "approved_on": "2026-10-01", "expires": "2027-01-31",
}

_acceptance := {
	"system": "probation-risk-assistant", "risk": "R-004", "residual_score": 16, "ticket": "GOV-130",
	"approved_by": "Deputy Director Risk", "approved_on": "2026-09-01", "expires": "2027-09-01",
}

test_the_shipped_approvals_are_well_formed if {
	rule.applicable
	count(rule.deny) == 0
}

test_complete_entries_pass if {
	approvals := {"exceptions": [_exception], "risk_acceptances": [_acceptance]}
	count(rule.deny) == 0 with data.ai_assure.approvals as approvals
}

test_an_entry_missing_fields_is_denied_naming_each if {
	entry := object.remove(_exception, ["ticket", "expires"])
	approvals := {"exceptions": [entry], "risk_acceptances": []}
	findings := rule.deny with data.ai_assure.approvals as approvals
	count(findings) == 1
	some f in findings
	f.msg == "Governance approval exceptions[0] has no expires date (YYYY-MM-DD); has no ticket"
}

test_an_impossible_date_or_reversed_dates_are_denied if {
	bad_date := {"exceptions": [], "risk_acceptances": [object.union(_acceptance, {"approved_on": "2026-02-30"})]}
	some f in rule.deny with data.ai_assure.approvals as bad_date
	contains(f.msg, "risk_acceptances[0] has no approved_on date")
	reversed := {"exceptions": [object.union(_exception, {"expires": "2026-01-01"})], "risk_acceptances": []}
	some g in rule.deny with data.ai_assure.approvals as reversed
	contains(g.msg, "expires before it was approved")
}

test_lists_of_the_wrong_type_are_denied if {
	approvals := {"exceptions": "MC-002", "risk_acceptances": [1]}
	findings := rule.deny with data.ai_assure.approvals as approvals
	msgs := {f.msg | some f in findings}
	msgs == {
		"The governance approvals' exceptions must be a list",
		"Governance approval risk_acceptances[0] is not an object",
	}
}

test_an_acceptance_without_a_whole_score_from_1_to_25_is_denied if {
	some score in [null, 0, 26, 12.5, "16"]
	approvals := {"exceptions": [], "risk_acceptances": [object.union(_acceptance, {"residual_score": score})]}
	some f in rule.deny with data.ai_assure.approvals as approvals
	contains(f.msg, "has no residual_score (a whole number from 1 to 25)")
}
