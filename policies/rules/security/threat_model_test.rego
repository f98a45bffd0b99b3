package ai_assure.rules.security.threat_model_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.security.threat_model

test_dated_threat_model_passes if {
	m := fx.manifest
	ev := fx.evidence
	threat_model.applicable
	count(threat_model.deny) == 0 with input.manifest as m with input.evidence as ev
	count(threat_model.warn) == 0 with input.manifest as m with input.evidence as ev
}

test_missing_threat_model_is_denied_for_high_risk if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["threat_model"], [])
	findings := threat_model.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == "No threat model is declared: model the threats to the AI system and list it under evidence.threat_model"
	f.path == ["evidence", "threat_model"]
}

test_missing_threat_model_warns_for_minimal_risk if {
	m := fx.minimal_manifest
	ev := fx.put(fx.evidence, ["threat_model"], [fx.missing("threat_model", "docs/threat-model.md")])
	count(threat_model.deny) == 0 with input.manifest as m with input.evidence as ev
	findings := threat_model.warn with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == "The threat model cannot be used: docs/threat-model.md does not exist (see EVID-001)"
}

test_generative_threat_model_must_cover_prompt_injection if {
	m := fx.genai_manifest
	ev := fx.genai_evidence
	findings := threat_model.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	startswith(f.msg, "The threat model docs/threat-model.md does not cover prompt injection")
	covered := fx.put(
		ev, ["threat_model", 0, "facts", "headings"],
		["Assets", "Threats: Prompt-injection via retrieved pages"],
	)
	count(threat_model.deny) == 0 with input.manifest as m with input.evidence as covered
}

test_undated_threat_model_warns if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["threat_model", 0, "facts", "front_matter"], {})
	findings := threat_model.warn with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "has no reviewed_on date")
}
