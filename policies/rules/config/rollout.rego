# METADATA
# title: The staged rollout of rules is well-formed
# description: >-
#   The governance team stages a new rule's enforcement with dates in the signed bundle
#   (data.ai_assure.rollout.rules: per rule id, enforcement warn_from and fail_from). An entry
#   that is not an object, names another field, has a date that is not YYYY-MM-DD or fails
#   before it warns would be read differently by a reviewer than by the engine; the engine
#   ignores it (the rule stays enforced) and this rule fails the gate, so the bundle is
#   corrected before it is published.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, GOVERN 1.4 (transparent risk management policies and controls)
# custom:
#   id: CFG-003
#   severity: critical
#   controls: ["NIST-AI-RMF:GOVERN-1.4", "ISO42001:A.2.2"]
#   remediation: >-
#     Correct the entry in the staged rollout (policies/ai_assure/rollout/data.yaml): an
#     `enforcement` object with warn_from and/or fail_from dates (YYYY-MM-DD), warn_from
#     first. Run ai-assure policy test and publish the bundle again.
#   waivable: false
package ai_assure.rules.config.rollout

import rego.v1

import data.ai_assure.enforcement
import data.ai_assure.lib.util

applicable := true

default _rollout := {}

_rollout := data.ai_assure.rollout

_not_a_mapping := "The staged rollout's rules (data.ai_assure.rollout.rules) must be a mapping of rule ids"

deny contains {"msg": _not_a_mapping, "path": []} if {
	not is_object(object.get(_rollout, "rules", {}))
}

deny contains {"msg": msg, "path": []} if {
	rules := object.get(_rollout, "rules", {})
	is_object(rules)
	some id, entry in rules
	not enforcement.schedule(entry)
	msg := util.msg([
		"Staged rollout of ", id, ": `enforcement` must hold warn_from and/or fail_from",
		" (YYYY-MM-DD, nothing else), warn_from before fail_from; until it does, ", id,
		" is enforced",
	])
}
