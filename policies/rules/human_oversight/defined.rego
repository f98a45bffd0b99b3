# METADATA
# title: Human oversight is defined and proportionate
# description: >-
#   The manifest must say how people oversee the system (human-in-the-loop,
#   human-on-the-loop or none) and describe it. A high-risk system must be designed
#   for effective oversight (EU AI Act Art. 14), so its mode cannot be none. Gaps fail
#   limited-risk and high-risk systems and warn for minimal-risk ones.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Articles 14 and 26(2)
#   - ref: https://www.gov.uk/government/publications/ai-playbook-for-the-uk-government
#     description: AI Playbook for the UK Government, principle 4
# custom:
#   id: HO-001
#   severity: high
#   controls: [
#     "EU-AI-ACT:Art.14", "EU-AI-ACT:Art.26", "ISO42001:A.9.2", "NIST-AI-RMF:GOVERN-3.2",
#     "NIST-AI-RMF:MAP-3.5", "UK-AI-PLAYBOOK:P4", "UK-AI-CYBER-COP:P4"]
#   remediation: >-
#     Set system.human_oversight.mode and describe who reviews outputs, when, and how they
#     can override or stop the system.
package ai_assure.rules.human_oversight.defined

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.util

applicable := true

modes := {"human-in-the-loop", "human-on-the-loop", "none"}

_mode := util.manifest(["system", "human_oversight", "mode"])

_gaps contains {"msg": msg, "path": ["system", "human_oversight", "mode"]} if {
	util.blank(_mode)
	msg := util.msg(["system.human_oversight.mode is not set: choose one of ", util.join(modes)])
}

_gaps contains {"msg": msg, "path": ["system", "human_oversight", "mode"]} if {
	util.present(_mode)
	not _mode in modes
	msg := util.msg(["system.human_oversight.mode ", _mode, " is not an oversight mode: choose one of ", util.join(modes)])
}

_gaps contains {"msg": msg, "path": ["system", "human_oversight", "description"]} if {
	util.blank(util.manifest(["system", "human_oversight", "description"]))
	msg := concat("", [
		"system.human_oversight.description is empty: describe who reviews the outputs, at which point,",
		" and how they override or stop the system",
	])
}

deny contains gap if {
	classification.at_least_limited
	some gap in _gaps
}

deny contains {"msg": msg, "path": ["system", "human_oversight", "mode"]} if {
	classification.high_risk
	_mode == "none"
	msg := util.msg([
		"The system is ", classification.tier, "-risk but system.human_oversight.mode is none:",
		" high-risk systems must be overseen by people (EU AI Act Art. 14)",
	])
}

warn contains gap if {
	not classification.at_least_limited
	some gap in _gaps
}
