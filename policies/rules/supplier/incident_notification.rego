# METADATA
# title: Suppliers commit to report incidents promptly
# description: >-
#   When a supplier's model or service has an incident (a breach, a harmful change, an
#   outage), the organisation can only meet its own duties (a UK GDPR Art. 33 breach report
#   within 72 hours; EU AI Act Art. 73 serious-incident reporting) if the supplier tells it
#   quickly. Each supplier assessment must record a notification commitment no longer than
#   the configured maximum (supplier.max_incident_notification_hours).
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/33
#     description: UK GDPR Article 33, breach notification within 72 hours
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 73
# custom:
#   id: SUP-003
#   severity: medium
#   controls: [
#     "UK-GDPR:Art.33", "EU-AI-ACT:Art.73", "ISO42001:A.10.3", "ISO42001:A.8.4",
#     "NIST-AI-RMF:GOVERN-6.2", "UK-AI-CYBER-COP:P7"]
#   remediation: >-
#     Agree a contractual incident-notification time within the maximum with the supplier
#     and record it in incident_notification_hours.
package ai_assure.rules.supplier.incident_notification

import rego.v1

import data.ai_assure.classification
import data.ai_assure.config
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if count(classification.third_party_models) > 0

_prompt(hours) if {
	is_number(hours)
	hours <= config.supplier.max_incident_notification_hours
}

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("supplier_assessments")
	hours := evidence.fact(item, "incident_notification_hours")
	not _prompt(hours)
	msg := util.msg([
		"The supplier assessment ", item.path, " does not commit the supplier to report incidents within ",
		config.supplier.max_incident_notification_hours, " hours (recorded: ", hours, ")",
	])
}
