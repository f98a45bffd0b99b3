package ai_assure.common_controls_test

import rego.v1

import data.ai_assure.common_controls

_policy := {
	"control": "ISO42001:A.2.2", "attested_by": "Head of AI Governance", "attested_on": "2026-09-01",
	"expires": "2027-08-31", "evidence": "https://intranet.example.gov.uk/ai-policy-v3",
}

_not_customers := {
	"control": "ISO42001:A.10.4", "reason": "No AI service is provided to customers.",
	"decided_by": "AI Governance Board", "decided_on": "2026-09-01",
}

_on(day) := {"context": {"as_of": day}}

test_the_shipped_attestations_are_all_well_formed if {
	every list in ["controls", "not_applicable"] {
		every e in common_controls.entries(list) {
			common_controls.well_formed(list, e)
		}
	}
}

test_an_attestation_runs_to_its_expiry_then_goes_stale if {
	data_ := {"controls": [_policy], "not_applicable": []}
	running := common_controls.attested["ISO42001:A.2.2"] with data.ai_assure.attestations as data_
		with input as _on("2027-08-31")
	running == {
		"status": "attested", "attested_by": "Head of AI Governance", "attested_on": "2026-09-01",
		"expires": "2027-08-31", "evidence": "https://intranet.example.gov.uk/ai-policy-v3",
		"statement": null,
	}
	stale := common_controls.attested["ISO42001:A.2.2"] with data.ai_assure.attestations as data_
		with input as _on("2027-09-01")
	stale.status == "expired"
}

test_the_longest_running_attestation_counts_whatever_the_order if {
	renewed := object.union(_policy, {"attested_on": "2027-08-01", "expires": "2028-08-31"})
	first := {"controls": [renewed, _policy]}
	last := {"controls": [_policy, renewed]}
	one := common_controls.attested["ISO42001:A.2.2"] with data.ai_assure.attestations as first
		with input as _on("2027-09-01")
	other := common_controls.attested["ISO42001:A.2.2"] with data.ai_assure.attestations as last
		with input as _on("2027-09-01")
	one == other
	one.status == "attested"
	one.expires == "2028-08-31"
}

test_without_an_assessment_date_an_attestation_counts_as_expired if {
	a := common_controls.attested["ISO42001:A.2.2"] with data.ai_assure.attestations as {"controls": [_policy]}
		with input as {"context": {}}
	a.status == "expired"
}

test_malformed_attestations_count_for_nothing if {
	bad := [
		object.remove(_policy, ["evidence"]),
		object.union(_policy, {"evidence": "http://insecure.example"}),
		object.union(_policy, {"evidence": 7}),
		object.union(_policy, {"expires": "2026-01-01"}),
		object.union(_policy, {"control": 42}),
		object.union(_policy, {"attested_on": "2026-02-30"}),
		object.union(_policy, {"statement": ["not", "text"]}),
		"ISO42001:A.2.2",
	]
	decided := common_controls.attested with data.ai_assure.attestations as {"controls": bad}
		with input as _on("2026-12-01")
	decided == {}
}

test_a_not_applicable_decision_gives_its_reason_unless_the_control_is_attested if {
	data_ := {"controls": [], "not_applicable": [_not_customers]}
	decided := common_controls.not_applicable with data.ai_assure.attestations as data_
	decided == {"ISO42001:A.10.4": {
		"reason": "No AI service is provided to customers.",
		"decided_by": "AI Governance Board", "decided_on": "2026-09-01",
	}}
	attested := object.union(_policy, {"control": "ISO42001:A.10.4"})
	both := {"controls": [attested], "not_applicable": [_not_customers]}
	count(common_controls.not_applicable) == 0 with data.ai_assure.attestations as both
		with input as _on("2026-12-01")
}
