package ai_assure.rules.governance.exceptions_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.governance.exceptions as rule

_request := {"rule": "MC-002", "reason": "card rewrite in progress", "ticket": "GOV-123", "expires": "2027-01-31"}

_requesting := fx.put(fx.manifest, ["exceptions"], [_request])

_approval(expires) := {
	"system": fx.manifest.metadata.id, "rule": "MC-002", "ticket": "GOV-123",
	"approved_by": "Head of AI Assurance", "approved_on": "2026-10-01", "expires": expires,
}

_approvals(list) := {"exceptions": list, "risk_acceptances": []}

test_no_requests_is_not_applicable if {
	m := fx.manifest
	not rule.applicable with input.manifest as m
}

test_an_unapproved_request_warns_that_the_failure_stands if {
	m := _requesting
	ctx := fx.context
	count(rule.deny) == 0 with input.manifest as m with input.context as ctx
	findings := rule.warn with input.manifest as m with input.context as ctx
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The exception to MC-002 (ticket GOV-123) is only requested: the AI governance team has not ",
		"approved it (no approval names this system, rule and ticket); the failure it names still counts",
	])
	f.path == ["exceptions", 0]
}

test_a_request_without_a_ticket_cannot_be_approved if {
	m := fx.put(fx.manifest, ["exceptions"], [object.remove(_request, ["ticket"])])
	ctx := fx.context
	approvals := _approvals([_approval("2027-06-30")])
	findings := rule.warn with input.manifest as m with input.context as ctx with data.ai_assure.approvals as approvals
	some f in findings
	contains(f.msg, "it has no ticket")
}

test_an_approval_in_date_is_silent if {
	m := _requesting
	ctx := fx.context
	approvals := _approvals([_approval("2027-06-30")])
	count(rule.warn) == 0 with input.manifest as m with input.context as ctx with data.ai_assure.approvals as approvals
	count(rule.deny) == 0 with input.manifest as m with input.context as ctx with data.ai_assure.approvals as approvals
}

test_an_expired_approval_fails if {
	m := _requesting
	ctx := fx.context
	approvals := _approvals([_approval("2026-11-25")])
	findings := rule.deny with input.manifest as m with input.context as ctx with data.ai_assure.approvals as approvals
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The exception to MC-002 (ticket GOV-123) was approved by Head of AI Assurance until ",
		"2026-11-25, which has passed: the rule's failures count again",
	])
}

test_an_approval_ending_on_the_assessment_date_still_counts if {
	m := _requesting
	ctx := fx.context
	approvals := _approvals([_approval("2026-11-26")])
	count(rule.deny) == 0 with input.manifest as m with input.context as ctx with data.ai_assure.approvals as approvals
}

test_an_approval_ending_soon_warns if {
	m := _requesting
	ctx := fx.context
	approvals := _approvals([_approval("2026-12-10")])
	findings := rule.warn with input.manifest as m with input.context as ctx with data.ai_assure.approvals as approvals
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The exception to MC-002 (ticket GOV-123) approved by Head of AI Assurance ends on 2026-12-10 ",
		"(in 14 days): fix the failure or ask for a renewal",
	])
}
