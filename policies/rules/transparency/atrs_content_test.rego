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
	msgs[0] == "The ATRS record transparency/atrs.md lacks the Tier 1 (summary information) fields: contact email, website url"
	msgs[1] == "The ATRS record transparency/atrs.md lacks the Tier 2 sections: development data specification, model specification, operational data specification"
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
		"owner_and_responsibility": {}, "description_and_rationale": {}, "deployment_context": {},
		"tool_specification": {}, "operational_data_specification": {},
		"risks_mitigations_and_impact_assessments": {},
	}
	ev := fx.put(fx.genai_evidence, ["atrs_record", 0, "facts"], {"headings": [], "words": 300, "front_matter": front})
	count(atrs_content.deny) == 0 with input.manifest as m with input.evidence as ev
}
