# Which legal controls bind this system (docs/classification.md, "A finding names a control only
# where it binds"). The one place that decides it: the engine lists a control of a legal
# framework (frameworks, below) in a finding only when decisions[control].status is "binds";
# any other status moves it to the finding's controls_not_binding with this reason, and a
# failed finding's severity is raised to the control's floor (a binding obligation of a
# high-risk system is at least high, Art. 5 is critical).
#
# status:
#   binds           it applies to this system, its role and category, on the assessment date
#   upcoming        it will apply from applies_from
#   not_applicable  it does not apply (reason says why)
#   advisory        the EU AI Act does not reach the system, but the organisation uses it as a
#                   reference framework (configuration eu_ai_act_reference): what would bind
#   undetermined    facts it turns on are unanswered (their questions are CLS-005 findings)
package ai_assure.law.obligations

import rego.v1

import data.ai_assure.config
import data.ai_assure.law.dates as law_dates
import data.ai_assure.law.eu
import data.ai_assure.law.facts
import data.ai_assure.law.questions
import data.ai_assure.law.uk
import data.ai_assure.lib.dates
import data.ai_assure.lib.util

# frameworks: the control-id prefixes whose controls are law (or, for the ATRS, a mandate)
# and are named in a finding only where they bind. ISO/IEC 42001, the NIST AI RMF, the AI
# Playbook and the AI Cyber Security Code of Practice are voluntary frameworks the
# organisation adopts: always listed.
frameworks := ["EU-AI-ACT", "UK-ATRS", "UK-DPA-2018", "UK-GDPR"]

# --- EU AI Act ---------------------------------------------------------------------------------

_all_roles := ["provider", "deployer", "importer", "distributor", "authorised_representative", "product_manufacturer"]

_provider := ["provider"]

_deployer := ["deployer"]

