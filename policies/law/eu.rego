# The EU AI Act classification of a system, derived from its facts (docs/classification.md).
#
# Regulation (EU) 2024/1689, in the order of REGULATORY-DECISIONS §3: the gate (is it an AI
# system or a general-purpose AI model, Art. 3(1), 3(63)), scope (Art. 2), the roles held
# (Art. 3(3)-(7), 25), prohibited practices (Art. 5), high-risk through a product (Art. 6(1),
# Annex I) or a use (Art. 6(2), Annex III) unless the Art. 6(3) derogation holds, the
# transparency obligations (Art. 50) and general-purpose AI models (Arts. 51-55).
#
# category is one of prohibited | high | limited | minimal, computed from the facts whether or
# not the Act reaches the system (in_scope says whether it does); the flags gpai_model and
# gpai_systemic_risk are separate. grounds lists every conclusion with its citation. Nothing
# here reads the team's own labels (eu_ai_act.declared) except declared prohibited practices
# whose facts are unanswered, which count until the facts are answered (fail closed).
package ai_assure.law.eu

import rego.v1

import data.ai_assure.law.dates as law_dates
import data.ai_assure.law.facts
import data.ai_assure.lib.dates
import data.ai_assure.lib.util

_legal := data.ai_assure.legal

# --- the gate (Art. 3(1), 3(63)) ------------------------------------------------------------

ai_system if facts.is("eu_ai_act.is_ai_system", "yes")

gpai_model_fact if facts.yes("eu_ai_act.is_gpai_model")

# not_ai: answered no to both: the Act does not classify it.
not_ai if {
	facts.is("eu_ai_act.is_ai_system", "no")
	facts.no("eu_ai_act.is_gpai_model")
}

# assessable: the classification goes on (an AI system or GPAI model, or not yet answered).
assessable if not not_ai

# --- scope (Art. 2) ---------------------------------------------------------------------------

exclusions := facts.items("eu_ai_act.scope.exclusions")

_nexus contains "Art.2(1)(a)" if facts.yes("eu_ai_act.scope.placed_on_eu_market")

_nexus contains "Art.2(1)(a)" if facts.yes("eu_ai_act.scope.put_into_service_in_eu")

_nexus contains "Art.2(1)(b)" if facts.yes("eu_ai_act.scope.deployed_in_eu")

_nexus contains "Art.2(1)(b)" if {
	facts.yes("organisation.established_in_eu")
	"deployer" in roles
}

_nexus contains "Art.2(1)(c)" if facts.yes("eu_ai_act.scope.output_intended_for_use_in_eu")

_nexus contains "Art.2(1)(d)" if facts.listed("eu_ai_act.activities", "imports_third_country_branded")

_nexus contains "Art.2(1)(d)" if {
	facts.listed("eu_ai_act.activities", "distributes")
	facts.yes("organisation.established_in_eu")
}

_nexus contains "Art.2(1)(e)" if {
	facts.listed("eu_ai_act.activities", "ships_in_own_product_under_own_name")
	count({"Art.2(1)(a)"} & {n | some n in _nexus_market}) > 0
}

_nexus contains "Art.2(1)(f)" if facts.listed("eu_ai_act.activities", "eu_mandate_from_non_eu_provider")

_nexus_market contains "Art.2(1)(a)" if facts.yes("eu_ai_act.scope.placed_on_eu_market")

_nexus_market contains "Art.2(1)(a)" if facts.yes("eu_ai_act.scope.put_into_service_in_eu")

nexus := sort([n | some n in _nexus])

_nexus_facts := [
	"eu_ai_act.scope.placed_on_eu_market", "eu_ai_act.scope.put_into_service_in_eu",
	"eu_ai_act.scope.deployed_in_eu", "eu_ai_act.scope.output_intended_for_use_in_eu",
	"organisation.established_in_eu",
]

# nexus_open: no link to the EU is established yet, and a fact that could give one is open.
nexus_open if {
	count(_nexus) == 0
	some id in _nexus_facts
	facts.unanswered(id)
}

