package ai_assure.rules.generative.red_team_owasp_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.generative.red_team_owasp

# promptfoo plugins covering LLM01, LLM02 and LLM09: what a limited-risk chatbot needs.
_covering := fx.put(
	fx.genai_evidence, ["red_team", 0, "facts", "categories"],
	["hallucination", "pii:direct", "prompt-injection"],
)

# (regopy cannot parse `some k, v in` inside a comprehension: keys, then values.)
_results(rates) := [{"category": c, "total": 10, "passed": 10, "failed": 0, "pass_rate": rates[c]} |
	some c in object.keys(rates)
]

test_a_report_covering_the_tier_passes if {
	m := fx.genai_manifest
	ev := _covering
	red_team_owasp.applicable with input.manifest as m with input.evidence as ev
	count(red_team_owasp.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_not_applicable_without_generation if {
	m := fx.manifest
	ev := fx.evidence
	not red_team_owasp.applicable with input.manifest as m with input.evidence as ev
}

test_not_applicable_without_a_readable_report if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["red_team"], [fx.missing("red_team", "reports/redteam.json")])
	not red_team_owasp.applicable with input.manifest as m with input.evidence as ev
}

test_missing_owasp_risks_are_denied_with_their_titles if {
	m := fx.genai_manifest
	ev := fx.genai_evidence
	findings := red_team_owasp.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.path == ["evidence", "red_team"]
	f.msg == concat("", [
		"The red-team reports (reports/redteam.json) do not test LLM09 Misinformation, which a limited-risk",
		" generative system must (OWASP Top 10 for LLM Applications 2025; covered: LLM01, LLM02)",
	])
}

test_categories_map_through_the_tool_that_wrote_them if {
	# garak's probe classes are not promptfoo plugin ids: a garak report maps with garak's names
	m := fx.genai_manifest
	probes := ["leakreplay.LiteratureCloze", "misleading.FalseAssertion", "promptinject.HijackHateHumans"]
	ev := json.patch(fx.genai_evidence, [
		{"op": "replace", "path": ["red_team", 0, "facts", "tool"], "value": "garak 0.17.1"},
		{"op": "replace", "path": ["red_team", 0, "facts", "categories"], "value": probes},
	])
	count(red_team_owasp.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_a_category_below_its_pass_rate_is_denied if {
	m := fx.genai_manifest
	ev := fx.put(
		_covering, ["red_team", 0, "facts", "category_results"],
		_results({"hallucination": 1, "pii:direct": 0.5, "prompt-injection": 0.95}),
	)
	findings := red_team_owasp.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.path == ["evidence", "red_team", 0]
	f.msg == concat("", [
		"The red-team report reports/redteam.json tests LLM02 Sensitive Information Disclosure with",
		" pii:direct (MITRE ATLAS AML.T0057), which passed 0.5 of its attacks, below the required 0.9",
	])
}

test_a_strategy_covers_what_it_attacks_with if {
	# promptfoo's base64 strategy obfuscates its attacks: prompt injection (LLM01) is tested
	m := fx.genai_manifest
	ev := json.patch(fx.genai_evidence, [
		{"op": "replace", "path": ["red_team", 0, "facts", "categories"], "value": ["hallucination", "pii:direct"]},
		{"op": "add", "path": ["red_team", 0, "facts", "strategies"], "value": ["base64"]},
	])
	count(red_team_owasp.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_a_strategy_has_no_pass_rate_of_its_own if {
	# a category named like a strategy is not the strategy: only categories carry pass rates
	m := fx.genai_manifest
	ev := json.patch(_covering, [
		{"op": "add", "path": ["red_team", 0, "facts", "strategies"], "value": ["jailbreak"]},
		{"op": "add", "path": ["red_team", 0, "facts", "category_results"], "value": _results({"jailbreak": 0.1})},
	])
	count(red_team_owasp.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_an_inspect_task_maps_by_its_name_after_the_registry if {
	m := fx.genai_manifest
	ev := json.patch(fx.genai_evidence, [
		{"op": "replace", "path": ["red_team", 0, "facts", "tool"], "value": "inspect_ai 0.3.285"},
		{
			"op": "replace", "path": ["red_team", 0, "facts", "categories"],
			"value": ["inspect_evals/cyse2_prompt_injection", "inspect_evals/simpleqa", "refusal_check"],
		},
	])
	findings := red_team_owasp.deny with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "do not test LLM02 Sensitive Information Disclosure, which a limited-risk")
	contains(f.msg, "covered: LLM01, LLM09)")
}

test_the_requirements_come_from_the_configuration if {
	m := fx.genai_manifest
	ev := fx.genai_evidence
	cfg := fx.config_put(["red_team", "required_owasp", "limited"], ["LLM01"])
	count(red_team_owasp.deny) == 0 with input.manifest as m with input.evidence as ev
		with data.ai_assure.config as cfg
}

test_a_high_risk_generative_system_needs_more if {
	m := fx.genai_manifest
	ev := _covering
	findings := red_team_owasp.deny with input.manifest as m with input.evidence as ev
		with data.ai_assure.classification.tier as "high"
	some f in findings
	contains(f.msg, "do not test LLM05 Improper Output Handling, LLM06 Excessive Agency, LLM07 System Prompt Leakage")
	contains(f.msg, "which a high-risk generative system must")
}

test_without_the_mapping_nothing_is_covered if {
	m := fx.genai_manifest
	ev := _covering
	findings := red_team_owasp.deny with input.manifest as m with input.evidence as ev
		with data.ai_assure.redteam as {}
	some f in findings
	contains(f.msg, "covered: none")
}
