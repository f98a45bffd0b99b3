package ai_assure.rules.supplier.incident_notification_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.supplier.incident_notification

test_prompt_notification_passes if {
	m := fx.genai_manifest
	ev := fx.genai_evidence
	incident_notification.applicable with input.manifest as m
	count(incident_notification.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_in_house_models_are_not_applicable if {
	m := fx.manifest
	not incident_notification.applicable with input.manifest as m
}

test_slow_notification_is_denied if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["supplier_assessments", 0, "facts", "incident_notification_hours"], 96)
	cfg := fx.config_put(["supplier", "max_incident_notification_hours"], 72)
	findings := incident_notification.deny with input.manifest as m with input.evidence as ev
		with data.ai_assure.config as cfg
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The supplier assessment suppliers/example-models.yaml does not commit the supplier to report ",
		"incidents within 72 hours (recorded: 96)",
	])
}

test_unrecorded_notification_is_denied if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["supplier_assessments", 0, "facts", "incident_notification_hours"], null)
	findings := incident_notification.deny with input.manifest as m with input.evidence as ev
	some f in findings
	endswith(f.msg, "(recorded: null)")
}

test_the_limit_comes_from_the_configuration if {
	m := fx.genai_manifest
	ev := fx.genai_evidence
	cfg := fx.config_put(["supplier", "max_incident_notification_hours"], 12)
	count(incident_notification.deny) == 1 with input.manifest as m with input.evidence as ev
		with data.ai_assure.config as cfg
}
