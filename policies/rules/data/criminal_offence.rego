# METADATA
# title: Criminal offence data has a lawful basis
# description: >-
#   Personal data about criminal convictions and offences (including alleged offences,
#   proceedings and sentencing: DPA 2018 s. 11(2)) may be processed under the UK GDPR only
#   under the control of official authority, or when a condition in DPA 2018 Schedule 1 Part 1,
#   2 or 3 authorises it (UK GDPR Art. 10; DPA s. 10(5)), with an appropriate policy document
#   where the paragraph requires one. The manifest records which in
#   uk_data_protection.art_10. Processing for law enforcement by a competent authority is
#   governed by DPA 2018 Part 3 instead and is not checked here.
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/10
#     description: UK GDPR Article 10
#   - ref: https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/criminal-offence-data/
#     description: ICO guidance on criminal offence data
# custom:
#   id: DATA-004
#   severity: high
#   controls: ["UK-GDPR:Art.10", "UK-DPA-2018:s.10", "ISO42001:A.7.2", "NIST-AI-RMF:MAP-4.1"]
#   remediation: >-
#     Record uk_data_protection.art_10: basis official_authority, or sch1 with the Schedule 1
#     part and paragraph relied on and whether the appropriate policy document is in place.
package ai_assure.rules.data.criminal_offence

import rego.v1

import data.ai_assure.classification
import data.ai_assure.law.facts
import data.ai_assure.law.uk
import data.ai_assure.lib.util

default applicable := false

applicable if {
	classification.criminal_offence_data
	uk.gdpr
}

_a10(id) := facts.value(concat("", ["uk_data_protection.art_10.", id]))

_path(id) := ["uk_data_protection", "art_10", id]

_paragraph := _a10("sch1_paragraph")

_sch1 := data.ai_assure.legal.sch1_paragraphs[util.number(_paragraph)] if is_number(_paragraph)

_matches if _sch1.part == _a10("sch1_part")

deny contains {"msg": msg, "path": _path("basis")} if {
	applicable
	not _a10("basis") in {"official_authority", "sch1"}
	msg := concat("", [
		"Criminal offence data is processed under the UK GDPR but uk_data_protection.art_10.basis is not",
		" recorded: official_authority, or sch1 with the DPA 2018 Schedule 1 condition (Art. 10; DPA s. 10(5))",
	])
}

deny contains {"msg": msg, "path": _path("sch1_paragraph")} if {
	applicable
	_a10("basis") == "sch1"
	not _matches
	msg := util.msg([
		"art_10.basis is sch1 but sch1_part (", _a10("sch1_part"), ") and sch1_paragraph (", _paragraph,
		") do not name a DPA 2018 Schedule 1 condition: give its part and paragraph",
	])
}

deny contains {"msg": msg, "path": _path("apd")} if {
	applicable
	_a10("basis") == "sch1"
	_matches
	_sch1.apd != false
	_a10("apd") != true
	msg := util.msg([
		"The Schedule 1 condition relied on for criminal offence data (paragraph ", _paragraph, ", ",
		_sch1.title, ") needs an appropriate policy document (DPA 2018 Sch. 1 Part 4): set art_10.apd: true",
	])
}