# what, who (addressees), when (the condition), date (the group of provisions it applies with),
# floor (the least severity of a failed finding naming it while it binds).
_eu := {
	"EU-AI-ACT:Art.4": {"what": "Art. 4 (AI literacy)", "who": ["provider", "deployer"], "when": "ai", "date": "chapters_i_ii", "floor": ""},
	"EU-AI-ACT:Art.5": {"what": "Art. 5 (prohibited practices)", "who": _all_roles, "when": "ai", "date": "art_5", "floor": "critical"},
	"EU-AI-ACT:Art.6": {"what": "Art. 6 (classification of high-risk systems)", "who": _provider, "when": "annex", "date": "route", "floor": "high"},
	"EU-AI-ACT:Art.8": _high("Art. 8 (compliance with the requirements)", _provider),
	"EU-AI-ACT:Art.9": _high("Art. 9 (risk management system)", _provider),
	"EU-AI-ACT:Art.10": _high("Art. 10 (data and data governance)", _provider),
	"EU-AI-ACT:Art.11": _high("Art. 11 (technical documentation)", _provider),
	"EU-AI-ACT:Art.12": _high("Art. 12 (record-keeping)", _provider),
	"EU-AI-ACT:Art.13": _high("Art. 13 (information to deployers)", _provider),
	"EU-AI-ACT:Art.14": _high("Art. 14 (human oversight by design)", _provider),
	"EU-AI-ACT:Art.15": _high("Art. 15 (accuracy, robustness and cybersecurity)", _provider),
	"EU-AI-ACT:Art.16": _high("Art. 16 (obligations of providers)", _provider),
	"EU-AI-ACT:Art.17": _high("Art. 17 (quality management system)", _provider),
	"EU-AI-ACT:Art.18": _high("Art. 18 (documentation keeping)", _provider),
	"EU-AI-ACT:Art.19": _high("Art. 19 (automatically generated logs)", _provider),
	"EU-AI-ACT:Art.20": _high("Art. 20 (corrective actions)", _provider),
	"EU-AI-ACT:Art.23": _high("Art. 23 (obligations of importers)", ["importer"]),
	"EU-AI-ACT:Art.24": _high("Art. 24 (obligations of distributors)", ["distributor"]),
	"EU-AI-ACT:Art.25": _high("Art. 25 (responsibilities along the value chain)", _provider),
	"EU-AI-ACT:Art.26": _high("Art. 26 (obligations of deployers)", _deployer),
	"EU-AI-ACT:Art.27": {"what": "Art. 27 (fundamental rights impact assessment)", "who": _deployer, "when": "fria", "date": "route", "floor": "high"},
	"EU-AI-ACT:Art.43": _high("Art. 43 (conformity assessment)", _provider),
	"EU-AI-ACT:Art.47": _high("Art. 47 (EU declaration of conformity)", _provider),
	"EU-AI-ACT:Art.48": _high("Art. 48 (CE marking)", _provider),
	"EU-AI-ACT:Art.49": {"what": "Art. 49 (registration)", "who": ["provider", "deployer"], "when": "registration", "date": "route", "floor": "high"},
	"EU-AI-ACT:Art.50": {"what": "Art. 50 (transparency obligations)", "who": ["provider", "deployer"], "when": "art_50", "date": "art_50", "floor": ""},
	"EU-AI-ACT:Art.51": {"what": "Art. 51 (general-purpose AI models with systemic risk)", "who": _provider, "when": "gpai", "date": "gpai", "floor": ""},
	"EU-AI-ACT:Art.53": {"what": "Art. 53 (obligations of GPAI model providers)", "who": _provider, "when": "gpai", "date": "gpai", "floor": ""},
	"EU-AI-ACT:Art.54": {"what": "Art. 54 (authorised representatives of GPAI model providers)", "who": ["provider", "authorised_representative"], "when": "gpai_non_eu", "date": "gpai", "floor": ""},
	"EU-AI-ACT:Art.55": {"what": "Art. 55 (GPAI models with systemic risk)", "who": _provider, "when": "gpai_systemic", "date": "gpai", "floor": ""},
	"EU-AI-ACT:Art.72": _high("Art. 72 (post-market monitoring)", _provider),
	"EU-AI-ACT:Art.73": _high("Art. 73 (reporting serious incidents)", _provider),
	"EU-AI-ACT:Art.86": {"what": "Art. 86 (right to explanation)", "who": _deployer, "when": "art_86", "date": "route", "floor": "high"},
	"EU-AI-ACT:Art.111": {"what": "Art. 111 (systems already placed on the market)", "who": _all_roles, "when": "dates", "date": "general", "floor": ""},
	"EU-AI-ACT:Art.113": {"what": "Art. 113 (entry into force and application)", "who": _all_roles, "when": "dates", "date": "general", "floor": ""},
	"EU-AI-ACT:AnnexIII.1": _area(1),
	"EU-AI-ACT:AnnexIII.2": _area(2),
	"EU-AI-ACT:AnnexIII.3": _area(3),
	"EU-AI-ACT:AnnexIII.4": _area(4),
	"EU-AI-ACT:AnnexIII.5": _area(5),
	"EU-AI-ACT:AnnexIII.6": _area(6),
	"EU-AI-ACT:AnnexIII.7": _area(7),
	"EU-AI-ACT:AnnexIII.8": _area(8),
}

_high(what, who) := {"what": what, "who": who, "when": "high", "date": "route", "floor": "high"}

_area(n) := {
	"what": util.msg(["Annex III point ", n]), "who": ["provider", "deployer"],
	"when": "area", "area": n, "date": "route", "floor": "high",
}

# --- the condition of each control (ignoring scope, roles and dates) ------------------------------

# _eu_open: an EU classification question is open, so a "no" may still become "yes".
_eu_open if count(questions.open_eu) > 0

_yes(why) := {"state": "yes", "why": why}

_no(why) := {"state": "no", "why": why}

_open(why) := {"state": "open", "why": why}

_category_text := util.msg(["its EU AI Act category is ", eu.category])

_when("ai") := _no("it is not an AI system or a general-purpose AI model (Art. 3(1), 3(63))") if {
	eu.not_ai
} else := _open("whether it is an AI system (Art. 3(1)) is not answered") if {
	not eu.ai_system
	not eu.gpai_model_fact
} else := _yes("it is an AI system or general-purpose AI model (Art. 3(1), 3(63))")

_when("annex") := _yes("it is within Annex I or Annex III (Art. 6)") if {
	eu.annex_i_high
} else := _yes("it is within Annex I or Annex III (Art. 6)") if {
	count(eu.candidate_points) > 0
} else := _open("the Annex I and Annex III questions are not all answered") if {
	_eu_open
} else := _no("it is neither an Annex I product nor an Annex III use (Art. 6)")

