package ai_assure.rules.evaluation.fairness_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.evaluation.fairness

test_two_groups_with_thresholds_pass if {
	m := fx.manifest
	ev := fx.evidence
	fairness.applicable with input.manifest as m
	count(fairness.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_not_applicable_below_high_risk if {
	m := fx.genai_manifest
	not fairness.applicable with input.manifest as m
}

test_no_group_metrics_is_denied if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["evaluations", 0, "facts", "metrics"], [fx.evaluation_facts.metrics[0]])
	findings := fairness.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The evaluations (reports/eval.json) report metrics for 0 population groups; a high-risk system ",
		"needs at least 2: measure performance and error rates per group",
	])
	f.path == ["evidence", "evaluations"]
}

test_the_minimum_comes_from_the_configuration if {
	m := fx.manifest
	ev := fx.evidence
	cfg := fx.config_put(["fairness_min_groups"], 3)
	findings := fairness.deny with input.manifest as m with input.evidence as ev with data.ai_assure.config as cfg
	some f in findings
	contains(f.msg, "report metrics for 2 population groups (age_band, sex); a high-risk system needs at least 3")
}

test_group_metric_without_threshold_is_denied if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["evaluations", 0, "facts", "metrics", 1, "threshold"], null)
	findings := fairness.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == concat("", [
		"The evaluation reports/eval.json reports false_positive_rate_ratio for group age_band without ",
		"a threshold: set the bar each group must meet",
	])
}
