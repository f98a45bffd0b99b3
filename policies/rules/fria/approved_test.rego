package ai_assure.rules.fria.approved_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.fria.approved

test_approved_fria_passes if {
	m := fx.manifest
	ev := fx.evidence
	approved.applicable with input.manifest as m
	count(approved.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_missing_fria_is_denied if {
	m := fx.remove(fx.manifest, ["evidence", "fria"])
	ev := fx.put(fx.evidence, ["fria"], [])
	findings := approved.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.path == ["evidence", "fria"]
	contains(f.msg, "no fundamental rights impact assessment is declared")
}

test_unapproved_fria_is_denied if {
	m := fx.manifest
	ev := json.patch(fx.evidence, [
		{"op": "replace", "path": ["fria", 0, "facts", "status"], "value": "draft"},
		{"op": "replace", "path": ["fria", 0, "facts", "approved_by"], "value": null},
	])
	findings := approved.deny with input.manifest as m with input.evidence as ev
	count(findings) == 2
	msgs := concat("\n", [f.msg | some f in findings])
	contains(msgs, "The FRIA docs/fria.yaml has status draft")
	contains(msgs, "does not record who approved it")
}

test_not_applicable_to_an_organisation_that_only_provides_the_system if {
	m := fx.put(fx.manifest, ["eu_ai_act", "activities"], ["develops", "markets_under_own_name"])
	not approved.applicable with input.manifest as m
}

test_a_public_body_that_builds_and_uses_its_system_needs_one if {
	m := fx.put(
		fx.manifest,
		["eu_ai_act", "activities"],
		["develops", "puts_into_service_own_use", "uses_under_authority"],
	)
	approved.applicable with input.manifest as m
}

test_not_applicable_to_critical_infrastructure_only if {
	m := fx.put(fx.manifest, ["eu_ai_act", "annex_iii", "points"], ["AnnexIII.2"])
	not approved.applicable with input.manifest as m
}

test_not_applicable_when_only_uk_facts_raise_the_level if {
	m := json.patch(fx.minimal_manifest, [
		{"op": "replace", "path": ["uk_data_protection"], "value": fx.uk_low},
		{"op": "replace", "path": ["uk_data_protection", "special_category_data"], "value": true},
	])
	not approved.applicable with input.manifest as m
}

test_not_applicable_to_a_private_deployer_of_a_recruitment_tool if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["organisation"], "value": {
			"established_in_eu": true, "public_authority": false, "body_governed_by_public_law": false,
			"private_entity_providing_public_service": false,
		}},
		{"op": "replace", "path": ["eu_ai_act", "annex_iii", "points"], "value": ["AnnexIII.4(a)"]},
	])
	not approved.applicable with input.manifest as m
}

test_every_deployer_of_a_credit_scoring_system_needs_one if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["organisation"], "value": {
			"established_in_eu": true, "public_authority": false, "body_governed_by_public_law": false,
			"private_entity_providing_public_service": false,
		}},
		{"op": "replace", "path": ["eu_ai_act", "annex_iii", "points"], "value": ["AnnexIII.5(b)"]},
	])
	approved.applicable with input.manifest as m
}

test_outside_the_act_a_missing_fria_is_advice if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["eu_ai_act", "scope", "deployed_in_eu"], "value": false},
		{"op": "replace", "path": ["eu_ai_act", "scope", "output_intended_for_use_in_eu"], "value": false},
		{"op": "replace", "path": ["organisation", "established_in_eu"], "value": false},
		{"op": "remove", "path": ["evidence", "fria"]},
	])
	ev := fx.put(fx.evidence, ["fria"], [])
	approved.applicable with input.manifest as m
	count(approved.deny) == 0 with input.manifest as m with input.evidence as ev
	count(approved.warn) == 1 with input.manifest as m with input.evidence as ev
}

test_unreadable_fria_is_denied if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["fria"], [fx.missing("fria", "docs/fria.yaml")])
	findings := approved.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == "The FRIA cannot be used: docs/fria.yaml does not exist (see EVID-001)"
}
