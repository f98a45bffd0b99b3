# High-risk AI systems: EU AI Act Art. 6, derived from the facts (docs/classification.md).
#
# Through a product (Art. 6(1), Annex I): a safety component of a product, or the product
# itself, under an Annex I act that requires third-party conformity assessment. Through a use
# (Art. 6(2), Annex III): every listed sub-point, unless its own carve-out applies (a carve-out
# never reaches another point) or the provider's Art. 6(3) derogation holds. A system that
# profiles natural persons is always high-risk (Art. 6(3) third subparagraph); the engine
# takes the stricter reading of Art. 6(3) (a condition and no significant risk, documented
# before first use and registered: contested, flagged for review).
package ai_assure.law.high_risk

import rego.v1

import data.ai_assure.law.dates as law_dates
import data.ai_assure.law.facts
import data.ai_assure.lib.dates
import data.ai_assure.lib.util

_annex_iii := data.ai_assure.legal.annex_iii

_annex_i_facts := [
	"eu_ai_act.annex_i.act", "eu_ai_act.annex_i.safety_component_or_product",
	"eu_ai_act.annex_i.third_party_conformity_required",
]

# --- Art. 6(1) and Annex I: through a product ---------------------------------------------

annex_i_act := facts.value("eu_ai_act.annex_i.act")

annex_i_named if {
	is_string(annex_i_act)
	annex_i_act != "none"
}

annex_i_high if {
	annex_i_named
	facts.yes("eu_ai_act.annex_i.safety_component_or_product")
	facts.yes("eu_ai_act.annex_i.third_party_conformity_required")
}

# Section B products: only Arts. 6(1), 102-109 and 112 apply (Art. 2(2)). The Omnibus
# (secondary sources) moves machinery (A1) to Section B.
annex_i_section_b if {
	annex_i_high
	startswith(annex_i_act, "B")
}

annex_i_section_b if {
	annex_i_high
	annex_i_act == "A1"
	law_dates.secondary
}

annex_i_section_a if {
	annex_i_high
	not annex_i_section_b
}

# annex_i_citation: Art.6(1)+AnnexI.A.11 for the Annex I entry A11.
annex_i_citation := concat(
	"",
	["Art.6(1)+AnnexI.", substring(annex_i_act, 0, 1), ".", substring(annex_i_act, 1, -1)],
) if {
	annex_i_high
}

# --- Art. 6(2) and Annex III: through a use ------------------------------------------------

listed_points := {p | some p in facts.items("eu_ai_act.annex_iii.points")}

# implied_points: Annex III points the biometric facts establish, listed or not.
implied_points contains "AnnexIII.1(a)" if facts.yes("eu_ai_act.biometrics.remote_identification")

implied_points contains "AnnexIII.1(b)" if {
	facts.yes("eu_ai_act.biometrics.biometric_categorisation")
	facts.any_listed("eu_ai_act.art_5.infers_protected_traits")
}

implied_points contains "AnnexIII.1(c)" if facts.yes("eu_ai_act.biometrics.emotion_recognition")

_implied_by := {
	"AnnexIII.1(a)": ["eu_ai_act.biometrics.remote_identification"],
	"AnnexIII.1(b)": ["eu_ai_act.biometrics.biometric_categorisation", "eu_ai_act.art_5.infers_protected_traits"],
	"AnnexIII.1(c)": ["eu_ai_act.biometrics.emotion_recognition"],
}

candidate_points := listed_points | implied_points

carve_outs := facts.items("eu_ai_act.annex_iii.carve_outs")

# carved: points their own carve-out takes the system out of (the 5(b) fraud exception does not
# touch 5(a)).
carved contains p if {
	some p in candidate_points
	_annex_iii[p].carve_out in carve_outs
}

annex_iii_points := candidate_points - carved

# declared_areas_open: Annex III areas the team declares (eu_ai_act.declared.annex_iii_areas, a
# version 1 label) while the points are unanswered: they count until the points are answered
# (fail closed: leaving the question out never lowers the category).
declared_areas_open contains n if {
	facts.unanswered("eu_ai_act.annex_iii.points")
	some a in facts.items("eu_ai_act.declared.annex_iii_areas")
	n := data.ai_assure.legal.annex_iii_areas[a]
}

annex_iii_areas contains area if {
	some p in annex_iii_points
	area := _annex_iii[p].area
}

annex_iii_areas contains n if some n in declared_areas_open

profiling if facts.yes("eu_ai_act.profiling_of_natural_persons")

# --- Art. 6(3): the derogation -------------------------------------------------------------------

_d(id) := concat("", ["eu_ai_act.art_6_3.", id])

derogation_claimed if facts.yes(_d("claimed"))

# derogation_void: an Annex III system that profiles natural persons is always high-risk
# (Art. 6(3) third subparagraph), whatever is claimed.
derogation_void if {
	derogation_claimed
	profiling
}

# derogation_gaps: why a claimed derogation is not accepted, each {path, text}.
derogation_gaps contains _gap("profiling_of_natural_persons", concat("", [
	"the system profiles natural persons, which always makes it high-risk (Art. 6(3) third",
	" subparagraph)",
])) if {
	derogation_void
}

derogation_gaps contains _gap(
	"profiling_of_natural_persons",
	"profiling_of_natural_persons is not answered false (Art. 6(3) third subparagraph)",
) if {
	derogation_claimed
	not facts.no("eu_ai_act.profiling_of_natural_persons")
	not profiling
}

