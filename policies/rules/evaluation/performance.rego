# METADATA
# title: The system is evaluated and meets its metric thresholds
# description: >-
#   Accuracy, robustness and fairness must be measured against declared thresholds
#   before and during use. A high-risk system must have a readable evaluation report
#   with no metric below its threshold; for other systems a failed metric warns.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 15 accuracy, robustness and cybersecurity
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, MEASURE 2
# custom:
#   id: EVAL-001
#   severity: high
#   controls: [
#     "EU-AI-ACT:Art.15", "ISO42001:A.6.2.4", "NIST-AI-RMF:MEASURE-2.3",
#     "NIST-AI-RMF:MEASURE-2.5", "NIST-AI-RMF:MEASURE-2.11", "UK-AI-CYBER-COP:P9"]
#   remediation: >-
#     Evaluate the model on held-out data representative of deployment (including per-group
#     metrics), record thresholds, and list the report under evidence.evaluations.
package ai_assure.rules.evaluation.performance

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

applicable := true

deny contains {"msg": msg, "path": ["evidence", "evaluations"]} if {
	classification.high_risk
	not evidence.declared("evaluations")
	msg := concat("", [
		"The system is high-risk but no evaluation report is declared: evaluate it against thresholds",
		" and list the report under evidence.evaluations",
	])
}

deny contains {"msg": msg, "path": ["evidence", "evaluations"]} if {
	classification.high_risk
	evidence.declared("evaluations")
	not evidence.usable("evaluations")
	msg := concat("", ["No declared evaluation report can be used: ", evidence.problems("evaluations")])
}

deny contains finding if {
	classification.high_risk
	some finding in _below_threshold
}

_below_threshold contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some item in evidence.ok("evaluations")
	failed := _failed(item)
	count(failed) > 0
	msg := util.msg(["The evaluation ", item.path, " has metrics below their threshold: ", util.join(failed)])
}

warn contains finding if {
	not classification.high_risk
	some finding in _below_threshold
}

# _failed(item): each failed metric as "name value (threshold t)", plus " for group g" when per group.
_failed(item) := {_describe(m) | some m in util.list(evidence.fact(item, "metrics")); m.passed == false} | {name |
	some name in util.list(evidence.fact(item, "failed_metrics"))
	not _described(item, name)
}

_described(item, name) if {
	some m in util.list(evidence.fact(item, "metrics"))
	m.passed == false
	m.name == name
}

_describe(m) := util.msg([
	object.get(m, "name", "unnamed metric"), _group(m), " = ", object.get(m, "value", null),
	" (threshold ", object.get(m, "threshold", null), ")",
])

_group(m) := util.msg([" for ", m.group]) if {
	util.present(object.get(m, "group", null))
} else := ""
