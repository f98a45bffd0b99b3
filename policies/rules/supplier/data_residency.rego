# METADATA
# title: Suppliers keep data where the organisation allows
# description: >-
#   A model supplier that receives prompts, documents or logs holds the organisation's data
#   wherever it runs. Each supplier assessment must record where data is held and
#   processed, and that place must be one the policy configuration allows
#   (supplier.allowed_data_residency). Outside it, personal data needs a UK GDPR Chapter V
#   transfer mechanism, so a system processing personal data fails and others warn.
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/44
#     description: UK GDPR Article 44, general principle for transfers
#   - ref: https://www.gov.uk/government/publications/ai-cyber-security-code-of-practice
#     description: Code of Practice for the Cyber Security of AI, principle 7
# custom:
#   id: SUP-002
#   severity: high
#   controls: [
#     "UK-GDPR:Art.44", "UK-GDPR:Art.28", "ISO42001:A.10.3", "NIST-AI-RMF:GOVERN-6.1",
#     "UK-AI-CYBER-COP:P7", "UK-AI-PLAYBOOK:P8"]
#   remediation: >-
#     Agree UK (or another allowed) hosting and processing with the supplier and record it
#     in data_residency, or get a transfer risk assessment and the governance team's
#     approval first.
package ai_assure.rules.supplier.data_residency

import rego.v1

import data.ai_assure.classification
import data.ai_assure.config
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if count(classification.third_party_models) > 0

# _allowed(residency): it starts with an allowed place, as a whole word ("UK (London)").
_allowed(residency) if {
	some place in config.supplier.allowed_data_residency
	is_string(place)
	r := lower(trim_space(residency))
	p := lower(trim_space(place))
	startswith(r, p)
	not regex.match(`^[a-z0-9]`, substring(r, count(p), 1))
}

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some item in evidence.ok("supplier_assessments")
	residency := evidence.fact(item, "data_residency")
	is_string(residency)
	util.present(residency)
	not _allowed(residency)
	msg := util.msg([
		"The supplier assessment ", item.path, " records data residency ", residency,
		", outside the allowed places (", util.join(config.supplier.allowed_data_residency), ")",
	])
}

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some item in evidence.ok("supplier_assessments")
	not util.present(evidence.fact(item, "data_residency"))
	msg := util.msg([
		"The supplier assessment ", item.path,
		" does not record where the supplier holds and processes data (data_residency)",
	])
}

deny contains gap if {
	applicable
	classification.personal_data
	some gap in _gaps
}

warn contains gap if {
	applicable
	not classification.personal_data
	some gap in _gaps
}
