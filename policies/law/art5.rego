# Prohibited AI practices: EU AI Act Art. 5(1), derived from the facts (docs/classification.md).
#
# Each point holds only when every trigger fact is answered yes, and an exception applies only
# when it is answered yes, so leaving a question out never lowers the classification. Points
# (a)-(g) cover placing on the market, putting into service and use; (h) covers use only, so
# it binds a deployer. The Digital Omnibus points (ba), (bb) are confirmed by secondary
# sources only: they apply only with date_schedule omnibus_2026, and are flagged for review
# otherwise. A practice the team declares (eu_ai_act.declared.prohibited_practices) counts
# while the facts it turns on are unanswered (fail closed); once they are, the facts decide.
package ai_assure.law.art5

import rego.v1

import data.ai_assure.law.dates as law_dates
import data.ai_assure.law.facts
import data.ai_assure.law.roles
import data.ai_assure.lib.util

_a5(id) := concat("", ["eu_ai_act.art_5.", id])

_rt(id) := concat("", ["eu_ai_act.art_5.real_time_remote_identification.", id])

_emotion := "eu_ai_act.biometrics.emotion_recognition"

_categorisation := "eu_ai_act.biometrics.biometric_categorisation"

_rbi := "eu_ai_act.biometrics.remote_identification"

# point_facts: the facts each point turns on, its trigger first (what a team must answer to
# settle it).
point_facts := {
	"Art.5(1)(a)": [_a5("manipulative_or_subliminal"), _a5("material_distortion_significant_harm")],
	"Art.5(1)(b)": [_a5("exploits_vulnerability"), _a5("material_distortion_significant_harm")],
	"Art.5(1)(c)": [_a5("social_scoring"), _a5("detrimental_treatment")],
	"Art.5(1)(d)": [_a5("crime_prediction_basis")],
	"Art.5(1)(e)": [_a5("untargeted_facial_scraping")],
	"Art.5(1)(f)": [_emotion, _a5("emotion_setting"), _a5("medical_or_safety_purpose")],
	"Art.5(1)(g)": [_categorisation, _a5("infers_protected_traits"), _a5("categorisation_exception")],
	"Art.5(1)(h)": [
		_rbi, _rt("real_time"), _rt("publicly_accessible_space"), _rt("law_enforcement_purpose"),
		_rt("objective"),
	],
	"Art.5(1)(ba)": [_a5("intimate_or_csam_generation")],
	"Art.5(1)(bb)": [_a5("intimate_or_csam_generation")],
}

# --- the points the facts establish ---------------------------------------------------------

points contains "Art.5(1)(a)" if {
	facts.yes(_a5("manipulative_or_subliminal"))
	facts.yes(_a5("material_distortion_significant_harm"))
}

points contains "Art.5(1)(b)" if {
	facts.any_listed(_a5("exploits_vulnerability"))
	facts.yes(_a5("material_distortion_significant_harm"))
}

points contains "Art.5(1)(c)" if {
	facts.yes(_a5("social_scoring"))
	facts.any_listed(_a5("detrimental_treatment"))
}

points contains "Art.5(1)(d)" if facts.is(_a5("crime_prediction_basis"), "solely_profiling_or_traits")

points contains "Art.5(1)(e)" if facts.yes(_a5("untargeted_facial_scraping"))

# Emotion recognition at work or in education, unless intended for medical or safety reasons.
points contains "Art.5(1)(f)" if {
	emotion_at_work_or_school
	not facts.yes(_a5("medical_or_safety_purpose"))
}

points contains "Art.5(1)(g)" if {
	protected_trait_categorisation
	not categorisation_excepted
}

# Art. 5(1)(h) prohibits the use (by a deployer), outside the objectives Art. 5(1)(h)(i)-(iii)
# allow when every condition of Art. 5(2)-(5) is met.
points contains "Art.5(1)(h)" if {
	real_time_rbi_for_law_enforcement
	"deployer" in roles.held
	not rbi_exception
}

points contains "Art.5(1)(ba)" if {
	facts.is(_a5("intimate_or_csam_generation"), "intimate_imagery_without_explicit_consent")
	law_dates.secondary
}

points contains "Art.5(1)(bb)" if {
	facts.is(_a5("intimate_or_csam_generation"), "child_sexual_abuse_material")
	law_dates.secondary
}

