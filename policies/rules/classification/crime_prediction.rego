# METADATA
# title: Offending-risk assessments are not based solely on profiling
# description: >-
#   EU AI Act Art. 5(1)(d) prohibits assessing or predicting the risk that a person will
#   commit a criminal offence based solely on profiling or on assessing personality traits;
#   it does not prohibit systems that support a human assessment already based on objective,
#   verifiable facts. A system that profiles people in law enforcement or the administration
#   of justice (Annex III points 6 and 8) must therefore keep a person's assessment at the
#   centre: decision support with a human in the loop. Automated decisions, or oversight
#   that is absent or only on the loop, fail as a possible prohibited practice.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 5(1)(d) and Annex III points 6 and 8
#   - ref: https://www.gov.uk/government/publications/ai-playbook-for-the-uk-government
#     description: AI Playbook for the UK Government, principles 2 and 4
# custom:
#   id: CLS-004
#   severity: high
#   controls: [
#     "EU-AI-ACT:Art.5", "EU-AI-ACT:AnnexIII.6", "EU-AI-ACT:AnnexIII.8", "EU-AI-ACT:Art.14",
#     "UK-AI-PLAYBOOK:P4", "NIST-AI-RMF:MAP-3.5"]
#   remediation: >-
#     Make the system support a practitioner's assessment based on objective, verifiable
#     facts (decision-support, human-in-the-loop), or declare Art.5(1)(d) under
#     prohibited_practices and stop.
package ai_assure.rules.classification.crime_prediction

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.util

default applicable := false

applicable if {
	classification.profiling
	some area in classification.annex_iii_areas
	area in justice_areas
}

# justice_areas: the Annex III areas where offending-risk assessments are made.
justice_areas := {"law_enforcement", "administration_of_justice"}

_areas := util.join({a | some a in classification.annex_iii_areas; a in justice_areas})

_mode := util.manifest(["system", "human_oversight", "mode"])

# _why: what makes the assessment rest on the system alone.
_why contains "decisions are automated (solely_automated_decision or decision_role automated-decision)" if {
	classification.automated_decision
}

_why contains util.msg(["human oversight is ", _mode, ", not human-in-the-loop"]) if {
	util.present(_mode)
	_mode != "human-in-the-loop"
}

_why contains "no human oversight mode is set" if util.blank(_mode)

deny contains {"msg": msg, "path": ["system", "human_oversight", "mode"]} if {
	applicable
	count(_why) > 0
	msg := util.msg([
		"The system profiles natural persons in ", _areas, " and ", concat("; ", sort([w | some w in _why])),
		": an assessment of offending risk resting on profiling alone is prohibited by EU AI Act Art. 5(1)(d)",
	])
}
