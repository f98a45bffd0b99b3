package ai_assure.rules.risk.appetite_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.risk.appetite

_high := json.patch(
	fx.manifest,
	[{"op": "replace", "path": ["risks", 0, "residual"], "value": {"likelihood": 3, "impact": 4}}],
)

_accepted := fx.put(_high, ["risks", 0, "treatment"], "accept")

_acceptance(overrides) := object.union(
	{
		"system": fx.manifest.metadata.id, "risk": "R-001", "residual_score": 12, "ticket": "GOV-130",
		"approved_by": "Deputy Director Risk", "approved_on": "2026-09-01", "expires": "2027-09-01",
	},
	overrides,
)

_acceptances(list) := {"exceptions": [], "risk_acceptances": list}

test_risks_within_appetite_pass if {
	m := fx.manifest
	appetite.applicable with input.manifest as m
	count(appetite.deny) == 0 with input.manifest as m
}

test_no_register_is_not_applicable if {
	m := fx.minimal_manifest
	not appetite.applicable with input.manifest as m
}

test_residual_above_appetite_without_acceptance_is_denied if {
	m := _high
	findings := appetite.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"Risk R-001 scores 12 (residual 3 x 4), above the risk appetite of 8: treat it further, or have ",
		"it accepted (treatment: accept, and an acceptance by the governance team)",
	])
	f.path == ["risks", 0, "treatment"]
}

test_unscored_residual_is_judged_on_the_inherent_score if {
	m := fx.remove(fx.manifest, ["risks", 0, "residual"])
	findings := appetite.deny with input.manifest as m
	some f in findings
	contains(f.msg, "scores 12 (inherent 3 x 4, no residual score)")
}

test_an_acceptance_in_the_governance_data_passes if {
	m := _accepted
	ctx := fx.context
	approvals := _acceptances([_acceptance({})])
	count(appetite.deny) == 0 with input.manifest as m with input.context as ctx with data.ai_assure.approvals as approvals
}

test_accepting_in_the_manifest_alone_is_denied if {
	m := json.patch(
		_accepted,
		[{
			"op": "add", "path": ["risks", 0, "acceptance"],
			"value": {"approved_by": "Deputy Director Risk", "approved_on": "2026-09-01"},
		}],
	)
	ctx := fx.context
	findings := appetite.deny with input.manifest as m with input.context as ctx
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"Risk R-001 scores 12 (residual 3 x 4), above the risk appetite of 8 and is marked accept, but ",
		"the governance approvals record no acceptance of it for this system",
	])
	f.path == ["risks", 0, "treatment"]
}

test_an_acceptance_for_another_system_or_risk_does_not_count if {
	m := _accepted
	ctx := fx.context
	other_system := _acceptances([_acceptance({"system": "another-system"})])
	count(appetite.deny) == 1 with input.manifest as m with input.context as ctx
		with data.ai_assure.approvals as other_system
	other_risk := _acceptances([_acceptance({"risk": "R-002"})])
	count(appetite.deny) == 1 with input.manifest as m with input.context as ctx
		with data.ai_assure.approvals as other_risk
}

test_an_expired_acceptance_is_denied if {
	m := _accepted
	ctx := fx.context
	approvals := _acceptances([_acceptance({"expires": "2026-11-25"})])
	findings := appetite.deny with input.manifest as m with input.context as ctx with data.ai_assure.approvals as approvals
	count(findings) == 1
	some f in findings
	contains(f.msg, "its acceptance by Deputy Director Risk ended on 2026-11-25")
}

test_an_acceptance_by_the_risk_owner_is_denied if {
	m := _accepted
	ctx := fx.context
	approvals := _acceptances([_acceptance({"approved_by": "head of data science"})])
	findings := appetite.deny with input.manifest as m with input.context as ctx with data.ai_assure.approvals as approvals
	count(findings) == 1
	some f in findings
	contains(f.msg, "was accepted by its own owner (head of data science)")
	f.path == ["risks", 0, "owner"]
}

test_the_appetite_comes_from_the_configuration if {
	m := fx.manifest
	cfg := fx.config_put(["risk", "appetite_max_residual"], 5)
	findings := appetite.deny with input.manifest as m with data.ai_assure.config as cfg
	count(findings) == 5
}

test_an_acceptance_of_another_score_is_denied if {
	m := _accepted
	ctx := fx.context
	approvals := _acceptances([_acceptance({"residual_score": 9})])
	findings := appetite.deny with input.manifest as m with input.context as ctx with data.ai_assure.approvals as approvals
	count(findings) == 1
	some f in findings
	contains(f.msg, "was for a residual score of 9: a changed risk needs a new acceptance")
}

test_an_acceptance_naming_no_score_is_denied if {
	m := _accepted
	ctx := fx.context
	approvals := _acceptances([object.remove(_acceptance({}), ["residual_score"])])
	some f in appetite.deny with input.manifest as m with input.context as ctx with data.ai_assure.approvals as approvals
	contains(f.msg, "was for a residual score of (none recorded)")
}
