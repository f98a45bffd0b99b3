# METADATA
# title: Special category data is declared consistently and has an Art. 9(2) condition
# description: >-
#   Special category data (health, ethnicity, biometrics and the other UK GDPR Art. 9(1)
#   categories) makes a system high-risk here and may be processed only under an Art. 9(2)
#   condition (with the Data Protection Act 2018 Schedule 1 conditions where they apply).
#   The manifest must say the same thing in classification.uk_gdpr and on the datasets that
#   hold it, a dataset with special category data holds personal data, and the DPIA must
#   name the condition relied on.
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/9
#     description: UK GDPR Article 9
#   - ref: https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/special-category-data/
#     description: ICO guidance on special category data
# custom:
#   id: DATA-002
#   severity: high
#   controls: [
#     "UK-GDPR:Art.9", "UK-GDPR:Art.35", "EU-AI-ACT:Art.10", "ISO42001:A.7.2",
#     "NIST-AI-RMF:MEASURE-2.10", "UK-ATRS:Tier2.4.3"]
#   remediation: >-
#     Mark special_category_data (and personal_data) on every dataset that holds it and in
#     classification.uk_gdpr, and name the Art. 9(2) condition (and DPA 2018 Schedule 1
#     condition) in the DPIA's necessity and proportionality.
package ai_assure.rules.data.special_category

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if classification.special_category_data

_declared if util.manifest(["classification", "uk_gdpr", "special_category_data"]) == true

_marked := [d | some d in util.datasets; d.dataset.special_category_data == true]

deny contains {"msg": msg, "path": ["data", "datasets"]} if {
	applicable
	_declared
	count(_marked) == 0
	msg := concat("", [
		"classification.uk_gdpr.special_category_data is true but no dataset is marked",
		" special_category_data: true: mark the datasets that hold it",
	])
}

deny contains {"msg": msg, "path": ["classification", "uk_gdpr", "special_category_data"]} if {
	applicable
	not _declared
	msg := util.msg([
		"Dataset ", util.join([object.get(d.dataset, "name", d.index) | some d in _marked]),
		" holds special category data but classification.uk_gdpr.special_category_data is not true: set it",
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

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("dpia")
	not _names_condition(item)
	msg := util.msg([
		"The DPIA ", item.path, " does not name the UK GDPR Art. 9(2) condition (or DPA 2018 Schedule 1",
		" condition) for processing special category data: record it in necessity_and_proportionality",
	])
}

# An Art. 9(2) condition named in the DPIA: "Article 9(2)(g)", "Art. 9(2)", or a DPA 2018
# Schedule 1 condition.
_names_condition(item) if {
	text := lower(concat(" ", util.strings_in([
		evidence.fact(item, "necessity_and_proportionality"),
		evidence.fact(item, "processing"),
	])))
	regex.match(`art(icle)?\.? ?9 ?\(2\)|schedule 1`, text)
}
