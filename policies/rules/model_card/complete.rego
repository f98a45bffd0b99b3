# METADATA
# title: Model cards describe intended use, limitations, training data and evaluation
# description: >-
#   A model card is only useful when it says what the model is for, where it fails,
#   what it was trained on and how it was evaluated. Missing sections fail high-risk
#   systems and warn otherwise.
# related_resources:
#   - ref: https://arxiv.org/abs/1810.03993
#     description: Mitchell et al., Model Cards for Model Reporting
#   - ref: https://huggingface.co/docs/hub/model-cards
#     description: Hugging Face model card template sections
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 13 information for deployers
# custom:
#   id: MC-002
#   severity: high
#   controls: [
#     "ISO42001:A.6.2.7", "ISO42001:A.8.2", "ISO42001:A.9.4", "EU-AI-ACT:Art.13",
#     "NIST-AI-RMF:MAP-2.2", "NIST-AI-RMF:MEASURE-2.9"]
#   remediation: >-
#     Add the missing sections to the model card with real content (uses, bias, risks and
#     limitations, training details, evaluation results).
package ai_assure.rules.model_card.complete

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

applicable := true

required_sections := {"intended_use", "limitations", "training_data", "evaluation"}

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some item in evidence.ok("model_cards")
	sections := {s | some s in util.list(evidence.fact(item, "sections"))}
	missing := required_sections - sections
	count(missing) > 0
	msg := util.msg([
		"The model card ", item.path, " (", _name(item), ") lacks the sections: ", util.join(missing),
		"; add them with real content",
	])
}

deny contains gap if {
	classification.high_risk
	some gap in _gaps
}

warn contains gap if {
	not classification.high_risk
	some gap in _gaps
}

_name(item) := name if {
	name := evidence.fact(item, "name")
	util.present(name)
} else := "unnamed model"
