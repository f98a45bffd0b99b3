# METADATA
# title: A general-purpose AI model provider keeps a copyright policy and publishes a training-content summary
# description: >-
#   Every provider of a general-purpose AI model puts in place a policy to comply with Union
#   copyright law, including honouring text-and-data-mining reservations (Art. 53(1)(c)), and
#   publishes a sufficiently detailed summary of the content used for training, on the AI
#   Office's template (Art. 53(1)(d)). Both apply to open-source models too (Art. 53(2) exempts
#   only points (a) and (b)). The manifest records where each is kept or published, in
#   eu_ai_act.gpai.copyright_policy and training_content_summary; the engine does not fetch
#   them. Fails where Art. 53 binds; advises where it would (reference framework) or will.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 53(1)(c), (d) and 53(2)
# custom:
#   id: GPAI-001
#   severity: high
#   controls: ["EU-AI-ACT:Art.53", "ISO42001:A.7.5", "NIST-AI-RMF:GOVERN-6.1"]
#   remediation: >-
#     Adopt the copyright policy and publish the training-content summary on the AI Office
#     template, and record where in eu_ai_act.gpai.
package ai_assure.rules.gpai.provider

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.util

default applicable := false

applicable if {
	classification.gpai_provider
	classification.duty("EU-AI-ACT:Art.53") != "not_applicable"
}

_required := {
	"copyright_policy": concat("", [
		"a policy to comply with Union copyright law, honouring text-and-data-mining opt-outs",
		" (Art. 53(1)(c))",
	]),
	"training_content_summary": concat("", [
		"a public summary of the content used to train the model, on the AI Office's template",
		" (Art. 53(1)(d))",
	]),
}

_gaps contains {"msg": msg, "path": ["eu_ai_act", "gpai", key]} if {
	applicable
	some key, what in _required
	util.blank(util.manifest(["eu_ai_act", "gpai", key]))
	msg := util.msg([
		"The organisation provides a general-purpose AI model but eu_ai_act.gpai.", key, " is empty: ",
		"a provider keeps ", what,
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
