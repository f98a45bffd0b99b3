# Red-team coverage: what the attack categories and strategies of a red-team report test,
# through the governance mapping in policies/ai_assure/redteam/data.yaml (loaded as
# data.ai_assure.redteam): tool-neutral attack classes (GEN-002), OWASP Top 10 for LLM
# Applications 2025 risks and MITRE ATLAS techniques (GEN-003).
package ai_assure.lib.redteam

import rego.v1

import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

# mappings: the governance mapping's entries; [] when none is loaded (nothing is covered).
default mappings := []

mappings := entries if {
	entries := data.ai_assure.redteam.mappings
	is_array(entries)
}

# owasp_title(id): "LLM01 Prompt Injection", or the id alone when the data has no title.
owasp_title(id) := util.msg([id, " ", title]) if {
	title := data.ai_assure.redteam.owasp_llm_2025[id]
	is_string(title)
} else := id

# matches(item): each {"kind", "name", "mapping"} where a category (kind "category") or
# strategy ("strategy") of the report starts with what a mapping for the report's tool names.
# (regopy cannot parse `some k, v in` inside a comprehension: one call per kind instead.)
matches(item) := _matches(item, "category", "categories") | _matches(item, "strategy", "strategies")

_matches(item, kind, fact) := {match |
	some name in util.list(evidence.fact(item, fact))
	is_string(name)
	some mapping in mappings
	is_object(mapping)
	_for_tool(item, object.get(mapping, "tool", null))
	prefix := object.get(mapping, kind, null)
	is_string(prefix)
	startswith(lower(_last_segment(name)), lower(prefix))
	match := {"kind": kind, "name": name, "mapping": mapping}
}

# classes(item): the tool-neutral attack classes the report tests.
classes(item) := {lower(class) |
	some match in matches(item)
	some class in util.list(object.get(match.mapping, "classes", []))
	is_string(class)
}

# _for_tool(item, tool): the mapping's tool is the report's (by prefix: "garak 0.17.1" is
# garak), or "*" for any.
_for_tool(_, "*")

_for_tool(item, tool) if {
	reported := evidence.fact(item, "tool")
	is_string(reported)
	is_string(tool)
	tool != "*"
	startswith(lower(reported), lower(tool))
}

# _last_segment(name): the part after the last "/" ("inspect_evals/strong_reject" ->
# "strong_reject"); the name itself when it has none.
_last_segment(name) := parts[count(parts) - 1] if {
	parts := split(name, "/")
}
