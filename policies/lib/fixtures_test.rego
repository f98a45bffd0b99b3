# Test fixtures shared by the Rego unit tests (loaded only with the tests).
#
# A test binds a fixture to a local variable and then replaces one part of the input
# at a time:
#
#     m := fx.put(fx.manifest, ["metadata", "owner", "team"], "")
#     ev := fx.evidence
#     ctx := fx.context
#     findings := owner.deny with input.manifest as m with input.evidence as ev with input.context as ctx
#
# Two regopy limits shape this style (OPA accepts both forms): `with input as {...}`
# fails when the rule under test calls a builtin on the input, and
# `with input.x as <rule reference>` is undefined, so bind the value to a local first.
package ai_assure.lib.fixtures_test

import rego.v1

context := {"as_of": "2026-11-26", "repo": "example", "commit": null, "input_problems": []}

# put(doc, path, value): doc with the object member at path (an array of keys and
# indexes) set to value. Paths are arrays, not "/a/b" strings: regopy's json.patch
# mishandles pointer strings that are computed or passed as arguments.
put(doc, path, value) := json.patch(doc, [{"op": "add", "path": path, "value": value}])

remove(doc, path) := json.patch(doc, [{"op": "remove", "path": path}])

# config_put(path, value), config_remove(path): the shipped policy configuration
# (policies/data.yaml) with one knob changed, for `with data.ai_assure.config as cfg`.
# Replace the whole configuration: OPA does not apply `with` on a nested data path to a rule
# that reads the configuration as one object.
config_put(path, value) := put(data.ai_assure.config, path, value)

config_remove(path) := remove(data.ai_assure.config, path)

# --- evidence items -----------------------------------------------------------------

sha := "9f2b5c1e0d4a7b3c6e8f1a2d5c7b9e0f3a6d8c1b4e7f0a3d6c9b2e5f8a1d4c7b"

# model_sha: the SHA-256 of the in-house model's artifact (manifest and SBOM agree).
model_sha := "3c1f0e5a9b7d2c4e6f8a0b1c3d5e7f9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e"

item(kind, path, facts) := {
	"kind": kind, "declared": path, "path": path, "sha256": sha, "size": 2048,
	"format": "fixture", "status": "ok", "errors": [], "facts": facts,
}

missing(kind, path) := {
	"kind": kind, "declared": path, "path": path, "sha256": null, "size": null,
	"format": null, "status": "missing", "errors": [], "facts": {},
}

invalid(kind, path, errors) := {
	"kind": kind, "declared": path, "path": path, "sha256": sha, "size": 12,
	"format": null, "status": "invalid", "errors": errors, "facts": {},
}

model_card_facts := {
	"name": "risk-scorer", "license": "other", "base_model": null,
	"sections": ["evaluation", "intended_use", "limitations", "model_details", "training_data"],
	"metrics": [{"type": "auc", "value": 0.78, "dataset": "holdout-2025"}],
	"datasets": ["case-extract"], "metadata_keys": ["license", "tags"],
}

sbom_facts := {
	"spec_version": "1.6", "component_count": 2,
	"components": [
		{
			"name": "risk-scorer", "version": "2.3.1", "type": "machine-learning-model", "licenses": [],
			"hashes": [{"alg": "SHA-256", "value": model_sha}], "purl": null, "has_model_card": true,
		},
		{
			"name": "scikit-learn", "version": "1.5.2", "type": "library", "licenses": ["BSD-3-Clause"],
			"hashes": [], "purl": "pkg:pypi/scikit-learn@1.5.2", "has_model_card": false,
		},
	],
	"ml_models": ["risk-scorer"], "datasets": [],
}

assessment_facts := {
	"status": "approved", "approved_by": "Data Protection Officer", "approved_on": "2026-05-01",
	"review_by": "2027-05-01", "dpo_consulted": true, "processing": "Scores case records from the case-extract dataset.",
	"necessity_and_proportionality": "Needed to prioritise supervision.",
	"risks": [{"id": "D1"}], "measures": [{"id": "M1"}], "missing_fields": [],
}

