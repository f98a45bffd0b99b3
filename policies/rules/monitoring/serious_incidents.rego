# METADATA
# title: The incident response procedure covers reporting serious incidents
# description: >-
#   For a high-risk system, a serious incident must be reported: by the provider to the
#   market surveillance authority (EU AI Act Art. 73, within 15 days at the latest and
#   sooner for the gravest cases), by the deployer to the provider (Art. 26(5)), and
#   personal data breaches to the Information Commissioner within 72 hours (UK GDPR
#   Art. 33). The procedure must have a section on reporting, notification or escalation.
#   Applies to high-risk systems; whether a procedure exists at all is MON-002's check.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Articles 26(5) and 73
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/33
#     description: UK GDPR Article 33
# custom:
#   id: MON-004
#   severity: medium
#   controls: [
#     "EU-AI-ACT:Art.73", "EU-AI-ACT:Art.26", "UK-GDPR:Art.33", "ISO42001:A.8.4",
#     "NIST-AI-RMF:MANAGE-4.3", "UK-AI-CYBER-COP:P11"]
#   remediation: >-
#     Add a section to the incident response procedure saying who reports a serious incident
#     to whom (provider, market surveillance authority, ICO, affected people) and by when.
package ai_assure.rules.monitoring.serious_incidents

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if classification.enforced("EU-AI-ACT:Art.73")

applicable if classification.advised("EU-AI-ACT:Art.73")

applicable if classification.enforced("EU-AI-ACT:Art.26")

applicable if classification.advised("EU-AI-ACT:Art.26")

# A provider reports serious incidents (Art. 73); a deployer tells the provider and the
# authorities (Art. 26(5)).
_enforced if classification.enforced("EU-AI-ACT:Art.73")

_enforced if classification.enforced("EU-AI-ACT:Art.26")

keywords := ["report", "notif", "escalat"]

_covers_reporting(item) if {
	some h in util.list(evidence.fact(item, "headings"))
	some word in keywords
	contains(util.norm(h), word)
}

_covers_reporting(item) if {
	some key in object.keys(object.get(item, ["facts", "front_matter"], {}))
	some word in keywords
	contains(util.norm(key), word)
}

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("incident_response")
	not _covers_reporting(item)
	msg := util.msg([
		"The incident response procedure ", item.path, " has no section on reporting serious incidents",
		" (a heading on reporting, notification or escalation): say who tells the provider, the market",
		" surveillance authority (EU AI Act Art. 73) and the ICO (UK GDPR Art. 33), and by when",
	])
}

deny contains gap if {
	_enforced
	some gap in _gaps
}

warn contains gap if {
	not _enforced
	some gap in _gaps
}