_when("high") := _no("it is a high-risk Annex I Section B product: only Arts. 6(1), 102-109 and 112 apply (Art. 2(2))") if {
	eu.annex_i_section_b
	not eu.annex_iii_high
} else := _yes(_high_why) if {
	eu.high
} else := _open("open questions may make it high-risk") if {
	_eu_open
} else := _no(util.msg(["it is not a high-risk AI system (", _category_text, ")"]))

_high_why := util.msg(["it is a high-risk AI system (", concat(", ", _high_grounds), ")"])

_high_grounds := array.concat([eu.annex_i_citation | eu.annex_i_high], sort([p | some p in eu.annex_iii_points; eu.annex_iii_high]))

# Art. 27(1): before first use of an Annex III system (not point 2), by deployers that are bodies
# governed by public law or private entities providing public services, and by every deployer
# of a point 5(b) or 5(c) system. Every public authority is treated as a body governed by public
# law (contested: flagged for review).
_when("fria") := _yes(util.msg(["it is an Annex III point ", _fria_points, " system, which every deployer assesses (Art. 27(1))"])) if {
	_fria_high
	count(eu.annex_iii_points & {"AnnexIII.5(b)", "AnnexIII.5(c)"}) > 0
} else := _yes(util.msg(["it is a high-risk Annex III system and the deployer is ", _fria_group])) if {
	_fria_high
	_fria_group
} else := _open("whether the deployer is a body governed by public law or provides a public service is not answered") if {
	_fria_high
	_fria_group_open
} else := _no(_fria_no) if {
	_fria_high
} else := _open("open questions may make it a high-risk Annex III system") if {
	_eu_open
} else := _no("it is not a high-risk Annex III system other than point 2 (Art. 27(1))")

_fria_high if {
	eu.annex_iii_high
	count(eu.annex_iii_points - {"AnnexIII.2"}) > 0
}

_fria_points := util.join(eu.annex_iii_points & {"AnnexIII.5(b)", "AnnexIII.5(c)"})

_fria_group := "a body governed by public law" if {
	facts.yes("organisation.body_governed_by_public_law")
} else := "a public authority, treated as a body governed by public law (contested)" if {
	facts.yes("organisation.public_authority")
} else := "a private entity providing public services" if {
	facts.yes("organisation.private_entity_providing_public_service")
}

_fria_group_open if {
	some id in [
		"organisation.body_governed_by_public_law", "organisation.public_authority",
		"organisation.private_entity_providing_public_service",
	]
	facts.unanswered(id)
}

_fria_no := concat("", [
	"the deployer is not a body governed by public law or a private entity providing public",
	" services, and the system is not under Annex III 5(b) or 5(c) (Art. 27(1))",
])

# Art. 49: the provider registers an Annex III high-risk system (49(1)) or one it claims is not
# high-risk under Art. 6(3) (49(2)); a deployer that is a public authority (or acts on its
# behalf) registers its use of an Annex III high-risk system other than point 2 (49(3)). Never
# for Annex I systems (Art. 49(1) covers Annex III).
_when("registration") := _yes("it is a high-risk Annex III system and the organisation is its provider (Art. 49(1))") if {
	eu.annex_iii_high
	"provider" in eu.roles
} else := _yes("the organisation is the provider and claims the Art. 6(3) derogation (Art. 49(2))") if {
	eu.derogation_claimed
	count(eu.annex_iii_points) > 0
	"provider" in eu.roles
} else := _yes("it is a high-risk Annex III system used by a public-authority deployer (Art. 49(3))") if {
	_fria_high
	"deployer" in eu.roles
	facts.yes("organisation.public_authority")
} else := _open("whether the deployer is a public authority is not answered (Art. 49(3))") if {
	_fria_high
	"deployer" in eu.roles
	facts.unanswered("organisation.public_authority")
} else := _no("Art. 49(3) binds deployers that are public authorities, and the organisation is not one") if {
	_fria_high
	"deployer" in eu.roles
} else := _no("the organisation is not the provider of an Annex III system (Art. 49(1), (2))") if {
	count(eu.annex_iii_points) > 0
	count(eu.roles) > 0
} else := _open("open questions may make it a high-risk Annex III system") if {
	_eu_open
} else := _no("it is not a high-risk Annex III system and no Art. 6(3) derogation is claimed (Art. 49)")

