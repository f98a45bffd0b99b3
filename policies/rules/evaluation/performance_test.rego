package ai_assure.rules.evaluation.performance_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.evaluation.performance

_failing := fx.put(fx.evidence, ["evaluations", 0, "facts", "metrics"], [
	{"name": "auc", "value": 0.78, "threshold": 0.7, "direction": "higher", "group": null, "passed": true},
	{"name": "recall", "value": 0.61, "threshold": 0.7, "direction": "higher", "group": "age 18-24", "passed": false},
])

test_passing_evaluation_passes if {
	m := fx.manifest
	ev := fx.evidence
	performance.applicable with input.manifest as m
	count(performance.deny) == 0 with input.manifest as m with input.evidence as ev
	count(performance.warn) == 0 with input.manifest as m with input.evidence as ev
}

test_high_risk_without_evaluation_is_denied if {
	m := fx.remove(fx.manifest, ["evidence", "evaluations"])
	ev := fx.put(fx.evidence, ["evaluations"], [])
	findings := performance.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.path == ["evidence", "evaluations"]
	contains(f.msg, "no evaluation report is declared")
}

test_minimal_risk_without_evaluation_is_fine if {
	m := fx.minimal_manifest
	ev := fx.no_evidence
	count(performance.deny) == 0 with input.manifest as m with input.evidence as ev
	count(performance.warn) == 0 with input.manifest as m with input.evidence as ev
}

test_metric_below_threshold_is_denied_for_high_risk if {
	m := fx.manifest
	ev := _failing
	findings := performance.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The evaluation reports/eval.json has metrics below their threshold: recall for age 18-24 = ",
		"0.61 (threshold 0.7)",
	])
	f.path == ["evidence", "evaluations", 0]
}

test_metric_below_threshold_warns_below_high_risk if {
	m := fx.minimal_manifest
	ev := _failing
	count(performance.deny) == 0 with input.manifest as m with input.evidence as ev
	count(performance.warn) == 1 with input.manifest as m with input.evidence as ev
}

test_failed_metric_names_without_detail_are_reported if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["evaluations", 0, "facts", "failed_metrics"], ["calibration"])
	findings := performance.deny with input.manifest as m with input.evidence as ev
	some f in findings
	endswith(f.msg, "below their threshold: calibration")
}

test_unreadable_evaluation_is_denied_for_high_risk if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["evaluations"], [fx.invalid("evaluations", "reports/eval.json", ["line 1: invalid JSON"])])
	findings := performance.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == "No declared evaluation report can be used: reports/eval.json could not be read (see EVID-001)"
}

test_a_failed_metric_is_listed_once if {
	m := fx.manifest
	ev := json.patch(
		_failing,
		[{"op": "replace", "path": ["evaluations", 0, "facts", "failed_metrics"], "value": ["recall"]}],
	)
	findings := performance.deny with input.manifest as m with input.evidence as ev
	some f in findings
	endswith(f.msg, "below their threshold: recall for age 18-24 = 0.61 (threshold 0.7)")
}
