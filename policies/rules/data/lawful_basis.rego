# METADATA
# title: Personal data has an Art. 6 lawful basis the organisation may rely on
# description: >-
#   Processing personal data under the UK GDPR needs a lawful basis in Art. 6(1), recorded by
#   the controller. A public authority performing its tasks cannot rely on legitimate
#   interests (Art. 6(1)(f)) or recognised legitimate interests (Art. 6(1)(ea)) (Art. 6(1),
#   last sentence).
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/6
#     description: UK GDPR Article 6
#   - ref: https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/
#     description: ICO guidance on lawful basis
# custom:
#   id: DATA-005
#   severity: high
#   controls: ["UK-GDPR:Art.6", "UK-GDPR:Art.5", "ISO42001:A.7.2", "NIST-AI-RMF:GOVERN-1.1"]
#   remediation: >-
#     Record uk_data_protection.lawful_basis; a public authority uses 6(1)(e) (public task)
#     or another basis open to it.
package ai_assure.rules.data.lawful_basis

import rego.v1

import data.ai_assure.law.facts
import data.ai_assure.law.uk
import data.ai_assure.lib.util

default applicable := false

applicable if {
	uk.gdpr
	uk.controller
}

_basis := facts.value("uk_data_protection.lawful_basis")

deny contains {"msg": msg, "path": ["uk_data_protection", "lawful_basis"]} if {
	applicable
	util.blank(_basis)
	msg := "Personal data is processed under the UK GDPR but uk_data_protection.lawful_basis is not recorded (Art. 6(1))"
}

deny contains {"msg": msg, "path": ["uk_data_protection", "lawful_basis"]} if {
	applicable
	_basis in {"6(1)(ea)", "6(1)(f)"}
	facts.yes("organisation.public_authority")
	msg := util.msg([
		"A public authority cannot rely on Art. ", _basis, " for processing in the performance of its tasks",
		" (UK GDPR Art. 6(1), last sentence): use the basis that fits, usually 6(1)(e) public task",
	])
}
