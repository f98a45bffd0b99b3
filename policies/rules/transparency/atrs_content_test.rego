package ai_assure.rules.transparency.atrs_content_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.transparency.atrs_content

test_complete_record_passes if {
	m := fx.manifest
	ev := fx.evidence
	atrs_content.applicable with input.manifest as m
	count(atrs_content.deny) == 0 with input.manifest as m with input.evidence as ev
	count(atrs_content.warn) == 0 with input.manifest as m with input.evidence as ev
}

test_not_applicable_out_of_scope if {
	m := fx.minimal_manifest
	not atrs_content.applicable with input.manifest as m
}

test_missing_fields_and_sections_are_denied if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["atrs_record", 0, "facts", "headings"], [
		"Tier 1 - Summary information", "Name", "Description",
		"Tier 2 - Owner and responsibility", "Tier 2 - Description and rationale", "Tier 2 - Deployment context",
		"Tier 2 - Tool specification", "Tier 2 - Risks, mitigations and impact assessments",
	])
	findings := atrs_content.deny with input.manifest as m with input.evidence as ev
	count(findings) == 2
	msgs := sort([f.msg | some f in findings])
	msgs[0] == concat("", [
		"The ATRS record transparency/atrs.md lacks the Tier 1 (summary information) fields: contact ",
		"email, website url",
	])
	msgs[1] == concat("", [
		"The ATRS record transparency/atrs.md lacks the Tier 2 sections: development data ",
		"specification, model specification, operational data specification",
	])
}

test_off_the_shelf_models_skip_model_and_development_data if {
	m := fx.genai_manifest
	ev := fx.put(fx.genai_evidence, ["atrs_record", 0, "facts", "headings"], [
		"Name", "Description", "Website URL", "Contact email", "Owner and responsibility",
		"Description and rationale", "Deployment context", "Tool specification", "Operational data specification",
		"Risks, mitigations and impact assessments",
	])
	count(atrs_content.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_yaml_record_keys_count_as_fields if {
	m := fx.genai_manifest
	front := {
		"name": "x", "description": "x", "website_url": "N/A", "contact_email": "x@example.gov.uk",
		"phase": "public-beta", "region": "uk",
		"owner_and_responsibility": {}, "description_and_rationale": {}, "deployment_context": {},
		"tool_specification": {}, "operational_data_specification": {},
		"risks_mitigations_and_impact_assessments": {},
	}
	ev := fx.put(fx.genai_evidence, ["atrs_record", 0, "facts"], {"headings": [], "words": 300, "front_matter": front})
	count(atrs_content.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_phase_and_region_are_tier_1_fields if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["atrs_record", 0, "facts", "front_matter"], {"date_updated": "2026-10-01"})
	findings := atrs_content.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == "The ATRS record transparency/atrs.md lacks the Tier 1 (summary information) fields: phase, region"
}

test_numbered_headings_count_as_fields if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["atrs_record", 0, "facts", "front_matter"], {})
	headings := array.concat(fx.atrs_facts.headings, ["Phase", "1.6 - Region"])
	ev2 := fx.put(ev, ["atrs_record", 0, "facts", "headings"], headings)
	count(atrs_content.deny) == 0 with input.manifest as m with input.evidence as ev2
}

test_fields_and_sections_come_from_the_template_data if {
	atrs_content.tier_1_fields == ["name", "description", "website url", "contact email", "phase", "region"]
	m := fx.manifest
	atrs_content.tier_2_sections == [
		"owner and responsibility", "description and rationale", "deployment context", "tool specification",
		"operational data specification", "risks mitigations and impact assessments",
		"model specification", "development data specification",
	] with input.manifest as m
}

test_a_missing_template_fails_closed if {
	m := fx.manifest
	ev := fx.evidence
	cfg := fx.config_put(["public_body"], false)
	findings := atrs_content.deny with input.manifest as m with input.evidence as ev with data.ai_assure.atrs as {}
		with data.ai_assure.config as cfg
	some f in findings
	f.msg == "The ATRS v4.0 template (data.ai_assure.atrs) is missing from the policy data: records cannot be checked"
}
