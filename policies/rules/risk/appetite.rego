# METADATA
# title: Residual risk above the risk appetite is formally accepted
# description: >-
#   The risk appetite (policy configuration risk.appetite_max_residual, a likelihood x
#   impact score) is the most residual risk a system may keep without a decision by someone
#   accountable. A risk whose residual score (or, without one, its inherent score) is above
#   it must be treated further, or accepted: treatment accept in the manifest, and an
#   acceptance in date in the governance data (data.ai_assure.approvals.risk_acceptances,
#   shipped in the signed policy bundle), so a delivery team cannot accept its own risk. The
#   approver cannot be the risk's own owner, and an acceptance holds only for the residual
#   score it names: a risk whose score has changed needs a new acceptance.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, GOVERN 1.3, MAP 1.5 and MANAGE 1.3 (risk tolerance and responses)
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 9(5) residual risk judged acceptable
# custom:
#   id: RISK-005
#   severity: high
#   controls: [
#     "EU-AI-ACT:Art.9", "NIST-AI-RMF:GOVERN-1.3", "NIST-AI-RMF:MAP-1.5",
#     "NIST-AI-RMF:MANAGE-1.3", "NIST-AI-RMF:GOVERN-2.3", "ISO42001:A.3.2"]
#   remediation: >-
#     Reduce the risk to within the appetite, or set treatment accept and ask the AI
#     governance team to record the acceptance (by the SRO or another accountable person,
#     not the risk's owner, naming the residual score accepted) in the governance approvals.
package ai_assure.rules.risk.appetite

import rego.v1

import data.ai_assure.config
import data.ai_assure.exceptions
import data.ai_assure.lib.dates
import data.ai_assure.lib.util

default applicable := false

applicable if count(util.risks) > 0

# _score(r): the residual score when the residual is scored, else the inherent score, with
# how it was worked out.
_score(risk) := {"value": l * i, "how": util.msg(["residual ", l, " x ", i])} if {
	l := object.get(risk, ["residual", "likelihood"], null)
	i := object.get(risk, ["residual", "impact"], null)
	is_number(l)
	is_number(i)
} else := {"value": l * i, "how": util.msg(["inherent ", l, " x ", i, ", no residual score"])} if {
	l := object.get(risk, "likelihood", null)
	i := object.get(risk, "impact", null)
	is_number(l)
	is_number(i)
}

_over contains {"r": r, "score": score} if {
	some r in util.risks
	score := _score(r.risk)
	score.value > config.risk.appetite_max_residual
}

_id(r) := object.get(r.risk, "id", r.index)

_above(o) := util.msg([
	"Risk ", _id(o.r), " scores ", o.score.value, " (", o.score.how, "), above the risk appetite of ",
	config.risk.appetite_max_residual,
])

deny contains {"msg": msg, "path": ["risks", o.r.index, "treatment"]} if {
	some o in _over
	object.get(o.r.risk, "treatment", null) != "accept"
	msg := util.msg([
		_above(o), ": treat it further, or have it accepted",
		" (treatment: accept, and an acceptance by the governance team)",
	])
}

deny contains {"msg": msg, "path": ["risks", o.r.index, "treatment"]} if {
	some o in _accepting
	not exceptions.risk_acceptance(_id(o.r))
	msg := util.msg([
		_above(o), " and is marked accept,",
		" but the governance approvals record no acceptance of it for this system",
	])
}

deny contains {"msg": msg, "path": ["risks", o.r.index, "treatment"]} if {
	some o in _accepting
	a := exceptions.risk_acceptance(_id(o.r))
	dates.before_as_of(a.approved_until)
	msg := util.msg([
		_above(o), " and its acceptance by ", a.approved_by, " ended on ", a.approved_until,
		": review the risk and renew or withdraw the acceptance",
	])
}

deny contains {"msg": msg, "path": ["risks", o.r.index, "residual"]} if {
	some o in _accepting
	a := exceptions.risk_acceptance(_id(o.r))
	a.residual_score != o.score.value
	msg := util.msg([
		_above(o), ", but its acceptance by ", a.approved_by, " was for a residual score of ",
		_shown(a.residual_score), ": a changed risk needs a new acceptance",
	])
}

deny contains {"msg": msg, "path": ["risks", o.r.index, "owner"]} if {
	some o in _accepting
	a := exceptions.risk_acceptance(_id(o.r))
	util.norm(a.approved_by) == util.norm(object.get(o.r.risk, "owner", ""))
	msg := util.msg([
		_above(o), " and was accepted by its own owner (", a.approved_by,
		"): acceptance needs someone else accountable, such as the SRO",
	])
}

_accepting contains o if {
	some o in _over
	object.get(o.r.risk, "treatment", null) == "accept"
}

_shown(score) := "(none recorded)" if score == null

else := score
