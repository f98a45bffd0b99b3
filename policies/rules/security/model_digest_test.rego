package ai_assure.rules.security.model_digest_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.security.model_digest

test_matching_digest_passes if {
	m := fx.manifest
	ev := fx.evidence
	model_digest.applicable with input.manifest as m
	count(model_digest.deny) == 0 with input.manifest as m with input.evidence as ev
	count(model_digest.warn) == 0 with input.manifest as m with input.evidence as ev
}

test_supplied_models_only_is_not_applicable if {
	m := fx.genai_manifest
	not model_digest.applicable with input.manifest as m
}

test_missing_digest_is_denied_for_high_risk if {
	m := fx.remove(fx.manifest, ["models", 0, "artifact"])
	ev := fx.evidence
	findings := model_digest.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The in-house model risk-scorer has no artifact digest: record the SHA-256 of the released ",
		"artifact in models[0].artifact.sha256",
	])
	f.path == ["models", 0, "artifact", "sha256"]
}

test_missing_digest_warns_for_minimal_risk if {
	m := fx.remove(fx.minimal_manifest, ["models", 0, "artifact"])
	ev := fx.evidence
	count(model_digest.deny) == 0 with input.manifest as m with input.evidence as ev
	count(model_digest.warn) == 1 with input.manifest as m with input.evidence as ev
}

test_digest_differing_from_the_sbom_is_denied if {
	m := fx.put(
		fx.minimal_manifest, ["models", 0, "artifact", "sha256"],
		"0000000000000000000000000000000000000000000000000000000000000000",
	)
	ev := fx.evidence
	findings := model_digest.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The model risk-scorer has artifact digest 000000000000... but the SBOM sbom.cdx.json records ",
		"3c1f0e5a9b7d...: the SBOM does not describe the artifact that runs",
	])
}

test_malformed_digest_is_denied if {
	m := fx.put(fx.manifest, ["models", 0, "artifact", "sha256"], "abc123")
	ev := fx.evidence
	findings := model_digest.deny with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "abc123, which is not a SHA-256 digest")
}