derogation_gaps contains _gap("art_6_3.conditions", "no Art. 6(3) condition (a)-(d) is stated") if {
	derogation_claimed
	not facts.any_listed(_d("conditions"))
}

derogation_gaps contains _gap(
	"art_6_3.no_significant_risk",
	"no significant risk of harm is not stated (Art. 6(3) first subparagraph)",
) if {
	derogation_claimed
	not facts.yes(_d("no_significant_risk"))
}

derogation_gaps contains _gap(
	"art_6_3.assessment_doc",
	"the assessment is not documented (Art. 6(4)): give assessment_doc",
) if {
	derogation_claimed
	util.blank(facts.value(_d("assessment_doc")))
}

derogation_gaps contains _gap(
	"art_6_3.assessment_date",
	"the assessment has no valid date (Art. 6(4)): give assessment_date",
) if {
	derogation_claimed
	not dates.valid(facts.value(_d("assessment_date")))
}

derogation_gaps contains _gap("art_6_3.assessment_date", concat("", [
	"the assessment was documented after the system was placed on the market or put into service",
	" (Art. 6(4))",
])) if {
	derogation_claimed
	first := facts.value("eu_ai_act.lifecycle.first_placed_or_put_into_service")
	dates.day(facts.value(_d("assessment_date"))) > dates.day(first)
}

derogation_gaps contains _gap(
	"art_6_3.registered",
	"the system is not registered in the EU database (Art. 49(2))",
) if {
	derogation_claimed
	not facts.yes(_d("registered"))
}

_gap(fact, text) := {"path": array.concat(["eu_ai_act"], split(fact, ".")), "text": text}

derogation_holds if {
	derogation_claimed
	count(annex_iii_points) > 0
	count(derogation_gaps) == 0
}

_derogation_facts := [
	"eu_ai_act.profiling_of_natural_persons", _d("claimed"), _d("conditions"), _d("no_significant_risk"),
	_d("assessment_doc"), _d("assessment_date"), _d("registered"),
]

# --- high-risk ---------------------------------------------------------------------------------------

annex_iii_high if {
	count(annex_iii_points) > 0
	not derogation_holds
}

annex_iii_high if count(declared_areas_open) > 0

high if annex_i_high

high if annex_iii_high

# route: which date the high-risk obligations apply from (law.dates): Annex I's (Art. 113(c))
# for a system high-risk only as a product; Annex III's otherwise (Art. 113), which is also the
# date of an Art. 6(3) derogation's registration (Art. 49(2)).
default route := "annex_iii"

route := "annex_i" if {
	annex_i_high
	not annex_iii_high
}

# --- grounds ------------------------------------------------------------------------------------------

_point_text(p) := util.msg(["Annex III ", substring(p, 9, -1), ": ", _annex_iii[p].title])

_point_facts(p) := _implied_by[p] if {
	not p in listed_points
} else := ["eu_ai_act.annex_iii.points"]

default _section_b_note := ""

_section_b_note := "; Annex I Section B: only Arts. 6(1), 102-109 and 112 apply (Art. 2(2))" if annex_i_section_b

_annex_i_gap := "is not a safety component and is not itself the product" if {
	facts.no("eu_ai_act.annex_i.safety_component_or_product")
} else := "does not need third-party conformity assessment" if {
	facts.no("eu_ai_act.annex_i.third_party_conformity_required")
}

grounds contains facts.ground(annex_i_citation, "high", text, _annex_i_facts) if {
	annex_i_high
	text := util.msg([
		"high-risk: a safety component of (or itself) a product under ", data.ai_assure.legal.annex_i[annex_i_act],
		" that needs third-party conformity assessment", _section_b_note,
	])
}

grounds contains facts.ground("Art.6(1)", "exception", text, _annex_i_facts) if {
	annex_i_named
	not annex_i_high
	text := util.msg(["not high-risk through Annex I: the product (", annex_i_act, ") ", _annex_i_gap])
}

grounds contains facts.ground(p, "high", util.msg(["high-risk: ", _point_text(p)]), facts_of) if {
	annex_iii_high
	some p in annex_iii_points
	facts_of := array.concat(_point_facts(p), [id | some id in _derogation_facts; facts.answered(id)])
}

grounds contains facts.ground(citation, "high", text, ["eu_ai_act.declared.annex_iii_areas"]) if {
	some n in declared_areas_open
	citation := util.msg(["AnnexIII.", n])
	text := util.msg([
		"high-risk as the team declares (Annex III point ", n,
		") until eu_ai_act.annex_iii.points is answered",
	])
}

grounds contains facts.ground(p, "exception", text, ["eu_ai_act.annex_iii.carve_outs"]) if {
	some p in carved
	text := util.msg(["carved out: ", _point_text(p), " (", _annex_iii[p].carve_out, ")"])
}

grounds contains facts.ground("Art.6(3)", "exception", text, _derogation_facts) if {
	derogation_holds
	text := util.msg([
		"not high-risk: the provider's documented Art. 6(3) derogation holds (",
		util.join(facts.items(_d("conditions"))), ") for ", util.join(annex_iii_points),
	])
}

grounds contains facts.ground("Art.6(3)", "high", text, _derogation_facts) if {
	derogation_claimed
	count(annex_iii_points) > 0
	not derogation_holds
	text := util.msg([
		"the Art. 6(3) derogation claimed does not hold: ",
		concat("; ", sort([g.text | some g in derogation_gaps])),
	])
}
