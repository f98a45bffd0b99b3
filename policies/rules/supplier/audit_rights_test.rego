package ai_assure.rules.supplier.audit_rights_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.supplier.audit_rights

test_audit_rights_pass if {
	m := fx.genai_manifest
	ev := fx.genai_evidence
	audit_rights.applicable with input.manifest as m
	count(audit_rights.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_in_house_models_are_not_applicable if {
	m := fx.manifest
	not audit_rights.applicable with input.manifest as m
}

test_no_audit_rights_is_denied if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["supplier_assessments", 0, "facts", "audit_rights"], false)
	findings := audit_rights.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The supplier assessment suppliers/example-models.yaml (Example Models Ltd) records no audit ",
		"rights over the supplier (audit_rights: false)",
	])
	f.path == ["evidence", "supplier_assessments", 0]
}
