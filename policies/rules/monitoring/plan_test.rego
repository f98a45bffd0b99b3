package ai_assure.rules.monitoring.plan_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.monitoring.plan

test_plan_present_passes if {
	m := fx.manifest
	ev := fx.evidence
	plan.applicable with input.manifest as m
	count(plan.deny) == 0 with input.manifest as m with input.evidence as ev
	count(plan.warn) == 0 with input.manifest as m with input.evidence as ev
}

test_high_risk_without_plan_is_denied if {
	m := fx.remove(fx.manifest, ["evidence", "monitoring_plan"])
	ev := fx.put(fx.evidence, ["monitoring_plan"], [])
	findings := plan.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.path == ["evidence", "monitoring_plan"]
	contains(f.msg, "No monitoring plan is declared")
}

test_missing_plan_file_is_named if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["monitoring_plan"], [fx.missing("monitoring_plan", "docs/monitoring.md")])
	findings := plan.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == "The monitoring plan cannot be used: docs/monitoring.md does not exist (see EVID-001)"
}

test_limited_risk_without_plan_warns if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["monitoring_plan"], [])
	count(plan.deny) == 0 with input.manifest as m with input.evidence as ev
	count(plan.warn) == 1 with input.manifest as m with input.evidence as ev
}

test_minimal_risk_is_not_applicable if {
	m := fx.minimal_manifest
	ev := fx.no_evidence
	not plan.applicable with input.manifest as m
	count(plan.warn) == 0 with input.manifest as m with input.evidence as ev
}
