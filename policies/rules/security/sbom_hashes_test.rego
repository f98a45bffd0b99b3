package ai_assure.rules.security.sbom_hashes_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.security.sbom_hashes

test_hashed_model_passes if {
	m := fx.manifest
	ev := fx.evidence
	sbom_hashes.applicable with input.evidence as ev
	count(sbom_hashes.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_hosted_foundation_model_is_exempt if {
	m := fx.genai_manifest
	ev := fx.genai_evidence
	count(sbom_hashes.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_unhashed_model_is_denied if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["sbom", 0, "facts", "components", 0, "hashes"], [])
	findings := sbom_hashes.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	startswith(
		f.msg,
		concat("", [
			"The SBOM sbom.cdx.json lists the machine-learning-model component risk-scorer 2.3.1 without a ",
			"SHA-256 or stronger hash",
		]),
	)
	f.path == ["evidence", "sbom", 0]
}

test_a_weak_hash_does_not_count if {
	m := fx.manifest
	ev := fx.put(
		fx.evidence, ["sbom", 0, "facts", "components", 0, "hashes"],
		[{"alg": "MD5", "value": "9e107d9d372bb6826bd81d3542a419d6"}],
	)
	count(sbom_hashes.deny) == 1 with input.manifest as m with input.evidence as ev
}

test_unhashed_dataset_warns_for_minimal_risk if {
	m := fx.minimal_manifest
	data_component := {
		"name": "case-extract", "version": "2025-01", "type": "data", "licenses": [], "hashes": [],
		"purl": null, "has_model_card": false,
	}
	ev := fx.put(fx.evidence, ["sbom", 0, "facts", "components", 2], data_component)
	count(sbom_hashes.deny) == 0 with input.manifest as m with input.evidence as ev
	findings := sbom_hashes.warn with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "the data component case-extract 2025-01 without a SHA-256 or stronger hash")
}

test_no_sbom_is_not_applicable if {
	ev := fx.no_evidence
	not sbom_hashes.applicable with input.evidence as ev
}
