package ai_assure.rules.evidence.fresh_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.evidence.fresh

test_fresh_evidence_passes if {
	m := fx.manifest
	ev := fx.evidence
	ctx := fx.context
	fresh.applicable
	count(fresh.deny) == 0 with input.manifest as m with input.evidence as ev with input.context as ctx
	count(fresh.warn) == 0 with input.manifest as m with input.evidence as ev with input.context as ctx
}

test_stale_evaluation_is_denied_for_high_risk if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["evaluations", 0, "facts", "date"], "2025-10-01")
	ctx := fx.context
	cfg := fx.config_put(["staleness_days", "evaluations"], 365)
	findings := fresh.deny with input.manifest as m with input.evidence as ev with input.context as ctx
		with data.ai_assure.config as cfg
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The evaluation reports/eval.json ran on 2025-10-01, 421 days before the assessment date ",
		"2026-11-26: older than the 365 days allowed for evaluations",
	])
	f.path == ["evidence", "evaluations", 0]
}

test_evidence_exactly_at_the_window_is_fresh if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["supplier_assessments", 0, "facts", "assessed_on"], "2025-11-26")
	ctx := fx.context
	cfg := fx.config_put(["staleness_days", "supplier_assessments"], 365)
	count(fresh.deny) == 0 with input.manifest as m with input.evidence as ev with input.context as ctx
		with data.ai_assure.config as cfg
	findings := fresh.warn with input.manifest as m with input.evidence as ev with input.context as ctx
		with data.ai_assure.config as cfg
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The supplier assessment suppliers/example-models.yaml was assessed on 2025-11-26 and becomes ",
		"stale in 0 days (window 365 days)",
	])
}

test_stale_supplier_assessment_warns_below_high_risk if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["supplier_assessments", 0, "facts", "assessed_on"], "2025-11-25")
	ctx := fx.context
	count(fresh.deny) == 0 with input.manifest as m with input.evidence as ev with input.context as ctx
	findings := fresh.warn with input.manifest as m with input.evidence as ev with input.context as ctx
	some f in findings
	contains(f.msg, "was assessed on 2025-11-25, 366 days before the assessment date 2026-11-26")
}

test_windows_come_from_the_configuration if {
	m := fx.manifest
	ev := fx.evidence
	ctx := fx.context
	cfg := fx.config_put(["staleness_days", "threat_model"], 30)
	findings := fresh.deny with input.manifest as m with input.evidence as ev with input.context as ctx
		with data.ai_assure.config as cfg
	some f in findings
	f.msg == concat("", [
		"The threat model docs/threat-model.md was reviewed on 2026-09-01, 86 days before the ",
		"assessment date 2026-11-26: older than the 30 days allowed for threat_model",
	])
}

test_undated_dpia_is_denied_but_an_undated_document_is_not if {
	m := fx.manifest
	ev := json.patch(fx.evidence, [
		{"op": "replace", "path": ["dpia", 0, "facts", "approved_on"], "value": null},
		{"op": "replace", "path": ["threat_model", 0, "facts", "front_matter"], "value": {}},
	])
	ctx := fx.context
	findings := fresh.deny with input.manifest as m with input.evidence as ev with input.context as ctx
	count(findings) == 1
	some f in findings
	f.msg == "The DPIA docs/dpia.yaml has no valid date (approved_on: null), so its freshness cannot be shown"
}

test_future_dates_warn if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["evaluations", 0, "facts", "date"], "2027-01-01")
	ctx := fx.context
	findings := fresh.warn with input.manifest as m with input.evidence as ev with input.context as ctx
	some f in findings
	f.msg == "The evaluation reports/eval.json ran on 2027-01-01, after the assessment date 2026-11-26: check the date"
}

test_invalid_assessment_date_fails_closed if {
	m := fx.manifest
	ev := fx.evidence
	ctx := fx.put(fx.context, ["as_of"], "2026-02-30")
	findings := fresh.deny with input.manifest as m with input.evidence as ev with input.context as ctx
	some f in findings
	contains(f.msg, "context.as_of")
}
