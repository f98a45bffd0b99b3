# Which EU AI Act controls bind this system (docs/classification.md, "A finding names a control
# only where it binds"): an article binds only when the system is in scope (Art. 2), the
# organisation holds a role the article addresses, the category condition holds, no exception
# applies, and the article applies on the assessment date (Arts. 111, 113, under the configured
# date_schedule). law.obligations gathers these decisions with the UK ones.
package ai_assure.law.eu_obligations

import rego.v1

import data.ai_assure.config
import data.ai_assure.law.art50
import data.ai_assure.law.dates as law_dates
import data.ai_assure.law.decision
import data.ai_assure.law.eu
import data.ai_assure.law.eu_dates
import data.ai_assure.law.facts
import data.ai_assure.law.gpai
import data.ai_assure.law.high_risk
import data.ai_assure.law.questions
import data.ai_assure.law.roles
import data.ai_assure.lib.util

_all_roles := ["provider", "deployer", "importer", "distributor", "authorised_representative", "product_manufacturer"]

_provider := ["provider"]

_deployer := ["deployer"]

# Each control: what, who (the addressees), when (its condition, below), date (the provisions
# it applies with), floor (the least severity of a failed finding naming it while it binds).
controls := {
	"EU-AI-ACT:Art.4": _spec("Art. 4 (AI literacy)", ["provider", "deployer"], "ai", "chapters_i_ii", ""),
	"EU-AI-ACT:Art.5": _spec("Art. 5 (prohibited practices)", _all_roles, "ai", "art_5", "critical"),
	"EU-AI-ACT:Art.6": _spec("Art. 6 (classification of high-risk systems)", _provider, "annex", "route", "high"),
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
	"EU-AI-ACT:Art.27": _spec("Art. 27 (fundamental rights impact assessment)", _deployer, "fria", "route", "high"),
	"EU-AI-ACT:Art.43": _high("Art. 43 (conformity assessment)", _provider),
	"EU-AI-ACT:Art.47": _high("Art. 47 (EU declaration of conformity)", _provider),
	"EU-AI-ACT:Art.48": _high("Art. 48 (CE marking)", _provider),
	"EU-AI-ACT:Art.49": _spec("Art. 49 (registration)", ["provider", "deployer"], "registration", "route", "high"),
	"EU-AI-ACT:Art.50": _spec("Art. 50 (transparency obligations)", ["provider", "deployer"], "art_50", "art_50", ""),
	"EU-AI-ACT:Art.51": _spec("Art. 51 (general-purpose AI models with systemic risk)", _provider, "gpai", "gpai", ""),
	"EU-AI-ACT:Art.53": _spec("Art. 53 (obligations of GPAI model providers)", _provider, "gpai", "gpai", ""),
	"EU-AI-ACT:Art.54": _spec(
		"Art. 54 (authorised representatives of GPAI model providers)",
		["provider", "authorised_representative"], "gpai_non_eu", "gpai", "",
	),
	"EU-AI-ACT:Art.55": _spec("Art. 55 (GPAI models with systemic risk)", _provider, "gpai_systemic", "gpai", ""),
	"EU-AI-ACT:Art.72": _high("Art. 72 (post-market monitoring)", _provider),
	"EU-AI-ACT:Art.73": _high("Art. 73 (reporting serious incidents)", _provider),
	"EU-AI-ACT:Art.86": _spec("Art. 86 (right to explanation)", _deployer, "art_86", "route", "high"),
	"EU-AI-ACT:Art.111": _spec("Art. 111 (systems already placed on the market)", _all_roles, "dates", "general", ""),
	"EU-AI-ACT:Art.113": _spec("Art. 113 (entry into force and application)", _all_roles, "dates", "general", ""),
	"EU-AI-ACT:AnnexIII.1": _area(1),
	"EU-AI-ACT:AnnexIII.2": _area(2),
	"EU-AI-ACT:AnnexIII.3": _area(3),
	"EU-AI-ACT:AnnexIII.4": _area(4),
	"EU-AI-ACT:AnnexIII.5": _area(5),
	"EU-AI-ACT:AnnexIII.6": _area(6),
	"EU-AI-ACT:AnnexIII.7": _area(7),
	"EU-AI-ACT:AnnexIII.8": _area(8),
}

_spec(what, who, when, date, least_severity) := {
	"what": what,
	"who": who,
	"when": when,
	"date": date,
	"floor": least_severity,
}

_high(what, who) := _spec(what, who, "high", "route", "high")

_area(n) := object.union(
	_spec(util.msg(["Annex III point ", n]), ["provider", "deployer"], "area", "route", "high"),
	{"area": n},
)

# --- the condition of each control (ignoring scope, roles and dates) ------------------------------

