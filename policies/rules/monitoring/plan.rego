# METADATA
# title: A post-deployment monitoring plan is in place
# description: >-
#   Performance, drift, misuse and complaints must be monitored once the system is in
#   use, with named metrics and triggers for action. Required for high-risk systems,
#   advised for limited-risk ones.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Articles 26(5) and 72
#   - ref: https://www.gov.uk/government/publications/ai-cyber-security-code-of-practice
#     description: Code of Practice for the Cyber Security of AI, principle 12
# custom:
#   id: MON-001
#   severity: medium
#   controls: [
#     "EU-AI-ACT:Art.72", "EU-AI-ACT:Art.26", "ISO42001:A.6.2.6", "NIST-AI-RMF:MANAGE-4.1",
#     "NIST-AI-RMF:MEASURE-2.4", "UK-AI-CYBER-COP:P12"]
#   remediation: >-
#     Write a monitoring plan (metrics, thresholds, frequency, who acts on an alert) and
#     list it under evidence.monitoring_plan.
package ai_assure.rules.monitoring.plan

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence

default applicable := false

applicable if classification.at_least_limited

_gap := {"msg": msg, "path": ["evidence", "monitoring_plan"]} if {
	not evidence.declared("monitoring_plan")
	msg := concat("", [
		"No monitoring plan is declared: describe how performance, drift and misuse are monitored and",
		" list it under evidence.monitoring_plan",
	])
} else := {"msg": msg, "path": ["evidence", "monitoring_plan"]} if {
	not evidence.usable("monitoring_plan")
	msg := concat("", ["The monitoring plan cannot be used: ", evidence.problems("monitoring_plan")])
}

deny contains _gap if {
	applicable
	classification.high_risk
}

warn contains _gap if {
	applicable
	not classification.high_risk
}
