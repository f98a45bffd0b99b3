package ai_assure.rules.fria.content_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.fria.content

test_complete_fria_passes if {
	m := fx.manifest
	ev := fx.evidence
	content.applicable with input.manifest as m
	count(content.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_not_applicable_to_an_organisation_that_only_provides_the_system if {
	m := fx.put(fx.manifest, ["eu_ai_act", "activities"], ["develops", "markets_under_own_name"])
	not content.applicable with input.manifest as m
}

test_missing_elements_are_denied_with_their_article_points if {
	m := fx.manifest
	ev := json.patch(fx.evidence, [
		{"op": "replace", "path": ["fria", 0, "facts", "affected_groups"], "value": null},
		{"op": "replace", "path": ["fria", 0, "facts", "complaint_mechanism"], "value": ""},
		{
			"op": "replace", "path": ["fria", 0, "facts", "missing_fields"],
			"value": ["affected_groups", "complaint_mechanism"],
		},
	])
	findings := content.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.msg == concat("", [
		"The FRIA docs/fria.yaml does not cover: affected_groups (Art. 27(1)(c) the people affected); ",
		"complaint_mechanism (Art. 27(1)(f) complaints and redress)",
	])
	f.path == ["evidence", "fria"]
}