_exclusion_cites := {
	"military_defence_natsec_exclusive": "Art.2(3)",
	"third_country_le_cooperation": "Art.2(4)",
	"sole_purpose_scientific_rd": "Art.2(6)",
	"pre_market_rd_only": "Art.2(8)",
}

_exclusion_texts := {
	"military_defence_natsec_exclusive": "used exclusively for military, defence or national security purposes",
	"third_country_le_cooperation": "used by a third-country authority under law-enforcement or judicial cooperation",
	"sole_purpose_scientific_rd": "developed and put into service for the sole purpose of scientific research",
	"pre_market_rd_only": "only researched, tested or developed before being placed on the market or put into service",
}

# excluded: the Art. 2 exclusions that take the system out of the Act. Research and testing
# before release is not excluded when it is tested in real-world conditions (Art. 2(8)).
excluded contains x if {
	some x in exclusions
	_exclusion_cites[x]
	x != "pre_market_rd_only"
}

excluded contains "pre_market_rd_only" if {
	"pre_market_rd_only" in exclusions
	facts.no("eu_ai_act.scope.real_world_testing")
}

# foss_excluded: a free and open-source AI system that is not high-risk and not under Art. 5
# or 50 is outside the Act (Art. 2(12)); general-purpose AI models have their own rule
# (Art. 53(2)).
foss_excluded if {
	facts.yes("eu_ai_act.scope.free_open_source_licence")
	category == "minimal"
	not gpai_model
}

# in_scope: true, false, or null while the facts that decide it are open.
in_scope := false if {
	not_ai
} else := false if {
	count(excluded) > 0
} else := false if {
	foss_excluded
} else if {
	count(_nexus) > 0
} else := null if {
	nexus_open
} else := false

# scope_reason: why the Act reaches the system or not, in words, with its citation.
scope_reason := "Art. 3(1), 3(63): not an AI system or a general-purpose AI model" if {
	not_ai
} else := util.msg(["Art. 2: excluded: ", util.join([_exclusion_texts[x] | some x in excluded])]) if {
	count(excluded) > 0
} else := "Art. 2(12): a free and open-source AI system that is not high-risk and not under Art. 5 or 50" if {
	foss_excluded
} else := util.msg(["in scope: ", concat(", ", nexus)]) if {
	count(_nexus) > 0
} else := "not decided: the facts that link the system to the EU are unanswered" if {
	nexus_open
} else := concat("", [
	"Art. 2(1): not placed on the EU market or put into service there, not used by a deployer",
	" in the EU and its output is not intended for use in the EU",
])

# --- roles (Art. 3(3)-(7), 25) -------------------------------------------------------------------

activities := facts.items("eu_ai_act.activities")

_develops if "develops" in activities

_develops if "commissions_development" in activities

_markets if "markets_under_own_name" in activities

_markets if "puts_into_service_own_use" in activities

value_chain := facts.items("eu_ai_act.art_25")

roles contains "provider" if {
	_develops
	_markets
}

# Art. 25(1): a rebrand, a substantial modification or a change of purpose of a high-risk system
# (or one that becomes high-risk) makes the organisation its provider.
roles contains "provider" if {
	count(value_chain) > 0
	high
}

# Art. 25(3): a product manufacturer placing an Annex I Section A safety component with its
# product under its own name is the provider.
roles contains "provider" if {
	"ships_in_own_product_under_own_name" in activities
	annex_i_section_a
}

roles contains "deployer" if {
	"uses_under_authority" in activities
	not "personal_non_professional" in exclusions
}

roles contains "importer" if "imports_third_country_branded" in activities

roles contains "distributor" if "distributes" in activities

roles contains "authorised_representative" if "eu_mandate_from_non_eu_provider" in activities

roles contains "product_manufacturer" if "ships_in_own_product_under_own_name" in activities

role_list := sort([r | some r in roles])

