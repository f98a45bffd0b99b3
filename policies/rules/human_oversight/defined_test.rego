package ai_assure.rules.human_oversight.defined_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.human_oversight.defined

test_defined_oversight_passes if {
	m := fx.manifest
	defined.applicable with input.manifest as m
	count(defined.deny) == 0 with input.manifest as m
	count(defined.warn) == 0 with input.manifest as m
}

test_high_risk_with_mode_none_is_denied if {
	m := fx.put(fx.manifest, ["system", "human_oversight", "mode"], "none")
	findings := defined.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["system", "human_oversight", "mode"]
	contains(f.msg, "The system is high-risk but system.human_oversight.mode is none")
}

test_mode_none_is_allowed_below_high_risk if {
	m := fx.put(fx.genai_manifest, ["system", "human_oversight", "mode"], "none")
	count(defined.deny) == 0 with input.manifest as m
}

test_missing_description_is_denied_for_limited_risk if {
	m := fx.put(fx.genai_manifest, ["system", "human_oversight"], {"mode": "human-on-the-loop"})
	findings := defined.deny with input.manifest as m
	some f in findings
	f.path == ["system", "human_oversight", "description"]
}

test_gaps_only_warn_for_minimal_risk if {
	m := fx.remove(fx.minimal_manifest, ["system", "human_oversight"])
	count(defined.deny) == 0 with input.manifest as m
	findings := defined.warn with input.manifest as m
	{f.path | some f in findings} == {["system", "human_oversight", "mode"], ["system", "human_oversight", "description"]}
}

test_unknown_mode_is_a_gap if {
	m := fx.put(fx.manifest, ["system", "human_oversight", "mode"], "occasional")
	findings := defined.deny with input.manifest as m
	some f in findings
	contains(f.msg, "mode occasional is not an oversight mode: choose one of human-in-the-loop, human-on-the-loop, none")
}
