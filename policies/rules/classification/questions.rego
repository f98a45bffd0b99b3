# METADATA
# title: Every fact the classification turns on is answered
# description: >-
#   The classification is derived from facts (docs/classification.md). A fact that could
#   decide the EU AI Act category, scope, roles or binding obligations, or a UK
#   data-protection trigger, and is left unanswered (null or missing) is a question the team
#   must answer: until it is, the system is not classified lower than it might be. Each open
#   question is one failure at its manifest path, with the question in plain language and the
#   provision it answers. `ai-assure classify --explain-unknowns` lists them.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Articles 2, 3, 5, 6 and 50, Annexes I and III
#   - ref: https://www.legislation.gov.uk/eur/2016/679/contents
#     description: UK GDPR (as amended by the Data (Use and Access) Act 2025)
# custom:
#   id: CLS-005
#   severity: high
#   controls: ["ISO42001:A.5.2", "NIST-AI-RMF:MAP-1.1", "NIST-AI-RMF:GOVERN-1.1"]
#   remediation: >-
#     Answer each question in ai-manifest.yaml (true/false, a value or a list; [] for none of
#     these). `ai-assure classify --explain-unknowns` lists them; `ai-assure migrate` writes
#     each into a version 1 manifest.
#   waivable: false
package ai_assure.rules.classification.questions

import rego.v1

import data.ai_assure.law.questions as open_questions
import data.ai_assure.lib.util

applicable := true

deny contains {"msg": _message(q), "path": q.path} if {
	some q in open_questions.list
}

_message(q) := util.msg(["Answered unsure, which cannot be classified (", q.cite, "): ", q.question]) if {
	q.fact in open_questions.unusable
} else := util.msg(["Unanswered, ", q.cite, ": ", q.question])
