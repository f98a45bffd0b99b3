package ai_assure.lib.redteam_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.lib.redteam

_report(tool, categories, strategies) := fx.item("red_team", "reports/redteam.json", facts) if {
	facts := {"tool": tool, "categories": categories, "strategies": strategies}
}

test_categories_and_strategies_match_the_mappings_of_their_tool if {
	item := _report("promptfoo", ["pii:direct"], ["jailbreak:composite"])
	{[m.kind, m.name, m.mapping.owasp] | some m in redteam.matches(item)} == {
		["category", "pii:direct", ["LLM02"]],
		["strategy", "jailbreak:composite", ["LLM01"]],
	}
}

test_a_name_only_another_tool_uses_matches_nothing if {
	item := _report("garak 0.17.1", ["hijacking"], ["base64"])
	count(redteam.matches(item)) == 0
}

test_any_tool_mappings_read_free_text_categories if {
	item := _report("internal harness 2.1", ["Prompt-Injection-Suite"], [])
	redteam.classes(item) == {"prompt-injection"}
}

test_classes_are_tool_neutral if {
	item := _report("garak 0.17.1", ["dan.Dan_11_0", "lmrc.Profanity", "promptinject.HijackHateHumans"], [])
	redteam.classes(item) == {"harmful", "jailbreak", "prompt-injection"}
}

test_malformed_facts_and_mappings_match_nothing if {
	bad_facts := _report(null, [7, null], "jailbreak")
	count(redteam.matches(bad_facts)) == 0
	item := _report("promptfoo", ["pii:direct"], [])
	count(redteam.matches(item)) == 0 with data.ai_assure.redteam.mappings as [1, {"tool": 2, "category": "pii"}]
	count(redteam.matches(item)) == 0 with data.ai_assure.redteam.mappings as "pii"
}

test_an_owasp_title_needs_the_data if {
	redteam.owasp_title("LLM07") == "LLM07 System Prompt Leakage"
	redteam.owasp_title("LLM11") == "LLM11"
}
