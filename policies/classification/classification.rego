# The two axes of a system's classification, and the helpers every rule decides from
# (docs/classification.md). Decided once, in Rego, so every evaluator agrees.
#
# 1. The EU AI Act category (package ai_assure.law.eu): computed only from the Act's facts:
#    prohibited | high | limited | minimal, with in_scope, the roles held, the GPAI flags and
#    every ground with its citation. No UK fact can change it.
# 2. The assurance level: the organisation's own proportionality, low | medium | high |
#    critical, raised by the EU category (where the Act applies, or as a reference framework:
#    configuration eu_ai_act_reference), UK data-protection facts, open questions and the
#    organisation's policy (configuration assurance). Rules that are internal good practice
#    apply from it; rules that check a legal duty apply where the duty binds (package
#    ai_assure.law.obligations).
package ai_assure.classification

import rego.v1

import data.ai_assure.config
import data.ai_assure.law.dates as law_dates
import data.ai_assure.law.eu
import data.ai_assure.law.facts
import data.ai_assure.law.obligations
import data.ai_assure.law.questions
import data.ai_assure.law.uk
import data.ai_assure.lib.util

# --- the EU AI Act axis --------------------------------------------------------------------

category := eu.category

# tier: kept for the report's `tier` (deprecated): the EU AI Act category from the facts.
tier := eu.category

# reasons: the EU AI Act grounds, in words (the report's tier.reasons).
reasons contains util.msg(["EU AI Act ", g.citation, ": ", g.text]) if {
	some g in eu.grounds
}

eu_ai_act := {
	"in_scope": eu.in_scope,
	"scope": eu.scope_reason,
	"roles": eu.role_list,
	"category": eu.category,
	"gpai_model": eu.gpai_model,
	"gpai_systemic_risk": eu.gpai_systemic_risk,
	"grounds": eu.grounds_list,
	"date_schedule": law_dates.schedule,
	"date_schedule_note": law_dates.schedule_note,
	"open_questions": count(questions.open_eu),
}

# --- the UK data-protection facts ----------------------------------------------------------------

personal_data if uk.personal_data

special_category_data if uk.special_category

special_category_data if {
	some d in util.datasets
	d.dataset.special_category_data == true
}

criminal_offence_data if uk.criminal_offence

# automated_decision: significant decisions with no meaningful human involvement (UK GDPR Art.
# 22A; DPA s. 50A).
automated_decision if uk.significant_automated_decision

# dpia_required: a DPIA is required or likely (UK GDPR Art. 35; DPA s. 64), or personal data is
# processed and the screening is not finished (fail closed).
dpia_required if uk.dpia_needed

dpia_required if {
	personal_data
	uk.dpia == "undetermined"
}

uk_data_protection := {
	"personal_data": facts.value("uk_data_protection.personal_data"),
	"regime": uk.regime_text,
	"dpia": uk.dpia,
	"dpia_reason": uk.dpia_reason,
	"special_category_data": uk.special_category,
	"criminal_offence_data": uk.criminal_offence,
	"significant_automated_decision": uk.significant_automated_decision,
	"automated_decision_breaches": sort([b | some b in uk.art_22b_breaches]),
	"open_questions": count(questions.open_uk),
}

# --- the assurance level -----------------------------------------------------------------------------

levels := ["low", "medium", "high", "critical"]

_rank(level) := i if {
	some i, l in levels
	l == level
}

_assurance := a if {
	a := config.assurance
	is_object(a)
} else := {}

_raise_to(trigger) := object.get(_assurance, ["raise", trigger], "high")

# eu_counts: the EU category feeds the level where the Act applies, or (configuration
# eu_ai_act_reference) as a reference framework for a system it does not reach.
_eu_counts if eu.in_scope != false

_eu_counts if config.eu_ai_act_reference == true

_eu_source := "EU AI Act" if eu.in_scope != false

else := "EU AI Act, as a reference framework"

assurance_reasons contains {"level": level, "source": _eu_source, "text": util.msg(["the EU AI Act category from the facts is ", eu.category, " (", _grounds_of(eu.category), ")"])} if {
	_eu_counts
	level := object.get(_assurance, ["eu_category", eu.category], "high")
}

