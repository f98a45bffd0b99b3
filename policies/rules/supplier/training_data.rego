# METADATA
# title: Suppliers document where their models' training data came from
# description: >-
#   The behaviour, biases and legal exposure of a supplied model come from its training
#   data. Each supplier assessment must record the training data's provenance (sources,
#   licensing, whether customer data is used); providers of general-purpose AI models must
#   publish a summary of their training content (EU AI Act Art. 53(1)(d)).
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 53(1)(d) training content summary
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, MAP 4.1 (legal risks of third-party data)
# custom:
#   id: SUP-005
#   severity: medium
#   controls: [
#     "EU-AI-ACT:Art.53", "ISO42001:A.7.5", "ISO42001:A.10.3", "NIST-AI-RMF:MAP-4.1",
#     "NIST-AI-RMF:GOVERN-6.1", "UK-AI-CYBER-COP:P8"]
#   remediation: >-
#     Obtain the supplier's training data provenance (or its published training-content
#     summary) and record it in training_data_provenance.
package ai_assure.rules.supplier.training_data

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if count(classification.third_party_models) > 0

# _foundation(item): the assessment covers a foundation model (Art. 53(1)(d) applies).
_foundation(item) if {
	some m in classification.third_party_models
	m.model.type == "foundation-model"
	m.model.name in util.list(evidence.fact(item, "models"))
}

_hint(item) := concat("", [
	"; the provider of a general-purpose AI model must publish a training-content summary",
	" (EU AI Act Art. 53(1)(d))",
]) if {
	_foundation(item)
} else := ""

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("supplier_assessments")
	not util.present(evidence.fact(item, "training_data_provenance"))
	msg := util.msg([
		"The supplier assessment ", item.path, " does not record where the supplier's training data came from",
		" (training_data_provenance)", _hint(item),
	])
}
