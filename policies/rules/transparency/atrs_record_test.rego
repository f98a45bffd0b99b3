package ai_assure.rules.transparency.atrs_record_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.transparency.atrs_record

test_declared_record_passes if {
	m := fx.manifest
	ev := fx.evidence
	atrs_record.applicable with input.manifest as m
	count(atrs_record.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_internal_information_retrieval_is_not_applicable if {
	m := fx.minimal_manifest
	not atrs_record.applicable with input.manifest as m
}

test_missing_record_is_denied_for_a_public_body if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["atrs_record"], [])
	findings := atrs_record.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The system is in the ATRS scope (it is public-facing) but no ATRS record is declared: complete ",
		"the ATRS template and list it under evidence.atrs_record",
	])
	f.path == ["evidence", "atrs_record"]
}

test_missing_record_warns_outside_the_public_sector if {
	m := json.patch(fx.manifest, [
		{"op": "replace", "path": ["organisation", "public_authority"], "value": false},
		{"op": "replace", "path": ["organisation", "body_governed_by_public_law"], "value": false},
	])
	ev := fx.put(fx.evidence, ["atrs_record"], [])
	count(atrs_record.deny) == 0 with input.manifest as m with input.evidence as ev
	findings := atrs_record.warn with input.manifest as m with input.evidence as ev
	some f in findings
	contains(f.msg, "(its decision role is decision-support)")
}

test_unreadable_record_is_denied if {
	m := fx.manifest
	ev := fx.put(
		fx.evidence, ["atrs_record"],
		[fx.invalid("atrs_record", "transparency/atrs.md", ["line 2: invalid YAML front matter"])],
	)
	findings := atrs_record.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.msg == "The ATRS record cannot be used: transparency/atrs.md could not be read (see EVID-001)"
}
