package ai_assure.rules.human_oversight.automated_decisions_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.human_oversight.automated_decisions

_automated := fx.put(fx.manifest, ["classification", "uk_gdpr", "solely_automated_decision"], true)

test_not_applicable_to_decision_support if {
	m := fx.manifest
	not automated_decisions.applicable with input.manifest as m
	count(automated_decisions.deny) == 0 with input.manifest as m
}

test_automated_decisions_without_basis_or_safeguards_are_denied if {
	m := _automated
	automated_decisions.applicable with input.manifest as m
	findings := automated_decisions.deny with input.manifest as m
	{f.path | some f in findings} == {
		["classification", "uk_gdpr", "art_22_exception"],
		["system", "human_oversight", "art_22_safeguards"],
	}
	msgs := concat("\n", [f.msg | some f in findings])
	contains(
		msgs,
		concat("", [
			"art_22_exception is not set: record the UK GDPR Art. 22(2) exception relied on ",
			"(authorised-by-law, contract, explicit-consent)",
		]),
	)
	contains(msgs, "art_22_safeguards is empty")
}

test_decision_role_automated_decision_applies if {
	m := fx.put(fx.minimal_manifest, ["system", "decision_role"], "automated-decision")
	automated_decisions.applicable with input.manifest as m
	count(automated_decisions.deny) == 2 with input.manifest as m
}

test_exception_and_described_safeguards_pass if {
	m := json.patch(_automated, [
		{"op": "add", "path": ["classification", "uk_gdpr", "art_22_exception"], "value": "authorised-by-law"},
		{
			"op": "add", "path": ["system", "human_oversight", "art_22_safeguards"],
			"value": "Any decision can be reviewed by a caseworker on request; people can comment and appeal.",
		},
	])
	count(automated_decisions.deny) == 0 with input.manifest as m
}

test_listed_safeguards_must_name_all_three if {
	m := json.patch(_automated, [
		{"op": "add", "path": ["classification", "uk_gdpr", "art_22_exception"], "value": "public-task"},
		{"op": "add", "path": ["system", "human_oversight", "art_22_safeguards"], "value": ["human-intervention"]},
	])
	findings := automated_decisions.deny with input.manifest as m
	count(findings) == 2
	msgs := concat("\n", [f.msg | some f in findings])
	contains(msgs, "art_22_exception public-task is not a UK GDPR Art. 22(2) exception")
	contains(msgs, "does not provide these UK GDPR Art. 22(3) safeguards: contest-decision, express-view")
}
