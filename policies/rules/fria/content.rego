# METADATA
# title: The FRIA covers every element EU AI Act Art. 27(1) requires
# description: >-
#   A fundamental rights impact assessment must describe the process the system is used in
#   (Art. 27(1)(a)), the categories of people affected (c), the specific risks of harm to
#   them (d), the human oversight measures (e) and what is done if the risks materialise,
#   including internal governance and complaint mechanisms (f). Each readable FRIA must
#   fill processing, affected_groups, specific_risks, oversight_measures and
#   complaint_mechanism. Applies where FRIA-001 does.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 27(1)
# custom:
#   id: FRIA-002
#   severity: high
#   controls: [
#     "EU-AI-ACT:Art.27", "ISO42001:A.5.4", "ISO42001:A.5.3", "NIST-AI-RMF:MAP-1.1",
#     "NIST-AI-RMF:MEASURE-3.3", "UK-AI-PLAYBOOK:P2"]
#   remediation: >-
#     Complete the missing FRIA fields (affected_groups, specific_risks, oversight_measures,
#     complaint_mechanism, processing) and have the FRIA re-approved.
package ai_assure.rules.fria.content

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if classification.enforced("EU-AI-ACT:Art.27")

applicable if classification.advised("EU-AI-ACT:Art.27")

# elements: each FRIA fact and the Art. 27(1) point it answers.
elements := {
	"processing": "27(1)(a) the process the system is used in",
	"affected_groups": "27(1)(c) the people affected",
	"specific_risks": "27(1)(d) the specific risks of harm",
	"oversight_measures": "27(1)(e) human oversight",
	"complaint_mechanism": "27(1)(f) complaints and redress",
}

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("fria")
	missing := {util.msg([field, " (Art. ", elements[field], ")"]) |
		some field in object.keys(elements)
		_missing(item, field)
	}
	count(missing) > 0
	msg := util.msg(["The FRIA ", item.path, " does not cover: ", concat("; ", sort([m | some m in missing]))])
}

_missing(item, field) if field in util.list(evidence.fact(item, "missing_fields"))

_missing(item, field) if util.blank(evidence.fact(item, field))

deny contains gap if {
	classification.enforced("EU-AI-ACT:Art.27")
	some gap in _gaps
}

warn contains gap if {
	not classification.enforced("EU-AI-ACT:Art.27")
	some gap in _gaps
}
