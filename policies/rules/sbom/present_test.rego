package ai_assure.rules.sbom.present_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.sbom.present

test_readable_sbom_passes if {
	m := fx.minimal_manifest
	ev := fx.evidence
	present.applicable with input.manifest as m
	count(present.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_no_sbom_is_denied if {
	m := fx.remove(fx.minimal_manifest, ["evidence", "sbom"])
	ev := fx.put(fx.evidence, ["sbom"], [])
	findings := present.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.path == ["evidence", "sbom"]
	contains(f.msg, "No SBOM is declared")
}

test_unparseable_sbom_is_denied_with_its_error if {
	m := fx.minimal_manifest
	ev := fx.put(fx.evidence, ["sbom"], [fx.invalid("sbom", "sbom.cdx.json", ["line 3: invalid JSON", "more"])])
	findings := present.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == "No declared SBOM can be used: sbom.cdx.json could not be read (see EVID-001)"
}
