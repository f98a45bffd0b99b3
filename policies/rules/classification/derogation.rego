# METADATA
# title: A claimed Art. 6(3) derogation holds
# description: >-
#   An Annex III system is not high-risk under EU AI Act Art. 6(3) only when it poses no
#   significant risk of harm (including by not materially influencing decisions) and at least
#   one condition holds: a narrow procedural task, improving a completed human activity,
#   detecting patterns without replacing human assessment, or a preparatory task. A system
#   that profiles natural persons is always high-risk. The provider documents the assessment
#   before placing the system on the market (Art. 6(4)) and registers it (Art. 49(2)). A claim
#   that does not hold leaves the system high-risk: it fails where the Act reaches the system
#   (or its scope is undecided), so the gate stops at the default --fail-on high.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 6(3) and (4), Article 49(2), recital 53
# custom:
#   id: CLS-003
#   severity: high
#   controls: ["EU-AI-ACT:Art.6", "EU-AI-ACT:Art.49", "NIST-AI-RMF:MAP-2.1", "ISO42001:A.5.2"]
#   remediation: >-
#     Treat the system as high-risk and set eu_ai_act.art_6_3.claimed to false; or, when the
#     derogation truly applies, state its conditions, that it poses no significant risk, the
#     documented assessment and its date, and register the system.
package ai_assure.rules.classification.derogation

import rego.v1

import data.ai_assure.law.eu
import data.ai_assure.law.high_risk
import data.ai_assure.law.roles
import data.ai_assure.lib.util

default applicable := false

applicable if {
	high_risk.derogation_claimed
	count(high_risk.annex_iii_points) > 0
}

_points := util.join(high_risk.annex_iii_points)

_gaps contains {"msg": msg, "path": gap.path} if {
	applicable
	some gap in high_risk.derogation_gaps
	msg := util.msg([
		"The Art. 6(3) derogation claimed for ", _points, " does not hold: ", gap.text,
		". The system is high-risk",
	])
}

deny contains gap if {
	eu.in_scope != false
	some gap in _gaps
}

warn contains gap if {
	eu.in_scope == false
	some gap in _gaps
}

warn contains {"msg": msg, "path": ["eu_ai_act", "art_6_3", "assessment_doc"]} if {
	high_risk.derogation_holds
	"provider" in roles.held
	msg := util.msg([
		"The system relies on the Art. 6(3) derogation for ", _points, ": keep the documented assessment",
		" for the authorities (Art. 6(4)) and its EU database registration current (Art. 49(2))",
	])
}
