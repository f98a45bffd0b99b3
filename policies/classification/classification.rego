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
import data.ai_assure.law.art5
import data.ai_assure.law.art50
import data.ai_assure.law.dates as law_dates
import data.ai_assure.law.eu
import data.ai_assure.law.facts
import data.ai_assure.law.gpai
import data.ai_assure.law.high_risk as law_high_risk
import data.ai_assure.law.obligations
import data.ai_assure.law.questions
import data.ai_assure.law.review
import data.ai_assure.law.roles
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
	"roles": roles.names,
	"category": eu.category,
	"gpai_model": gpai.model,
	"gpai_systemic_risk": gpai.systemic_risk,
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
	"grounds": sort(uk.grounds),
	"open_questions": count(questions.open_uk),
}

# --- the assurance level -----------------------------------------------------------------------------

levels := ["low", "medium", "high", "critical"]

_rank(level) := i if {
	some i, l in levels
	l == level
}

default _assurance := {}

_assurance := a if {
	a := config.assurance
	is_object(a)
}

_raise_to(trigger) := object.get(_assurance, ["raise", trigger], "high")

# eu_counts: the EU category feeds the level where the Act applies, or (configuration
# eu_ai_act_reference) as a reference framework for a system it does not reach.
_eu_counts if eu.in_scope != false

_eu_counts if config.eu_ai_act_reference == true

default _eu_source := "EU AI Act, as a reference framework"

_eu_source := "EU AI Act" if eu.in_scope != false

_grounds_of("minimal") := "no trigger"

_grounds_of(c) := concat(", ", sort({g.citation | some g in eu.grounds; g.kind == _kind_of(c)})) if c != "minimal"

_kind_of("prohibited") := "prohibited"

_kind_of("high") := "high"

_kind_of("limited") := "transparency"

default assurance_rank := 0

assurance_rank := max([_rank(r.level) | some r in assurance_reasons]) if count(assurance_reasons) > 0

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

provider if "provider" in roles.held

deployer if "deployer" in roles.held

gpai_provider if gpai.model

gpai_systemic_risk if gpai.systemic_risk

gpai_open_source if gpai.open_source

art_50 if art50.limited

art_50_paragraphs := art50.applying

profiling if law_high_risk.profiling

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

generative if count(art50.synthetic) > 0

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

# --- the classification as the report shows it ----------------------------------------------------

summary := {
	"eu_ai_act": eu_ai_act,
	"assurance_level": assurance,
	"uk_data_protection": uk_data_protection,
	"questions": questions.list,
	"review": sort(review.points),
	"facts": questions.relevant,
}

assurance_reasons contains {
	"level": level,
	"source": _eu_source,
	"text": util.msg(["the EU AI Act category from the facts is ", eu.category, " (", _grounds_of(eu.category), ")"]),
} if {
	_eu_counts
	level := object.get(_assurance, ["eu_category", eu.category], "high")
}

assurance_reasons contains {
	"level": _raise_to("gpai_model"),
	"source": _eu_source,
	"text": "it provides a general-purpose AI model (Art. 53)",
} if {
	_eu_counts
	gpai.model
}

assurance_reasons contains {
	"level": _raise_to("gpai_systemic_risk"),
	"source": _eu_source,
	"text": "its general-purpose AI model has systemic risk (Art. 51)",
} if {
	_eu_counts
	gpai.systemic_risk
}

assurance_reasons contains {
	"level": _raise_to("omnibus_prohibited_practice"),
	"source": "EU AI Act (Digital Omnibus, secondary sources)", "text": util.msg([
		"it can generate what the Digital Omnibus prohibits (", art5.omnibus_only_point,
		"), whichever date_schedule is configured",
	]),
} if {
	art5.omnibus_only_point
}

assurance_reasons contains {
	"level": _raise_to("special_category_data"),
	"source": "UK GDPR",
	"text": "special category data is processed (UK GDPR Art. 9; DPA 2018 s. 35)",
} if {
	special_category_data
}

assurance_reasons contains {
	"level": _raise_to("criminal_offence_data"),
	"source": "UK GDPR",
	"text": "criminal offence data is processed (UK GDPR Art. 10; DPA 2018 s. 11(2))",
} if {
	criminal_offence_data
}

assurance_reasons contains {
	"level": _raise_to("significant_automated_decision"),
	"source": "UK GDPR", "text": concat("", [
		"it takes decisions with legal or similarly significant effects without meaningful human",
		" involvement (UK GDPR Art. 22A; DPA 2018 s. 50A)",
	]),
} if {
	automated_decision
}

assurance_reasons contains {
	"level": _raise_to("unlawful_automated_decision"),
	"source": "UK GDPR",
	"text": util.msg(["its automated decision is restricted: ", b]),
} if {
	some b in uk.art_22b_breaches
}

assurance_reasons contains {
	"level": _raise_to("dpia_required"),
	"source": "UK GDPR",
	"text": util.msg(["a DPIA is ", uk.dpia_reason]),
} if {
	uk.dpia_needed
}

assurance_reasons contains {
	"level": _raise_to("public_facing"),
	"source": "organisation policy",
	"text": "it is public-facing",
} if {
	public_facing
}

assurance_reasons contains {
	"level": _raise_to("generative"),
	"source": "organisation policy",
	"text": "it generates content",
} if {
	generative
}

assurance_reasons contains {"level": _raise_to("open_questions"), "source": "organisation policy", "text": util.msg([
	count(questions.open), " classification questions are unanswered (CLS-005): the level stays at least this",
	" until they are",
])} if {
	count(questions.open) > 0
}
