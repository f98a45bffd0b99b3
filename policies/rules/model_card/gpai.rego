# METADATA
# title: General-purpose AI models are documented for downstream providers
# description: >-
#   A provider of a general-purpose AI model keeps technical documentation (Annex XI) and
#   gives downstream providers what they need to understand the model and meet their own
#   obligations (Annex XII): what it is and how it is built, its intended and out-of-scope
#   uses, its limitations, its training data (with a public summary of the training
#   content, Art. 53(1)(d)) and its evaluation. Each in-house model of a GPAI provider needs
#   a readable card with those sections.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 53 and Annexes XI and XII
#   - ref: https://huggingface.co/docs/hub/model-cards
#     description: Hugging Face model card template sections
# custom:
#   id: MC-003
#   severity: high
#   controls: [
#     "EU-AI-ACT:Art.53", "EU-AI-ACT:Art.55", "ISO42001:A.6.2.7", "ISO42001:A.8.2",
#     "NIST-AI-RMF:MAP-2.2", "UK-AI-CYBER-COP:P8"]
#   remediation: >-
#     Complete the model card with model details, technical specifications, intended and
#     out-of-scope uses, limitations, training data (and the training-content summary) and
#     evaluation results.
package ai_assure.rules.model_card.gpai

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if {
	classification.gpai_provider
	not classification.gpai_open_source
	not classification.duty("EU-AI-ACT:Art.53") == "not_applicable"
}

required_sections := {
	"model_details", "technical_specifications", "intended_use", "out_of_scope_use",
	"limitations", "training_data", "evaluation",
}

# _cards(model): the readable cards for the model: the one it declares, or those naming it.
_cards(model) := [item |
	some item in evidence.ok("model_cards")
	_card_of(item, model)
]

_card_of(item, model) if item.declared == object.get(model, "model_card", null)

_card_of(item, model) if evidence.fact(item, "name") == model.name

_gaps contains {"msg": msg, "path": ["models", m.index, "model_card"]} if {
	applicable
	some m in util.models
	m.model.type == "in-house"
	some item in _cards(m.model)
	missing := required_sections - {s | some s in util.list(evidence.fact(item, "sections"))}
	count(missing) > 0
	msg := util.msg([
		"The general-purpose AI model ", m.model.name, " is documented by ", item.path,
		", which lacks the sections downstream providers need (EU AI Act Art. 53, Annexes XI and XII): ",
		util.join(missing),
	])
}

_gaps contains {"msg": msg, "path": ["models", m.index, "model_card"]} if {
	applicable
	some m in util.models
	m.model.type == "in-house"
	count(_cards(m.model)) == 0
	msg := util.msg([
		"The general-purpose AI model ", object.get(m.model, "name", m.index), " has no readable model card:",
		" a GPAI provider documents each model for the AI Office and downstream providers",
	])
}

deny contains gap if {
	classification.enforced("EU-AI-ACT:Art.53")
	some gap in _gaps
}

warn contains gap if {
	not classification.enforced("EU-AI-ACT:Art.53")
	some gap in _gaps
}