# _eu_open: an EU classification question is open, so a "no" may still become "yes".
_eu_open if count(questions.open_eu) > 0

_category_text := util.msg(["its EU AI Act category is ", eu.category])

default _cond_ai := {"state": "yes", "why": "it is an AI system or general-purpose AI model (Art. 3(1), 3(63))"}

_cond_ai := decision.no("it is not an AI system or a general-purpose AI model (Art. 3(1), 3(63))") if {
	eu.not_ai
} else := decision.open("whether it is an AI system (Art. 3(1)) is not answered") if {
	not eu.ai_system
	not gpai.model_fact
}

_in_annex if high_risk.annex_i_high

_in_annex if count(high_risk.candidate_points) > 0

default _cond_annex := {"state": "no", "why": "it is neither an Annex I product nor an Annex III use (Art. 6)"}

_cond_annex := decision.yes("it is within Annex I or Annex III (Art. 6)") if {
	_in_annex
} else := decision.open("the Annex I and Annex III questions are not all answered") if {
	_eu_open
}

_high_grounds := array.concat(
	[high_risk.annex_i_citation | high_risk.annex_i_high],
	sort([p | some p in _annex_iii_citations; high_risk.annex_iii_high]),
)

_annex_iii_citations contains p if some p in high_risk.annex_iii_points

_annex_iii_citations contains util.msg(["AnnexIII.", n]) if some n in high_risk.declared_areas_open

_cond_high := decision.no(concat("", [
	"it is a high-risk Annex I Section B product: only Arts. 6(1), 102-109 and 112 apply",
	" (Art. 2(2))",
])) if {
	high_risk.annex_i_section_b
	not high_risk.annex_iii_high
} else := decision.yes(util.msg(["it is a high-risk AI system (", concat(", ", _high_grounds), ")"])) if {
	high_risk.high
} else := decision.open("open questions may make it high-risk") if {
	_eu_open
} else := decision.no(util.msg(["it is not a high-risk AI system (", _category_text, ")"]))

# _annex_iii_deployer_duty: a high-risk Annex III system other than point 2, the systems Arts.
# 27, 49(3) and 86 reach.
_annex_iii_deployer_duty if {
	high_risk.annex_iii_high
	count(high_risk.annex_iii_points - {"AnnexIII.2"}) > 0
}

_fria_any_deployer := high_risk.annex_iii_points & {"AnnexIII.5(b)", "AnnexIII.5(c)"}

# Art. 27(1): before first use of an Annex III system (not point 2), by deployers that are bodies
# governed by public law or private entities providing public services, and by every deployer of
# a point 5(b) or 5(c) system. Every public authority is treated as a body governed by public
# law (contested: flagged for review).
_cond_fria := decision.yes(util.msg([
	"it is an Annex III point ", util.join(_fria_any_deployer), " system, which every deployer assesses",
	" (Art. 27(1))",
])) if {
	_annex_iii_deployer_duty
	count(_fria_any_deployer) > 0
} else := decision.yes(util.msg(["it is a high-risk Annex III system and the deployer is ", _fria_group])) if {
	_annex_iii_deployer_duty
	_fria_group
} else := decision.open(concat("", [
	"whether the deployer is a body governed by public law or provides a public service is not",
	" answered",
])) if {
	_annex_iii_deployer_duty
	_fria_group_open
} else := decision.no(concat("", [
	"the deployer is not a body governed by public law or a private entity providing public",
	" services, and the system is not under Annex III 5(b) or 5(c) (Art. 27(1))",
])) if {
	_annex_iii_deployer_duty
} else := decision.open("open questions may make it a high-risk Annex III system") if {
	_eu_open
} else := decision.no("it is not a high-risk Annex III system other than point 2 (Art. 27(1))")

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

# Art. 49: the provider registers an Annex III high-risk system (49(1)) or one it claims is not
# high-risk under Art. 6(3) (49(2)); a deployer that is a public authority (or acts on its
# behalf) registers its use of an Annex III high-risk system other than point 2 (49(3)). Never
# for Annex I systems (Art. 49(1) covers Annex III).
_provides if "provider" in roles.held

_deployer_of_annex_iii if {
	_annex_iii_deployer_duty
	"deployer" in roles.held
}