# Art. 50 binds each operator for its own paragraphs: 50(1) and (2) the provider, 50(3) and
# (4) the deployer. A paragraph that applies to the system but binds another operator does
# not bind this organisation (its rule advises).
_when("art_50") := _yes(util.msg(["Art. 50 applies to the organisation's role: ", util.join(_art_50_own)])) if {
	count(_art_50_own) > 0
} else := _no(util.msg([
	"Art. 50 applies to the system (", util.join(_art_50_others),
	") but binds another operator, not the organisation (", _held_text, ")",
])) if {
	eu.limited
	count(eu.roles) > 0
} else := _open("what the organisation does with the system (eu_ai_act.activities) is not answered") if {
	eu.limited
	facts.unanswered("eu_ai_act.activities")
} else := _yes(util.msg(["Art. 50 applies: ", util.join(eu.art_50_paragraphs)])) if {
	eu.limited
} else := _open("open questions may bring it under Art. 50") if {
	_eu_open
} else := _no("no Art. 50 trigger applies")

_art_50_own := {util.msg([d.paragraph, " (", d.addressee, ")"]) | some d in eu.art_50; d.addressee in eu.roles}

_art_50_others := {util.msg([d.paragraph, " (the ", d.addressee, "'s duty)"]) | some d in eu.art_50}

_when("gpai") := _gpai

_gpai := _yes("the organisation provides a general-purpose AI model") if {
	eu.gpai_model
} else := _open("whether it is a general-purpose AI model is not answered") if {
	facts.unanswered("eu_ai_act.is_gpai_model")
} else := _no("the organisation does not provide a general-purpose AI model (Chapter V binds model providers only)")

_when("gpai_non_eu") := _no("the model is open source with public weights and no systemic risk (Art. 54(6))") if {
	eu.gpai_open_source
} else := _no("the provider is established in the EU (Art. 54(1))") if {
	eu.gpai_model
	facts.yes("organisation.established_in_eu")
} else := _yes("the model's provider is established outside the EU (Art. 54(1))") if {
	eu.gpai_model
	facts.no("organisation.established_in_eu")
} else := _open("where the provider is established is not answered") if {
	eu.gpai_model
} else := _gpai

_when("gpai_systemic") := _yes("the model has systemic risk (Art. 51)") if {
	eu.gpai_systemic_risk
} else := _open("whether the model has systemic risk is not answered") if {
	eu.gpai_model
	_systemic_open
} else := _no("the model has no systemic risk (Art. 51)") if {
	eu.gpai_model
} else := _gpai

_systemic_open if {
	not is_number(eu.training_compute)
	not facts.answered("eu_ai_act.gpai.commission_designated")
}

_systemic_open if {
	not is_number(eu.training_compute)
	facts.no("eu_ai_act.gpai.commission_designated")
}

_when("art_86") := _yes("a deployer's decisions based on a high-risk Annex III system can have legal or similarly significant effects (Art. 86(1))") if {
	_fria_high
	facts.yes("eu_ai_act.decisions.legal_or_similar_effect")
} else := _open("whether its decisions have legal or similarly significant effects is not answered") if {
	_fria_high
	facts.unanswered("eu_ai_act.decisions.legal_or_similar_effect")
} else := _no("decisions based on it have no legal or similarly significant effect (Art. 86(1))") if {
	_fria_high
} else := _open("open questions may make it a high-risk Annex III system") if {
	_eu_open
} else := _no("it is not a high-risk Annex III system other than point 2 (Art. 86(1))")

_when("dates") := _no("a transitional and dates provision: applied to every other article's date, not an obligation of its own")

_when_area(n) := _yes(util.msg(["it is a high-risk use under Annex III point ", n])) if {
	n in eu.annex_iii_areas
	eu.annex_iii_high
} else := _open("open questions may make it a high-risk Annex III use") if {
	_eu_open
} else := _no("it is not a high-risk use under this Annex III point")

_condition(spec) := _when_area(spec.area) if {
	spec.when == "area"
} else := _when(spec.when)

# --- roles -----------------------------------------------------------------------------------------

_roles_state(who) := {"state": "yes", "held": held, "why": ""} if {
	held := sort([r | some r in who; r in eu.roles])
	count(held) > 0
} else := {"state": "open", "held": [], "why": "what the organisation does with the system (eu_ai_act.activities) is not answered"} if {
	facts.unanswered("eu_ai_act.activities")
} else := {"state": "no", "held": [], "why": util.msg(["it binds the ", concat(" or ", who), " and the organisation is ", _held_text])}

