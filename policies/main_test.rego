package ai_assure.main_test

# main.result itself is evaluated end to end on the example systems by the Python test
# suite. It is not tested here with `with input...`: regopy compiles a `with` into a copy
# of every rule it reaches, and over the whole library that takes gigabytes.

import rego.v1

import data.ai_assure.main

test_outcome_is_normalised if {
	denied := {{"msg": "m", "path": ["a"]}}
	main._outcome({"deny": denied, "helper": 1}) == {"applicable": null, "deny": denied, "warn": set()}
	warned := {{"msg": "w"}}
	main._outcome({"applicable": true, "warn": warned}) == {"applicable": true, "deny": set(), "warn": warned}
}

test_outcome_passes_applicable_on_unchanged if {
	main._outcome({"applicable": "yes"}).applicable == "yes"
	main._outcome({"applicable": false}).applicable == false
}
