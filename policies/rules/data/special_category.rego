# METADATA
# title: Special category data is declared consistently and has its lawful condition
# description: >-
#   Special category data (UK GDPR Art. 9(1): racial or ethnic origin, political opinions,
#   beliefs, trade-union membership, genetic data, biometric data for identification, health,
#   sex life or orientation) may be processed only under an Art. 9(2) condition. Under the UK
#   GDPR, conditions (b), (h), (i) and (j) also need their Data Protection Act 2018 Schedule 1
#   Part 1 paragraph (1, 2, 3 or 4) and (g) a Part 2 paragraph (6-28) (DPA s. 10(2), (3)),
#   with an appropriate policy document where the paragraph requires one (Sch. 1 paras 1(1)(b),
#   5). Under DPA 2018 Part 3 (law enforcement) sensitive processing needs consent or strict
#   necessity with a Schedule 8 condition, and an appropriate policy document (ss. 35, 42). The
#   manifest says the same thing in uk_data_protection and on the datasets that hold it.
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/9
#     description: UK GDPR Article 9
#   - ref: https://www.legislation.gov.uk/ukpga/2018/12/schedule/1
#     description: Data Protection Act 2018, Schedule 1
#   - ref: https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/special-category-data/
#     description: ICO guidance on special category data
# custom:
#   id: DATA-002
#   severity: high
#   controls: [
#     "UK-GDPR:Art.9", "UK-DPA-2018:s.10", "UK-DPA-2018:s.35", "UK-DPA-2018:s.42",
#     "EU-AI-ACT:Art.10", "ISO42001:A.7.2", "NIST-AI-RMF:MEASURE-2.10", "UK-ATRS:Tier2.4.3"]
#   remediation: >-
#     Mark special_category_data (and personal_data) on every dataset that holds it and in
#     uk_data_protection, and record the condition: art_9 (condition, Schedule 1 part and
#     paragraph, appropriate policy document) or, for Part 3, part_3_sensitive.
package ai_assure.rules.data.special_category

import rego.v1

import data.ai_assure.classification
import data.ai_assure.law.facts
import data.ai_assure.law.uk
import data.ai_assure.lib.util

default applicable := false

applicable if classification.special_category_data

_declared if facts.yes("uk_data_protection.special_category_data")

_marked := [d | some d in util.datasets; d.dataset.special_category_data == true]

# --- UK GDPR Art. 9(2) and DPA 2018 Schedule 1 -----------------------------------------------

_a9(id) := facts.value(concat("", ["uk_data_protection.art_9.", id]))

_path(id) := ["uk_data_protection", "art_9", id]

_condition := _a9("condition")

_spec := data.ai_assure.legal.art_9_conditions[_condition]

_paragraph := _a9("sch1_paragraph")

_sch1 := data.ai_assure.legal.sch1_paragraphs[util.number(_paragraph)] if is_number(_paragraph)

_gdpr if {
	applicable
	uk.gdpr
}

_part1_matches if {
	_a9("sch1_part") == 1
	_paragraph == _spec.paragraph
}

_part2_matches if {
	_a9("sch1_part") == 2
	_sch1.part == 2
}

default _apd_exception := ""

_apd_exception := ", except for the disclosure the paragraph names" if _sch1.apd == "except_disclosure"

# --- DPA 2018 Part 3: sensitive processing for law enforcement --------------------------------

_p3(id) := facts.value(concat("", ["uk_data_protection.part_3_sensitive.", id]))

_part3 if {
	applicable
	uk.part3
}

_sch8_valid if {
	p := _p3("sch8_paragraph")
	is_number(p)
	data.ai_assure.legal.sch8_paragraphs[util.number(p)]
}

deny contains {"msg": msg, "path": ["data", "datasets"]} if {
	applicable
	_declared
	count(_marked) == 0
	count(util.datasets) > 0
	msg := concat("", [
		"uk_data_protection.special_category_data is true but no dataset is marked",
		" special_category_data: true: mark the datasets that hold it",
	])
}