# fria_facts: an approved FRIA with every EU AI Act Art. 27(1) element.
fria_facts := json.patch(assessment_facts, [
	{"op": "add", "path": ["affected_groups"], "value": ["people on probation"]},
	{
		"op": "add", "path": ["specific_risks"],
		"value": [{"right": "non-discrimination", "harm": "unfair supervision levels"}],
	},
	{"op": "add", "path": ["oversight_measures"], "value": "A practitioner reviews every suggestion."},
	{"op": "add", "path": ["complaint_mechanism"], "value": "The probation complaints process."},
])

evaluation_facts := {
	"date": "2026-10-01", "tool": "ai-assure",
	"metrics": [
		{"name": "auc", "value": 0.78, "threshold": 0.7, "direction": "higher", "group": null, "passed": true},
		{
			"name": "false_positive_rate_ratio", "value": 0.9, "threshold": 0.8, "direction": "higher",
			"group": "age_band", "passed": true,
		},
		{
			"name": "false_positive_rate_ratio", "value": 0.86, "threshold": 0.8, "direction": "higher",
			"group": "sex", "passed": true,
		},
	],
	"failed_metrics": [], "tests": {"total": 0, "passed": 0, "failed": 0}, "categories": [],
}

red_team_facts := {
	"date": "2026-10-20", "tool": "promptfoo", "metrics": [], "failed_metrics": [],
	"tests": {"total": 120, "passed": 120, "failed": 0},
	"categories": ["pii-leak", "prompt-injection"],
}

supplier_facts := {
	"supplier": "Example Models Ltd", "models": ["example-llm"], "assessed_on": "2026-06-01",
	"assessed_by": "Commercial Assurance", "data_residency": "UK",
	"training_data_provenance": "Summary published by the supplier.",
	"incident_notification_hours": 24, "audit_rights": true, "security_certifications": [],
	"subprocessors": [], "missing_fields": [],
}

document_facts := {"headings": ["Overview", "Metrics", "Escalation"], "words": 640, "front_matter": {}}

# atrs_facts: an ATRS v4.0 record with every Tier 1 field and Tier 2 section.
atrs_facts := {
	"headings": [
		"Risk Tool", "Tier 1 - Summary information", "Name", "Description", "Website URL", "Contact email",
		"Tier 2 - Owner and responsibility", "Tier 2 - Description and rationale", "Tier 2 - Deployment context",
		"Tier 2 - Tool specification", "Tier 2 - Model specification", "Tier 2 - Development data specification",
		"Tier 2 - Operational data specification", "Tier 2 - Risks, mitigations and impact assessments",
	],
	"words": 900, "front_matter": {"date_updated": "2026-10-01", "phase": "private-beta", "region": "england"},
}

threat_model_facts := {
	"headings": ["Assets", "Threats", "Mitigations"], "words": 800,
	"front_matter": {"reviewed_on": "2026-09-01"},
}

no_evidence := {
	"atrs_record": [], "datasheets": [], "dpia": [], "evaluations": [], "fria": [],
	"incident_response": [], "model_cards": [], "monitoring_plan": [], "red_team": [],
	"sbom": [], "supplier_assessments": [], "threat_model": [],
}

# --- a complete, compliant high-risk system -----------------------------------------
# A public body that deploys, in the EU, a vendor's system suggesting which benefit claims
# need a review (EU AI Act Annex III 5(a)): the Act applies and its deployer obligations
# bind (Arts. 26, 27, 49(3), 86). Personal data under the UK GDPR; a DPIA is required.

