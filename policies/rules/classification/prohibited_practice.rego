# METADATA
# title: No prohibited AI practice
# description: >-
#   EU AI Act Art. 5(1) bans certain practices outright: manipulation or exploiting
#   vulnerabilities that cause significant harm, social scoring, predicting offending solely
#   from profiling, untargeted facial scraping, emotion recognition at work or in education,
#   biometric categorisation that infers sensitive traits, and real-time remote biometric
#   identification for law enforcement outside its narrow exceptions. The classification
#   derives each point from the system's facts (eu_ai_act.art_5 and eu_ai_act.biometrics),
#   not from the team's own list; a practice the team declares counts while its facts are
#   unanswered. No evidence can make such a system compliant. Fails where Art. 5 binds (or
#   its scope is undecided); advice where the Act does not reach the system.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 5
#   - ref: https://www.gov.uk/government/publications/ai-playbook-for-the-uk-government
#     description: AI Playbook for the UK Government, principle 2
# custom:
#   id: CLS-001
#   severity: critical
#   controls: [
#     "EU-AI-ACT:Art.5", "NIST-AI-RMF:GOVERN-1.1", "NIST-AI-RMF:MANAGE-1.1",
#     "UK-AI-PLAYBOOK:P2", "ISO42001:A.9.3"]
#   remediation: >-
#     Stop developing or using the system, or redesign it so that no Art. 5(1) practice
#     applies and answer the facts again.
#   waivable: false
package ai_assure.rules.classification.prohibited_practice

import rego.v1

import data.ai_assure.classification
import data.ai_assure.law.art5
import data.ai_assure.lib.util

applicable := true

_path(p) := split(art5.point_facts[p][0], ".") if {
	not p in art5.declared_open
} else := ["eu_ai_act", "declared", "prohibited_practices"]

_how(p) := " (the team declares it; its facts are unanswered)" if {
	p in art5.declared_open
} else := ""

_gaps contains {"msg": msg, "path": _path(p)} if {
	some p in art5.prohibited_points
	msg := util.msg([
		"The system is a prohibited AI practice under EU AI Act ", p, _how(p), ": ",
		data.ai_assure.legal.art_5_points[p].title, ". ", _consequence,
	])
}

_consequence := "Art. 5 forbids placing it on the market, putting it into service and using it" if {
	classification.enforced("EU-AI-ACT:Art.5")
} else := util.msg(["Art. 5 does not bind it today (", classification.duty_reason("EU-AI-ACT:Art.5"), ")"])

deny contains gap if {
	classification.enforced("EU-AI-ACT:Art.5")
	some gap in _gaps
}

warn contains gap if {
	not classification.enforced("EU-AI-ACT:Art.5")
	some gap in _gaps
}
