# METADATA
# title: Exceptions are approved by the governance team and in date
# description: >-
#   A manifest's exceptions are requests. Only an approval in the governance data
#   (data.ai_assure.approvals.exceptions, shipped in the signed policy bundle) waives a rule,
#   and only until the approval expires. This rule reports what became of each request: a
#   request nobody approved is a warning and the failure it names still counts; an approval
#   that has expired fails, and the failure it covered is back; an approval that ends within
#   exceptions.expiry_warning_days (policy configuration) is a warning, so the team can fix
#   the gap or ask for a renewal in time.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: >-
#       NIST AI RMF 1.0, GOVERN 1.4 (transparent risk management policies) and MANAGE 1.3
#       (documented responses)
#   - ref: https://www.iso.org/standard/81230.html
#     description: ISO/IEC 42001:2023, Annex A.2 (policies related to AI)
# custom:
#   id: EXC-001
#   severity: high
#   controls: ["ISO42001:A.2.2", "NIST-AI-RMF:GOVERN-1.4", "NIST-AI-RMF:MANAGE-1.3"]
#   remediation: >-
#     Fix the failure the exception covers, or ask the AI governance team to approve (or
#     renew) the exception under its ticket; remove requests that are no longer needed.
#   waivable: false
package ai_assure.rules.governance.exceptions

import rego.v1

import data.ai_assure.config
import data.ai_assure.exceptions
import data.ai_assure.lib.dates
import data.ai_assure.lib.util

default applicable := false

applicable if count(exceptions.requests) > 0

_decided contains {"d": d, "r": r} if {
	some i, d in exceptions.decisions
	r := exceptions.requests[i].request
}

_named(r) := util.msg(["The exception to ", object.get(r, "rule", "(no rule)"), _ticket(r)])

_ticket(r) := util.msg([" (ticket ", r.ticket, ")"]) if util.present(object.get(r, "ticket", null))

else := ""

warn contains {"msg": msg, "path": ["exceptions", x.d.index]} if {
	some x in _decided
	x.d.status == "unapproved"
	msg := util.msg([_named(x.r), " is only requested: ", _why_unapproved(x.r), "; the failure it names still counts"])
}

warn contains {"msg": msg, "path": ["exceptions", x.d.index]} if {
	some x in _decided
	x.d.status == "approved"
	days := dates.days_until(x.d.approved_until)
	days <= config.exceptions.expiry_warning_days
	msg := util.msg([
		_named(x.r), " approved by ", x.d.approved_by, " ends on ", x.d.approved_until, " (in ", days,
		" days): fix the failure or ask for a renewal",
	])
}

_why_unapproved(r) := "it has no ticket, and governance approvals are matched on the ticket" if {
	util.blank(object.get(r, "ticket", null))
} else := "the AI governance team has not approved it (no approval names this system, rule and ticket)"

deny contains {"msg": msg, "path": ["exceptions", x.d.index]} if {
	some x in _decided
	x.d.status == "expired"
	msg := util.msg([
		_named(x.r), " was approved by ", x.d.approved_by, " until ", x.d.approved_until,
		", which has passed: the rule's failures count again",
	])
}
