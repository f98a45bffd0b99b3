# METADATA
# title: A claimed Art. 6(3) derogation is documented and available
# description: >-
#   An Annex III system is not high-risk under EU AI Act Art. 6(3) only when it does not
#   pose a significant risk of harm (a narrow procedural task, improving a completed human
#   activity, detecting patterns without replacing human assessment, or a preparatory task)
#   and it does not profile natural persons. The provider documents that assessment
#   (Art. 6(4)) and registers the system (Art. 49(2)). A claim that profiling voids, that
#   does not state that the system does not profile, or whose reason is too short to show
#   the assessment, fails: the classification treats the system as high-risk and the
#   manifest must not say otherwise.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 6(3) and (4), Article 49(2)
# custom:
#   id: CLS-003
#   severity: medium
#   controls: ["EU-AI-ACT:Art.6", "EU-AI-ACT:Art.49", "NIST-AI-RMF:MAP-2.1", "ISO42001:A.5.2"]
#   remediation: >-
#     Remove classification.eu_ai_act.art_6_3_exemption when the system profiles people;
#     otherwise state profiling_of_natural_persons false, write which Art. 6(3) condition
#     applies and why, and register the system.
package ai_assure.rules.classification.derogation

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.util

default applicable := false

applicable if {
	classification.derogation_claimed
	classification.annex_iii_declared
}

_reason := util.manifest(["classification", "eu_ai_act", "art_6_3_exemption"])

_path := ["classification", "eu_ai_act", "art_6_3_exemption"]

_areas := util.join(classification.annex_iii_areas)

deny contains {"msg": msg, "path": _path} if {
	applicable
	classification.profiling
	msg := util.msg([
		"The Art. 6(3) derogation claimed for Annex III (", _areas, ") is void because the system profiles",
		" natural persons (profiling_of_natural_persons: true): it is high-risk; remove art_6_3_exemption",
	])
}

deny contains {"msg": msg, "path": ["classification", "eu_ai_act", "profiling_of_natural_persons"]} if {
	applicable
	not classification.profiling
	not classification.profiling_stated_false
	msg := util.msg([
		"The Art. 6(3) derogation is claimed but classification.eu_ai_act.profiling_of_natural_persons is not",
		" stated false, so the system is treated as high-risk: state whether it profiles people",
	])
}

deny contains {"msg": msg, "path": _path} if {
	applicable
	not classification.derogation_documented
	words := classification.derogation_reason_words
	msg := util.msg([
		"The Art. 6(3) derogation reason (", trim_space(_reason), ") is too short to document the assessment",
		" (", words, " of at least ", classification.min_derogation_words, " words): say which Art. 6(3)",
		" condition applies and why the system poses no significant risk of harm",
	])
}

warn contains {"msg": msg, "path": _path} if {
	classification.derogation_applies
	classification.provider
	msg := util.msg([
		"The system relies on the Art. 6(3) derogation for Annex III (", _areas, "): keep the documented",
		" assessment for the authorities (Art. 6(4)) and register the system in the EU database (Art. 49(2))",
	])
}
