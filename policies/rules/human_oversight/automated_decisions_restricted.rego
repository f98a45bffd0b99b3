# METADATA
# title: No significant automated decision breaks the restrictions on them
# description: >-
#   A significant decision with no meaningful human involvement may not be based on special
#   category data unless the person gave explicit consent, or it is necessary for a contract or
#   required or authorised by law and Art. 9(2)(g) applies (UK GDPR Art. 22B(2), (3)); and may
#   not rely on recognised legitimate interests, Art. 6(1)(ea) (Art. 22B(4)). Under DPA 2018
#   Part 3 a decision based on sensitive processing needs consent or to be required or
#   authorised by law (s. 50B). Such a decision is unlawful whatever evidence is added.
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/22B
#     description: UK GDPR Article 22B (as inserted by the Data (Use and Access) Act 2025)
#   - ref: https://www.legislation.gov.uk/ukpga/2018/12/section/50B
#     description: Data Protection Act 2018 section 50B
# custom:
#   id: HO-003
#   severity: critical
#   controls: ["UK-GDPR:Art.22B", "UK-GDPR:Art.22", "UK-DPA-2018:s.50B", "UK-GDPR:Art.9", "NIST-AI-RMF:GOVERN-1.1"]
#   remediation: >-
#     Put a person meaningfully into the decision, or stop basing it on special category data
#     or Art. 6(1)(ea), or record the explicit consent or legal basis that allows it.
#   waivable: false
package ai_assure.rules.human_oversight.automated_decisions_restricted

import rego.v1

import data.ai_assure.classification
import data.ai_assure.law.uk
import data.ai_assure.lib.util

default applicable := false

applicable if classification.automated_decision

deny contains {"msg": msg, "path": ["uk_data_protection", "automated_decision"]} if {
	applicable
	some breach in uk.art_22b_breaches
	msg := util.msg(["The system takes significant decisions with no meaningful human involvement and ", breach])
}
