package ai_assure.rules.classification.annex_iii_area_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.classification.annex_iii_area

test_recognised_area_passes if {
	m := fx.manifest
	annex_iii_area.applicable with input.manifest as m
	count(annex_iii_area.deny) == 0 with input.manifest as m
}

test_unrecognised_area_is_denied if {
	m := fx.put(fx.manifest, ["classification", "eu_ai_act", "annex_iii_areas"], ["administration_of_justice", "policing"])
	findings := annex_iii_area.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["classification", "eu_ai_act", "annex_iii_areas", 1]
	contains(f.msg, "annex_iii_areas[1] is policing, which is not an Annex III area")
	contains(f.msg, "law_enforcement")
}
