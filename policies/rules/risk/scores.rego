# METADATA
# title: Risk scores are valid and treatment does not raise them
# description: >-
#   Each risk is scored for likelihood and impact on the register's 1-5 scale, before
#   treatment (inherent) and after it (residual), so risks can be ranked and compared with
#   the risk appetite. A score outside the scale, a missing residual score, or a residual
#   score above the inherent one fails high-risk systems and warns for the rest.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 9(2) estimation and evaluation of risks
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, MAP 5.1 and MANAGE 1.4
# custom:
#   id: RISK-002
#   severity: medium
#   controls: ["EU-AI-ACT:Art.9", "NIST-AI-RMF:MAP-5.1", "NIST-AI-RMF:MANAGE-1.4", "ISO42001:A.5.2"]
#   remediation: >-
#     Score every risk's likelihood and impact as whole numbers from 1 to 5, and record the
#     residual score after treatment, no higher than the inherent one.
package ai_assure.rules.risk.scores

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.util

default applicable := false

applicable if count(util.risks) > 0

axes := ["likelihood", "impact"]

_score(x) if {
	is_number(x)
	x == floor(x)
	x >= 1
	x <= 5
}

_id(r) := object.get(r.risk, "id", r.index)

_gaps contains {"msg": msg, "path": ["risks", r.index, axis]} if {
	some r in util.risks
	some axis in axes
	value := object.get(r.risk, axis, null)
	not _score(value)
	msg := util.msg(["Risk ", _id(r), " has ", axis, " ", value, ": score it as a whole number from 1 to 5"])
}

_gaps contains {"msg": msg, "path": ["risks", r.index, "residual"]} if {
	some r in util.risks
	not is_object(object.get(r.risk, "residual", null))
	msg := util.msg(["Risk ", _id(r), " has no residual score: record its likelihood and impact after treatment"])
}

_gaps contains {"msg": msg, "path": ["risks", r.index, "residual", axis]} if {
	some r in util.risks
	residual := object.get(r.risk, "residual", null)
	is_object(residual)
	some axis in axes
	value := object.get(residual, axis, null)
	not _score(value)
	msg := util.msg(["Risk ", _id(r), " has residual ", axis, " ", value, ": score it as a whole number from 1 to 5"])
}

_gaps contains {"msg": msg, "path": ["risks", r.index, "residual", axis]} if {
	some r in util.risks
	some axis in axes
	inherent := object.get(r.risk, axis, null)
	_score(inherent)
	residual := object.get(r.risk, ["residual", axis], null)
	_score(residual)
	residual > inherent
	msg := util.msg([
		"Risk ", _id(r), " has residual ", axis, " ", residual, " above its inherent ", axis, " ", inherent,
		": treatment cannot make a risk worse; re-score it",
	])
}

deny contains gap if {
	classification.high_risk
	some gap in _gaps
}

warn contains gap if {
	not classification.high_risk
	some gap in _gaps
}
