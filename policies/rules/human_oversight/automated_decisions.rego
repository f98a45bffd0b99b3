# METADATA
# title: Solely automated decisions have a UK GDPR Art. 22 basis and safeguards
# description: >-
#   A decision based solely on automated processing with legal or similarly
#   significant effects is allowed only under an Art. 22(2) exception (contract,
#   authorised by law, explicit consent) and with safeguards: the right to obtain human
#   intervention, to express a point of view and to contest the decision (Art. 22(3)).
#   The manifest records the exception in classification.uk_gdpr.art_22_exception and
#   the safeguards in system.human_oversight.art_22_safeguards, either as a description
#   or as a list naming human-intervention, express-view and contest-decision. Applies
#   when uk_gdpr.solely_automated_decision is true or system.decision_role is
#   automated-decision.
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/22
#     description: UK GDPR Article 22
#   - ref: https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/automated-decision-making-and-profiling/
#     description: ICO guidance on automated decision-making and profiling
# custom:
#   id: HO-002
#   severity: high
#   controls: ["UK-GDPR:Art.22", "EU-AI-ACT:Art.14", "EU-AI-ACT:Art.86", "NIST-AI-RMF:MEASURE-3.3", "UK-AI-PLAYBOOK:P4"]
#   remediation: >-
#     Record the Art. 22(2) exception in classification.uk_gdpr.art_22_exception and
#     describe in system.human_oversight.art_22_safeguards how people obtain human
#     intervention, express their view and contest the decision.
package ai_assure.rules.human_oversight.automated_decisions

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.util

default applicable := false

applicable if classification.automated_decision

exceptions := {"contract", "authorised-by-law", "explicit-consent"}

safeguards := {"human-intervention", "express-view", "contest-decision"}

_exception := util.manifest(["classification", "uk_gdpr", "art_22_exception"])

deny contains {"msg": msg, "path": ["classification", "uk_gdpr", "art_22_exception"]} if {
	applicable
	util.blank(_exception)
	msg := util.msg([
		"Decisions are solely automated but classification.uk_gdpr.art_22_exception is not set:",
		" record the UK GDPR Art. 22(2) exception relied on (", util.join(exceptions), ")",
	])
}

deny contains {"msg": msg, "path": ["classification", "uk_gdpr", "art_22_exception"]} if {
	applicable
	util.present(_exception)
	not _exception in exceptions
	msg := util.msg([
		"classification.uk_gdpr.art_22_exception ", _exception,
		" is not a UK GDPR Art. 22(2) exception: use one of ", util.join(exceptions),
	])
}

deny contains {"msg": msg, "path": ["system", "human_oversight", "art_22_safeguards"]} if {
	applicable
	util.blank(_safeguards)
	msg := util.msg([
		"Decisions are solely automated but system.human_oversight.art_22_safeguards is empty:",
		" describe how people obtain human intervention, express their view and contest the decision",
	])
}

# Written as a list, the safeguards must name all three.
deny contains {"msg": msg, "path": ["system", "human_oversight", "art_22_safeguards"]} if {
	applicable
	is_array(_safeguards)
	missing := safeguards - {s | some s in _safeguards}
	count(missing) > 0
	msg := util.msg([
		"system.human_oversight.art_22_safeguards does not provide these UK GDPR Art. 22(3) safeguards: ",
		util.join(missing),
	])
}

_safeguards := util.manifest(["system", "human_oversight", "art_22_safeguards"])
