package ai_assure.rules.security.licences_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.security.licences

test_allowed_licences_pass if {
	m := fx.manifest
	ev := fx.evidence
	licences.applicable
	count(licences.deny) == 0 with input.manifest as m with input.evidence as ev
	count(licences.warn) == 0 with input.manifest as m with input.evidence as ev
}

test_expressions_are_judged_by_alternative if {
	licences.allowed("MIT")
	licences.allowed("mit OR GPL-3.0-only")
	licences.allowed("(Apache-2.0 AND BSD-3-Clause)")
	licences.allowed("LGPL-2.1-or-later WITH Classpath-exception-2.0")
	not licences.allowed("MIT AND GPL-3.0-only")
	not licences.allowed("AGPL-3.0-only")
}

test_a_covered_supplier_model_may_carry_a_commercial_licence if {
	m := fx.genai_manifest
	ev := fx.genai_evidence
	count(licences.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_an_uncovered_commercial_licence_is_denied if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["supplier_assessments"], [])
	findings := licences.deny with input.manifest as m with input.evidence as ev
	count(findings) == 2
	msgs := sort([f.msg | some f in findings])
	msgs[0] == concat("", [
		"Model example-llm is licensed commercial, which is not on the licence allowlist; a commercial ",
		"licence is accepted only for a supplied model covered by a supplier assessment",
	])
	msgs[1] == concat("", [
		"The SBOM sbom.cdx.json lists machine-learning-model example-llm 2026-05 under the licence ",
		"LicenseRef-Example-Models-Terms, which is not on the licence allowlist",
	])
}

test_copyleft_library_is_denied if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["sbom", 0, "facts", "components", 1, "licenses"], ["GPL-3.0-only"])
	findings := licences.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == concat("", [
		"The SBOM sbom.cdx.json lists library scikit-learn 1.5.2 under the licence GPL-3.0-only, which ",
		"is not on the licence allowlist",
	])
	f.path == ["evidence", "sbom", 0]
}

test_model_without_licence_is_denied if {
	m := fx.remove(fx.manifest, ["models", 0, "licence"])
	ev := fx.evidence
	findings := licences.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.path == ["models", 0, "licence"]
}

test_unlicensed_library_warns if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["sbom", 0, "facts", "components", 1, "licenses"], [])
	findings := licences.warn with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == "The SBOM sbom.cdx.json records no licence for the libraries: scikit-learn 1.5.2"
}

test_the_allowlist_comes_from_the_configuration if {
	cfg := fx.config_put(["licence_allowlist"], ["GPL-3.0-only"])
	licences.allowed("GPL-3.0-only") with data.ai_assure.config as cfg
	not licences.allowed("MIT") with data.ai_assure.config as cfg
}
