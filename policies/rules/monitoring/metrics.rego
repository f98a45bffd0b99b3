# METADATA
# title: A high-risk provider's post-market monitoring plan names what it measures
# description: >-
#   EU AI Act Art. 72 requires providers of high-risk AI systems to collect and analyse
#   data on the system's performance throughout its life, under a documented post-market
#   monitoring plan. A plan that does not say what is measured, and at what threshold
#   someone acts, cannot show that. The plan needs a section on its metrics (a heading
#   naming metrics, measures, indicators, signals or thresholds) or a metrics list in its
#   front matter. Applies to high-risk systems whose EU AI Act role is provider.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 72
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, MEASURE 2.4 and MANAGE 4.1
# custom:
#   id: MON-003
#   severity: medium
#   controls: [
#     "EU-AI-ACT:Art.72", "ISO42001:A.6.2.6", "NIST-AI-RMF:MEASURE-2.4",
#     "NIST-AI-RMF:MANAGE-4.1", "UK-AI-CYBER-COP:P12"]
#   remediation: >-
#     Add a section to the monitoring plan listing each metric (performance, fairness per
#     group, drift, override and complaint rates), its threshold for action and how often it
#     is measured.
package ai_assure.rules.monitoring.metrics

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if classification.enforced("EU-AI-ACT:Art.72")

applicable if classification.advised("EU-AI-ACT:Art.72")

keywords := ["metric", "measure", "indicator", "signal", "threshold", "kpi", "what we monitor"]

_names_metrics(item) if {
	some h in util.list(evidence.fact(item, "headings"))
	some word in keywords
	contains(util.norm(h), word)
}

_names_metrics(item) if count(util.list(object.get(item, ["facts", "front_matter", "metrics"], []))) > 0

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("monitoring_plan")
	not _names_metrics(item)
	msg := util.msg([
		"The monitoring plan ", item.path, " does not say what is measured (no metrics section or metrics list):",
		" EU AI Act Art. 72 requires a provider's plan to collect and analyse performance data",
	])
}

deny contains gap if {
	classification.enforced("EU-AI-ACT:Art.72")
	some gap in _gaps
}

warn contains gap if {
	not classification.enforced("EU-AI-ACT:Art.72")
	some gap in _gaps
}