_grounds_of("minimal") := "no trigger"

_grounds_of(c) := concat(", ", sort({g.citation | some g in eu.grounds; g.kind == _kind_of(c)})) if c != "minimal"

_kind_of("prohibited") := "prohibited"

_kind_of("high") := "high"

_kind_of("limited") := "transparency"

assurance_reasons contains {"level": _raise_to("gpai_model"), "source": _eu_source, "text": "it provides a general-purpose AI model (Art. 53)"} if {
	_eu_counts
	eu.gpai_model
}

assurance_reasons contains {"level": _raise_to("gpai_systemic_risk"), "source": _eu_source, "text": "its general-purpose AI model has systemic risk (Art. 51)"} if {
	_eu_counts
	eu.gpai_systemic_risk
}

assurance_reasons contains {"level": _raise_to("omnibus_prohibited_practice"), "source": "EU AI Act (Digital Omnibus, secondary sources)", "text": util.msg([
	"it can generate what the Digital Omnibus prohibits (", eu.omnibus_only_point,
	"), whichever date_schedule is configured",
])} if {
	eu.omnibus_only_point
}

assurance_reasons contains {"level": _raise_to("special_category_data"), "source": "UK GDPR", "text": "special category data is processed (UK GDPR Art. 9; DPA 2018 s. 35)"} if {
	special_category_data
}

assurance_reasons contains {"level": _raise_to("criminal_offence_data"), "source": "UK GDPR", "text": "criminal offence data is processed (UK GDPR Art. 10; DPA 2018 s. 11(2))"} if {
	criminal_offence_data
}

assurance_reasons contains {"level": _raise_to("significant_automated_decision"), "source": "UK GDPR", "text": concat("", [
	"it takes decisions with legal or similarly significant effects without meaningful human",
	" involvement (UK GDPR Art. 22A; DPA 2018 s. 50A)",
])} if {
	automated_decision
}

assurance_reasons contains {"level": _raise_to("unlawful_automated_decision"), "source": "UK GDPR", "text": util.msg(["its automated decision is restricted: ", b])} if {
	some b in uk.art_22b_breaches
}

assurance_reasons contains {"level": _raise_to("dpia_required"), "source": "UK GDPR", "text": util.msg(["a DPIA is ", uk.dpia_reason])} if {
	uk.dpia_needed
}

assurance_reasons contains {"level": _raise_to("public_facing"), "source": "organisation policy", "text": "it is public-facing"} if {
	public_facing
}

assurance_reasons contains {"level": _raise_to("generative"), "source": "organisation policy", "text": "it generates content"} if {
	generative
}

assurance_reasons contains {"level": _raise_to("open_questions"), "source": "organisation policy", "text": util.msg([
	count(questions.open), " classification questions are unanswered (CLS-005): the level stays at least this",
	" until they are",
])} if {
	count(questions.open) > 0
}

assurance_rank := max([_rank(r.level) | some r in assurance_reasons; _rank(r.level)]) if {
	count(assurance_reasons) > 0
} else := 0

assurance_level := levels[assurance_rank]

assurance := {
	"level": assurance_level,
	"reasons": sort([r | some r in assurance_reasons]),
}

assurance_high if assurance_rank >= 2

assurance_medium if assurance_rank >= 1

# high_risk, at_least_limited: the names rules used before the two axes, kept for repository-local
# rules: the assurance level (high or critical; medium or more), never the EU category.
high_risk if assurance_high

at_least_limited if assurance_medium

# --- helpers rules decide from ---------------------------------------------------------------------

# duty(control): whether a legal control binds this system (package ai_assure.law.obligations):
# binds, upcoming, advisory, not_applicable or undetermined.
duty(control) := obligations.status(control)

# enforced(control): a rule checking this legal duty fails: it binds, or whether it binds is
# not decided (fail closed: the open questions are CLS-005 failures, and the control itself is
# never named as binding). advised(control): it would bind (advisory) or will (upcoming): the
# rule advises. Otherwise the rule does nothing for it.
enforced(control) if duty(control) in {"binds", "undetermined"}

advised(control) if duty(control) in {"advisory", "upcoming"}

duty_reason(control) := obligations.decisions[control].reason