role_cites := {
	"provider": "Art.3(3)", "deployer": "Art.3(4)", "importer": "Art.3(6)", "distributor": "Art.3(7)",
	"authorised_representative": "Art.3(5)", "product_manufacturer": "Art.2(1)(e)",
}

# --- Art. 5: prohibited practices ---------------------------------------------------------------

_a5(id) := concat("", ["eu_ai_act.art_5.", id])

_rt(id) := concat("", ["eu_ai_act.art_5.real_time_remote_identification.", id])

# The facts each point turns on (what a team must answer to settle it).
point_facts := {
	"Art.5(1)(a)": [_a5("manipulative_or_subliminal"), _a5("material_distortion_significant_harm")],
	"Art.5(1)(b)": [_a5("exploits_vulnerability"), _a5("material_distortion_significant_harm")],
	"Art.5(1)(c)": [_a5("social_scoring"), _a5("detrimental_treatment")],
	"Art.5(1)(d)": [_a5("crime_prediction_basis")],
	"Art.5(1)(e)": [_a5("untargeted_facial_scraping")],
	"Art.5(1)(f)": [
		"eu_ai_act.biometrics.emotion_recognition", _a5("emotion_setting"),
		_a5("medical_or_safety_purpose"),
	],
	"Art.5(1)(g)": [
		"eu_ai_act.biometrics.biometric_categorisation", _a5("infers_protected_traits"),
		_a5("categorisation_exception"),
	],
	"Art.5(1)(h)": [
		"eu_ai_act.biometrics.remote_identification", _rt("real_time"), _rt("publicly_accessible_space"),
		_rt("law_enforcement_purpose"), _rt("objective"),
	],
	"Art.5(1)(ba)": [_a5("intimate_or_csam_generation")],
	"Art.5(1)(bb)": [_a5("intimate_or_csam_generation")],
}

_points contains "Art.5(1)(a)" if {
	facts.yes(_a5("manipulative_or_subliminal"))
	facts.yes(_a5("material_distortion_significant_harm"))
}

_points contains "Art.5(1)(b)" if {
	facts.any_listed(_a5("exploits_vulnerability"))
	facts.yes(_a5("material_distortion_significant_harm"))
}

_points contains "Art.5(1)(c)" if {
	facts.yes(_a5("social_scoring"))
	facts.any_listed(_a5("detrimental_treatment"))
}

_points contains "Art.5(1)(d)" if facts.is(_a5("crime_prediction_basis"), "solely_profiling_or_traits")

_points contains "Art.5(1)(e)" if facts.yes(_a5("untargeted_facial_scraping"))

# Emotion recognition at work or in education, unless for medical or safety reasons (an
# exception applies only when answered yes).
_points contains "Art.5(1)(f)" if {
	facts.yes("eu_ai_act.biometrics.emotion_recognition")
	facts.any_listed(_a5("emotion_setting"))
	not facts.yes(_a5("medical_or_safety_purpose"))
}

_points contains "Art.5(1)(g)" if {
	facts.yes("eu_ai_act.biometrics.biometric_categorisation")
	facts.any_listed(_a5("infers_protected_traits"))
	not _categorisation_excepted
}

_categorisation_excepted if facts.value(_a5("categorisation_exception")) in {"labelling_filtering_lawful_dataset", "law_enforcement_categorisation"}

# Art. 5(1)(h) covers the use (by a deployer) only, and not the uses Art. 5(1)(h)(i)-(iii)
# allow when every condition of Art. 5(2)-(5) is met.
_points contains "Art.5(1)(h)" if {
	real_time_rbi_for_law_enforcement
	"deployer" in roles
	not rbi_exception
}

real_time_rbi_for_law_enforcement if {
	facts.yes("eu_ai_act.biometrics.remote_identification")
	facts.yes(_rt("real_time"))
	facts.yes(_rt("publicly_accessible_space"))
	facts.yes(_rt("law_enforcement_purpose"))
}

