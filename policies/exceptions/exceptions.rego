# Governed exceptions: what the governance team made of each exception a manifest requests.
#
# A manifest's `exceptions` are requests written by the delivery team. Only an approval in
# the governance data (data.ai_assure.approvals.exceptions, shipped in the signed policy
# bundle, never in the team's repository) makes one effective. An approval names the system,
# the rule, the ticket, who approved it, when, and until when:
#
#     {"system": "probation-risk-assistant", "rule": "MC-002", "ticket": "GOV-123",
#      "approved_by": "Head of AI Assurance", "approved_on": "2026-10-01",
#      "expires": "2027-01-31"}
#
# decisions holds one entry per request (by its index in the manifest):
#   unapproved  no approval matches system, rule and ticket: the failure stands
#   approved    a matching approval runs to the assessment date or later: the engine waives
#               the rule's findings for this system
#   expired     every matching approval ended before the assessment date: the failure is back
# Approval dates are compared with input.context.as_of, never the wall clock.
package ai_assure.exceptions

import rego.v1

import data.ai_assure.lib.dates
import data.ai_assure.lib.util

# requests: the manifest's exception requests that are objects, with their index.
# (regopy cannot parse `some i, x in xs` inside a comprehension: index instead.)
requests := [{"index": i, "request": r} |
	rs := util.list(util.manifest(["exceptions"]))
	some i
	r := rs[i] # regopy: no `some i, x in` in a comprehension. regal ignore:prefer-some-in-iteration
	is_object(r)
]

_system := util.manifest(["metadata", "id"])

# _granted: every exception approval in the governance data (none when it has no list).
default _granted := []

_granted := data.ai_assure.approvals.exceptions if is_array(data.ai_assure.approvals.exceptions)

# approvals(r): the governance approvals naming this system, r's rule and r's ticket.
approvals(r) := [a |
	some a in _granted
	is_object(a)
	a.system == _system
	a.rule == r.rule
	util.present(object.get(r, "ticket", null))
	a.ticket == r.ticket
]

# well_formed(a): the approval names its approver and an expiry date.
well_formed(a) if {
	util.present(object.get(a, "approved_by", null))
	dates.valid(object.get(a, "expires", null))
}

# in_date(a): a well-formed approval that runs to the assessment date or later.
in_date(a) if {
	well_formed(a)
	not dates.before_as_of(a.expires)
}

decisions := [_decision(e) | some e in requests]

_decision(e) := object.union(_request_fields(e, "approved"), _fields(latest)) if {
	in_date_approvals := [a | some a in approvals(e.request); in_date(a)]
	count(in_date_approvals) > 0
	latest := _latest(in_date_approvals)
} else := object.union(_request_fields(e, "expired"), _fields(latest)) if {
	ended := [a | some a in approvals(e.request); well_formed(a)]
	count(ended) > 0
	latest := _latest(ended)
} else := _request_fields(e, "unapproved")

_request_fields(e, status) := {"index": e.index, "rule": object.get(e.request, "rule", null), "status": status}

# _latest(approvals): the approval that runs longest (ties broken by approver), so the
# decision does not depend on the order the governance data lists approvals in.
_latest(approvals) := a if {
	# regopy: no `some i, x in` in a comprehension. regal ignore:prefer-some-in-iteration
	keyed := sort([[x.expires, x.approved_by, i] | some i; x := approvals[i]])
	a := approvals[keyed[count(keyed) - 1][2]]
}

_fields(a) := {
	"approved_by": a.approved_by,
	"approved_on": object.get(a, "approved_on", null),
	"approved_until": a.expires,
}

# --- Risk acceptances ------------------------------------------------------------------

# Residual risk above the risk appetite is accepted only by an entry in
# data.ai_assure.approvals.risk_acceptances naming this system, the risk's id and the score
# it accepted (RISK-005): a risk whose score has changed since needs a new acceptance.
#
#     {"system": "probation-risk-assistant", "risk": "R-004", "residual_score": 16,
#      "ticket": "GOV-130", "approved_by": "Deputy Director Risk",
#      "approved_on": "2026-09-01", "expires": "2027-09-01"}

default _accepted := []

_accepted := data.ai_assure.approvals.risk_acceptances if is_array(data.ai_assure.approvals.risk_acceptances)

# risk_acceptances(id): the governance acceptances of this system's risk `id`.
risk_acceptances(id) := [a |
	some a in _accepted
	is_object(a)
	a.system == _system
	a.risk == id
]

# risk_acceptance(id): the well-formed acceptance of risk `id` that runs longest, if any
# (it may have expired: compare approved_until with the assessment date), with the residual
# score it accepted (null when the entry records none).
risk_acceptance(id) := object.union(_fields(latest), {"residual_score": score}) if {
	formed := [a | some a in risk_acceptances(id); well_formed(a)]
	count(formed) > 0
	latest := _latest(formed)
	score := object.get(latest, "residual_score", null)
}
