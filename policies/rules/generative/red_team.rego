# METADATA
# title: Generative AI has been red-teamed
# description: >-
#   Generative systems (foundation models, synthetic content, content generation)
#   can be steered into harmful, false or data-leaking output. Adversarial testing
#   (prompt injection, jailbreaks, PII leakage, harmful content) must be run and its
#   report kept. A report with no tests fails; failed tests warn until a re-run passes
#   them (a failure the organisation accepts needs an approved governance exception).
# related_resources:
#   - ref: https://www.gov.uk/government/publications/ai-cyber-security-code-of-practice
#     description: Code of Practice for the Cyber Security of AI, principle 9
#   - ref: https://genai.owasp.org/llm-top-10/
#     description: OWASP Top 10 for LLM applications
#   - ref: https://www.promptfoo.dev/docs/red-team/
#     description: promptfoo red teaming
# custom:
#   id: GEN-001
#   severity: high
#   controls: [
#     "UK-AI-CYBER-COP:P9", "UK-AI-CYBER-COP:P3", "EU-AI-ACT:Art.15", "ISO42001:A.6.2.4",
#     "NIST-AI-RMF:MEASURE-2.7", "NIST-AI-RMF:MEASURE-2.6", "UK-AI-PLAYBOOK:P3"]
#   remediation: >-
#     Run an adversarial test suite (e.g. promptfoo redteam) against the deployed
#     configuration and list the report under evidence.red_team.
package ai_assure.rules.generative.red_team

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if classification.generative

deny contains {"msg": msg, "path": ["evidence", "red_team"]} if {
	applicable
	not evidence.declared("red_team")
	msg := concat("", [
		"The system generates content but no red-team report is declared: run adversarial tests and",
		" list the report under evidence.red_team",
	])
}

deny contains {"msg": msg, "path": ["evidence", "red_team"]} if {
	applicable
	evidence.declared("red_team")
	not evidence.usable("red_team")
	msg := concat("", ["No declared red-team report can be used: ", evidence.problems("red_team")])
}

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("red_team")
	not _total(item) > 0
	msg := util.msg(["The red-team report ", item.path, " records no tests: it does not show that the system was tested"])
}

warn contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("red_team")
	failed := object.get(item, ["facts", "tests", "failed"], 0)
	is_number(failed)
	failed > 0
	msg := util.msg([
		"The red-team report ", item.path, " has ", failed, " failed tests out of ", _total(item),
		_categories(item), ": fix them and re-test (a failure you accept needs an approved exception",
		" for GEN-001, docs/exceptions.md)",
	])
}

_total(item) := total if {
	total := object.get(item, ["facts", "tests", "total"], 0)
	is_number(total)
} else := 0

_categories(item) := concat("", [" (categories tested: ", util.join(cats), ")"]) if {
	cats := util.list(evidence.fact(item, "categories"))
	count(cats) > 0
} else := ""