_held_text := util.msg(["the ", concat(" and ", eu.role_list)]) if {
	count(eu.roles) > 0
} else := "none of the operators the Act names"

# --- dates ------------------------------------------------------------------------------------------

_route_key := eu.high_risk_route

# The transitional rule for high-risk systems already in service (Art. 111(2)): covered only
# after a significant design change, but those intended for public authorities by 2 Aug 2030.
_cutoff := law_dates.legacy_cutoff(_route_key)

_first := facts.value("eu_ai_act.lifecycle.first_placed_or_put_into_service")

_legacy if dates.day(_first) < dates.day(_cutoff)

_date_of("route") := {"state": "date", "date": law_dates.date(_route_key), "note": ""} if {
	not _legacy
} else := {"state": "date", "date": law_dates.date(_route_key), "note": " (changed significantly since it was first used, Art. 111(2))"} if {
	facts.yes("eu_ai_act.lifecycle.significant_design_change_after_cutoff")
} else := {"state": "date", "date": law_dates.date("legacy_public_authority"), "note": " (in use before the cut-off and intended for public authorities, Art. 111(2))"} if {
	facts.yes("eu_ai_act.lifecycle.intended_for_public_authority_use")
} else := {"state": "none", "date": null, "note": util.msg(["it was in use before ", _cutoff, " and has not changed significantly since (Art. 111(2))"])} if {
	facts.no("eu_ai_act.lifecycle.significant_design_change_after_cutoff")
	facts.no("eu_ai_act.lifecycle.intended_for_public_authority_use")
} else := {"state": "open", "date": null, "note": "whether it changed significantly since it was first used, or is intended for public authorities, is not answered (Art. 111(2))"}

_date_of("gpai") := {"state": "date", "date": law_dates.date("legacy_gpai_models"), "note": " (a model placed on the market before 2 August 2025, Art. 111(3))"} if {
	dates.day(facts.value("eu_ai_act.gpai.first_placed_on_market")) < dates.day(law_dates.date("gpai"))
} else := {"state": "date", "date": law_dates.date("gpai"), "note": ""}

_date_of("chapters_i_ii") := {"state": "date", "date": law_dates.date("chapters_i_ii"), "note": ""}

_date_of("general") := {"state": "date", "date": law_dates.date("general"), "note": ""}

# Art. 5: the Omnibus points apply from their own date.
_date_of("art_5") := {"state": "date", "date": law_dates.date("new_art5_points"), "note": " (the Digital Omnibus points)"} if {
	count(eu.prohibited_points - {"Art.5(1)(ba)", "Art.5(1)(bb)"}) == 0
	count(eu.prohibited_points) > 0
} else := {"state": "date", "date": law_dates.date("chapters_i_ii"), "note": ""}

# Art. 50(2) for generative systems placed before 2 Aug 2026: 2 Dec 2026 under the Omnibus.
_date_of("art_50") := {"state": "date", "date": law_dates.date("art_50_2_legacy"), "note": " (a generative system placed before 2 August 2026)"} if {
	law_dates.secondary
	eu.art_50_paragraphs == {"Art.50(2)"}
	dates.day(_first) < dates.day(law_dates.date("general"))
} else := {"state": "date", "date": law_dates.date("general"), "note": ""}

# _other_note(key, d): the date under the other date_schedule, where it differs (the Omnibus
# moves the Chapter III dates).
_other_note(key, d) := util.msg([" (", o, " under the other date_schedule)"]) if {
	o := law_dates.other_date(_date_key(key))
	o != d
} else := ""

_date_key(key) := _route_key if key == "route"

else := key

# --- the decision ----------------------------------------------------------------------------------

_reference if config.eu_ai_act_reference == true

_eu_decision(spec) := _decide(spec, _condition(spec), _roles_state(spec.who), _date_of(spec.date))

_entry(status, reason, from, floor) := {"status": status, "reason": reason, "applies_from": from, "floor": floor}

