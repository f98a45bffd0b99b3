package ai_assure.law.art50_test

import rego.v1

import data.ai_assure.law.art50
import data.ai_assure.law.eu
import data.ai_assure.lib.fixtures_test as fx

# Each test starts from a fully answered minimal system (an AI system a public body uses in the
# EU, with no Art. 5, Annex I, Annex III or Art. 50 trigger) and changes the facts one rule of
# the Act turns on.

_m(patches) := json.patch(fx.minimal_manifest, patches)

_set(path, value) := {"op": "add", "path": path, "value": value}

_category(m) := c if {
	c := eu.category with input.manifest as m
}

_citations(m) := cs if {
	grounds := eu.grounds with input.manifest as m
	cs := {g.citation | some g in grounds}
}

# --- Art. 50 -------------------------------------------------------------------------------------------------

_transparency(t) := _m([
	_set(["eu_ai_act", "transparency"], object.union({"authorised_by_law_for_crime": false}, t)),
	_set(["eu_ai_act", "art_5", "intimate_or_csam_generation"], "none"),
])

test_art_50_1_a_system_people_interact_with if {
	m := _transparency({
		"interacts_directly_with_natural_persons": true,
		"ai_nature_obvious": false,
		"generates_synthetic": [],
	})
	_category(m) == "limited"
	art50.applying == {"Art.50(1)"} with input.manifest as m
}

test_art_50_1_not_where_it_is_obvious_with_a_rationale if {
	m := _transparency({
		"interacts_directly_with_natural_persons": true, "ai_nature_obvious": true,
		"ai_nature_obvious_rationale": "It introduces itself as an AI assistant by design.", "generates_synthetic": [],
	})
	_category(m) == "minimal"
}

test_art_50_1_the_crime_exception_ends_where_the_public_reports_crime if {
	m := _transparency({
		"interacts_directly_with_natural_persons": true, "ai_nature_obvious": false, "generates_synthetic": [],
		"authorised_by_law_for_crime": true, "public_can_report_crime": true,
	})
	art50.applying == {"Art.50(1)"} with input.manifest as m
	m2 := fx.put(m, ["eu_ai_act", "transparency", "public_can_report_crime"], false)
	_category(m2) == "minimal"
}

test_art_50_2_synthetic_content_unless_only_assistive_editing if {
	m := _transparency({
		"interacts_directly_with_natural_persons": false, "generates_synthetic": ["image"],
		"assistive_editing_or_no_substantial_alteration": false, "deep_fake_output": false,
	})
	art50.applying == {"Art.50(2)"} with input.manifest as m
	m2 := fx.put(m, ["eu_ai_act", "transparency", "assistive_editing_or_no_substantial_alteration"], true)
	_category(m2) == "minimal"
}

test_art_50_3_emotion_recognition_binds_the_deployer if {
	m := _m([
		_set(["eu_ai_act", "biometrics", "emotion_recognition"], true),
		_set(["eu_ai_act", "art_5", "emotion_setting"], []),
	])
	some d in art50.paragraphs with input.manifest as m
	d.paragraph == "Art.50(3)"
	d.addressee == "deployer"
}

test_art_50_4_deep_fakes_and_public_interest_text if {
	m := _transparency({
		"interacts_directly_with_natural_persons": false, "generates_synthetic": ["video", "text"],
		"assistive_editing_or_no_substantial_alteration": true, "deep_fake_output": true,
		"evidently_artistic_satirical_fictional": true, "publishes_public_interest_text": true,
		"human_editorial_responsibility": false,
	})
	texts := {d.text | some d in art50.paragraphs; d.paragraph == "Art.50(4)"} with input.manifest as m
	count(texts) == 2
	some t in texts
	contains(t, "limited to a non-hampering disclosure")
}

test_high_risk_and_transparency_coexist if {
	m := json.patch(fx.genai_manifest, [
		_set(["eu_ai_act", "annex_iii", "points"], ["AnnexIII.4(a)"]),
		_set(["eu_ai_act", "profiling_of_natural_persons"], true),
	])
	_category(m) == "high"
	count({"AnnexIII.4(a)", "Art.50(1)", "Art.50(2)"} - _citations(m)) == 0
}