_cond_registration := decision.yes(concat("", [
	"it is a high-risk Annex III system and the organisation is its provider",
	" (Art. 49(1))",
])) if {
	high_risk.annex_iii_high
	_provides
} else := decision.yes("the organisation is the provider and claims the Art. 6(3) derogation (Art. 49(2))") if {
	high_risk.derogation_claimed
	count(high_risk.annex_iii_points) > 0
	_provides
} else := decision.yes("it is a high-risk Annex III system used by a public-authority deployer (Art. 49(3))") if {
	_deployer_of_annex_iii
	facts.yes("organisation.public_authority")
} else := decision.open("whether the deployer is a public authority is not answered (Art. 49(3))") if {
	_deployer_of_annex_iii
	facts.unanswered("organisation.public_authority")
} else := decision.no("Art. 49(3) binds deployers that are public authorities, and the organisation is not one") if {
	_deployer_of_annex_iii
} else := decision.no("the organisation is not the provider of an Annex III system (Art. 49(1), (2))") if {
	count(high_risk.annex_iii_points) > 0
	count(roles.held) > 0
} else := decision.open("open questions may make it a high-risk Annex III system") if {
	_eu_open
} else := decision.no("it is not a high-risk Annex III system and no Art. 6(3) derogation is claimed (Art. 49)")

# Art. 50 binds each operator for its own paragraphs: 50(1) and (2) the provider, 50(3) and (4)
# the deployer. A paragraph that binds another operator does not bind this organisation (its
# rule advises).
_art_50_own contains util.msg([d.paragraph, " (", d.addressee, ")"]) if {
	some d in art50.paragraphs
	d.addressee in roles.held
}

_art_50_all contains util.msg([d.paragraph, " (the ", d.addressee, "'s duty)"]) if {
	some d in art50.paragraphs
}

_cond_art_50 := decision.yes(util.msg(["Art. 50 applies to the organisation's role: ", util.join(_art_50_own)])) if {
	count(_art_50_own) > 0
} else := decision.no(util.msg([
	"Art. 50 applies to the system (", util.join(_art_50_all), ") but binds another operator, not",
	" the organisation (", _held_text, ")",
])) if {
	art50.limited
	count(roles.held) > 0
} else := decision.open("what the organisation does with the system (eu_ai_act.activities) is not answered") if {
	art50.limited
} else := decision.open("open questions may bring it under Art. 50") if {
	_eu_open
} else := decision.no("no Art. 50 trigger applies")

_cond_gpai := decision.yes("the organisation provides a general-purpose AI model") if {
	gpai.model
} else := decision.open("whether it is a general-purpose AI model is not answered") if {
	facts.unanswered("eu_ai_act.is_gpai_model")
} else := decision.no(concat("", [
	"the organisation does not provide a general-purpose AI model (Chapter V binds model",
	" providers only)",
]))

_cond_gpai_non_eu := decision.no("the model is open source with public weights and no systemic risk (Art. 54(6))") if {
	gpai.open_source
} else := decision.no("the provider is established in the EU (Art. 54(1))") if {
	gpai.model
	facts.yes("organisation.established_in_eu")
} else := decision.yes("the model's provider is established outside the EU (Art. 54(1))") if {
	gpai.model
	facts.no("organisation.established_in_eu")
} else := decision.open("where the provider is established is not answered") if {
	gpai.model
} else := _cond_gpai

_systemic_open if {
	not is_number(gpai.training_compute)
	not facts.yes("eu_ai_act.gpai.commission_designated")
}

_cond_gpai_systemic := decision.yes("the model has systemic risk (Art. 51)") if {
	gpai.systemic_risk
} else := decision.open("whether the model has systemic risk is not answered") if {
	gpai.model
	_systemic_open
} else := decision.no("the model has no systemic risk (Art. 51)") if {
	gpai.model
} else := _cond_gpai

_cond_art_86 := decision.yes(concat("", [
	"a deployer's decisions based on a high-risk Annex III system can have legal or similarly",
	" significant effects (Art. 86(1))",
])) if {
	_annex_iii_deployer_duty
	facts.yes("eu_ai_act.decisions.legal_or_similar_effect")
} else := decision.open("whether its decisions have legal or similarly significant effects is not answered") if {
	_annex_iii_deployer_duty
	facts.unanswered("eu_ai_act.decisions.legal_or_similar_effect")
} else := decision.no("decisions based on it have no legal or similarly significant effect (Art. 86(1))") if {
	_annex_iii_deployer_duty
} else := decision.open("open questions may make it a high-risk Annex III system") if {
	_eu_open
} else := decision.no("it is not a high-risk Annex III system other than point 2 (Art. 86(1))")

_cond_dates := decision.no(concat("", [
	"a transitional and dates provision: applied to every other article's date, not an obligation",
	" of its own",
]))

_conditions := {
	"ai": _cond_ai, "annex": _cond_annex, "high": _cond_high, "fria": _cond_fria,
	"registration": _cond_registration, "art_50": _cond_art_50, "gpai": _cond_gpai,
	"gpai_non_eu": _cond_gpai_non_eu, "gpai_systemic": _cond_gpai_systemic, "art_86": _cond_art_86,
	"dates": _cond_dates,
}

