# METADATA
# title: The governance approvals are well-formed
# description: >-
#   Exception approvals and risk acceptances (data.ai_assure.approvals, shipped in the policy
#   bundle) are matched on system, rule or risk, and ticket, and run until their expiry date.
#   An entry with a missing field or a date that is not YYYY-MM-DD would silently approve
#   nothing, or be read differently by a reviewer than by the engine, so the gate fails
#   instead: publish the bundle only when every approval is complete.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, GOVERN 1.4 (transparent risk management policies and controls)
# custom:
#   id: CFG-002
#   severity: critical
#   controls: ["NIST-AI-RMF:GOVERN-1.4", "ISO42001:A.2.2"]
#   remediation: >-
#     Complete the entry in the governance approvals
#     (policies/ai_assure/approvals/data.yaml), run ai-assure policy test, and publish the
#     bundle again.
#   waivable: false
package ai_assure.rules.config.approvals

import rego.v1

import data.ai_assure.lib.dates
import data.ai_assure.lib.util

applicable := true

# The fields every entry of each list needs: strings, dates written YYYY-MM-DD, and scores
# (a risk acceptance names the residual score it accepted: 1 to 25, likelihood x impact).
_shape := {
	"exceptions": {
		"strings": ["system", "rule", "ticket", "approved_by"], "dates": ["approved_on", "expires"],
		"scores": [],
	},
	"risk_acceptances": {
		"strings": ["system", "risk", "ticket", "approved_by"], "dates": ["approved_on", "expires"],
		"scores": ["residual_score"],
	},
}

default _approvals := {}

_approvals := data.ai_assure.approvals

deny contains {"msg": "The governance approvals (data.ai_assure.approvals) are not an object", "path": []} if {
	not is_object(_approvals)
}

deny contains {"msg": msg, "path": []} if {
	is_object(_approvals)
	some list, _ in _shape
	value := object.get(_approvals, list, [])
	not is_array(value)
	msg := util.msg(["The governance approvals' ", list, " must be a list"])
}

deny contains {"msg": msg, "path": []} if {
	some x in _entries
	problems := _problems(x)
	count(problems) > 0
	msg := util.msg(["Governance approval ", x.list, "[", x.index, "] ", concat("; ", sort(problems))])
}

_entries contains {"list": list, "index": i, "entry": e} if {
	is_object(_approvals)
	some list, _ in _shape
	entries := object.get(_approvals, list, [])
	is_array(entries)
	some i, e in entries
}

_problems(x) := {"is not an object"} if {
	not is_object(x.entry)
} else := ((_absent_fields(x) | _invalid_dates(x)) | _invalid_scores(x)) | _reversed_dates(x)

_absent_fields(x) := {p |
	some field in _shape[x.list].strings
	not util.present(object.get(x.entry, field, null))
	p := util.msg(["has no ", field])
}

_invalid_dates(x) := {p |
	some field in _shape[x.list].dates
	not dates.valid(object.get(x.entry, field, null))
	p := util.msg(["has no ", field, " date (YYYY-MM-DD)"])
}

_invalid_scores(x) := {p |
	some field in _shape[x.list].scores
	not _score(object.get(x.entry, field, null))
	p := util.msg(["has no ", field, " (a whole number from 1 to 25)"])
}

_score(n) if {
	is_number(n)
	n == floor(n)
	n >= 1
	n <= 25
}

_reversed_dates(x) := {"expires before it was approved"} if {
	dates.valid(object.get(x.entry, "approved_on", null))
	dates.valid(object.get(x.entry, "expires", null))
	x.entry.expires < x.entry.approved_on
} else := set()
