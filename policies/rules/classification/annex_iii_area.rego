# METADATA
# title: Annex III areas are recognised values
# description: >-
#   The risk tier reads classification.eu_ai_act.annex_iii_areas. A value that names no
#   Annex III area is still treated as high-risk (fail closed), but it cannot be mapped
#   to an Annex III point, so reports and controls would be wrong until it is fixed.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 6(2) and Annex III
# custom:
#   id: CLS-002
#   severity: high
#   controls: ["EU-AI-ACT:Art.6", "NIST-AI-RMF:MAP-2.1", "ISO42001:A.5.2"]
#   remediation: >-
#     Use one of the recognised area names (biometrics, critical_infrastructure, education,
#     employment, essential_services, law_enforcement, migration,
#     administration_of_justice).
package ai_assure.rules.classification.annex_iii_area

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.util

applicable := true

deny contains {"msg": msg, "path": ["classification", "eu_ai_act", "annex_iii_areas", i]} if {
	some i, area in classification.annex_iii_areas
	not classification.annex_iii[area]
	msg := util.msg([
		"classification.eu_ai_act.annex_iii_areas[", i, "] is ", area,
		", which is not an Annex III area; use one of: ", util.join(object.keys(classification.annex_iii)),
	])
}
