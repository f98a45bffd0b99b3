package ai_assure.rules.dpia.in_date_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.dpia.in_date

test_dpia_in_date_passes if {
	m := fx.manifest
	ev := fx.evidence
	ctx := fx.context
	in_date.applicable with input.manifest as m
	count(in_date.deny) == 0 with input.manifest as m with input.evidence as ev with input.context as ctx
	count(in_date.warn) == 0 with input.manifest as m with input.evidence as ev with input.context as ctx
}

test_past_review_date_is_denied_with_dates if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["dpia", 0, "facts", "review_by"], "2026-09-30")
	ctx := fx.context
	findings := in_date.deny with input.manifest as m with input.evidence as ev with input.context as ctx
	count(findings) == 1
	some f in findings
	f.msg == "The DPIA docs/dpia.yaml was due for review on 2026-09-30, 57 days before the assessment date 2026-11-26"
	f.path == ["evidence", "dpia"]
}

test_review_due_on_the_assessment_date_warns if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["dpia", 0, "facts", "review_by"], "2026-11-26")
	ctx := fx.context
	count(in_date.deny) == 0 with input.manifest as m with input.evidence as ev with input.context as ctx
	findings := in_date.warn with input.manifest as m with input.evidence as ev with input.context as ctx
	some f in findings
	contains(f.msg, "is due for review on 2026-11-26, in 0 days")
}

test_review_within_the_configured_warning_window_warns if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["dpia", 0, "facts", "review_by"], "2026-12-26")
	ctx := fx.context
	findings := in_date.warn with input.manifest as m with input.evidence as ev with input.context as ctx
		with data.ai_assure.config.review_warning_days as 30
	some f in findings
	contains(f.msg, "in 30 days")
}

test_review_after_the_configured_warning_window_is_quiet if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["dpia", 0, "facts", "review_by"], "2026-12-27")
	ctx := fx.context
	count(in_date.warn) == 0 with input.manifest as m with input.evidence as ev with input.context as ctx
		with data.ai_assure.config.review_warning_days as 30
	count(in_date.warn) == 1 with input.manifest as m with input.evidence as ev with input.context as ctx
		with data.ai_assure.config.review_warning_days as 31
}

test_invalid_review_date_is_denied if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["dpia", 0, "facts", "review_by"], "2027-02-30")
	ctx := fx.context
	findings := in_date.deny with input.manifest as m with input.evidence as ev with input.context as ctx
	some f in findings
	contains(f.msg, "has no valid review_by date")
}

test_invalid_assessment_date_fails_closed if {
	m := fx.manifest
	ev := fx.evidence
	ctx := fx.put(fx.context, ["as_of"], "26/11/2026")
	findings := in_date.deny with input.manifest as m with input.evidence as ev with input.context as ctx
	some f in findings
	contains(f.msg, "context.as_of")
}

test_not_applicable_without_personal_data_or_a_dpia if {
	m := fx.remove(fx.minimal_manifest, ["evidence", "dpia"])
	ev := fx.put(fx.evidence, ["dpia"], [])
	ctx := fx.context
	not in_date.applicable with input.manifest as m
	count(in_date.deny) == 0 with input.manifest as m with input.evidence as ev with input.context as ctx
}

test_a_dpia_kept_without_being_required_is_kept_in_date if {
	m := fx.minimal_manifest
	ev := fx.put(fx.evidence, ["dpia", 0, "facts", "review_by"], "2020-01-01")
	ctx := fx.context
	in_date.applicable with input.manifest as m with input.evidence as ev
	findings := in_date.deny with input.manifest as m with input.evidence as ev with input.context as ctx
	some f in findings
	contains(f.msg, "was due for review on 2020-01-01")
}
