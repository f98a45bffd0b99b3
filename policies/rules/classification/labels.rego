# METADATA
# title: The team's own classification labels agree with the facts
# description: >-
#   A team may record its own conclusions (eu_ai_act.declared: roles, category, prohibited
#   practices, Annex III areas). The classification never takes them over the facts: where a
#   label says less than the facts (a role, a higher category, a prohibited practice or an
#   Annex III area the facts establish), obligations would be missed, so it fails; where it
#   says more, it is advice. Facts that contradict each other (biometric facts that establish
#   an Annex III point the list omits) are advice too.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Articles 3, 5, 6 and 25, Annex III
# custom:
#   id: CLS-006
#   severity: high
#   controls: ["ISO42001:A.5.2", "NIST-AI-RMF:MAP-1.1", "NIST-AI-RMF:MAP-2.1"]
#   remediation: >-
#     Correct eu_ai_act.declared to what the facts establish, or remove it; if a fact is wrong,
#     correct the fact.
package ai_assure.rules.classification.labels

import rego.v1

import data.ai_assure.law.labels

applicable := true

deny contains {"msg": c.msg, "path": c.path} if {
	some c in labels.conflicts
	c.understates
}

warn contains {"msg": c.msg, "path": c.path} if {
	some c in labels.conflicts
	not c.understates
}
