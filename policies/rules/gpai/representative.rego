# METADATA
# title: A non-EU general-purpose AI model provider has an EU authorised representative
# description: >-
#   A provider of a general-purpose AI model established outside the EU appoints, by written
#   mandate, an authorised representative established in the EU before placing the model on
#   the EU market (Art. 54(1)), unless the model is released under a free and open-source
#   licence with its weights public and has no systemic risk (Art. 54(6)). The manifest names
#   the representative in eu_ai_act.gpai.authorised_representative.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 54
# custom:
#   id: GPAI-002
#   severity: high
#   controls: ["EU-AI-ACT:Art.54", "NIST-AI-RMF:GOVERN-6.1"]
#   remediation: >-
#     Appoint an authorised representative in the EU by written mandate and name it in
#     eu_ai_act.gpai.authorised_representative.
package ai_assure.rules.gpai.representative

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.util

default applicable := false

applicable if {
	classification.gpai_provider
	classification.duty("EU-AI-ACT:Art.54") != "not_applicable"
}

_gaps contains {"msg": msg, "path": ["eu_ai_act", "gpai", "authorised_representative"]} if {
	applicable
	util.blank(util.manifest(["eu_ai_act", "gpai", "authorised_representative"]))
	msg := concat("", [
		"The general-purpose AI model's provider is established outside the EU, so it needs an",
		" authorised representative in the EU before placing the model on the market (Art. 54(1)):",
		" name it in eu_ai_act.gpai.authorised_representative",
	])
}

deny contains gap if {
	classification.enforced("EU-AI-ACT:Art.54")
	some gap in _gaps
}

warn contains gap if {
	not classification.enforced("EU-AI-ACT:Art.54")
	some gap in _gaps
}