rbi_exception if {
	facts.value(_rt("objective")) in {"victim_or_missing_person_search", "imminent_threat_or_terrorism", "annex_ii_suspect_4y"}
	facts.yes(_rt("national_law_authorises"))
	facts.yes(_rt("prior_authorisation"))
	facts.yes(_rt("fria_done"))
	facts.yes(_rt("registered"))
}

# The Digital Omnibus points (secondary sources): only with date_schedule omnibus_2026.
_points contains "Art.5(1)(ba)" if {
	facts.is(_a5("intimate_or_csam_generation"), "intimate_imagery_without_explicit_consent")
	law_dates.schedule == "omnibus_2026"
}

_points contains "Art.5(1)(bb)" if {
	facts.is(_a5("intimate_or_csam_generation"), "child_sexual_abuse_material")
	law_dates.schedule == "omnibus_2026"
}

# omnibus_only_point: facts the Omnibus would prohibit, under the Act as published (a review
# item, never applied silently).
omnibus_only_point := p if {
	facts.is(_a5("intimate_or_csam_generation"), "intimate_imagery_without_explicit_consent")
	p := "Art.5(1)(ba)"
} else := p if {
	facts.is(_a5("intimate_or_csam_generation"), "child_sexual_abuse_material")
	p := "Art.5(1)(bb)"
}

declared_practices := facts.items("eu_ai_act.declared.prohibited_practices")

# _settled(p): the facts decide point p: every fact it turns on is answered, or its first fact
# is answered no (false, [] or none), which rules the practice out whatever the others say.
_settled(p) if {
	ids := object.get(point_facts, p, ["eu_ai_act.declared.prohibited_practices"])
	count([id | some id in ids; facts.unanswered(id)]) == 0
}

_settled(p) if facts.value(point_facts[p][0]) in {false, [], "none"}

# A practice the team declares counts while its facts are open (fail closed); once they are
# answered, the facts decide and rule CLS-006 reports the disagreement.
declared_open contains p if {
	some p in declared_practices
	not p in _points
	not _settled(p)
}

declared_contradicted contains p if {
	some p in declared_practices
	not p in _points
	_settled(p)
}

prohibited_points := _points | declared_open

prohibited if count(prohibited_points) > 0

# --- Art. 6(1) and Annex I: high-risk through a product -------------------------------------------

annex_i_act := facts.value("eu_ai_act.annex_i.act")

annex_i_high if {
	is_string(annex_i_act)
	annex_i_act != "none"
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
	law_dates.schedule == "omnibus_2026"
}

annex_i_section_a if {
	annex_i_high
	not annex_i_section_b
}

annex_i_citation := concat("", ["Art.6(1)+AnnexI.", substring(annex_i_act, 0, 1), ".", substring(annex_i_act, 1, -1)]) if {
	annex_i_high
}

# --- Art. 6(2) and Annex III: high-risk through a use ----------------------------------------------

listed_points := {p | some p in facts.items("eu_ai_act.annex_iii.points")}

# implied_points: Annex III points that biometric facts establish whether or not listed.
implied_points contains "AnnexIII.1(a)" if facts.yes("eu_ai_act.biometrics.remote_identification")

implied_points contains "AnnexIII.1(b)" if {
	facts.yes("eu_ai_act.biometrics.biometric_categorisation")
	facts.any_listed(_a5("infers_protected_traits"))
}

implied_points contains "AnnexIII.1(c)" if facts.yes("eu_ai_act.biometrics.emotion_recognition")

candidate_points := listed_points | implied_points

carve_outs := facts.items("eu_ai_act.annex_iii.carve_outs")

# carved: points a point-specific carve-out takes the system out of (a carve-out never reaches
# another point: the 5(b) fraud exception does not touch 5(a)).
carved contains p if {
	some p in candidate_points
	_legal.annex_iii[p].carve_out in carve_outs
}

annex_iii_points := candidate_points - carved

annex_iii_areas := {_legal.annex_iii[p].area | some p in annex_iii_points}

profiling if facts.yes("eu_ai_act.profiling_of_natural_persons")

