package ai_assure.rules.supplier.assessment_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.supplier.assessment

test_assessed_supplier_passes if {
	m := fx.genai_manifest
	ev := fx.genai_evidence
	ctx := fx.context
	assessment.applicable with input.manifest as m
	count(assessment.deny) == 0 with input.manifest as m with input.evidence as ev with input.context as ctx
	count(assessment.warn) == 0 with input.manifest as m with input.evidence as ev with input.context as ctx
}

test_in_house_models_are_not_applicable if {
	m := fx.manifest
	not assessment.applicable with input.manifest as m
}

test_model_not_named_in_any_assessment_is_denied if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["supplier_assessments", 0, "facts", "models"], ["another-model"])
	ctx := fx.context
	findings := assessment.deny with input.manifest as m with input.evidence as ev with input.context as ctx
	count(findings) == 1
	some f in findings
	f.path == ["models", 0]
	contains(f.msg, "Model example-llm (foundation-model from Example Models Ltd) is not covered")
}

test_unreadable_assessment_does_not_cover if {
	m := fx.genai_manifest
	ev := fx.put(
		fx.genai_evidence, ["supplier_assessments"],
		[fx.missing("supplier_assessments", "suppliers/example-models.yaml")],
	)
	ctx := fx.context
	count(assessment.deny) == 1 with input.manifest as m with input.evidence as ev with input.context as ctx
}

test_empty_fields_warn if {
	m := fx.genai_manifest
	ev := fx.put(
		fx.genai_evidence, ["supplier_assessments", 0, "facts", "missing_fields"],
		["data_residency", "assessed_by"],
	)
	ctx := fx.context
	findings := assessment.warn with input.manifest as m with input.evidence as ev with input.context as ctx
	count(findings) == 1
	some f in findings
	f.msg == "The supplier assessment suppliers/example-models.yaml leaves these fields empty: assessed_by, data_residency"
}

test_unnamed_provider_is_worded if {
	m := fx.remove(fx.genai_manifest, ["models", 0, "provider"])
	ev := fx.put(fx.genai_evidence, ["supplier_assessments"], [])
	findings := assessment.deny with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "(foundation-model from an unnamed provider)")
}
