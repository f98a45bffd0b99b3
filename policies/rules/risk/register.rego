# METADATA
# title: The system's risks are recorded, owned and treated
# description: >-
#   High-risk and limited-risk systems keep their slice of the AI risk register in
#   the manifest: each risk with an owner and a treatment. An empty register or an
#   unowned or untreated risk fails high-risk systems and warns for limited-risk ones.
#   Scores are checked by RISK-002, coverage by RISK-003, overdue actions by RISK-004 and
#   the risk appetite by RISK-005.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 9 risk management system
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, MAP 5 and MANAGE 1
# custom:
#   id: RISK-001
#   severity: medium
#   controls: [
#     "EU-AI-ACT:Art.9", "ISO42001:A.5.2", "NIST-AI-RMF:MAP-5.1", "NIST-AI-RMF:MANAGE-1.2",
#     "NIST-AI-RMF:MANAGE-1.3", "UK-AI-CYBER-COP:P3"]
#   remediation: >-
#     Record each identified risk under risks with an owner and a treatment (mitigate,
#     transfer, avoid or accept).
package ai_assure.rules.risk.register

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.util

default applicable := false

applicable if classification.at_least_limited

treatments := {"mitigate", "transfer", "avoid", "accept"}

_risks := util.list(util.manifest(["risks"]))

_gaps contains {"msg": msg, "path": ["risks"]} if {
	count(_risks) == 0
	msg := util.msg([
		"The system is ", classification.tier,
		"-risk but its risk register (risks) is empty: record the risks identified",
	])
}

_gaps contains {"msg": msg, "path": ["risks", i, "owner"]} if {
	some i, risk in _risks
	util.blank(object.get(risk, "owner", null))
	msg := util.msg(["Risk ", object.get(risk, "id", i), " has no owner"])
}

_gaps contains {"msg": msg, "path": ["risks", i, "treatment"]} if {
	some i, risk in _risks
	not object.get(risk, "treatment", null) in treatments
	msg := util.msg([
		"Risk ", object.get(risk, "id", i), " has no treatment (", object.get(risk, "treatment", null),
		"): choose one of ", util.join(treatments),
	])
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
