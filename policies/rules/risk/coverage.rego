# METADATA
# title: A high-risk system's register covers the risks its classification raises
# description: >-
#   What made the system high-risk also says which risks must have been assessed: a
#   high-risk system's accuracy, bias, human oversight and security; privacy when personal
#   data is processed; supplier risk when third-party models are used; harmful content when
#   it generates content. The categories per trigger are policy configuration
#   (risk.required_categories in policies/data.yaml). Applies to high-risk systems.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 9(2)(a) identification of known and foreseeable risks
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, MAP 4 and MAP 5
# custom:
#   id: RISK-003
#   severity: medium
#   controls: [
#     "EU-AI-ACT:Art.9", "NIST-AI-RMF:MAP-5.1", "NIST-AI-RMF:GOVERN-4.2", "ISO42001:A.5.4",
#     "UK-AI-CYBER-COP:P3"]
#   remediation: >-
#     Assess the missing risk categories for this system and record each as a risk (with its
#     category) in the register.
package ai_assure.rules.risk.coverage

import rego.v1

import data.ai_assure.classification
import data.ai_assure.config
import data.ai_assure.lib.util

default applicable := false

applicable if classification.high_risk

# _raised[category]: the triggers that require the category.
_raised[category] contains trigger if {
	some trigger in classification.triggers
	some category in util.list(object.get(config.risk.required_categories, trigger, []))
}

_recorded contains util.norm(category) if {
	some r in util.risks
	category := object.get(r.risk, "category", null)
	is_string(category)
}

deny contains {"msg": msg, "path": ["risks"]} if {
	applicable
	some category, triggers in _raised
	not util.norm(category) in _recorded
	msg := util.msg([
		"The risk register has no ", category, " risk, which the classification requires (", util.join(triggers),
		"): assess it and record the risk with category ", category,
	])
}