deny contains {"msg": msg, "path": ["uk_data_protection", "special_category_data"]} if {
	applicable
	not _declared
	msg := util.msg([
		"Dataset ", util.join([object.get(d.dataset, "name", d.index) | some d in _marked]),
		" holds special category data but uk_data_protection.special_category_data is not true: set it",
	])
}

deny contains {"msg": msg, "path": ["data", "datasets", d.index, "personal_data"]} if {
	applicable
	some d in _marked
	object.get(d.dataset, "personal_data", false) != true
	msg := util.msg([
		"Dataset ", object.get(d.dataset, "name", d.index), " holds special category data but is not marked",
		" personal_data: true: special category data is personal data",
	])
}

deny contains {"msg": msg, "path": _path("condition")} if {
	_gdpr
	util.blank(_condition)
	msg := concat("", [
		"Special category data is processed under the UK GDPR but uk_data_protection.art_9.condition is",
		" not recorded: give the Art. 9(2) condition relied on, e.g. \"9(2)(g)\"",
	])
}

deny contains {"msg": msg, "path": _path("sch1_paragraph")} if {
	_gdpr
	_spec.sch1 == "part1"
	not _part1_matches
	msg := util.msg([
		"Art. ", _condition, " (", _spec.title, ") needs the DPA 2018 Schedule 1 Part 1 condition in",
		" paragraph ", _spec.paragraph, " (DPA s. 10(2)): set art_9.sch1_part: 1 and sch1_paragraph: ",
		_spec.paragraph,
	])
}

deny contains {"msg": msg, "path": _path("sch1_paragraph")} if {
	_gdpr
	_spec.sch1 == "part2"
	not _part2_matches
	msg := util.msg([
		"Art. ", _condition, " (substantial public interest) needs a DPA 2018 Schedule 1 Part 2 condition,",
		" paragraphs 6 to 28 (DPA s. 10(3)): set art_9.sch1_part: 2 and the sch1_paragraph relied on",
	])
}

deny contains {"msg": msg, "path": _path("apd")} if {
	_gdpr
	_spec.sch1 != "none"
	_sch1.apd != false
	_a9("apd") != true
	msg := util.msg([
		"The Schedule 1 condition relied on (paragraph ", _paragraph, ", ", _sch1.title, ") needs an",
		" appropriate policy document (DPA 2018 Sch. 1 paras 1(1)(b), 5 and Part 4", _apd_exception, "):",
		" set art_9.apd: true once it is in place",
	])
}

deny contains {"msg": msg, "path": ["uk_data_protection", "part_3_sensitive", "basis"]} if {
	_part3
	not _p3("basis") in {"consent", "strictly_necessary"}
	msg := concat("", [
		"Sensitive processing for law enforcement needs the data subject's consent or strict necessity",
		" (DPA 2018 s. 35(4), (5)): record uk_data_protection.part_3_sensitive.basis",
	])
}

deny contains {"msg": msg, "path": ["uk_data_protection", "part_3_sensitive", "sch8_paragraph"]} if {
	_part3
	_p3("basis") == "strictly_necessary"
	not _sch8_valid
	msg := concat("", [
		"Sensitive processing that is strictly necessary for law enforcement needs a DPA 2018 Schedule 8",
		" condition (s. 35(5)(b)): record part_3_sensitive.sch8_paragraph (1 to 9)",
	])
}

deny contains {"msg": msg, "path": ["uk_data_protection", "part_3_sensitive", "apd"]} if {
	_part3
	_p3("apd") != true
	msg := concat("", [
		"Sensitive processing for law enforcement needs an appropriate policy document (DPA 2018",
		" ss. 35(4)(b), 35(5)(c), 42): set part_3_sensitive.apd: true once it is in place",
	])
}
