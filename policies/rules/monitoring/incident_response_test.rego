package ai_assure.rules.monitoring.incident_response_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.monitoring.incident_response

test_procedure_present_passes if {
	m := fx.manifest
	ev := fx.evidence
	incident_response.applicable with input.manifest as m
	count(incident_response.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_high_risk_without_procedure_is_denied if {
	m := fx.remove(fx.manifest, ["evidence", "incident_response"])
	ev := fx.put(fx.evidence, ["incident_response"], [])
	findings := incident_response.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.path == ["evidence", "incident_response"]
	contains(f.msg, "No incident response procedure is declared")
}

test_limited_risk_with_unreadable_procedure_warns if {
	m := fx.genai_manifest
	ev := fx.put(
		fx.genai_evidence, ["incident_response"],
		[fx.invalid("incident_response", "docs/incident-response.md", ["not UTF-8"])],
	)
	count(incident_response.deny) == 0 with input.manifest as m with input.evidence as ev
	findings := incident_response.warn with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == "The incident response procedure cannot be used: docs/incident-response.md could not be read (see EVID-001)"
}

test_minimal_risk_is_not_applicable if {
	m := fx.minimal_manifest
	not incident_response.applicable with input.manifest as m
}
