package ai_assure.main_test

# main.result itself is evaluated end to end on the example systems by the Python test
# suite. It is not tested here with `with input...`: regopy compiles a `with` into a copy
# of every rule it reaches, and over the whole library that takes gigabytes.

import rego.v1

import data.ai_assure.main

test_outcome_is_normalised if {
	main._outcome({"deny": {{"msg": "m", "path": ["a"]}}, "helper": 1}) == {"applicable": null, "deny": {{"msg": "m", "path": ["a"]}}, "warn": set()}
	main._outcome({"applicable": true, "warn": {{"msg": "w"}}}) == {"applicable": true, "deny": set(), "warn": {{"msg": "w"}}}
}

test_outcome_passes_applicable_on_unchanged if {
	main._outcome({"applicable": "yes"}).applicable == "yes"
	main._outcome({"applicable": false}).applicable == false
}