# fria_required: EU AI Act Art. 27 binds this deployer.
fria_required if duty("EU-AI-ACT:Art.27") == "binds"

# fria_advised: it would bind (advisory, upcoming) or is not yet decided: advice, never a failure.
fria_advised if duty("EU-AI-ACT:Art.27") in {"advisory", "upcoming", "undetermined"}

roles := eu.roles

provider if "provider" in eu.roles

deployer if "deployer" in eu.roles

gpai_provider if eu.gpai_model

gpai_systemic_risk if eu.gpai_systemic_risk

gpai_open_source if eu.gpai_open_source

art_50 if eu.limited

art_50_paragraphs := eu.art_50_paragraphs

profiling if eu.profiling

# public_facing: people outside the organisation use or see the system.
public_facing if util.manifest(["system", "deployment"]) == "public-facing"

# decision_support: outputs inform or make decisions about people or cases.
decision_support if util.manifest(["system", "decision_role"]) in {"decision-support", "automated-decision"}

atrs_in_scope if obligations.atrs_scope

atrs_mandatory if obligations.atrs_mandatory

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

generative if count(eu.synthetic) > 0

generative if util.manifest(["system", "decision_role"]) == "content-generation"

# triggers: the facts that raise obligations, by name. Policy configuration keyed by trigger
# (risk.required_categories) is read through this set.
triggers contains "high_risk" if assurance_high

triggers contains "personal_data" if personal_data

triggers contains "special_category_data" if special_category_data

triggers contains "automated_decision" if automated_decision

triggers contains "third_party_models" if count(third_party_models) > 0

triggers contains "generative" if generative

triggers contains "public_facing" if public_facing

# --- points the law leaves open (CLS-007) ------------------------------------------------------------

# review: contested points the classification depends on, for legal review: never decided
# silently (REGULATORY-DECISIONS §7).
review contains {"citation": "Art.6(3)", "path": ["eu_ai_act", "art_6_3", "no_significant_risk"], "text": concat("", [
	"the Art. 6(3) derogation is refused because no significant risk is not stated: the engine",
	" reads the first subparagraph as a test of its own (the stricter reading); whether conditions",
	" (a)-(d) alone suffice is contested",
])} if {
	eu.derogation_claimed
	not eu.profiling
	facts.any_listed("eu_ai_act.art_6_3.conditions")
	not facts.yes("eu_ai_act.art_6_3.no_significant_risk")
}

review contains {"citation": "Art.50(1)", "path": ["eu_ai_act", "transparency", "ai_nature_obvious"], "text": util.msg([
	"Art. 50(1) is treated as not applying because it is obvious the system is AI (",
	facts.value("eu_ai_act.transparency.ai_nature_obvious_rationale"),
	"): what is obvious to a reasonably well-informed person is contested, and internal use does not make it so",
])} if {
	eu.ai_nature_obvious
	facts.yes("eu_ai_act.transparency.interacts_directly_with_natural_persons")
}

review contains {"citation": "Art.50(2)", "path": ["eu_ai_act", "transparency", "generates_synthetic"], "text": concat("", [
	"Art. 50(2) is applied to generated text on the article's wording; secondary sources report",
	" that the Commission's Art. 50 guidelines exclude short text and source code",
])} if {
	"Art.50(2)" in eu.art_50_paragraphs
	"text" in eu.synthetic
}

review contains {"citation": "Art.50(4)", "path": ["eu_ai_act", "transparency", "evidently_artistic_satirical_fictional"], "text": concat("", [
	"the deep fakes are treated as part of an evidently artistic, satirical or fictional work,",
	" which limits the Art. 50(4) disclosure; whether advertising or similar content qualifies is contested",
])} if {
	facts.yes("eu_ai_act.transparency.deep_fake_output")
	facts.yes("eu_ai_act.transparency.evidently_artistic_satirical_fictional")
}