emotion_at_work_or_school if {
	facts.yes(_emotion)
	facts.any_listed(_a5("emotion_setting"))
}

protected_trait_categorisation if {
	facts.yes(_categorisation)
	facts.any_listed(_a5("infers_protected_traits"))
}

categorisation_excepted if facts.value(_a5("categorisation_exception")) in {
	"labelling_filtering_lawful_dataset",
	"law_enforcement_categorisation",
}

real_time_rbi_for_law_enforcement if {
	facts.yes(_rbi)
	facts.yes(_rt("real_time"))
	facts.yes(_rt("publicly_accessible_space"))
	facts.yes(_rt("law_enforcement_purpose"))
}

rbi_exception if {
	facts.value(_rt("objective")) in {
		"victim_or_missing_person_search",
		"imminent_threat_or_terrorism",
		"annex_ii_suspect_4y",
	}
	every id in ["national_law_authorises", "prior_authorisation", "fria_done", "registered"] {
		facts.yes(_rt(id))
	}
}

# omnibus_only_point: facts the Omnibus would prohibit, under the Act as published (a review
# item and an assurance-level reason, never applied silently).
omnibus_only_point := "Art.5(1)(ba)" if {
	facts.is(_a5("intimate_or_csam_generation"), "intimate_imagery_without_explicit_consent")
} else := "Art.5(1)(bb)" if {
	facts.is(_a5("intimate_or_csam_generation"), "child_sexual_abuse_material")
}

# --- the team's own list ------------------------------------------------------------------------

declared_practices := facts.items("eu_ai_act.declared.prohibited_practices")

# _settled(p): the facts decide point p: every fact it turns on is answered, or its trigger is
# answered no (false, [] or none), which rules the practice out whatever the others say.
_settled(p) if {
	ids := object.get(point_facts, p, ["eu_ai_act.declared.prohibited_practices"])
	every id in ids {
		facts.answered(id)
	}
}

_settled(p) if facts.value(point_facts[p][0]) in {false, [], "none"}

declared_open contains p if {
	some p in declared_practices
	not p in points
	not _settled(p)
}

declared_contradicted contains p if {
	some p in declared_practices
	not p in points
	_settled(p)
}

prohibited_points := points | declared_open

prohibited if count(prohibited_points) > 0

# --- grounds: each conclusion with its citation and the facts that decided it -----------------------

_title(p) := data.ai_assure.legal.art_5_points[p].title

_answered(p) := [id | some id in point_facts[p]; facts.answered(id)]

grounds contains facts.ground(p, "prohibited", util.msg(["prohibited: ", _title(p)]), _answered(p)) if {
	some p in points
}

grounds contains facts.ground(p, "prohibited", text, ["eu_ai_act.declared.prohibited_practices"]) if {
	some p in declared_open
	text := util.msg(["prohibited as the team declares (", _title(p), ") until the facts it turns on are answered"])
}

grounds contains facts.ground("Art.5(1)(h)", "exception", text, point_facts["Art.5(1)(h)"]) if {
	real_time_rbi_for_law_enforcement
	rbi_exception
	text := concat("", [
		"real-time remote biometric identification for law enforcement is used for an objective",
		" Art. 5(1)(h) allows and meets every condition of Art. 5(2)-(5)",
	])
}

grounds contains facts.ground("Art.5(1)(d)", "exception", text, point_facts["Art.5(1)(d)"]) if {
	facts.is(_a5("crime_prediction_basis"), "supports_human_assessment_on_objective_facts")
	text := concat("", [
		"not prohibited: it supports a human assessment already based on objective, verifiable facts",
		" linked to criminal activity",
	])
}

grounds contains facts.ground("Art.5(1)(f)", "exception", text, point_facts["Art.5(1)(f)"]) if {
	emotion_at_work_or_school
	facts.yes(_a5("medical_or_safety_purpose"))
	text := "not prohibited: the emotion recognition is intended for medical or safety reasons"
}

grounds contains facts.ground("Art.5(1)(g)", "exception", text, point_facts["Art.5(1)(g)"]) if {
	protected_trait_categorisation
	categorisation_excepted
	text := util.msg(["not prohibited: the categorisation is ", facts.value(_a5("categorisation_exception"))])
}
