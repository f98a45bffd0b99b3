# METADATA
# title: Every personal-data dataset is covered by the DPIA
# description: >-
#   A DPIA assesses specific processing. Each dataset marked personal_data (or
#   special_category_data) must be named in the DPIA (its processing description,
#   necessity and proportionality, risks or measures), so the assessment demonstrably
#   covers it; names are matched ignoring case and punctuation ("conversation-logs" matches
#   "conversation logs"). Fails high-risk systems and warns for the rest; without a readable
#   DPIA, DPIA-001 applies instead.
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/35
#     description: UK GDPR Article 35(7)(a), a systematic description of the processing
#   - ref: https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/
#     description: ICO guidance on DPIAs, step 2 describe the processing
# custom:
#   id: DATA-003
#   severity: medium
#   controls: ["UK-GDPR:Art.35", "UK-GDPR:Art.30", "ISO42001:A.5.3", "ISO42001:A.7.3", "NIST-AI-RMF:MEASURE-2.10"]
#   remediation: >-
#     Describe the processing of the dataset in the DPIA, naming it as it is named in
#     data.datasets, and have the change approved.
package ai_assure.rules.data.dpia_coverage

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

_personal := [d |
	some d in util.datasets
	_holds_personal_data(d.dataset)
]

_holds_personal_data(dataset) if dataset.personal_data == true

_holds_personal_data(dataset) if dataset.special_category_data == true

default applicable := false

applicable if {
	count(_personal) > 0
	classification.dpia_required
}

applicable if {
	count(_personal) > 0
	evidence.declared("dpia")
}

# _text(item): the DPIA's description of the processing, normalised, padded with spaces
# so whole words can be matched.
_text(item) := concat("", [" ", util.norm(concat(" ", _strings(item))), " "])

_strings(item) := util.strings_in([
	evidence.fact(item, "processing"),
	evidence.fact(item, "necessity_and_proportionality"),
	evidence.fact(item, "risks"),
	evidence.fact(item, "measures"),
])

_gaps contains {"msg": msg, "path": ["data", "datasets", d.index, "name"]} if {
	some item in evidence.ok("dpia")
	text := _text(item)
	some d in _personal
	name := object.get(d.dataset, "name", "")
	util.present(name)
	not contains(text, concat("", [" ", util.norm(name), " "]))
	msg := util.msg([
		"Dataset ", name, " holds personal data but the DPIA ", item.path, " does not name it:",
		" describe its processing in the DPIA under that name",
	])
}

deny contains gap if {
	applicable
	classification.high_risk
	some gap in _gaps
}

warn contains gap if {
	applicable
	not classification.high_risk
	some gap in _gaps
}
