# METADATA
# title: An AI incident response procedure is in place
# description: >-
#   When the system causes or nearly causes harm, people must know how to stop it,
#   whom to tell and in what time (serious incidents under EU AI Act Art. 73, personal
#   data breaches to the ICO within 72 hours). Required for high-risk systems, advised
#   for limited-risk ones.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 73
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, MANAGE 4.3
# custom:
#   id: MON-002
#   severity: medium
#   controls: [
#     "EU-AI-ACT:Art.73", "ISO42001:A.8.4", "ISO42001:A.3.3", "NIST-AI-RMF:MANAGE-4.3",
#     "NIST-AI-RMF:MANAGE-2.4", "UK-AI-CYBER-COP:P11"]
#   remediation: >-
#     Write the incident response procedure (how to suspend the system, who is told and
#     when, how affected people are informed) and list it under evidence.incident_response.
package ai_assure.rules.monitoring.incident_response

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence

default applicable := false

applicable if classification.at_least_limited

_gap := {"msg": msg, "path": ["evidence", "incident_response"]} if {
	not evidence.declared("incident_response")
	msg := "No incident response procedure is declared: write one and list it under evidence.incident_response"
} else := {"msg": msg, "path": ["evidence", "incident_response"]} if {
	not evidence.usable("incident_response")
	msg := concat("", ["The incident response procedure cannot be used: ", evidence.problems("incident_response")])
}

deny contains _gap if {
	applicable
	classification.high_risk
}

warn contains _gap if {
	applicable
	not classification.high_risk
}