review contains {"citation": "Art.27(1)", "path": ["organisation", "body_governed_by_public_law"], "text": concat("", [
	"the deployer is a public authority and is treated as a body governed by public law for",
	" Art. 27(1); the term is not defined in the Act and whether every public authority is one is contested",
])} if {
	obligations.status("EU-AI-ACT:Art.27") in {"binds", "upcoming", "advisory"}
	facts.yes("organisation.public_authority")
	not facts.yes("organisation.body_governed_by_public_law")
	count(eu.annex_iii_points & {"AnnexIII.5(b)", "AnnexIII.5(c)"}) == 0
}

review contains {"citation": "AnnexIII.5(b)", "path": ["eu_ai_act", "annex_iii", "carve_outs"], "text": concat("", [
	"the Annex III 5(b) fraud-detection carve-out is applied; its breadth is contested (recital 58",
	" speaks of fraud detection provided for by Union law in financial services)",
])} if {
	"AnnexIII.5(b)" in eu.carved
}

review contains {"citation": "Art.5(1)(d)", "path": ["eu_ai_act", "art_5", "crime_prediction_basis"], "text": concat("", [
	"the offending-risk assessment is treated as supporting a human assessment based on objective",
	" facts (not prohibited); whether an actuarial tool using criminal history is based solely on",
	" profiling is contested",
])} if {
	facts.is("eu_ai_act.art_5.crime_prediction_basis", "supports_human_assessment_on_objective_facts")
}

review contains {"citation": "Art.2(1)(c)", "path": ["eu_ai_act", "scope", "output_intended_for_use_in_eu"], "text": concat("", [
	"the system is out of scope partly because its output is not intended for use in the EU",
	" (recital 22); the article says 'used', and incidental use of the output in the EU is not settled",
])} if {
	eu.in_scope == false
	count(eu.excluded) == 0
	not eu.not_ai
	not eu.foss_excluded
	facts.no("eu_ai_act.scope.output_intended_for_use_in_eu")
}

review contains {"citation": "Art.3(1)", "path": ["eu_ai_act", "is_ai_system"], "text": concat("", [
	"the system is answered not to be an AI system; whether rule-based optimisation or search",
	" counts as inference under Art. 3(1) is contested",
])} if {
	facts.is("eu_ai_act.is_ai_system", "no")
}

review contains {"citation": eu.omnibus_only_point, "path": ["eu_ai_act", "art_5", "intimate_or_csam_generation"], "text": concat("", [
	"the Digital Omnibus (Regulation (EU) 2026/1744, secondary sources, not verified against the",
	" Official Journal) prohibits this from 2 December 2026; with date_schedule aia_2024 it is not",
	" applied as an Art. 5 practice: have it reviewed",
])} if {
	eu.omnibus_only_point
	not law_dates.secondary
}

review contains {"citation": "Art.6(1)", "path": ["eu_ai_act", "annex_i", "safety_component_or_product"], "text": concat("", [
	"under the Digital Omnibus (secondary sources) new Art. 6(1a)-(1c) narrow what counts as a",
	" safety component, and machinery moves to Annex I Section B: have the Art. 6(1) classification reviewed",
])} if {
	eu.annex_i_high
	law_dates.secondary
}

review contains {"citation": "DPA 2018 s. 64", "path": ["uk_data_protection", "dpia_screen"], "text": concat("", [
	"the DPIA decision for Part 3 processing uses the UK GDPR screening (the ICO list is issued",
	" under Art. 35(4)) as evidence for DPA s. 64; whether it applies to Part 3 is contested",
])} if {
	uk.part3
	uk.dpia != "undetermined"
}

# --- the team's own labels against the facts (CLS-006) ------------------------------------------------

_declared(key) := facts.value(concat("", ["eu_ai_act.declared.", key]))

_category_rank := {"minimal": 0, "limited": 1, "high": 2, "prohibited": 3}

_below(a, b) if a < b

_below(a, b) := false if a >= b

# label_conflicts: {understates, path, msg}. A label that says less than the facts is a
# failure (obligations would be missed); one that says more is advice. The facts win.
label_conflicts contains {"understates": _below(_category_rank[declared], _category_rank[eu.category]), "path": ["eu_ai_act", "declared", "category"], "msg": util.msg([
	"The team declares the EU AI Act category ", declared, " but the facts make it ", eu.category,
	" (", concat(", ", sort([g.citation | some g in eu.grounds; g.kind in {"prohibited", "high", "transparency"}])),
	"): the facts decide",
])} if {
	declared := _declared("category")
	is_string(declared)
	declared != eu.category
}

