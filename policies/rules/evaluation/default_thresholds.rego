# METADATA
# title: Metrics without their own threshold meet the default thresholds
# description: >-
#   An evaluation shows a system is good enough only against a bar. Metrics a report gives
#   without a threshold are judged against the governance team's defaults
#   (evaluation_default_thresholds in the policy configuration), and a high-risk system's
#   evaluation report must set a bar for at least one metric. Fails high-risk systems and
#   warns for the rest.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 15(1) and (3) levels of accuracy
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, MEASURE 1.1 and MEASURE 2.3
# custom:
#   id: EVAL-003
#   severity: medium
#   controls: [
#     "EU-AI-ACT:Art.15", "ISO42001:A.6.2.4", "NIST-AI-RMF:MEASURE-1.1",
#     "NIST-AI-RMF:MEASURE-2.3", "NIST-AI-RMF:MEASURE-2.13", "UK-AI-CYBER-COP:P9"]
#   remediation: >-
#     Improve the model until the metric meets the bar, or record in the report the
#     threshold agreed for this system (with its direction) and why.
package ai_assure.rules.evaluation.default_thresholds

import rego.v1

import data.ai_assure.classification
import data.ai_assure.config
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if evidence.usable("evaluations")

_default(name) := d if {
	some d in config.evaluation_default_thresholds
	d.metric == name
}

_meets(value, d) if {
	d.direction == "higher"
	value >= d.threshold
}

_meets(value, d) if {
	d.direction == "lower"
	value <= d.threshold
}

_unset(m) if not is_number(object.get(m, "threshold", null))

# _has_bar(m): the metric sets its own threshold, or the configuration has a default for it.
_has_bar(m) if is_number(object.get(m, "threshold", null))

_has_bar(m) if _default(object.get(m, "name", null))

# _any_bar(metrics): some metric has a bar. Written as `not _any_bar(...)` rather than
# `every m in metrics { ...; not ... }`: rego-cpp evaluates a negation inside `every` wrongly
# (it reported "no bar" when a metric without a threshold had a default).
_any_bar(metrics) if {
	some m in metrics
	_has_bar(m)
}

_words := {"higher": "at least", "lower": "at most"}

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some item in evidence.ok("evaluations")
	some m in util.list(evidence.fact(item, "metrics"))
	_unset(m)
	d := _default(object.get(m, "name", null))
	value := object.get(m, "value", null)
	is_number(value)
	not _meets(value, d)
	msg := util.msg([
		"The evaluation ", item.path, " has ", m.name, _group(m), " = ", value, ", which has no threshold of",
		" its own and misses the default: ", _words[d.direction], " ", d.threshold,
	])
}

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	classification.high_risk
	some item in evidence.ok("evaluations")
	metrics := util.list(evidence.fact(item, "metrics"))
	not _any_bar(metrics)
	msg := util.msg([
		"The evaluation ", item.path, " sets no threshold for any of its ", count(metrics), " metrics",
		" and none has a default: a high-risk system's evaluation must show the bar it meets",
	])
}

_group(m) := util.msg([" for ", m.group]) if {
	util.present(object.get(m, "group", null))
} else := ""

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