# _area_conditions[n]: whether Annex III point n makes the system high-risk.
_area_conditions[n] := _area_condition(listed, high_risk.annex_iii_high, _eu_open_now, n) if {
	some n in numbers.range(1, 8)
	listed := n in high_risk.annex_iii_areas
}

default _eu_open_now := false

_eu_open_now if _eu_open

_area_condition(listed, high, open_questions, n) := decision.yes(util.msg([
	"it is a high-risk use under Annex III point ",
	n,
])) if {
	listed == true
	high == true
} else := decision.open("open questions may make it a high-risk Annex III use") if {
	open_questions == true
} else := decision.no("it is not a high-risk use under this Annex III point")

_condition(spec) := _area_conditions[spec.area] if {
	spec.when == "area"
} else := _conditions[spec.when]

# --- roles -----------------------------------------------------------------------------------------

default _held_text := "none of the operators the Act names"

_held_text := util.msg(["the ", concat(" and ", roles.names)]) if count(roles.held) > 0

default _activities_open := false

_activities_open if facts.unanswered("eu_ai_act.activities")

_role_context := {"held": roles.held, "open": _activities_open, "text": _held_text}

# _role_of(who, ctx): whether the organisation holds a role the control addresses.
_role_of(who, ctx) := {"state": "yes", "held": held, "why": ""} if {
	held := sort([r | some r in who; r in ctx.held])
	count(held) > 0
} else := {
	"state": "open",
	"held": [],
	"why": concat("", ["what the organisation does with the system (eu_ai_act.activities) is not answered"]),
} if {
	ctx.open
} else := {
	"state": "no",
	"held": [],
	"why": util.msg(["it binds the ", concat(" or ", who), " and the organisation is ", ctx.text]),
}

# --- the decision ----------------------------------------------------------------------------------

_reference if config.eu_ai_act_reference == true

_scope := {"in_scope": eu.in_scope, "reason": eu.scope_reason, "reference": _reference_now}

default _reference_now := false

_reference_now if _reference

decisions[id] := _decide(spec, _condition(spec), _role_of(spec.who, _role_context), when) if {
	some id, spec in controls
	when := eu_dates.when[spec.date]
}

# _decide: not applicable or undetermined on the condition and the role; then the scope and the
# date decide (_in_force).
_decide(spec, cond, role, when) := decision.entry("not_applicable", _why(spec, "does not apply", cond), null, "") if {
	cond.state == "no"
} else := decision.entry("not_applicable", _why(spec, "does not apply", role), null, "") if {
	role.state == "no"
} else := decision.entry("undetermined", _why(spec, "not decided", cond), null, "") if {
	cond.state == "open"
} else := decision.entry("undetermined", _why(spec, "not decided", role), null, "") if {
	role.state == "open"
} else := _in_force(spec, cond, role, when, _scope)

_why(spec, verdict, state) := util.msg([spec.what, ": ", verdict, ": ", state.why])

_in_force(spec, cond, role, when, scope) := decision.entry(
	"advisory", util.msg([
		spec.what, ": would bind the ", concat(" and ", role.held), " because ", cond.why,
		", but the EU AI Act does not apply to this system (", scope.reason,
		"); shown because the organisation uses the Act as a reference framework",
	]),
	null, "",
) if {
	scope.in_scope == false
	scope.reference
} else := decision.entry(
	"not_applicable", util.msg([spec.what, ": the EU AI Act does not apply to this system (", scope.reason, ")"]),
	null, "",
) if {
	scope.in_scope == false
} else := decision.entry(
	"undetermined", util.msg([spec.what, ": not decided: whether the EU AI Act applies (Art. 2) is not answered"]),
	null, "",
) if {
	scope.in_scope == null
} else := _dated(spec, cond, role, when)

_dated(spec, cond, role, when) := decision.entry(
	"not_applicable",
	util.msg([spec.what, ": does not apply: ", when.note]),
	null,
	"",
) if {
	when.state == "none"
} else := decision.entry("undetermined", util.msg([spec.what, ": not decided: ", when.note]), null, "") if {
	when.state == "open"
} else := decision.entry(
	"upcoming", util.msg([
		spec.what, ": will bind the ", concat(" and ", role.held), " from ", when.date, when.note, when.other,
		" because ", cond.why, "; ", law_dates.schedule_note,
	]),
	when.date, "",
) if {
	not law_dates.started(when.date)
} else := decision.entry(
	"binds", util.msg([
		spec.what, ": binds the ", concat(" and ", role.held), " because ", cond.why, "; applies from ",
		when.date, when.note, when.other,
	]),
	when.date, spec.floor,
)
