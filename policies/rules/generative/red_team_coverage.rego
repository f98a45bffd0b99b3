# METADATA
# title: Red-team testing covers the required attacks and mostly passes
# description: >-
#   A red-team report shows a generative system resists attack only if it tried the
#   attacks that matter and the system withstood nearly all of them. Each readable report
#   must cover the configured attack classes (red_team.required_categories) and pass at
#   least the configured share of its tests (red_team.min_pass_rate). A class is covered by
#   a category or strategy whose name starts with it (pii covers pii-leak and pii:direct),
#   or that the red-team mapping (policies/ai_assure/redteam/data.yaml) gives that class in
#   the report's tool (garak's dan.Dan_11_0 is a jailbreak). Reports without tests are
#   GEN-001's.
# related_resources:
#   - ref: https://www.gov.uk/government/publications/ai-cyber-security-code-of-practice
#     description: Code of Practice for the Cyber Security of AI, principle 9
#   - ref: https://genai.owasp.org/llm-top-10/
#     description: OWASP Top 10 for LLM applications (LLM01 prompt injection, LLM02 sensitive information disclosure)
#   - ref: https://www.promptfoo.dev/docs/red-team/
#     description: promptfoo red-team plugins and strategies
# custom:
#   id: GEN-002
#   severity: medium
#   controls: [
#     "UK-AI-CYBER-COP:P9", "UK-AI-CYBER-COP:P3", "EU-AI-ACT:Art.15", "EU-AI-ACT:Art.55",
#     "NIST-AI-RMF:MEASURE-2.7", "ISO42001:A.6.2.4"]
#   remediation: >-
#     Add the missing attack categories to the red-team configuration, fix the failures until
#     the pass rate meets the required one, and re-run the red team.
package ai_assure.rules.generative.red_team_coverage

import rego.v1

import data.ai_assure.classification
import data.ai_assure.config
import data.ai_assure.lib.evidence
import data.ai_assure.lib.redteam
import data.ai_assure.lib.util

default applicable := false

applicable if classification.generative

# _tests(item): the report's test counts; {} when it has none (the adapter gives null for a
# report without tests, and object.get on null would be a policy error).
default _tests(_) := {}

_tests(item) := tests if {
	tests := object.get(item, ["facts", "tests"], {})
	is_object(tests)
}

_tested contains item if {
	some item in evidence.ok("red_team")
	total := object.get(_tests(item), "total", 0)
	is_number(total)
	total > 0
}

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in _tested
	total := _tests(item).total
	is_number(total)
	total > 0
	passed := object.get(_tests(item), "passed", 0)
	is_number(passed)
	rate := passed / total
	rate < config.red_team.min_pass_rate
	msg := util.msg([
		"The red-team report ", item.path, " passed ", passed, " of ", total, " tests (", rate,
		"), below the required pass rate of ", config.red_team.min_pass_rate,
	])
}

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in _tested
	missing := {c | some c in config.red_team.required_categories; not _covered(item, c)}
	count(missing) > 0
	msg := util.msg([
		"The red-team report ", item.path, " does not cover the attack categories: ", util.join(missing),
		" (covered: ", _tested_names(item), ")",
	])
}

# _names(item): the report's attack categories and strategies.
_names(item) := array.concat(
	util.list(evidence.fact(item, "categories")),
	util.list(evidence.fact(item, "strategies")),
)

_tested_names(item) := util.join(_names(item)) if {
	count(_names(item)) > 0
} else := "none"

_covered(item, required) if {
	is_string(required)
	some name in _names(item)
	is_string(name)
	startswith(lower(name), lower(required))
}

_covered(item, required) if {
	is_string(required)
	lower(required) in redteam.classes(item)
}