manifest := {
	"apiVersion": "ai-assure/v2",
	"kind": "AISystem",
	"metadata": {
		"id": "risk-tool", "name": "Risk Tool",
		"owner": {
			"team": "Risk Tools", "senior_responsible_owner": "Deputy Director Risk",
			"contact": "risk-tools@example.gov.uk",
		},
		"lifecycle_stage": "private-beta",
	},
	"organisation": {
		"established_in_eu": true, "public_authority": true, "body_governed_by_public_law": true,
		"private_entity_providing_public_service": false, "law_enforcement_authority": false,
	},
	"system": {
		"description": "Suggests which benefit claims need a review.", "purpose": "Decision support.",
		"users": ["benefit caseworkers"], "affected_persons": ["benefit claimants"],
		"deployment": "internal", "decision_role": "decision-support",
		"human_oversight": {"mode": "human-in-the-loop", "description": "A caseworker reviews every suggestion."},
	},
	"eu_ai_act": {
		"is_ai_system": "yes", "is_gpai_model": false,
		"scope": {
			"placed_on_eu_market": false, "put_into_service_in_eu": false, "deployed_in_eu": true,
			"output_intended_for_use_in_eu": true, "exclusions": [], "free_open_source_licence": false,
		},
		"activities": ["uses_under_authority"], "art_25": [],
		"art_5": {
			"manipulative_or_subliminal": false, "exploits_vulnerability": [], "social_scoring": false,
			"crime_prediction_basis": "none", "untargeted_facial_scraping": false,
		},
		"biometrics": {"remote_identification": false, "emotion_recognition": false, "biometric_categorisation": false},
		"annex_i": {"act": "none"},
		"annex_iii": {"points": ["AnnexIII.5(a)"], "carve_outs": []},
		"profiling_of_natural_persons": true,
		"art_6_3": {"claimed": false},
		"decisions": {"about_natural_persons": true, "legal_or_similar_effect": true, "workplace_use_on_workers": false},
		"transparency": {"interacts_directly_with_natural_persons": false, "generates_synthetic": []},
		"lifecycle": {"first_placed_or_put_into_service": "2026-09-01"},
	},
	"uk_data_protection": {
		"personal_data": true, "regime": "uk_gdpr", "controller": "controller", "lawful_basis": "6(1)(e)",
		"special_category_data": false, "criminal_offence_data": false,
		"automated_decision": {"significant": true, "solely_automated": false},
		"dpia_screen": {
			"art_35_3": ["a_systematic_extensive_evaluation"], "ico_list": ["innovative_technology", "denial_of_service"],
			"wp248": ["evaluation_scoring", "innovative_technology", "prevents_right_or_service"],
		},
	},
	"models": [{
		"name": "risk-scorer", "version": "2.3.1", "type": "in-house", "task": "classification",
		"provider": null, "model_card": "docs/model-card.md", "licence": "proprietary",
		"artifact": {"uri": "s3://models/risk-scorer/2.3.1/model.joblib", "sha256": model_sha},
	}],
	"data": {"datasets": [{
		"name": "case-extract", "personal_data": true, "source": "internal",
		"datasheet": "docs/datasheet.md",
	}]},
	"evidence": {
		"sbom": ["sbom.cdx.json"], "dpia": "docs/dpia.yaml", "fria": "docs/fria.yaml",
		"evaluations": ["reports/eval.json"], "monitoring_plan": "docs/monitoring.md",
		"incident_response": "docs/incident-response.md", "atrs_record": "transparency/atrs.md",
		"threat_model": "docs/threat-model.md",
	},
	"risks": [
		{
			"id": "R-001", "title": "Scores are less accurate for some groups", "category": "bias",
			"likelihood": 3, "impact": 4, "controls": ["ISO42001:A.7.4"], "owner": "Head of Data Science",
			"treatment": "mitigate",
			"actions": [{"description": "Quarterly fairness review", "due": "2027-03-31", "status": "open"}],
			"residual": {"likelihood": 2, "impact": 3},
		},
		risk("R-002", "accuracy", "Scores drift as practice changes"),
		risk("R-003", "human-oversight", "Practitioners defer to the score"),
		risk("R-004", "security", "Case data is exposed through the service"),
		risk("R-005", "privacy", "Case data is used beyond the allocation purpose"),
	],
	"exceptions": [],
}

