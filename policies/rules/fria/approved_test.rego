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

test_not_applicable_to_providers if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "role"], "provider")
	not approved.applicable with input.manifest as m
}

test_not_applicable_to_critical_infrastructure_only if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "annex_iii_areas"], ["critical_infrastructure"])
	not approved.applicable with input.manifest as m
}

test_not_applicable_when_high_only_under_uk_gdpr if {
	m := fx.put(fx.minimal_manifest, ["classification", "uk_gdpr", "special_category_data"], true)
	not approved.applicable with input.manifest as m
}

test_unreadable_fria_is_denied if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["fria"], [fx.missing("fria", "docs/fria.yaml")])
	findings := approved.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == "The FRIA cannot be used: docs/fria.yaml does not exist"
}

test_not_applicable_when_the_organisation_is_not_a_public_body if {
	m := fx.manifest
	not approved.applicable with input.manifest as m with data.ai_assure.config.public_body as false
}
