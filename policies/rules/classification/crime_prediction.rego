# METADATA
# title: An offending-risk assessment relying on the Art. 5(1)(d) exception keeps a human assessment central
# description: >-
#   EU AI Act Art. 5(1)(d) prohibits predicting a person's risk of offending solely from
#   profiling or personality traits; it does not prohibit a system that supports a human
#   assessment already based on objective, verifiable facts linked to criminal activity. A
#   system answered as such a support (eu_ai_act.art_5.crime_prediction_basis) must have that
#   human assessment: decision support with a person in the loop, and no significant decision
#   taken without one. Otherwise the answer and the system disagree, and the exception cannot
#   be relied on.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 5(1)(d), recital 42 and Annex III point 6(d)
#   - ref: https://www.gov.uk/government/publications/ai-playbook-for-the-uk-government
#     description: AI Playbook for the UK Government, principles 2 and 4
# custom:
#   id: CLS-004
#   severity: high
#   controls: [
#     "EU-AI-ACT:Art.5", "EU-AI-ACT:AnnexIII.6", "EU-AI-ACT:Art.14",
#     "UK-AI-PLAYBOOK:P4", "NIST-AI-RMF:MAP-3.5"]
#   remediation: >-
#     Make the system support a practitioner's assessment based on objective, verifiable facts
#     (decision-support, human-in-the-loop), or answer crime_prediction_basis as it really is.
package ai_assure.rules.classification.crime_prediction

import rego.v1

import data.ai_assure.classification
import data.ai_assure.law.facts
import data.ai_assure.lib.util

default applicable := false

applicable if facts.is("eu_ai_act.art_5.crime_prediction_basis", "supports_human_assessment_on_objective_facts")

_mode := util.manifest(["system", "human_oversight", "mode"])

# _why: what contradicts a human assessment at the centre.
_why contains "its significant decisions are taken with no meaningful human involvement" if {
	classification.automated_decision
}

_why contains "its decision role is automated-decision" if {
	util.manifest(["system", "decision_role"]) == "automated-decision"
}

_why contains util.msg(["human oversight is ", _mode, ", not human-in-the-loop"]) if {
	util.present(_mode)
	_mode != "human-in-the-loop"
}

_why contains "no human oversight mode is set" if util.blank(_mode)

_gaps contains {"msg": msg, "path": ["system", "human_oversight", "mode"]} if {
	applicable
	count(_why) > 0
	msg := util.msg([
		"The system is answered as supporting a human assessment based on objective facts (the EU AI Act",
		" Art. 5(1)(d) exception) but ", concat("; ", sort([w | some w in _why])),
		": without that assessment an offending-risk prediction from profiling is prohibited",
	])
}

deny contains gap if {
	classification.enforced("EU-AI-ACT:Art.5")
	some gap in _gaps
}

warn contains gap if {
	not classification.enforced("EU-AI-ACT:Art.5")
	some gap in _gaps
}
