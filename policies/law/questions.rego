# Which facts this system's classification needs, and which of them are still unanswered
# (docs/classification.md, "Unanswered facts"). A fact is needed when its answer could change
# the EU AI Act category, scope, roles, the obligations that bind, or the UK data-protection
# triggers, given the answers already there: the details of a practice are asked only once
# the practice itself is answered yes. Every open question is a CLS-005 finding.
package ai_assure.law.questions

import rego.v1

import data.ai_assure.law.art5
import data.ai_assure.law.art50
import data.ai_assure.law.dates as law_dates
import data.ai_assure.law.eu
import data.ai_assure.law.facts
import data.ai_assure.law.gpai
import data.ai_assure.law.high_risk
import data.ai_assure.law.roles
import data.ai_assure.law.uk
import data.ai_assure.lib.dates

_a5(id) := concat("", ["eu_ai_act.art_5.", id])

_rt(id) := concat("", ["eu_ai_act.art_5.real_time_remote_identification.", id])

_t(id) := concat("", ["eu_ai_act.transparency.", id])

_u(id) := concat("", ["uk_data_protection.", id])

# Asked of every AI system or general-purpose AI model (or while that is open).
_eu_always := [
	"eu_ai_act.activities",
	_a5("manipulative_or_subliminal"), _a5("exploits_vulnerability"), _a5("social_scoring"),
	_a5("crime_prediction_basis"), _a5("untargeted_facial_scraping"),
	"eu_ai_act.biometrics.remote_identification", "eu_ai_act.biometrics.emotion_recognition",
	"eu_ai_act.biometrics.biometric_categorisation",
	"eu_ai_act.annex_i.act", "eu_ai_act.annex_iii.points",
	_t("interacts_directly_with_natural_persons"), _t("generates_synthetic"),
	"eu_ai_act.scope.exclusions", "organisation.public_authority",
]

_placed_early if {
	first := facts.value("eu_ai_act.lifecycle.first_placed_or_put_into_service")
	dates.day(first) < dates.day(law_dates.legacy_cutoff(high_risk.route))
}

# --- EU AI Act ------------------------------------------------------------------------------------

needed contains "eu_ai_act.is_ai_system"

needed contains "eu_ai_act.is_gpai_model"

needed contains id if {
	eu.assessable
	some id in _eu_always
}

# Scope: the facts that link a system to the EU, until one does.
needed contains id if {
	eu.assessable
	count(eu.nexus) == 0
	some id in [
		"eu_ai_act.scope.placed_on_eu_market", "eu_ai_act.scope.put_into_service_in_eu",
		"eu_ai_act.scope.deployed_in_eu", "eu_ai_act.scope.output_intended_for_use_in_eu",
		"organisation.established_in_eu",
	]
}

needed contains "eu_ai_act.scope.real_world_testing" if "pre_market_rd_only" in eu.exclusions

needed contains "eu_ai_act.scope.free_open_source_licence" if {
	eu.assessable
	eu.category == "minimal"
	not gpai.model
}

needed contains "eu_ai_act.art_25" if high_risk.high

# Art. 5: the details of a practice once the practice is answered yes.
needed contains _a5("material_distortion_significant_harm") if facts.yes(_a5("manipulative_or_subliminal"))

needed contains _a5("material_distortion_significant_harm") if facts.any_listed(_a5("exploits_vulnerability"))

needed contains _a5("detrimental_treatment") if facts.yes(_a5("social_scoring"))

needed contains _a5("emotion_setting") if facts.yes("eu_ai_act.biometrics.emotion_recognition")

needed contains _a5("medical_or_safety_purpose") if facts.any_listed(_a5("emotion_setting"))

needed contains _a5("infers_protected_traits") if facts.yes("eu_ai_act.biometrics.biometric_categorisation")

needed contains _a5("categorisation_exception") if facts.any_listed(_a5("infers_protected_traits"))

needed contains id if {
	facts.yes("eu_ai_act.biometrics.remote_identification")
	some id in [_rt("real_time"), _rt("publicly_accessible_space"), _rt("law_enforcement_purpose")]
}

needed contains _rt("objective") if art5.real_time_rbi_for_law_enforcement

needed contains id if {
	art5.real_time_rbi_for_law_enforcement
	facts.value(_rt("objective")) != "none"
	some id in [_rt("national_law_authorises"), _rt("prior_authorisation"), _rt("fria_done"), _rt("registered")]
}

needed contains _a5("intimate_or_csam_generation") if art50.synthetic_media

needed contains _a5("intimate_or_csam_generation") if {
	eu.assessable
	facts.unanswered(_t("generates_synthetic"))
}

needed contains _a5("intimate_or_csam_generation") if gpai.model_fact

# Annex I and Annex III.
needed contains id if {
	is_string(high_risk.annex_i_act)
	high_risk.annex_i_act != "none"
	some id in ["eu_ai_act.annex_i.safety_component_or_product", "eu_ai_act.annex_i.third_party_conformity_required"]
}

needed contains "eu_ai_act.annex_iii.carve_outs" if {
	some p in high_risk.candidate_points
	data.ai_assure.legal.annex_iii[p].carve_out
}

needed contains id if {
	count(high_risk.annex_iii_points) > 0
	some id in ["eu_ai_act.profiling_of_natural_persons", "eu_ai_act.art_6_3.claimed"]
}

