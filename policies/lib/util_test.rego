package ai_assure.lib.util_test

import rego.v1

import data.ai_assure.lib.util

test_blank if {
	util.blank(null)
	util.blank("")
	util.blank(" \t")
	util.blank([])
	util.blank({})
	util.blank(set())
	not util.blank("x")
	not util.blank(0)
	not util.blank(false)
	not util.blank([null])
}

test_list if {
	util.list(["a"]) == ["a"]
	util.list("a") == ["a"]
	util.list(null) == []
	util.list("") == []
}

test_number_formats_the_same_everywhere if {
	util.number(30) == "30"
	util.number(0.61) == "0.61"
	util.number(0.905) == "0.905"
	util.number(-0.0625) == "-0.063"
	util.number(2.9999) == "3"
	util.number(-0.0001) == "0"
}

test_number_writes_whole_numbers_beyond_32_bits if {
	util.number(2147483648) == "2147483648"
	util.number(-2147483649) == "-2147483649"
	util.number(9007199254740992) == "9007199254740992"
	util.number(123456789012.5) == "123456789012.5"
	util.number(1e22) == "more than 10^21"
	util.number(-1e300) == "less than -10^21"
}

test_msg_and_join if {
	util.msg(["a ", 1, " ", true, " ", null, " ", 0.5]) == "a 1 true null 0.5"
	util.join({"b", "a", "c"}) == "a, b, c"
	util.join(["z", 2]) == "2, z"
}

test_models_and_datasets_carry_their_index if {
	m := {"models": [{"name": "a"}, "not an object", {"name": "b"}], "data": {"datasets": [{"name": "d"}]}}
	util.models == [{"index": 0, "model": {"name": "a"}}, {"index": 2, "model": {"name": "b"}}] with input.manifest as m
	util.datasets == [{"index": 0, "dataset": {"name": "d"}}] with input.manifest as m
}

test_norm_lowers_and_collapses_punctuation if {
	util.norm("Tier 2 - Risks, mitigations and impact assessments") == "tier 2 risks mitigations and impact assessments"
	util.norm("  conversation-logs_v2 ") == "conversation logs v2"
	not util.norm(3)
}

test_risks_carry_their_index if {
	m := {"risks": [{"id": "R-1"}, "not a risk", {"id": "R-3"}]}
	util.risks == [{"index": 0, "risk": {"id": "R-1"}}, {"index": 2, "risk": {"id": "R-3"}}] with input.manifest as m
}

test_text_writes_collections_without_json if {
	util.text(["a", 1, ["x"]]) == "[a, 1, [...]]"
	util.text({"b": 2, "a": {"c": 1}}) == "{a: {...}, b: 2}"
	util.text({"b", "a"}) == "[a, b]"
	util.text(true) == "true"
	util.text(null) == "null"
}

test_text_of_input_arrays_does_not_fail if {
	util.text(input.x) == "[1, {...}]" with input.x as [1, {"a": 2}]
}

test_strings_in_collects_values_and_keys_sorted if {
	util.strings_in({"b": ["x", {"y": 1}], "a": "z"}) == ["a", "b", "x", "y", "z"]
	util.strings_in("solo") == ["solo"]
	util.strings_in(input.r) == ["D1", "id", "text", "why"] with input.r as [{"id": "D1", "text": "why"}]
}
