package ai_assure.rules.risk.actions_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.risk.actions

test_actions_in_date_pass if {
	m := fx.manifest
	ctx := fx.context
	actions.applicable with input.manifest as m
	count(actions.deny) == 0 with input.manifest as m with input.context as ctx
	count(actions.warn) == 0 with input.manifest as m with input.context as ctx
}

test_overdue_open_action_is_denied_for_high_risk if {
	m := fx.put(fx.manifest, ["risks", 0, "actions", 0, "due"], "2026-10-31")
	ctx := fx.context
	findings := actions.deny with input.manifest as m with input.context as ctx
	count(findings) == 1
	some f in findings
	f.path == ["risks", 0, "actions", 0, "due"]
	f.msg == concat("", [
		"Risk R-001 action Quarterly fairness review was due on 2026-10-31, 26 days before the ",
		"assessment date 2026-11-26, and is still open",
	])
}

test_action_due_on_the_assessment_date_is_not_overdue if {
	m := fx.put(fx.manifest, ["risks", 0, "actions", 0, "due"], "2026-11-26")
	ctx := fx.context
	count(actions.deny) == 0 with input.manifest as m with input.context as ctx
}

test_overdue_action_warns_below_high_risk if {
	m := fx.put(
		fx.genai_manifest, ["risks"],
		[fx.put(fx.risk("R-7", "accuracy", "Wrong answers"), ["actions", 0, "due"], "2026-01-05")],
	)
	ctx := fx.context
	count(actions.deny) == 0 with input.manifest as m with input.context as ctx
	findings := actions.warn with input.manifest as m with input.context as ctx
	some f in findings
	contains(f.msg, "Risk R-7 action Review quarterly was due on 2026-01-05, 325 days before")
}

test_done_and_cancelled_actions_are_ignored if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["risks", 0, "actions", 0, "due"], "value": "2026-10-31"},
		{"op": "replace", "path": ["risks", 0, "actions", 0, "status"], "value": "cancelled"},
		{"op": "replace", "path": ["risks", 1, "actions", 0, "due"], "value": "2025-01-01"},
		{"op": "replace", "path": ["risks", 1, "actions", 0, "status"], "value": "done"},
	])
	ctx := fx.context
	count(actions.deny) == 0 with input.manifest as m with input.context as ctx
}

test_open_action_without_a_due_date_is_denied if {
	m := fx.remove(fx.manifest, ["risks", 0, "actions", 0, "due"])
	ctx := fx.context
	findings := actions.deny with input.manifest as m with input.context as ctx
	some f in findings
	f.msg == "Risk R-001 action Quarterly fairness review is open but has no valid due date (YYYY-MM-DD)"
}

test_invalid_assessment_date_fails_closed if {
	m := fx.manifest
	ctx := fx.put(fx.context, ["as_of"], "tomorrow")
	findings := actions.deny with input.manifest as m with input.context as ctx
	some f in findings
	contains(f.msg, "context.as_of")
}
