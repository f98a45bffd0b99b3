package ai_assure.exceptions_test

import rego.v1

import data.ai_assure.exceptions
import data.ai_assure.lib.fixtures_test as fx

_request(rule, ticket) := {"rule": rule, "reason": "r", "ticket": ticket, "expires": "2027-01-31"}

_approval(overrides) := object.union(
	{
		"system": fx.manifest.metadata.id, "rule": "MC-002", "ticket": "GOV-123",
		"approved_by": "Head of AI Assurance", "approved_on": "2026-10-01", "expires": "2027-06-30",
	},
	overrides,
)

# _decide(requests, approvals): the decisions on these requests under these approvals. A
# helper for the tests below: it reads the fixtures and sets up the evaluation with `with`,
# which Regal expects only in test rules.
_decide(requests, approvals) := d if {
	m := fx.put(fx.manifest, ["exceptions"], requests)
	ctx := fx.context # regal ignore:external-reference
	appr := {"exceptions": approvals, "risk_acceptances": []}

	# regal ignore:with-outside-test-context,external-reference
	d := exceptions.decisions with input.manifest as m with input.context as ctx with data.ai_assure.approvals as appr
}

test_no_requests_no_decisions if {
	m := fx.manifest
	exceptions.decisions == [] with input.manifest as m
}

test_a_request_without_approval_is_unapproved if {
	_decide([_request("MC-002", "GOV-123")], []) == [{"index": 0, "rule": "MC-002", "status": "unapproved"}]
}

test_a_matching_approval_in_date_approves if {
	_decide([_request("MC-002", "GOV-123")], [_approval({})]) == [{
		"index": 0, "rule": "MC-002", "status": "approved", "approved_by": "Head of AI Assurance",
		"approved_on": "2026-10-01", "approved_until": "2027-06-30",
	}]
}

test_an_approval_must_name_the_same_system_rule_and_ticket if {
	request := [_request("MC-002", "GOV-123")]
	_decide(request, [_approval({"system": "another-system"})])[0].status == "unapproved"
	_decide(request, [_approval({"rule": "DPIA-002"})])[0].status == "unapproved"
	_decide(request, [_approval({"ticket": "GOV-999"})])[0].status == "unapproved"
}

test_an_approval_without_approver_or_valid_expiry_approves_nothing if {
	request := [_request("MC-002", "GOV-123")]
	_decide(request, [_approval({"approved_by": ""})])[0].status == "unapproved"
	_decide(request, [_approval({"expires": "2027-02-30"})])[0].status == "unapproved"
	_decide(request, [_approval({"expires": 20270630})])[0].status == "unapproved"
}

test_a_lapsed_approval_is_expired_and_says_until_when if {
	d := _decide([_request("MC-002", "GOV-123")], [_approval({"expires": "2026-11-01"})])[0]
	d.status == "expired"
	d.approved_until == "2026-11-01"
}

test_the_longest_running_approval_wins_whatever_the_order if {
	old := _approval({"expires": "2026-11-01"})
	new := _approval({"expires": "2027-03-31", "approved_by": "Deputy Director"})
	_decide([_request("MC-002", "GOV-123")], [old, new])[0].approved_until == "2027-03-31"
	_decide([_request("MC-002", "GOV-123")], [new, old])[0].approved_until == "2027-03-31"
}

test_requests_that_are_not_objects_are_ignored if {
	_decide(["MC-002", _request("MC-002", "GOV-123")], []) == [{"index": 1, "rule": "MC-002", "status": "unapproved"}]
}