needed contains id if {
	count(high_risk.annex_iii_points) > 0
	high_risk.derogation_claimed
	not high_risk.profiling
	some id in [
		"eu_ai_act.art_6_3.conditions", "eu_ai_act.art_6_3.no_significant_risk",
		"eu_ai_act.art_6_3.assessment_doc", "eu_ai_act.art_6_3.assessment_date",
		"eu_ai_act.art_6_3.registered", "eu_ai_act.lifecycle.first_placed_or_put_into_service",
	]
}

# Decisions about people: what the deployer obligations of a high-risk system turn on.
needed contains "eu_ai_act.decisions.about_natural_persons" if high_risk.high

needed contains "eu_ai_act.decisions.legal_or_similar_effect" if {
	high_risk.annex_iii_high
	not facts.no("eu_ai_act.decisions.about_natural_persons")
}

needed contains "eu_ai_act.decisions.workplace_use_on_workers" if {
	high_risk.high
	"deployer" in roles.held
}

# Art. 27: which group the deployer is in.
needed contains id if {
	high_risk.annex_iii_high
	"deployer" in roles.held
	count(high_risk.annex_iii_points & {"AnnexIII.5(b)", "AnnexIII.5(c)"}) == 0
	not facts.yes("organisation.body_governed_by_public_law")
	not facts.yes("organisation.public_authority")
	some id in ["organisation.body_governed_by_public_law", "organisation.private_entity_providing_public_service"]
}

needed contains "organisation.law_enforcement_authority" if {
	some p in high_risk.candidate_points
	startswith(p, "AnnexIII.6")
}

needed contains "organisation.law_enforcement_authority" if facts.yes(_rt("law_enforcement_purpose"))

# Art. 50: its exceptions, once a trigger holds.
needed contains _t("ai_nature_obvious") if facts.yes(_t("interacts_directly_with_natural_persons"))

needed contains _t("ai_nature_obvious_rationale") if facts.yes(_t("ai_nature_obvious"))

needed contains _t("assistive_editing_or_no_substantial_alteration") if count(art50.synthetic) > 0

needed contains _t("deep_fake_output") if art50.synthetic_media

needed contains _t("evidently_artistic_satirical_fictional") if facts.yes(_t("deep_fake_output"))

needed contains _t("publishes_public_interest_text") if "text" in art50.synthetic

needed contains _t("human_editorial_responsibility") if facts.yes(_t("publishes_public_interest_text"))

needed contains _t("authorised_by_law_for_crime") if count(art50.triggers) > 0

needed contains _t("public_can_report_crime") if {
	facts.yes(_t("authorised_by_law_for_crime"))
	facts.yes(_t("interacts_directly_with_natural_persons"))
}

# General-purpose AI models.
needed contains "eu_ai_act.gpai.open_licence_weights_public" if gpai.model

needed contains "eu_ai_act.gpai.first_placed_on_market" if gpai.model

needed contains "eu_ai_act.gpai.training_compute_flop" if {
	gpai.model
	not facts.yes("eu_ai_act.gpai.commission_designated")
}

needed contains "eu_ai_act.gpai.commission_designated" if {
	gpai.model
	not gpai.compute_above_threshold
}

needed contains "organisation.established_in_eu" if gpai.model

# Art. 111(2): when a high-risk system was first used, and whether it changed since.
needed contains "eu_ai_act.lifecycle.first_placed_or_put_into_service" if {
	high_risk.high
	eu.in_scope != false
}

needed contains "eu_ai_act.lifecycle.significant_design_change_after_cutoff" if {
	high_risk.high
	eu.in_scope != false
	_placed_early
}

needed contains "eu_ai_act.lifecycle.intended_for_public_authority_use" if {
	high_risk.high
	eu.in_scope != false
	_placed_early
	not facts.yes("eu_ai_act.lifecycle.significant_design_change_after_cutoff")
}

# --- UK data protection ----------------------------------------------------------------------------

needed contains _u("personal_data")

needed contains id if {
	uk.personal_data
	some id in [
		_u("regime"), _u("controller"), _u("special_category_data"), _u("criminal_offence_data"),
		_u("automated_decision.significant"), _u("dpia_screen.art_35_3"), _u("dpia_screen.ico_list"),
		_u("dpia_screen.wp248"),
	]
}

needed contains _u("special_categories") if facts.yes(_u("special_category_data"))

needed contains _u("automated_decision.solely_automated") if facts.yes(_u("automated_decision.significant"))

needed contains id if {
	facts.yes(_u("automated_decision.significant"))
	facts.yes(_u("automated_decision.solely_automated"))
	some id in [_u("automated_decision.uses_special_category"), _u("automated_decision.relies_on_6_1_ea")]
}

needed contains "organisation.uk_competent_authority" if facts.is(_u("regime"), "dpa_part3")

# --- what is open -------------------------------------------------------------------------------------

# unusable: answers that are there but cannot be used ("unsure" is not a yes or a no).
unusable contains "eu_ai_act.is_ai_system" if facts.is("eu_ai_act.is_ai_system", "unsure")

open contains id if {
	some id in needed
	facts.unanswered(id)
}

open contains id if some id in unusable

open_eu contains id if {
	some id in open
	not startswith(id, "uk_data_protection.")
}

open_uk contains id if {
	some id in open
	startswith(id, "uk_data_protection.")
}

# list: the open questions in the order the facts are listed, with their question and citation.
list := [q |
	some f in data.ai_assure.legal.facts
	f.id in open
	q := {"fact": f.id, "path": split(f.id, "."), "question": f.question, "cite": f.cite}
]

# relevant: every needed fact, in order, with its answer (null when open).
relevant := [r |
	some f in data.ai_assure.legal.facts
	f.id in needed
	r := {"fact": f.id, "answer": facts.value(f.id), "cite": f.cite, "question": f.question}
]
