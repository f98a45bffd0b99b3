package ai_assure.rules.evaluation.default_thresholds_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.evaluation.default_thresholds

_unset(metric) := {
	"name": metric.name, "value": metric.value, "threshold": null, "direction": null,
	"group": metric.group, "passed": null,
}

test_metrics_with_their_own_thresholds_pass if {
	m := fx.manifest
	ev := fx.evidence
	default_thresholds.applicable with input.evidence as ev
	count(default_thresholds.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_not_applicable_without_a_readable_evaluation if {
	ev := fx.no_evidence
	not default_thresholds.applicable with input.evidence as ev
}

test_metric_missing_its_default_is_denied_for_high_risk if {
	m := fx.manifest
	ev := fx.put(
		fx.evidence, ["evaluations", 0, "facts", "metrics", 0],
		_unset({"name": "auc", "value": 0.64, "group": null}),
	)
	findings := default_thresholds.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The evaluation reports/eval.json has auc = 0.64, which has no threshold of its own and misses ",
		"the default: at least 0.7",
	])
	f.path == ["evidence", "evaluations", 0]
}

test_lower_is_better_defaults_are_respected if {
	m := fx.minimal_manifest
	ev := fx.put(
		fx.evidence, ["evaluations", 0, "facts", "metrics"],
		[_unset({"name": "expected_calibration_error", "value": 0.2, "group": "sex"})],
	)
	count(default_thresholds.deny) == 0 with input.manifest as m with input.evidence as ev
	findings := default_thresholds.warn with input.manifest as m with input.evidence as ev
	some f in findings
	contains(
		f.msg,
		"expected_calibration_error for sex = 0.2, which has no threshold of its own and misses the default: at most 0.1",
	)
}

test_a_high_risk_report_without_any_bar_is_denied if {
	m := fx.manifest
	ev := fx.put(
		fx.evidence, ["evaluations", 0, "facts", "metrics"],
		[_unset({"name": "latency_ms_p95", "value": 180, "group": null})],
	)
	findings := default_thresholds.deny with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "sets no threshold for any of its 1 metrics and none has a default")
}

test_a_met_default_passes if {
	m := fx.manifest
	ev := fx.put(
		fx.evidence, ["evaluations", 0, "facts", "metrics", 0],
		_unset({"name": "auc", "value": 0.78, "group": null}),
	)
	count(default_thresholds.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_no_metric_with_a_threshold_but_one_with_a_met_default_passes if {
	# no metric sets a threshold, but auc has a default bar (which it meets)
	m := fx.manifest
	ev := fx.put(fx.evidence, ["evaluations", 0, "facts", "metrics"], [
		_unset({"name": "auc", "value": 0.78, "group": null}),
		_unset({"name": "latency_ms_p95", "value": 180, "group": null}),
	])
	count(default_thresholds.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_a_high_risk_report_without_metrics_is_denied if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["evaluations", 0, "facts", "metrics"], [])
	findings := default_thresholds.deny with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "sets no threshold for any of its 0 metrics and none has a default")
}
