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
