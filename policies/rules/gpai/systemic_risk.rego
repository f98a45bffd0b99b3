# METADATA
# title: A general-purpose AI model with systemic risk meets the extra obligations
# description: >-
#   A model with systemic risk (more than 10^25 floating-point operations of training compute,
#   or designated by the Commission: Art. 51) is notified to the Commission within two weeks of
#   meeting the threshold (Art. 52(1)), and its provider evaluates it with state-of-the-art
#   protocols including adversarial testing, assesses and mitigates Union-level systemic risks,
#   tracks and reports serious incidents to the AI Office, and keeps the model and its
#   infrastructure cyber-secure (Art. 55(1)(a)-(d)). The evidence: the notification date
#   (eu_ai_act.gpai.commission_notified_on), a red-team report, a risk register entry in the
#   systemic-risk category, an incident response procedure and a threat model.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Articles 51, 52 and 55
# custom:
#   id: GPAI-003
#   severity: high
#   controls: ["EU-AI-ACT:Art.55", "EU-AI-ACT:Art.51", "NIST-AI-RMF:MEASURE-2.7", "NIST-AI-RMF:MANAGE-4.3"]
#   remediation: >-
#     Notify the Commission and record the date; red-team the model, register its systemic
#     risks, and keep an incident response procedure and a threat model, each listed under
#     evidence.
package ai_assure.rules.gpai.systemic_risk

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.dates
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if {
	classification.gpai_systemic_risk
	classification.duty("EU-AI-ACT:Art.55") != "not_applicable"
}

_evidence := {
	"red_team": "model evaluation including adversarial testing (Art. 55(1)(a))",
	"incident_response": "tracking and reporting serious incidents to the AI Office (Art. 55(1)(c))",
	"threat_model": "cybersecurity of the model and its infrastructure (Art. 55(1)(d))",
}

_systemic_risk_registered if {
	some r in util.risks
	r.risk.category == "systemic-risk"
}

deny contains gap if {
	classification.enforced("EU-AI-ACT:Art.55")
	some gap in _gaps
}

warn contains gap if {
	not classification.enforced("EU-AI-ACT:Art.55")
	some gap in _gaps
}

_gaps contains {"msg": msg, "path": ["eu_ai_act", "gpai", "commission_notified_on"]} if {
	applicable
	not dates.valid(util.manifest(["eu_ai_act", "gpai", "commission_notified_on"]))
	msg := concat("", [
		"The model has systemic risk but eu_ai_act.gpai.commission_notified_on has no date: the",
		" provider notifies the Commission within two weeks (Art. 52(1))",
	])
}

_gaps contains {"msg": msg, "path": ["evidence", kind]} if {
	applicable
	some kind, what in _evidence
	not evidence.usable(kind)
	msg := util.msg(["The model has systemic risk but has no usable evidence.", kind, ": the provider shows ", what])
}

_gaps contains {"msg": msg, "path": ["risks"]} if {
	applicable
	not _systemic_risk_registered
	msg := concat("", [
		"The model has systemic risk but no risk in the register has the category systemic-risk: the",
		" provider assesses and mitigates Union-level systemic risks (Art. 55(1)(b))",
	])
}
