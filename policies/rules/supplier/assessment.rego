# METADATA
# title: Third-party and foundation models are covered by a supplier assessment
# description: >-
#   When a model comes from a supplier, the organisation stays accountable for it:
#   each third-party or foundation model must be covered by a readable supplier assessment
#   that names it. What the assessment must show is checked by SUP-002 (data residency),
#   SUP-003 (incident notification), SUP-004 (audit rights) and SUP-005 (training data
#   provenance); how old it may be by EVID-002.
# related_resources:
#   - ref: https://www.gov.uk/government/publications/ai-cyber-security-code-of-practice
#     description: Code of Practice for the Cyber Security of AI, principle 7
#   - ref: https://www.gov.uk/government/publications/ai-playbook-for-the-uk-government
#     description: AI Playbook for the UK Government, principle 8
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, GOVERN 6
# custom:
#   id: SUP-001
#   severity: high
#   controls: [
#     "ISO42001:A.10.2", "ISO42001:A.10.3", "EU-AI-ACT:Art.25", "NIST-AI-RMF:GOVERN-6.1",
#     "NIST-AI-RMF:MANAGE-3.1", "UK-AI-CYBER-COP:P7", "UK-AI-PLAYBOOK:P8"]
#   remediation: >-
#     Assess the supplier with the ai-assure/supplier-assessment/v1 template, name the model
#     in its models list, and list it under evidence.supplier_assessments.
package ai_assure.rules.supplier.assessment

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if count(classification.third_party_models) > 0

deny contains {"msg": msg, "path": ["models", m.index]} if {
	applicable
	some m in classification.third_party_models
	not _covered(m.model)
	msg := util.msg([
		"Model ", object.get(m.model, "name", m.index), " (", m.model.type, " from ", _provider(m.model),
		") is not covered by a readable supplier assessment: assess the supplier and name the model",
		" in the assessment's models list",
	])
}

_provider(model) := provider if {
	provider := object.get(model, "provider", null)
	util.present(provider)
} else := "an unnamed provider"

_covered(model) if {
	some item in evidence.ok("supplier_assessments")
	model.name in util.list(evidence.fact(item, "models"))
}

warn contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("supplier_assessments")
	missing := util.list(evidence.fact(item, "missing_fields"))
	count(missing) > 0
	msg := util.msg(["The supplier assessment ", item.path, " leaves these fields empty: ", util.join(missing)])
}