label_conflicts contains {"understates": true, "path": ["eu_ai_act", "declared", "roles"], "msg": util.msg([
	"The facts make the organisation the ", r, " (", eu.role_cites[r], ") but eu_ai_act.declared.roles says ",
	util.join(_declared("roles")), ": the ", r, "'s obligations apply",
])} if {
	is_array(_declared("roles"))
	some r in eu.roles
	not r in _declared("roles")
}

label_conflicts contains {"understates": false, "path": ["eu_ai_act", "declared", "roles"], "msg": util.msg([
	"eu_ai_act.declared.roles says ", r, " but the activities answered (", util.join(eu.activities),
	") do not make the organisation one: the facts decide",
])} if {
	is_array(_declared("roles"))
	facts.answered("eu_ai_act.activities")
	some r in _declared("roles")
	not r in eu.roles
}

label_conflicts contains {"understates": true, "path": ["eu_ai_act", "declared", "prohibited_practices"], "msg": util.msg([
	"The facts make the system a prohibited practice under ", p, " but eu_ai_act.declared.prohibited_practices",
	" does not list it",
])} if {
	is_array(_declared("prohibited_practices"))
	some p in eu.prohibited_points
	not p in _declared("prohibited_practices")
}

label_conflicts contains {"understates": false, "path": ["eu_ai_act", "declared", "prohibited_practices"], "msg": util.msg([
	"eu_ai_act.declared.prohibited_practices lists ", p, " but the facts it turns on do not make the",
	" system one: the facts decide",
])} if {
	some p in eu.declared_contradicted
}

label_conflicts contains {"understates": true, "path": ["eu_ai_act", "declared", "annex_iii_areas"], "msg": util.msg(["The facts place the system under Annex III point ", n, " but eu_ai_act.declared.annex_iii_areas does not list it"])} if {
	is_array(_declared("annex_iii_areas"))
	some n in eu.annex_iii_areas
	not n in {data.ai_assure.legal.annex_iii_areas[a] | some a in _declared("annex_iii_areas")}
}

label_conflicts contains {"understates": false, "path": ["eu_ai_act", "declared", "annex_iii_areas"], "msg": util.msg([
	"eu_ai_act.declared.annex_iii_areas lists ", a, " but no Annex III point of that area applies on",
	" the facts answered: the facts decide",
])} if {
	facts.answered("eu_ai_act.annex_iii.points")
	some a in facts.items("eu_ai_act.declared.annex_iii_areas")
	not data.ai_assure.legal.annex_iii_areas[a] in eu.annex_iii_areas
}

label_conflicts contains {"understates": false, "path": ["eu_ai_act", "annex_iii", "points"], "msg": util.msg([
	"The biometric facts place the system under ", p, " but eu_ai_act.annex_iii.points does not list it:",
	" it is treated as listed",
])} if {
	some p in eu.implied_points
	not p in eu.listed_points
	facts.answered("eu_ai_act.annex_iii.points")
}

label_conflicts contains {"understates": true, "path": ["uk_data_protection", "personal_data"], "msg": util.msg([
	"uk_data_protection.personal_data is false but dataset ", util.join([object.get(d.dataset, "name", d.index) | some d in uk.marked_personal]),
	" is marked personal_data: true: the system is treated as processing personal data",
])} if {
	facts.no("uk_data_protection.personal_data")
	count(uk.marked_personal) > 0
}

label_conflicts contains {"understates": false, "path": ["eu_ai_act", "declared", "general_purpose_ai"], "msg": concat("", [
	"eu_ai_act.declared.general_purpose_ai is true but eu_ai_act.is_gpai_model is answered false:",
	" the facts decide",
])} if {
	_declared("general_purpose_ai") == true
	facts.no("eu_ai_act.is_gpai_model")
}

# --- the classification as the report shows it ----------------------------------------------------

summary := {
	"eu_ai_act": eu_ai_act,
	"assurance_level": assurance,
	"uk_data_protection": uk_data_protection,
	"questions": questions.list,
	"review": sort([r | some r in review]),
	"facts": questions.relevant,
}
