# METADATA
# title: Every model has a model card
# description: >-
#   Each model the system uses must be documented by a model card that exists in the
#   repository: declared on the model (models[].model_card) or listed under
#   evidence.model_cards with the model's name in its metadata.
# related_resources:
#   - ref: https://huggingface.co/docs/hub/model-cards
#     description: Hugging Face model cards
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 11 and Annex IV technical documentation
# custom:
#   id: MC-001
#   severity: high
#   controls: ["ISO42001:A.6.2.7", "ISO42001:A.4.2", "EU-AI-ACT:Art.11", "NIST-AI-RMF:MAP-2.1", "UK-AI-CYBER-COP:P8"]
#   remediation: >-
#     Write a model card for each model (the Hugging Face template is a good start) and set
#     models[].model_card to its path.
package ai_assure.rules.model_card.declared

import rego.v1

import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

applicable := true

deny contains {"msg": msg, "path": ["models"]} if {
	count(util.models) == 0
	msg := "No model is listed under models: list every model the system uses, including third-party and foundation models"
}

# A card declared on the model whose file is absent.
deny contains {"msg": msg, "path": ["models", m.index, "model_card"]} if {
	some m in util.models
	ref := object.get(m.model, "model_card", null)
	util.present(ref)
	not _exists(ref)
	msg := util.msg([
		"The model card ", ref, " declared for model ", object.get(m.model, "name", m.index),
		" does not exist",
	])
}

# No card declared on the model and none listed under evidence.model_cards by its name.
deny contains {"msg": msg, "path": ["models", m.index]} if {
	some m in util.models
	util.blank(object.get(m.model, "model_card", null))
	not _card_named(object.get(m.model, "name", null))
	msg := util.msg([
		"Model ", object.get(m.model, "name", m.index), " (models[", m.index, "]) has no model card: set models[",
		m.index, "].model_card, or list a card whose name is the model's under evidence.model_cards",
	])
}

_exists(ref) if {
	some item in evidence.declared_as("model_cards", ref)
	item.status != "missing"
}

_card_named(name) if {
	util.present(name)
	some item in evidence.ok("model_cards")
	evidence.fact(item, "name") == name
}