# risk(id, category, title): a mitigated register entry with an open action and a residual
# score within the configured appetite.
risk(id, category, title) := {
	"id": id, "title": title, "category": category, "likelihood": 3, "impact": 3,
	"controls": [], "owner": "Head of Risk Tools", "treatment": "mitigate",
	"actions": [{"description": "Review quarterly", "due": "2027-03-31", "status": "open"}],
	"residual": {"likelihood": 2, "impact": 3},
}

evidence := {
	"atrs_record": [item("atrs_record", "transparency/atrs.md", atrs_facts)],
	"datasheets": [item("datasheets", "docs/datasheet.md", document_facts)],
	"dpia": [item("dpia", "docs/dpia.yaml", assessment_facts)],
	"evaluations": [item("evaluations", "reports/eval.json", evaluation_facts)],
	"fria": [item("fria", "docs/fria.yaml", fria_facts)],
	"incident_response": [item("incident_response", "docs/incident-response.md", document_facts)],
	"model_cards": [item("model_cards", "docs/model-card.md", model_card_facts)],
	"monitoring_plan": [item("monitoring_plan", "docs/monitoring.md", document_facts)],
	"red_team": [], "sbom": [item("sbom", "sbom.cdx.json", sbom_facts)], "supplier_assessments": [],
	"threat_model": [item("threat_model", "docs/threat-model.md", threat_model_facts)],
}

# --- a minimal-risk internal tool (no personal data, no Annex III use) -----------------

minimal_manifest := json.patch(manifest, [
	{"op": "replace", "path": ["eu_ai_act", "annex_iii", "points"], "value": []},
	{"op": "replace", "path": ["eu_ai_act", "profiling_of_natural_persons"], "value": false},
	{"op": "replace", "path": ["eu_ai_act", "decisions"], "value": {"about_natural_persons": false}},
	{"op": "replace", "path": ["uk_data_protection"], "value": {"personal_data": false}},
	{"op": "replace", "path": ["data", "datasets", 0, "personal_data"], "value": false},
	{"op": "replace", "path": ["system", "decision_role"], "value": "information-retrieval"},
	{"op": "replace", "path": ["risks"], "value": []},
])

# provider_manifest: the same system, built and marketed under the organisation's own name
# (Art. 3(3)) and not used by it: the high-risk provider obligations bind, the deployer's do not.
provider_manifest := put(manifest, ["eu_ai_act", "activities"], ["develops", "markets_under_own_name"])

# uk_only(m): m with no link to the EU (Art. 2(1)): the Act does not reach it.
uk_only(m) := json.patch(m, [
	{"op": "replace", "path": ["organisation", "established_in_eu"], "value": false},
	{"op": "replace", "path": ["eu_ai_act", "scope"], "value": {
		"placed_on_eu_market": false, "put_into_service_in_eu": false, "deployed_in_eu": false,
		"output_intended_for_use_in_eu": false, "exclusions": [], "free_open_source_licence": false,
	}},
])

# uk_low: personal data under the UK GDPR that raises nothing: no special category or criminal
# offence data, no significant decision, and a screening that needs no DPIA.
uk_low := {
	"personal_data": true, "regime": "uk_gdpr", "controller": "controller", "lawful_basis": "6(1)(e)",
	"special_category_data": false, "criminal_offence_data": false,
	"automated_decision": {"significant": false},
	"dpia_screen": {"art_35_3": [], "ico_list": [], "wp248": []},
}

# --- a public chatbot the organisation builds on a third-party foundation model (Art. 50) --

