package ai_assure.rules.monitoring.serious_incidents_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.monitoring.serious_incidents

test_procedure_with_escalation_passes if {
	m := fx.manifest
	ev := fx.evidence
	serious_incidents.applicable with input.manifest as m
	count(serious_incidents.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_not_applicable_below_high_risk if {
	m := fx.genai_manifest
	not serious_incidents.applicable with input.manifest as m
}

test_procedure_without_reporting_is_denied if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["incident_response", 0, "facts", "headings"], ["What counts as an incident", "First hour"])
	findings := serious_incidents.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	startswith(
		f.msg,
		"The incident response procedure docs/incident-response.md has no section on reporting serious incidents",
	)
	f.path == ["evidence", "incident_response"]
}

test_notification_heading_counts if {
	m := fx.manifest
	ev := fx.put(
		fx.evidence, ["incident_response", 0, "facts", "headings"],
		["First hour", "Notifying the ICO and the provider"],
	)
	count(serious_incidents.deny) == 0 with input.manifest as m with input.evidence as ev
}