_decide(spec, cond, role, when) := _entry("not_applicable", util.msg([spec.what, ": does not apply: ", cond.why]), null, "") if {
	cond.state == "no"
} else := _entry("not_applicable", util.msg([spec.what, ": does not apply: ", role.why]), null, "") if {
	role.state == "no"
} else := _entry("undetermined", util.msg([spec.what, ": not decided: ", cond.why]), null, "") if {
	cond.state == "open"
} else := _entry("undetermined", util.msg([spec.what, ": not decided: ", role.why]), null, "") if {
	role.state == "open"
} else := _entry(
	"advisory", util.msg([
		spec.what, ": would bind the ", concat(" and ", role.held), " because ", cond.why,
		", but the EU AI Act does not apply to this system (", eu.scope_reason,
		"); shown because the organisation uses the Act as a reference framework",
	]),
	null, "",
) if {
	eu.in_scope == false
	_reference
} else := _entry(
	"not_applicable", util.msg([spec.what, ": the EU AI Act does not apply to this system (", eu.scope_reason, ")"]),
	null, "",
) if {
	eu.in_scope == false
} else := _entry(
	"undetermined", util.msg([spec.what, ": not decided: whether the EU AI Act applies (Art. 2) is not answered"]),
	null, "",
) if {
	eu.in_scope == null
} else := _entry("not_applicable", util.msg([spec.what, ": does not apply: ", when.note]), null, "") if {
	when.state == "none"
} else := _entry("undetermined", util.msg([spec.what, ": not decided: ", when.note]), null, "") if {
	when.state == "open"
} else := _entry(
	"upcoming", util.msg([
		spec.what, ": will bind the ", concat(" and ", role.held), " from ", when.date, when.note,
		_other_note(spec.date, when.date), " because ", cond.why, "; ", law_dates.schedule_note,
	]),
	when.date, "",
) if {
	not law_dates.started(when.date)
} else := _entry(
	"binds", util.msg([
		spec.what, ": binds the ", concat(" and ", role.held), " because ", cond.why, "; applies from ",
		when.date, when.note, _other_note(spec.date, when.date),
	]),
	when.date, spec.floor,
)

eu_decisions[id] := _eu_decision(spec) if some id, spec in _eu

# --- UK GDPR, DPA 2018 -----------------------------------------------------------------------------

# The UK GDPR applies to personal data processed under it (not DPA Part 3 or 4).
_gdpr_base := _no("no personal data is processed (UK GDPR Art. 2(1))") if {
	uk.no_personal_data
} else := _open("whether personal data is processed is not answered") if {
	not uk.personal_data
} else := _no("DPA 2018 Part 3 governs this processing (law enforcement by a competent authority, ss. 29-31), not the UK GDPR") if {
	uk.part3
} else := _no("DPA 2018 Part 4 governs this processing (intelligence services), not the UK GDPR") if {
	uk.part4
} else := _open("which regime governs the processing (uk_data_protection.regime) is not answered") if {
	not uk.uk_gdpr
} else := _yes("personal data is processed under the UK GDPR")

_part3_base := _no("no personal data is processed") if {
	uk.no_personal_data
} else := _open("whether personal data is processed is not answered") if {
	not uk.personal_data
} else := _yes("the processing is under DPA 2018 Part 3 (law enforcement)") if {
	uk.part3
} else := _open("which regime governs the processing is not answered") if {
	uk.regime == null
} else := _no("the processing is not under DPA 2018 Part 3")

# _and(base, extra): base, then the extra condition when base holds.
_and(base, _) := base if base.state != "yes"

_and(base, extra) := extra if base.state == "yes"

_controller_duty := _yes("the organisation is its controller") if {
	uk.controller
} else := _no("it binds the controller and the organisation is a processor") if {
	uk.processor
} else := _open("whether the organisation is controller or processor is not answered")

_special := _yes("special category data is processed (Art. 9(1))") if {
	uk.special_category
} else := _no("no special category data is processed") if {
	facts.no("uk_data_protection.special_category_data")
} else := _open("whether special category data is processed is not answered")

_criminal := _yes("criminal offence data is processed (Art. 10)") if {
	uk.criminal_offence
} else := _no("no criminal offence data is processed") if {
	facts.no("uk_data_protection.criminal_offence_data")
} else := _open("whether criminal offence data is processed is not answered")

_a(id) := concat("", ["uk_data_protection.automated_decision.", id])

