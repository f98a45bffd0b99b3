# METADATA
# title: A high-risk system is evaluated for bias across population groups
# description: >-
#   Overall accuracy can hide a system that fails some groups. A high-risk system's
#   evaluation must report metrics per population group (metrics[].group, e.g. sex, age
#   band, ethnicity) for at least the configured number of groups (fairness_min_groups),
#   each with a threshold it must meet. Whether the group metrics pass is EVAL-001's check.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Articles 10(2)(f) and 15
#   - ref: https://doi.org/10.6028/NIST.SP.1270
#     description: NIST SP 1270, identifying and managing bias in AI
# custom:
#   id: EVAL-002
#   severity: high
#   controls: [
#     "EU-AI-ACT:Art.10", "EU-AI-ACT:Art.15", "NIST-AI-RMF:MEASURE-2.11", "ISO42001:A.5.4",
#     "ISO42001:A.7.4", "UK-AI-PLAYBOOK:P2", "UK-ATRS:Tier2.4.2"]
#   remediation: >-
#     Evaluate the model per population group (at least the protected characteristics the
#     data allows), give each group metric a threshold, and include them in the evaluation
#     report.
package ai_assure.rules.evaluation.fairness

import rego.v1

import data.ai_assure.classification
import data.ai_assure.config
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if classification.high_risk

_group_metrics contains {"item": item, "metric": m} if {
	some item in evidence.ok("evaluations")
	some m in util.list(evidence.fact(item, "metrics"))
	util.present(object.get(m, "group", null))
}

_groups contains gm.metric.group if some gm in _group_metrics

_reports := concat(", ", sort([item.path | some item in evidence.ok("evaluations")]))

deny contains {"msg": msg, "path": ["evidence", "evaluations"]} if {
	applicable
	evidence.usable("evaluations")
	count(_groups) < config.fairness_min_groups
	msg := util.msg([
		"The evaluations (", _reports, ") report metrics for ", count(_groups), " population groups",
		_named(_groups), "; a high-risk system needs at least ", config.fairness_min_groups,
		": measure performance and error rates per group",
	])
}

deny contains {"msg": msg, "path": evidence.manifest_path(gm.item)} if {
	applicable
	some gm in _group_metrics
	not is_number(object.get(gm.metric, "threshold", null))
	msg := util.msg([
		"The evaluation ", gm.item.path, " reports ", object.get(gm.metric, "name", "a metric"), " for group ",
		gm.metric.group, " without a threshold: set the bar each group must meet",
	])
}

_named(groups) := util.msg([" (", util.join(groups), ")"]) if {
	count(groups) > 0
} else := ""
