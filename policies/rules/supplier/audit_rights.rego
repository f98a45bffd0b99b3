# METADATA
# title: The organisation can audit its model suppliers
# description: >-
#   Assurance of a supplied model rests on what the supplier says unless the contract lets
#   the organisation (or an auditor on its behalf) check. Each supplier assessment must
#   record audit rights over the supplier (audit_rights: true); UK GDPR Art. 28(3)(h)
#   requires them of any processor of personal data.
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/28
#     description: UK GDPR Article 28(3)(h), audits and inspections of processors
#   - ref: https://www.gov.uk/government/publications/ai-playbook-for-the-uk-government
#     description: AI Playbook for the UK Government, principle 8
# custom:
#   id: SUP-004
#   severity: medium
#   controls: [
#     "UK-GDPR:Art.28", "ISO42001:A.10.2", "ISO42001:A.10.3", "NIST-AI-RMF:MANAGE-3.1",
#     "UK-AI-PLAYBOOK:P8", "UK-AI-CYBER-COP:P7"]
#   remediation: >-
#     Negotiate audit and inspection rights with the supplier (or accept a recognised
#     independent certification in their place, with the governance team's approval) and
#     record audit_rights.
package ai_assure.rules.supplier.audit_rights

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if count(classification.third_party_models) > 0

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("supplier_assessments")
	evidence.fact(item, "audit_rights") != true
	msg := util.msg([
		"The supplier assessment ", item.path, " (", evidence.fact(item, "supplier"), ") records no audit rights",
		" over the supplier (audit_rights: ", evidence.fact(item, "audit_rights"), ")",
	])
}
