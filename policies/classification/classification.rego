# The risk tier of the system and the reasons for it, computed from the manifest's
# classification facts. Every rule decides whether it applies from the helpers here,
# so proportionality is decided once, in Rego, and every evaluator agrees.
#
# tier is exactly one of prohibited | high | limited | minimal (default minimal):
#   prohibited  an EU AI Act Art. 5(1) practice is declared
#   high        an Annex III area applies and the Art. 6(3) derogation does not, or a
#               UK GDPR trigger applies (special category data: Art. 9; solely
#               automated decisions: Art. 22)
#   limited     an EU AI Act Art. 50 transparency trigger applies
#   minimal     none of the above
package ai_assure.classification

import rego.v1

import data.ai_assure.lib.util

_eu(key) := util.manifest(["classification", "eu_ai_act", key])

_uk(key) := util.manifest(["classification", "uk_gdpr", key])

_system(key) := util.manifest(["system", key])

# --- EU AI Act Art. 5: prohibited practices -------------------------------------

art_5_points := {
	"Art.5(1)(a)": "subliminal, manipulative or deceptive techniques that distort behaviour",
	"Art.5(1)(b)": "exploiting vulnerabilities due to age, disability or social or economic situation",
	"Art.5(1)(c)": "social scoring leading to detrimental or unfavourable treatment",
	"Art.5(1)(d)": "predicting criminal offending solely from profiling or personality traits",
	"Art.5(1)(e)": "untargeted scraping of facial images to build facial recognition databases",
	"Art.5(1)(f)": "emotion recognition in the workplace or in education",
	"Art.5(1)(g)": "biometric categorisation to infer sensitive characteristics",
	"Art.5(1)(h)": "real-time remote biometric identification in public spaces for law enforcement",
}

# art_5_title(p): what point p prohibits, in words.
art_5_title(p) := title if {
	title := art_5_points[p]
} else := "not a recognised Art. 5(1) point"

prohibited_practices := util.list(_eu("prohibited_practices"))

prohibited if count(prohibited_practices) > 0

# --- EU AI Act Art. 6(2) and Annex III: high-risk areas ---------------------------

annex_iii := {
	"biometrics": {"point": 1, "title": "biometrics"},
	"critical_infrastructure": {"point": 2, "title": "critical infrastructure"},
	"education": {"point": 3, "title": "education and vocational training"},
	"employment": {"point": 4, "title": "employment, workers management and access to self-employment"},
	"essential_services": {"point": 5, "title": "access to essential private and public services and benefits"},
	"law_enforcement": {"point": 6, "title": "law enforcement"},
	"migration": {"point": 7, "title": "migration, asylum and border control management"},
	"administration_of_justice": {"point": 8, "title": "administration of justice and democratic processes"},
}

annex_iii_areas := util.list(_eu("annex_iii_areas"))

# annex_iii_points: the Annex III points (1-8) of the declared, recognised areas.
annex_iii_points contains point if {
	some area in annex_iii_areas
	point := annex_iii[area].point
}

# unknown_annex_iii_areas: declared values that name no Annex III area. They still make
# the system high-risk (fail closed); rule CLS-002 asks for a recognised value.
unknown_annex_iii_areas contains area if {
	some area in annex_iii_areas
	not annex_iii[area]
}

annex_iii_declared if count(annex_iii_areas) > 0

# The Art. 6(3) derogation needs a documented reason, and is never available to a
# system that profiles natural persons (Art. 6(3), last subparagraph): the manifest
# must state profiling_of_natural_persons: false for the derogation to hold, and the
# reason must be long enough to say which Art. 6(3) condition applies and why (at least
# min_derogation_words words; rule CLS-003 says what is missing).
derogation_claimed if util.present(_eu("art_6_3_exemption"))

min_derogation_words := 8

derogation_reason_words := count([w | some w in split(trim_space(_eu("art_6_3_exemption")), " "); w != ""]) if {
	is_string(_eu("art_6_3_exemption"))
}

derogation_documented if derogation_reason_words >= min_derogation_words

profiling if _eu("profiling_of_natural_persons") == true

profiling_stated_false if _eu("profiling_of_natural_persons") == false

derogation_applies if {
	derogation_claimed
	derogation_documented
	profiling_stated_false
}

annex_iii_high if {
	annex_iii_declared
	not derogation_applies
}

# --- EU AI Act Art. 50: transparency triggers -------------------------------------

interacts_with_public if _system("interacts_with_public") == true

generates_synthetic_content if _system("generates_synthetic_content") == true

public_deployment if _system("deployment") == "public-facing"

# public_facing: people outside the organisation use or see the system.
public_facing if interacts_with_public

public_facing if public_deployment

art_50 if public_facing

art_50 if generates_synthetic_content

# --- UK GDPR ------------------------------------------------------------------------

special_category_data if _uk("special_category_data") == true

special_category_data if {
	some d in util.datasets
	d.dataset.special_category_data == true
}

solely_automated_decision if _uk("solely_automated_decision") == true

uk_high if special_category_data

uk_high if solely_automated_decision

personal_data if _uk("personal_data") == true

personal_data if special_category_data

personal_data if {
	some d in util.datasets
	d.dataset.personal_data == true
}

# automated_decision: decisions are made without a person (either declaration counts).
automated_decision if solely_automated_decision