genai_manifest := json.patch(minimal_manifest, [
	{"op": "replace", "path": ["system", "deployment"], "value": "public-facing"},
	{"op": "replace", "path": ["system", "decision_role"], "value": "content-generation"},
	{
		"op": "add", "path": ["system", "transparency_notice"],
		"value": "You are chatting with an AI assistant. Answers can be wrong.",
	},
	{
		"op": "replace",
		"path": ["eu_ai_act", "activities"],
		"value": ["develops", "puts_into_service_own_use", "uses_under_authority"],
	},
	{"op": "replace", "path": ["eu_ai_act", "transparency"], "value": {
		"interacts_directly_with_natural_persons": true, "ai_nature_obvious": false,
		"generates_synthetic": ["text"], "assistive_editing_or_no_substantial_alteration": false,
		"publishes_public_interest_text": false, "authorised_by_law_for_crime": false,
		"output_marking": "Every answer carries generated: ai in its metadata.",
	}},
	{"op": "replace", "path": ["models", 0], "value": {
		"name": "example-llm", "version": "2026-05", "type": "foundation-model", "task": "text-generation",
		"provider": "Example Models Ltd", "model_card": "docs/supplier-model-card.md", "licence": "commercial",
	}},
	{"op": "add", "path": ["evidence", "red_team"], "value": ["reports/redteam.json"]},
	{"op": "add", "path": ["evidence", "supplier_assessments"], "value": ["suppliers/example-models.yaml"]},
	{"op": "remove", "path": ["evidence", "dpia"]},
	{"op": "remove", "path": ["evidence", "fria"]},
])

genai_evidence := json.patch(evidence, [
	{
		"op": "replace", "path": ["model_cards", 0],
		"value": item(
			"model_cards", "docs/supplier-model-card.md",
			json.patch(model_card_facts, [{"op": "replace", "path": ["name"], "value": "example-llm"}]),
		),
	},
	{"op": "replace", "path": ["sbom", 0, "facts", "ml_models"], "value": ["example-llm"]},
	{"op": "replace", "path": ["sbom", 0, "facts", "components", 0], "value": {
		"name": "example-llm", "version": "2026-05", "type": "machine-learning-model",
		"licenses": ["LicenseRef-Example-Models-Terms"], "hashes": [], "purl": null, "has_model_card": true,
	}},
	{"op": "replace", "path": ["red_team"], "value": [item("red_team", "reports/redteam.json", red_team_facts)]},
	{
		"op": "replace", "path": ["supplier_assessments"],
		"value": [item("supplier_assessments", "suppliers/example-models.yaml", supplier_facts)],
	},
	{"op": "replace", "path": ["dpia"], "value": []},
	{"op": "replace", "path": ["fria"], "value": []},
])

# --- a general-purpose AI model the organisation develops and places on the EU market ------
# Below the systemic-risk threshold (Art. 51(2)), proprietary, provider established in the EU.

gpai_manifest := json.patch(minimal_manifest, [
	{"op": "replace", "path": ["eu_ai_act", "is_gpai_model"], "value": true},
	{"op": "replace", "path": ["eu_ai_act", "activities"], "value": ["develops", "markets_under_own_name"]},
	{"op": "replace", "path": ["eu_ai_act", "scope", "placed_on_eu_market"], "value": true},
	{"op": "add", "path": ["eu_ai_act", "art_5", "intimate_or_csam_generation"], "value": "none"},
	{
		"op": "replace",
		"path": ["eu_ai_act", "transparency"],
		"value": {"interacts_directly_with_natural_persons": false, "generates_synthetic": []},
	},
	{"op": "add", "path": ["eu_ai_act", "gpai"], "value": {
		"training_compute_flop": 3.0e+24, "commission_designated": false, "open_licence_weights_public": false,
		"first_placed_on_market": "2025-09-01",
		"copyright_policy": "https://example.org/copyright-policy",
		"training_content_summary": "https://example.org/training-summary",
	}},
])