_adm := _yes("it takes significant decisions with no meaningful human involvement (Art. 22A(1))") if {
	uk.significant_automated_decision
} else := _no("it takes no decision with legal or similarly significant effects") if {
	facts.no(_a("significant"))
} else := _no("its significant decisions involve a person meaningfully") if {
	facts.no(_a("solely_automated"))
} else := _open("whether it takes significant, solely automated decisions is not answered")

_duaa := _yes(util.msg(["Arts. 22A-22D are in force (Data (Use and Access) Act 2025 s. 80, from ", uk.duaa_date, ")"])) if {
	uk.duaa_in_force
} else := _no(util.msg(["Arts. 22A-22D apply from ", uk.duaa_date, " (configuration duaa_art_22a_from)"]))

_pre_duaa := _no(util.msg(["replaced by Arts. 22A-22D from ", uk.duaa_date, " (Data (Use and Access) Act 2025 s. 80)"])) if {
	uk.duaa_in_force
} else := _yes(util.msg(["Art. 22 applies until ", uk.duaa_date]))

_restricted := _yes("the decision is based on special category data or relies on Art. 6(1)(ea) (Art. 22B)") if {
	facts.yes(_a("uses_special_category"))
} else := _yes("the decision is based on special category data or relies on Art. 6(1)(ea) (Art. 22B)") if {
	facts.yes(_a("relies_on_6_1_ea"))
} else := _no("the decision is based on neither special category data nor Art. 6(1)(ea) (Art. 22B)") if {
	facts.no(_a("uses_special_category"))
	not facts.yes(_a("relies_on_6_1_ea"))
} else := _open("whether the decision uses special category data or Art. 6(1)(ea) is not answered")

_dpia := _yes(util.msg(["a DPIA is ", uk.dpia_reason])) if {
	uk.dpia_needed
} else := _open(uk.dpia_reason) if {
	uk.dpia == "undetermined"
} else := _no(util.msg(["a DPIA is ", uk.dpia_reason]))

_uk_conditions := {
	"UK-GDPR:Art.5": {"what": "UK GDPR Art. 5 (principles)", "cond": _and(_gdpr_base, _controller_duty)},
	"UK-GDPR:Art.6": {"what": "UK GDPR Art. 6 (lawfulness)", "cond": _and(_gdpr_base, _controller_duty)},
	"UK-GDPR:Art.9": {"what": "UK GDPR Art. 9 (special category data)", "cond": _and(_gdpr_base, _special)},
	"UK-GDPR:Art.10": {"what": "UK GDPR Art. 10 (criminal offence data)", "cond": _and(_gdpr_base, _criminal)},
	"UK-GDPR:Art.13": {"what": "UK GDPR Art. 13 (information to data subjects)", "cond": _and(_gdpr_base, _controller_duty)},
	"UK-GDPR:Art.22": {"what": "UK GDPR Art. 22 (automated decisions, before the DUAA)", "cond": _and(_and(_gdpr_base, _pre_duaa), _adm)},
	"UK-GDPR:Art.22A": {"what": "UK GDPR Art. 22A (significant automated decisions)", "cond": _and(_and(_gdpr_base, _duaa), _adm)},
	"UK-GDPR:Art.22B": {"what": "UK GDPR Art. 22B (restrictions on automated decisions)", "cond": _and(_and(_and(_gdpr_base, _duaa), _adm), _restricted)},
	"UK-GDPR:Art.22C": {"what": "UK GDPR Art. 22C (safeguards for automated decisions)", "cond": _and(_and(_gdpr_base, _duaa), _adm)},
	"UK-GDPR:Art.25": {"what": "UK GDPR Art. 25 (data protection by design)", "cond": _and(_gdpr_base, _controller_duty)},
	"UK-GDPR:Art.28": {"what": "UK GDPR Art. 28 (processors)", "cond": _gdpr_base},
	"UK-GDPR:Art.30": {"what": "UK GDPR Art. 30 (records of processing)", "cond": _gdpr_base},
	"UK-GDPR:Art.32": {"what": "UK GDPR Art. 32 (security)", "cond": _gdpr_base},
	"UK-GDPR:Art.33": {"what": "UK GDPR Art. 33 (breach notification)", "cond": _gdpr_base},
	"UK-GDPR:Art.35": {"what": "UK GDPR Art. 35 (DPIA)", "cond": _and(_and(_gdpr_base, _controller_duty), _dpia)},
	"UK-GDPR:Art.36": {"what": "UK GDPR Art. 36 (prior consultation, where a DPIA shows a high risk that cannot be mitigated)", "cond": _and(_and(_gdpr_base, _controller_duty), _dpia)},
	"UK-GDPR:Art.44": {"what": "UK GDPR Art. 44 (international transfers)", "cond": _gdpr_base},
	"UK-DPA-2018:s.10": {"what": "DPA 2018 s. 10 and Sch. 1 (conditions for special category and criminal offence data)", "cond": _and(_gdpr_base, _special_or_criminal)},
	"UK-DPA-2018:s.35": {"what": "DPA 2018 s. 35 (sensitive processing for law enforcement)", "cond": _and(_part3_base, _special)},
	"UK-DPA-2018:s.42": {"what": "DPA 2018 s. 42 (appropriate policy document)", "cond": _and(_part3_base, _special)},
	"UK-DPA-2018:s.50A": {"what": "DPA 2018 s. 50A (significant automated decisions, law enforcement)", "cond": _and(_part3_base, _adm)},
	"UK-DPA-2018:s.50B": {"what": "DPA 2018 s. 50B (restrictions on automated decisions, law enforcement)", "cond": _and(_and(_part3_base, _adm), _special)},
	"UK-DPA-2018:s.50C": {"what": "DPA 2018 s. 50C (safeguards for automated decisions, law enforcement)", "cond": _and(_part3_base, _adm)},
	"UK-DPA-2018:s.64": {"what": "DPA 2018 s. 64 (DPIA, law enforcement)", "cond": _and(_part3_base, _dpia)},
}

