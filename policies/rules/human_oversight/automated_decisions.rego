# METADATA
# title: Significant automated decisions come with their safeguards
# description: >-
#   A decision with legal or similarly significant effects taken with no meaningful human
#   involvement (UK GDPR Art. 22A; DPA 2018 s. 50A under Part 3) needs safeguards: the person
#   is told about the decision, can make representations, can obtain human intervention and
#   can contest it (Art. 22C(2); DPA s. 50C(2); before Arts. 22A-22D commenced, Art. 22(3)).
#   The manifest lists them in uk_data_protection.automated_decision.safeguards. Decisions
#   with no significant effect, or with meaningful human involvement, are not in scope: a spam
#   filter does not need them.
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/22C
#     description: UK GDPR Article 22C (as inserted by the Data (Use and Access) Act 2025)
#   - ref: https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/automated-decision-making-and-profiling/
#     description: ICO guidance on automated decision-making and profiling
# custom:
#   id: HO-002
#   severity: high
#   controls: [
#     "UK-GDPR:Art.22", "UK-GDPR:Art.22A", "UK-GDPR:Art.22C", "UK-DPA-2018:s.50A",
#     "UK-DPA-2018:s.50C", "EU-AI-ACT:Art.14", "EU-AI-ACT:Art.86", "NIST-AI-RMF:MEASURE-3.3",
#     "UK-AI-PLAYBOOK:P4"]
#   remediation: >-
#     Put the four safeguards in place (information about the decision, representations, human
#     intervention, contest) and list them in uk_data_protection.automated_decision.safeguards;
#     describe how in system.human_oversight.art_22_safeguards.
package ai_assure.rules.human_oversight.automated_decisions

import rego.v1

import data.ai_assure.classification
import data.ai_assure.law.facts
import data.ai_assure.law.uk

default applicable := false

applicable if classification.automated_decision

safeguards := {"information", "representations", "human_intervention", "contest"}

_listed := {s | some s in facts.items("uk_data_protection.automated_decision.safeguards")}

default _law := "UK GDPR Art. 22(3)"

_law := "DPA 2018 s. 50C(2)" if {
	uk.part3
} else := "UK GDPR Art. 22C(2)" if {
	uk.duaa_in_force
}

deny contains {"msg": msg, "path": ["uk_data_protection", "automated_decision", "safeguards"]} if {
	applicable
	missing := safeguards - _listed
	count(missing) > 0
	msg := concat("", [
		"The system takes significant decisions with no meaningful human involvement, but these safeguards (",
		_law, ") are not listed in uk_data_protection.automated_decision.safeguards: ",
		concat(", ", sort([m | some m in missing])),
	])
}
