package ai_assure.law.questions_test

import rego.v1

import data.ai_assure.law.questions
import data.ai_assure.lib.fixtures_test as fx

_open(m) := o if {
	o := questions.open with input.manifest as m
}

test_every_fixture_is_fully_answered if {
	every m in [fx.manifest, fx.minimal_manifest, fx.genai_manifest, fx.gpai_manifest, fx.provider_manifest] {
		count(_open(m)) == 0
	}
}

test_a_system_that_is_not_ai_is_asked_nothing_more_about_the_act if {
	m := {"eu_ai_act": {"is_ai_system": "no", "is_gpai_model": false}, "uk_data_protection": {"personal_data": false}}
	_open(m) == set()
}

test_the_details_of_a_practice_are_asked_once_it_is_answered_yes if {
	m := fx.put(fx.minimal_manifest, ["eu_ai_act", "biometrics", "emotion_recognition"], true)
	o := _open(m)
	"eu_ai_act.art_5.emotion_setting" in o
	not "eu_ai_act.art_5.medical_or_safety_purpose" in o
	m2 := fx.put(m, ["eu_ai_act", "art_5", "emotion_setting"], ["workplace"])
	"eu_ai_act.art_5.medical_or_safety_purpose" in _open(m2)
}

test_an_annex_iii_use_asks_about_profiling_and_the_derogation if {
	m := json.patch(fx.minimal_manifest, [
		{"op": "replace", "path": ["eu_ai_act", "annex_iii", "points"], "value": ["AnnexIII.4(a)"]},
		{"op": "remove", "path": ["eu_ai_act", "profiling_of_natural_persons"]},
		{"op": "remove", "path": ["eu_ai_act", "art_6_3"]},
	])
	o := _open(m)
	"eu_ai_act.profiling_of_natural_persons" in o
	"eu_ai_act.art_6_3.claimed" in o
}

test_the_list_gives_each_question_in_order_with_its_citation if {
	m := fx.remove(fx.remove(fx.manifest, ["uk_data_protection", "controller"]), ["organisation", "public_authority"])
	l := questions.list with input.manifest as m
	[q.fact | some q in l] == ["organisation.public_authority", "uk_data_protection.controller"]
	l[1].cite == "UK GDPR Arts. 4(7), 4(8), 26"
	l[1].path == ["uk_data_protection", "controller"]
}
