package ai_assure.law.high_risk_test

import rego.v1

import data.ai_assure.law.eu
import data.ai_assure.law.high_risk
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

# --- Art. 6(1) and Annex I ------------------------------------------------------------------------------

_annex_i(act, component, third_party) := _m([_set(
	["eu_ai_act", "annex_i"],
	{"act": act, "safety_component_or_product": component, "third_party_conformity_required": third_party},
)])

test_a_safety_component_needing_a_notified_body_is_high_risk if {
	m := _annex_i("A11", true, true)
	_category(m) == "high"
	"Art.6(1)+AnnexI.A.11" in _citations(m)
	high_risk.annex_i_section_a with input.manifest as m
}

test_a_self_certified_product_is_not_high_risk_through_annex_i if {
	m := _annex_i("A11", true, false)
	_category(m) == "minimal"
	"Art.6(1)" in _citations(m)
}

test_a_section_b_product_is_high_risk_with_only_the_articles_art_2_2_names if {
	m := _annex_i("B18", true, true)
	_category(m) == "high"
	high_risk.annex_i_section_b with input.manifest as m
	"Art.6(1)+AnnexI.B.18" in _citations(m)
}

# --- Art. 6(2) and Annex III: every point, with its carve-outs ----------------------------------------------

_annex_iii(points, carve_outs) := _m([
	_set(["eu_ai_act", "annex_iii"], {"points": points, "carve_outs": carve_outs}),
	_set(["eu_ai_act", "profiling_of_natural_persons"], false),
	_set(["eu_ai_act", "art_6_3"], {"claimed": false}),
])

test_every_annex_iii_point_is_high_risk if {
	every p in object.keys(data.ai_assure.legal.annex_iii) {
		m := _annex_iii([p], [])
		_category(m) == "high"
		p in _citations(m)
	}
}

test_every_carve_out_takes_its_point_out if {
	cases := {
		"AnnexIII.1(a)": "biometric_verification_only", "AnnexIII.5(b)": "financial_fraud_detection_only",
		"AnnexIII.7(d)": "travel_document_verification_only", "AnnexIII.8(a)": "ancillary_judicial_admin_only",
		"AnnexIII.8(b)": "campaign_admin_logistics_only",
	}
	every p, carve_out in cases {
		m := _annex_iii([p], [carve_out])
		_category(m) == "minimal"
		p in high_risk.carved with input.manifest as m
	}
}

test_a_carve_out_never_reaches_another_point if {
	m := _annex_iii(["AnnexIII.5(a)", "AnnexIII.5(b)"], ["financial_fraud_detection_only"])
	_category(m) == "high"
	high_risk.annex_iii_points == {"AnnexIII.5(a)"} with input.manifest as m
}

# --- Art. 6(3) -------------------------------------------------------------------------------------------

_claim := {
	"claimed": true, "conditions": ["d_preparatory"], "no_significant_risk": true,
	"assessment_doc": "docs/art-6-3.md", "assessment_date": "2026-06-01", "registered": true,
}

test_a_documented_registered_derogation_without_profiling_holds if {
	m := fx.put(_annex_iii(["AnnexIII.7(c)"], []), ["eu_ai_act", "art_6_3"], _claim)
	high_risk.derogation_holds with input.manifest as m
	_category(m) == "minimal"
	"Art.6(3)" in _citations(m)
}

test_profiling_always_makes_an_annex_iii_system_high_risk if {
	m := json.patch(_annex_iii(["AnnexIII.7(c)"], []), [
		_set(["eu_ai_act", "art_6_3"], _claim),
		_set(["eu_ai_act", "profiling_of_natural_persons"], true),
	])
	high_risk.derogation_void with input.manifest as m
	_category(m) == "high"
}

test_an_unregistered_derogation_does_not_hold if {
	m := fx.put(_annex_iii(["AnnexIII.7(c)"], []), ["eu_ai_act", "art_6_3"], object.union(_claim, {"registered": false}))
	_category(m) == "high"
}

test_a_declared_annex_iii_area_counts_while_the_points_are_unanswered if {
	m := json.patch(fx.minimal_manifest, [
		{"op": "remove", "path": ["eu_ai_act", "annex_iii", "points"]},
		_set(["eu_ai_act", "declared"], {"annex_iii_areas": ["administration_of_justice"]}),
	])
	_category(m) == "high"
	"AnnexIII.8" in _citations(m)
	m2 := fx.put(m, ["eu_ai_act", "annex_iii", "points"], [])
	_category(m2) == "minimal"
}
