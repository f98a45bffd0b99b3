# METADATA
# title: Risk treatment actions are dated and not overdue
# description: >-
#   A risk treatment is only as good as its actions. Every open action needs a due date,
#   and an open action past its due date on the assessment date (--as-of) means the risk
#   is not being treated as the register says. Fails high-risk systems and warns for the
#   rest; done and cancelled actions are ignored.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 9(2)(d) risk management measures
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, MANAGE 1.3 and MANAGE 4.1
# custom:
#   id: RISK-004
#   severity: medium
#   controls: [
#     "EU-AI-ACT:Art.9", "NIST-AI-RMF:MANAGE-1.3", "NIST-AI-RMF:MANAGE-4.1",
#     "ISO42001:A.6.2.6", "UK-AI-PLAYBOOK:P5"]
#   remediation: >-
#     Finish the overdue action and mark it done, or agree a new due date with the risk
#     owner and record why it slipped.
package ai_assure.rules.risk.actions

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.dates
import data.ai_assure.lib.util

default applicable := false

applicable if count(util.risks) > 0

closed := {"done", "cancelled"}

_open contains {"risk": r, "index": j, "action": action} if {
	some r in util.risks
	actions := util.list(object.get(r.risk, "actions", []))
	some j, action in actions
	is_object(action)
	not object.get(action, "status", "open") in closed
}

_name(a) := util.msg([
	"Risk ", object.get(a.risk.risk, "id", a.risk.index),
	" action ", object.get(a.action, "description", a.index),
])

_gaps contains {"msg": msg, "path": ["risks", a.risk.index, "actions", a.index, "due"]} if {
	some a in _open
	due := object.get(a.action, "due", null)
	days := dates.days_until(due)
	days < 0
	msg := util.msg([
		_name(a), " was due on ", due, ", ", 0 - days, " days before the assessment date ", dates.as_of,
		", and is still ", object.get(a.action, "status", "open"),
	])
}

_gaps contains {"msg": msg, "path": ["risks", a.risk.index, "actions", a.index, "due"]} if {
	some a in _open
	not dates.valid(object.get(a.action, "due", null))
	msg := util.msg([_name(a), " is ", object.get(a.action, "status", "open"), " but has no valid due date (YYYY-MM-DD)"])
}

deny contains {"msg": msg, "path": ["risks"]} if {
	applicable
	not dates.as_of
	msg := "The assessment date (context.as_of) is not a valid YYYY-MM-DD date, so overdue risk actions cannot be checked"
}

deny contains gap if {
	applicable
	classification.high_risk
	some gap in _gaps
}

warn contains gap if {
	applicable
	not classification.high_risk
	some gap in _gaps
}
