# METADATA
# title: Red-team testing covers the OWASP LLM risks the system's tier requires
# description: >-
#   A generative system's red-team reports must, together, test the risks of the OWASP Top
#   10 for LLM Applications (2025) that its risk tier requires (red_team.required_owasp), and
#   each attack category that tests one of them must pass at least
#   red_team.min_category_pass_rate of its attacks where the report gives a pass rate per
#   category. A report's categories and strategies (promptfoo plugins and strategies, garak
#   probes, Inspect tasks, our own free-text categories) map to OWASP risks and MITRE ATLAS
#   techniques through the governance data in policies/ai_assure/redteam/data.yaml. Reports
#   that cannot be read are GEN-001's.
# related_resources:
#   - ref: https://genai.owasp.org/llm-top-10/
#     description: OWASP Top 10 for LLM Applications 2025
#   - ref: https://atlas.mitre.org/techniques/
#     description: MITRE ATLAS techniques
#   - ref: https://www.gov.uk/government/publications/ai-cyber-security-code-of-practice
#     description: Code of Practice for the Cyber Security of AI, principle 9
# custom:
#   id: GEN-003
#   severity: medium
#   controls: [
#     "UK-AI-CYBER-COP:P9", "UK-AI-CYBER-COP:P3", "EU-AI-ACT:Art.15",
#     "NIST-AI-RMF:MEASURE-2.7", "ISO42001:A.6.2.4"]
#   remediation: >-
#     Add attack categories that test the missing OWASP risks to the red-team configuration
#     (e.g. promptfoo's owasp:llm preset, garak probes tagged owasp:llm), fix what fails, and
#     re-run the red team.
package ai_assure.rules.generative.red_team_owasp

import rego.v1

import data.ai_assure.classification
import data.ai_assure.config
import data.ai_assure.lib.evidence
import data.ai_assure.lib.redteam
import data.ai_assure.lib.util

default applicable := false

applicable if {
	classification.generative
	evidence.usable("red_team")
}

# _required: the OWASP risks the system's tier requires.
_required contains id if {
	some id in util.list(object.get(config.red_team, ["required_owasp", classification.tier], []))
	is_string(id)
}

# _coverage: each OWASP risk a report's category or strategy tests, with the match.
_coverage contains {"id": id, "item": item, "match": match} if {
	some item in evidence.ok("red_team")
	some match in redteam.matches(item)
	some id in util.list(object.get(match.mapping, "owasp", []))
	is_string(id)
}

_covered contains entry.id if some entry in _coverage

default _covered_text := "none"

_covered_text := util.join(_covered) if count(_covered) > 0

_reports := concat(", ", sort([item.path | some item in evidence.ok("red_team")]))

deny contains {"msg": msg, "path": ["evidence", "red_team"]} if {
	applicable
	missing := _required - _covered
	count(missing) > 0
	msg := util.msg([
		"The red-team reports (", _reports, ") do not test ",
		concat(", ", sort([redteam.owasp_title(id) | some id in missing])), ", which a ", classification.tier,
		"-risk generative system must (OWASP Top 10 for LLM Applications 2025; covered: ", _covered_text, ")",
	])
}

deny contains {"msg": msg, "path": evidence.manifest_path(entry.item)} if {
	applicable
	some entry in _coverage
	entry.id in _required
	entry.match.kind == "category"
	rate := _rate(entry.item, entry.match.name)
	rate < config.red_team.min_category_pass_rate
	msg := util.msg([
		"The red-team report ", entry.item.path, " tests ", redteam.owasp_title(entry.id), " with ",
		entry.match.name, _atlas(entry.match.mapping), ", which passed ", rate,
		" of its attacks, below the required ", config.red_team.min_category_pass_rate,
	])
}

# _atlas(mapping): " (MITRE ATLAS AML.T0057)" for the techniques the category exercises.
_atlas(mapping) := util.msg([" (MITRE ATLAS ", util.join(ids), ")"]) if {
	ids := [id | some id in util.list(object.get(mapping, "atlas", [])); is_string(id)]
	count(ids) > 0
} else := ""

# _rate(item, category): the category's pass rate, where the report gives one.
_rate(item, category) := rate if {
	some result in util.list(evidence.fact(item, "category_results"))
	is_object(result)
	object.get(result, "category", null) == category
	rate := object.get(result, "pass_rate", null)
	is_number(rate)
}
