# METADATA
# title: A fundamental rights impact assessment is approved before deployment
# description: >-
#   EU AI Act Art. 27 requires deployers that are bodies governed by public law, or
#   that provide public services, to assess the impact on fundamental rights before
#   using a high-risk Annex III system (all points except 2, critical infrastructure),
#   and every deployer of an Annex III point 5(b) or 5(c) system to do the same. Applies
#   where Art. 27 binds the system's deployer (package ai_assure.law.obligations: the
#   organisation's facts, its roles and the Annex III points) and fails; advises where Art.
#   27 would bind (the Act does not reach the system but is the organisation's reference
#   framework) or will bind (before its date).
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 27
# custom:
#   id: FRIA-001
#   severity: high
#   controls: ["EU-AI-ACT:Art.27", "ISO42001:A.5.4", "ISO42001:A.5.5", "NIST-AI-RMF:MAP-5.1", "UK-AI-PLAYBOOK:P2"]
#   remediation: >-
#     Carry out the FRIA (process, period and frequency of use, affected people, risks of
#     harm, oversight, complaint and redress), have it approved, and list it under
#     evidence.fria.
package ai_assure.rules.fria.approved

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if classification.enforced("EU-AI-ACT:Art.27")

applicable if classification.advised("EU-AI-ACT:Art.27")

_gaps contains {"msg": msg, "path": ["evidence", "fria"]} if {
	applicable
	not evidence.declared("fria")
	msg := concat("", [
		"The system is a high-risk Annex III system used by a deployer but no fundamental rights impact",
		" assessment is declared: complete one and set evidence.fria",
	])
}

_gaps contains {"msg": msg, "path": ["evidence", "fria"]} if {
	applicable
	evidence.declared("fria")
	not evidence.usable("fria")
	msg := concat("", ["The FRIA cannot be used: ", evidence.problems("fria")])
}

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("fria")
	status := evidence.fact(item, "status")
	status != "approved"
	msg := util.msg(["The FRIA ", item.path, " has status ", status, ": it must be approved before the system is used"])
}

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("fria")
	util.blank(evidence.fact(item, "approved_by"))
	msg := util.msg(["The FRIA ", item.path, " does not record who approved it (approved_by)"])
}

deny contains gap if {
	classification.enforced("EU-AI-ACT:Art.27")
	some gap in _gaps
}

warn contains gap if {
	not classification.enforced("EU-AI-ACT:Art.27")
	some gap in _gaps
}
