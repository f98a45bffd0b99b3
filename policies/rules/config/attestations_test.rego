package ai_assure.rules.config.attestations_test

import rego.v1

import data.ai_assure.rules.config.attestations as rule

_policy := {
	"control": "ISO42001:A.2.2", "attested_by": "Head of AI Governance", "attested_on": "2026-09-01",
	"expires": "2027-08-31", "evidence": "https://intranet.example.gov.uk/ai-policy-v3",
}

test_the_shipped_attestations_are_well_formed if {
	rule.applicable
	count(rule.deny) == 0
}

test_complete_entries_pass if {
	decision := {"control": "ISO42001:A.10.4", "reason": "r", "decided_by": "Board", "decided_on": "2026-09-01"}
	count(rule.deny) == 0 with data.ai_assure.attestations as {"controls": [_policy], "not_applicable": [decision]}
}

test_an_incomplete_entry_is_denied_naming_its_place if {
	findings := rule.deny with data.ai_assure.attestations as {"controls": [_policy, object.remove(_policy, ["evidence"])]}
	count(findings) == 1
	some f in findings
	startswith(f.msg, "Common-control attestation controls[1] is incomplete or malformed")
}

test_a_list_that_is_not_a_list_is_denied if {
	some f in rule.deny with data.ai_assure.attestations as {"controls": "ISO42001:A.2.2"}
	f.msg == "The common-control attestations' controls must be a list"
}