automated_decision if _system("decision_role") == "automated-decision"

# --- Models -----------------------------------------------------------------------

# third_party_models: models the organisation did not build ({"index", "model"}).
third_party_models := [m |
	some m in util.models
	m.model.type in {"third-party", "foundation-model"}
]

# generative: the system generates content (red-team testing applies).
generative if {
	some m in util.models
	m.model.type == "foundation-model"
}

generative if generates_synthetic_content

generative if _system("decision_role") == "content-generation"

# --- Roles and scope -------------------------------------------------------------------

# role: the system's EU AI Act operator role (provider, deployer, importer, distributor).
role := _eu("role")

provider if role == "provider"

deployer if role == "deployer"

# gpai_provider: the organisation provides a general-purpose AI model (Chapter V, Art. 53).
gpai_provider if {
	_eu("general_purpose_ai") == true
	provider
}

# decision_support: outputs inform or make decisions about people or cases.
decision_support if _system("decision_role") in {"decision-support", "automated-decision"}

# atrs_in_scope: the ATRS mandatory scope (significant influence on decisions with public
# effect, or direct interaction with the public).
atrs_in_scope if public_facing

atrs_in_scope if decision_support

# fria_required: EU AI Act Art. 27(1): a deployer that is a body governed by public law or
# provides public services (policy configuration: public_body) deploying a high-risk
# Annex III system other than point 2, or any deployer of an Annex III point 5 system (5(b)
# and 5(c) are not told apart, so point 5 counts, failing closed). An unrecognised area
# counts as any point.
fria_required if {
	annex_iii_high
	deployer
	data.ai_assure.config.public_body == true
	count(annex_iii_points - {2}) + count(unknown_annex_iii_areas) > 0
}

fria_required if {
	annex_iii_high
	deployer
	5 in annex_iii_points
}

# triggers: the facts that raise obligations, by name. Policy configuration keyed by
# trigger (risk.required_categories) is read through this set.
triggers contains "high_risk" if high_risk

triggers contains "personal_data" if personal_data

triggers contains "special_category_data" if special_category_data

triggers contains "automated_decision" if automated_decision

triggers contains "third_party_models" if count(third_party_models) > 0

triggers contains "generative" if generative

triggers contains "public_facing" if public_facing

# --- The tier -----------------------------------------------------------------------

_high_trigger if annex_iii_high

_high_trigger if uk_high

default tier := "minimal"

tier := "prohibited" if {
	prohibited
} else := "high" if {
	_high_trigger
} else := "limited" if {
	art_50
}

ranks := {"minimal": 0, "limited": 1, "high": 2, "prohibited": 3}

rank := ranks[tier]

# high_risk: the obligations of a high-risk system apply (a prohibited system is at
# least as constrained).
high_risk if rank >= 2

at_least_limited if rank >= 1

# --- Reasons, in the law's words ------------------------------------------------------

reasons contains util.msg(["EU AI Act ", p, ": prohibited practice declared (", art_5_title(p), ")"]) if {
	some p in prohibited_practices
}

reasons contains util.msg(["EU AI Act Annex III point ", a.point, ": ", a.title]) if {
	not derogation_applies
	some area in annex_iii_areas
	a := annex_iii[area]
}

reasons contains util.msg(["EU AI Act Annex III: ", area, " is not a recognised area and is treated as high-risk"]) if {
	not derogation_applies
	some area in unknown_annex_iii_areas
}

reasons contains util.msg([
	"EU AI Act Art. 6(3): not high-risk under Annex III point ", a.point,
	" (", a.title, "): derogation documented: ", _eu("art_6_3_exemption"),
]) if {
	derogation_applies
	some area in annex_iii_areas
	a := annex_iii[area]
}

reasons contains "EU AI Act Art. 6(3): the derogation claimed is void because the system profiles natural persons" if {
	derogation_claimed
	annex_iii_declared
	profiling
}

reasons contains msg if {
	derogation_claimed
	annex_iii_declared
	not profiling
	not profiling_stated_false
	msg := concat("", [
		"EU AI Act Art. 6(3): the derogation claimed is not accepted because profiling_of_natural_persons",
		" is not stated false",
	])
}

reasons contains msg if {
	derogation_claimed
	annex_iii_declared
	profiling_stated_false
	not derogation_documented
	msg := concat("", [
		"EU AI Act Art. 6(3): the derogation claimed is not accepted because its reason is too short",
		" to document the assessment",
	])
}

reasons contains "EU AI Act Art. 50(1): the system interacts directly with the public" if interacts_with_public

reasons contains "EU AI Act Art. 50: the system is deployed public-facing" if public_deployment

reasons contains "EU AI Act Art. 50(2): the system generates synthetic content" if generates_synthetic_content

reasons contains "UK GDPR Art. 9: special category personal data is processed" if special_category_data

reasons contains "UK GDPR Art. 22: decisions are based solely on automated processing" if solely_automated_decision

reasons contains "UK GDPR Art. 35: personal data is processed, so a DPIA is required" if personal_data

reasons contains msg if {
	tier == "minimal"
	msg := concat("", [
		"No EU AI Act prohibited, Annex III or Art. 50 trigger and no UK GDPR Art. 9 or Art. 22",
		" trigger applies: minimal risk",
	])
}
