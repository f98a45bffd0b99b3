# METADATA
# title: The common-control attestations are well-formed
# description: >-
#   Organisation-level controls are attested once by the governance team in the signed bundle
#   (data.ai_assure.attestations): who attested, when, until when and an https link to the
#   evidence; or decided not to apply, with the reason, who decided and when. Every system
#   inherits them. An incomplete entry counts for nothing, which would leave the control
#   open for every system without anyone noticing, so the gate fails instead.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, GOVERN 1.4 (transparent risk management policies and controls)
# custom:
#   id: CFG-004
#   severity: critical
#   controls: ["NIST-AI-RMF:GOVERN-1.4", "ISO42001:A.2.2"]
#   remediation: >-
#     Complete the entry in policies/ai_assure/attestations/data.yaml: control (FRAMEWORK:ID),
#     attested_by, attested_on, expires (on or after attested_on) and evidence (an https
#     link); or control, reason, decided_by and decided_on. Run ai-assure policy test and
#     publish the bundle again.
#   waivable: false
package ai_assure.rules.config.attestations

import rego.v1

import data.ai_assure.common_controls
import data.ai_assure.lib.util

applicable := true

_lists := ["controls", "not_applicable"]

default _attestations := {}

_attestations := data.ai_assure.attestations

deny contains {"msg": msg, "path": []} if {
	some list in _lists
	value := object.get(_attestations, list, [])
	not is_array(value)
	msg := util.msg(["The common-control attestations' ", list, " must be a list"])
}

deny contains {"msg": msg, "path": []} if {
	some list in _lists
	entries := common_controls.entries(list)
	some i, e in entries
	not common_controls.well_formed(list, e)
	msg := util.msg([
		"Common-control attestation ", list, "[", i, "] is incomplete or malformed and counts",
		" for nothing: ", _expected[list],
	])
}

_expected := {
	"controls": "control (FRAMEWORK:ID), attested_by, attested_on, expires (not before attested_on), evidence (https)",
	"not_applicable": "control (FRAMEWORK:ID), reason, decided_by, decided_on",
}
