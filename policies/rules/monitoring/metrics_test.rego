package ai_assure.rules.monitoring.metrics_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.monitoring.metrics

_provider := fx.provider_manifest

test_plan_with_a_metrics_section_passes if {
	m := _provider
	ev := fx.evidence
	metrics.applicable with input.manifest as m
	count(metrics.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_deployers_are_not_applicable if {
	m := fx.manifest
	not metrics.applicable with input.manifest as m
}

test_plan_without_metrics_is_denied if {
	m := _provider
	ev := fx.put(fx.evidence, ["monitoring_plan", 0, "facts", "headings"], ["Overview", "Escalation"])
	findings := metrics.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	startswith(f.msg, "The monitoring plan docs/monitoring.md does not say what is measured")
	f.path == ["evidence", "monitoring_plan"]
}

test_a_front_matter_metrics_list_counts if {
	m := _provider
	ev := json.patch(fx.evidence, [
		{"op": "replace", "path": ["monitoring_plan", 0, "facts", "headings"], "value": ["Overview"]},
		{
			"op": "replace", "path": ["monitoring_plan", 0, "facts", "front_matter"],
			"value": {"metrics": [{"name": "auc", "threshold": 0.7}]},
		},
	])
	count(metrics.deny) == 0 with input.manifest as m with input.evidence as ev
}
