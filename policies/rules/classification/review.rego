# METADATA
# title: Contested points of law the classification depends on are reviewed
# description: >-
#   Where the law is unclear or contested (what is obvious AI under Art. 50(1), whether every
#   public authority is a body governed by public law under Art. 27(1), the breadth of the
#   Annex III 5(b) fraud carve-out, actuarial tools and Art. 5(1)(d), the reach of Art.
#   2(1)(c), the Art. 6(3) test, the Digital Omnibus), the classification states the reading
#   it takes and never decides the point silently: each is advice for a lawyer or the DPO to
#   review, with the citation.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act)
# custom:
#   id: CLS-007
#   severity: medium
#   controls: ["NIST-AI-RMF:GOVERN-1.1"]
#   remediation: >-
#     Have a lawyer or the DPO review the point and keep the outcome with the system's
#     governance records; correct the facts if the review changes them. The warning is
#     advice: it stays while the classification rests on a contested point, and never fails
#     the check.
package ai_assure.rules.classification.review

import rego.v1

import data.ai_assure.law.review
import data.ai_assure.lib.util

applicable := true

warn contains {"msg": msg, "path": r.path} if {
	some r in review.points
	msg := util.msg(["For legal review (", r.citation, "): ", r.text])
}