derogation_claimed if facts.yes("eu_ai_act.art_6_3.claimed")

# derogation_void: an Annex III system that profiles natural persons is always high-risk
# (Art. 6(3) third subparagraph), whatever is claimed.
derogation_void if {
	derogation_claimed
	profiling
}

_d(id) := concat("", ["eu_ai_act.art_6_3.", id])

# derogation_gaps: why a claimed derogation is not accepted, each {path, text} (the engine
# takes the stricter reading: the no-significant-risk test and a condition are both needed;
# contested).
derogation_gaps contains _gap(
	"profiling_of_natural_persons",
	"the system profiles natural persons, which always makes it high-risk (Art. 6(3) third subparagraph)",
) if {
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

annex_iii_high if {
	count(annex_iii_points) > 0
	not derogation_holds
}

high if annex_i_high

high if annex_iii_high

# high_risk_route: which Chapter III date applies (dates.rego): Annex III's where a use makes it
# high-risk, else Annex I's.
high_risk_route := "annex_iii" if annex_iii_high

else := "annex_i"

# --- Art. 50: transparency ------------------------------------------------------------------------

_t(id) := concat("", ["eu_ai_act.transparency.", id])

_crime_exempt if facts.yes(_t("authorised_by_law_for_crime"))

# ai_nature_obvious: the exception holds only when answered yes with a rationale (contested:
# flagged for review).
ai_nature_obvious if {
	facts.yes(_t("ai_nature_obvious"))
	util.present(facts.value(_t("ai_nature_obvious_rationale")))
}

synthetic := facts.items(_t("generates_synthetic"))

synthetic_media if {
	some kind in synthetic
	kind in {"image", "audio", "video"}
}

# art_50_triggers: the Art. 50 triggers before exceptions (what the exceptions are asked about).
art_50_triggers contains "Art.50(1)" if facts.yes(_t("interacts_directly_with_natural_persons"))

art_50_triggers contains "Art.50(2)" if count(synthetic) > 0

art_50_triggers contains "Art.50(3)" if facts.yes("eu_ai_act.biometrics.emotion_recognition")

art_50_triggers contains "Art.50(3)" if facts.yes("eu_ai_act.biometrics.biometric_categorisation")

art_50_triggers contains "Art.50(4)" if facts.yes(_t("deep_fake_output"))

art_50_triggers contains "Art.50(4)" if facts.yes(_t("publishes_public_interest_text"))

# art_50: each paragraph that applies: {paragraph, addressee, text}.
art_50 contains {"paragraph": "Art.50(1)", "addressee": "provider", "text": concat("", [
	"it is intended to interact directly with natural persons, who must be told they are dealing",
	" with an AI system",
])} if {
	facts.yes(_t("interacts_directly_with_natural_persons"))
	not ai_nature_obvious
	not _crime_exempt_50_1
}

_crime_exempt_50_1 if {
	_crime_exempt
	facts.no(_t("public_can_report_crime"))
}

art_50 contains {"paragraph": "Art.50(2)", "addressee": "provider", "text": util.msg([
	"it generates synthetic ", concat(", ", sort(synthetic)),
	", which must be marked as AI-generated in a machine-readable way",
])} if {
	count(synthetic) > 0
	not facts.yes(_t("assistive_editing_or_no_substantial_alteration"))
	not _crime_exempt
}

art_50 contains {"paragraph": "Art.50(3)", "addressee": "deployer", "text": concat("", [
	"it recognises emotions or categorises people biometrically, and the people exposed must be",
	" informed",
])} if {
	art_50_triggers["Art.50(3)"]
	not _crime_exempt
}

art_50 contains {"paragraph": "Art.50(4)", "addressee": "deployer", "text": msg} if {
	facts.yes(_t("deep_fake_output"))
	not _crime_exempt
	msg := _deep_fake_text
}

_deep_fake_text := concat("", [
	"it produces deep fakes, whose artificial origin must be disclosed (limited to a",
	" non-hampering disclosure for an evidently artistic, satirical or fictional work)",
]) if {
	facts.yes(_t("evidently_artistic_satirical_fictional"))
} else := "it produces deep fakes, whose artificial origin must be disclosed"

art_50 contains {"paragraph": "Art.50(4)", "addressee": "deployer", "text": concat("", [
	"it publishes AI-generated text on matters of public interest without human editorial",
	" responsibility, which must be disclosed",
])} if {
	facts.yes(_t("publishes_public_interest_text"))
	not facts.yes(_t("human_editorial_responsibility"))
	not _crime_exempt
}

art_50_paragraphs := {d.paragraph | some d in art_50}

limited if count(art_50) > 0

# --- Chapter V: general-purpose AI models -----------------------------------------------------------

default gpai_model := false

default gpai_systemic_risk := false

# gpai_model: the organisation provides a general-purpose AI model (Chapter V binds providers
# of models, never their deployers).
gpai_model if {
	gpai_model_fact
	_develops
	"markets_under_own_name" in activities
}

_g(id) := concat("", ["eu_ai_act.gpai.", id])

training_compute := facts.value(_g("training_compute_flop"))

# Art. 51(2): presumed high-impact above 10^25 floating-point operations of cumulative training
# compute (strictly greater).
compute_above_threshold if {
	is_number(training_compute)
	training_compute > 1e25
}

gpai_systemic_risk if {
	gpai_model
	compute_above_threshold
}

gpai_systemic_risk if {
	gpai_model
	facts.yes(_g("commission_designated"))
}

# gpai_open_source: the Art. 53(2) and 54(6) exemptions (never for systemic-risk models).
gpai_open_source if {
	gpai_model
	facts.yes(_g("open_licence_weights_public"))
	not gpai_systemic_risk
}

# --- the category --------------------------------------------------------------------------------------

category := "prohibited" if {
	prohibited
} else := "high" if {
	high
} else := "limited" if {
	limited
} else := "minimal"

# --- grounds: every conclusion, with its citation ------------------------------------------------------

_annex_iii_text(p) := util.msg(["Annex III ", substring(p, 9, -1), ": ", _legal.annex_iii[p].title])

grounds contains {"citation": "Art.3(1)", "kind": "gate", "text": "not an AI system and not a general-purpose AI model"} if {
	not_ai
}

grounds contains {"citation": "Art.2", "kind": "scope", "text": scope_reason} if {
	assessable
}

grounds contains {"citation": role_cites[r], "kind": "role", "text": util.msg(["the organisation is a ", r])} if {
	some r in roles
}

grounds contains {"citation": "Art.25(1)", "kind": "role", "text": util.msg(["it becomes the provider of a high-risk system through ", util.join(value_chain)])} if {
	count(value_chain) > 0
	high
}

grounds contains {"citation": p, "kind": "prohibited", "text": util.msg(["prohibited: ", _legal.art_5_points[p].title])} if {
	some p in _points
}

grounds contains {"citation": p, "kind": "prohibited", "text": util.msg([
	"prohibited as the team declares (", _legal.art_5_points[p].title,
	") until the facts it turns on are answered",
])} if {
	some p in declared_open
}

grounds contains {"citation": "Art.5(1)(h)", "kind": "exception", "text": concat("", [
	"real-time remote biometric identification for law enforcement is used for an objective",
	" Art. 5(1)(h) allows and meets every condition of Art. 5(2)-(5)",
])} if {
	real_time_rbi_for_law_enforcement
	rbi_exception
}

grounds contains {"citation": "Art.5(1)(d)", "kind": "exception", "text": concat("", [
	"not prohibited: it supports a human assessment already based on objective, verifiable facts",
	" linked to criminal activity",
])} if {
	facts.is(_a5("crime_prediction_basis"), "supports_human_assessment_on_objective_facts")
}

grounds contains {"citation": "Art.5(1)(f)", "kind": "exception", "text": concat("", ["not prohibited: the emotion recognition is intended for medical or safety reasons"])} if {
	facts.yes("eu_ai_act.biometrics.emotion_recognition")
	facts.any_listed(_a5("emotion_setting"))
	facts.yes(_a5("medical_or_safety_purpose"))
}

grounds contains {"citation": "Art.5(1)(g)", "kind": "exception", "text": util.msg(["not prohibited: the categorisation is ", facts.value(_a5("categorisation_exception"))])} if {
	facts.yes("eu_ai_act.biometrics.biometric_categorisation")
	facts.any_listed(_a5("infers_protected_traits"))
	_categorisation_excepted
}

grounds contains {"citation": annex_i_citation, "kind": "high", "text": util.msg([
	"high-risk: a safety component of (or itself) a product under ", _legal.annex_i[annex_i_act],
	" that needs third-party conformity assessment",
	_section_b_note,
])} if {
	annex_i_high
}

_section_b_note := "; Annex I Section B: only Arts. 6(1), 102-109 and 112 apply (Art. 2(2))" if {
	annex_i_section_b
} else := ""

grounds contains {"citation": "Art.6(1)", "kind": "exception", "text": util.msg(["not high-risk through Annex I: the product (", annex_i_act, ") ", _annex_i_gap])} if {
	is_string(annex_i_act)
	annex_i_act != "none"
	not annex_i_high
	_annex_i_gap
}

_annex_i_gap := "is not a safety component and is not itself the product" if {
	facts.no("eu_ai_act.annex_i.safety_component_or_product")
} else := "does not need third-party conformity assessment" if {
	facts.no("eu_ai_act.annex_i.third_party_conformity_required")
}

grounds contains {"citation": p, "kind": "high", "text": util.msg(["high-risk: ", _annex_iii_text(p)])} if {
	annex_iii_high
	some p in annex_iii_points
}

grounds contains {"citation": p, "kind": "exception", "text": util.msg(["carved out: ", _annex_iii_text(p), " (", _legal.annex_iii[p].carve_out, ")"])} if {
	some p in carved
}

grounds contains {"citation": "Art.6(3)", "kind": "exception", "text": util.msg([
	"not high-risk: the provider's documented Art. 6(3) derogation holds (",
	util.join(facts.items(_d("conditions"))), ") for ", util.join(annex_iii_points),
])} if {
	derogation_holds
}

grounds contains {"citation": "Art.6(3)", "kind": "high", "text": util.msg(["the Art. 6(3) derogation claimed does not hold: ", concat("; ", sort([g.text | some g in derogation_gaps]))])} if {
	derogation_claimed
	count(annex_iii_points) > 0
	not derogation_holds
}

grounds contains {"citation": d.paragraph, "kind": "transparency", "text": d.text} if {
	some d in art_50
}

grounds contains {"citation": "Art.51", "kind": "gpai", "text": "the organisation provides a general-purpose AI model"} if {
	gpai_model
	not gpai_systemic_risk
}

grounds contains {"citation": "Art.51(2)", "kind": "gpai", "text": concat("", [
	"a general-purpose AI model with systemic risk: trained with more than 10^25 floating-point",
	" operations",
])} if {
	compute_above_threshold
	gpai_model
}

grounds contains {"citation": "Art.51(1)(b)", "kind": "gpai", "text": concat("", ["a general-purpose AI model with systemic risk: designated by the Commission"])} if {
	gpai_model
	facts.yes(_g("commission_designated"))
}

grounds contains {"citation": "Art.53(2)", "kind": "gpai", "text": concat("", [
	"released under a free and open-source licence with public weights: Art. 53(1)(a), (b) and",
	" Art. 54 do not apply; Art. 53(1)(c), (d) still do",
])} if {
	gpai_open_source
}

grounds contains {"citation": "Art.6", "kind": "minimal", "text": "no Art. 5, Annex I, Annex III or Art. 50 trigger applies"} if {
	assessable
	category == "minimal"
}

grounds_list := sort([g | some g in grounds])