_special_or_criminal := _special if {
	_special.state == "yes"
} else := _criminal if {
	_criminal.state == "yes"
} else := _open("whether special category or criminal offence data is processed is not answered") if {
	"open" in {_special.state, _criminal.state}
} else := _no("neither special category nor criminal offence data is processed")

_uk_decision(c) := _entry("binds", util.msg([c.what, ": binds: ", c.cond.why]), null, "") if {
	c.cond.state == "yes"
} else := _entry("undetermined", util.msg([c.what, ": not decided: ", c.cond.why]), null, "") if {
	c.cond.state == "open"
} else := _entry("not_applicable", util.msg([c.what, ": does not apply: ", c.cond.why]), null, "")

uk_decisions[id] := _uk_decision(c) if some id, c in _uk_conditions

# --- the ATRS ---------------------------------------------------------------------------------------

# The ATRS is mandatory for public-sector bodies for tools that have a significant influence on
# decisions affecting the public or interact with it (the ATRS mandatory scope policy).
atrs_scope if util.manifest(["system", "deployment"]) == "public-facing"

atrs_scope if util.manifest(["system", "decision_role"]) in {"decision-support", "automated-decision"}

atrs_scope if facts.yes("eu_ai_act.decisions.about_natural_persons")

_atrs := _no("the tool neither interacts with the public nor supports decisions about people") if {
	not atrs_scope
} else := _yes("a public-sector body's tool that interacts with the public or supports decisions") if {
	facts.yes("organisation.public_authority")
} else := _no("the ATRS is mandatory for public-sector bodies only (recommended for others)") if {
	facts.no("organisation.public_authority")
} else := _open("whether the organisation is a public authority is not answered")

atrs_mandatory if _atrs.state == "yes"

_atrs_controls := [
	"UK-ATRS:Tier1", "UK-ATRS:Tier2", "UK-ATRS:Tier2.1", "UK-ATRS:Tier2.2", "UK-ATRS:Tier2.3",
	"UK-ATRS:Tier2.4", "UK-ATRS:Tier2.4.2", "UK-ATRS:Tier2.4.3", "UK-ATRS:Tier2.4.4", "UK-ATRS:Tier2.5",
]

atrs_decisions[id] := _uk_decision({"what": "the ATRS", "cond": _atrs}) if some id in _atrs_controls

# --- every decision -----------------------------------------------------------------------------------

decisions := object.union(object.union(eu_decisions, uk_decisions), atrs_decisions)

# status(id): the decision's status, "undetermined" for a control no rule above decides.
status(id) := decisions[id].status if {
	decisions[id]
} else := "undetermined"

binds(id) if status(id) == "binds"

# duty(id): the status a rule acts on: binds (fail), advisory or upcoming (advise), or neither.
advises(id) if status(id) in {"advisory", "upcoming"}
