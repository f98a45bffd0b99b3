package ai_assure.rules.manifest.representable_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.manifest.representable

test_a_manifest_without_problems_passes if {
	m := fx.manifest
	ctx := fx.context
	representable.applicable with input.manifest as m with input.context as ctx
	count(representable.deny) == 0 with input.manifest as m with input.context as ctx
}

test_each_problem_is_denied_at_its_manifest_path if {
	m := fx.manifest
	problems := [
		{"path": ["models", 0, "version"], "msg": _version_problem},
		{"path": ["risks", 0, "likelihood"], "msg": concat("", [
			"risks[0].likelihood: the number 5e-324 is subnormal ",
			"(closer to 0 than 2.2250738585072014e-308): not every evaluator holds it exactly, so rules see null",
		])},
	]
	ctx := fx.put(fx.context, ["input_problems"], problems)
	findings := representable.deny with input.manifest as m with input.context as ctx
	count(findings) == 2
	some f in findings
	f.path == ["models", 0, "version"]
	f.msg == _version_problem
}

_version_problem := concat("", [
	"models[0].version: the integer 9007199254740993 is beyond ±2^53 (9007199254740992): ",
	"not every evaluator holds it exactly, so rules see null",
])

test_a_context_without_the_list_passes if {
	m := fx.manifest
	ctx := {"as_of": "2026-11-26", "repo": "example", "commit": null}
	count(representable.deny) == 0 with input.manifest as m with input.context as ctx
}
