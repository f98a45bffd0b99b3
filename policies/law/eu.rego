# The EU AI Act classification of a system, derived from its facts (docs/classification.md).
#
# Regulation (EU) 2024/1689, in the order of REGULATORY-DECISIONS §3: the gate (an AI system
# or a general-purpose AI model, Art. 3(1), 3(63)), scope (Art. 2), the roles.held held (Art.
# 3(3)-(7), 25), then the category from the packages beside this one: prohibited practices
# (law.art5), high-risk through a product or a use (law.high_risk), transparency (law.art50);
# general-purpose AI models (law.gpai) are flags beside the category.
#
# category is one of prohibited | high | limited | minimal, computed from the facts whether or
# not the Act reaches the system (in_scope says whether it does). grounds lists every
# conclusion with its citation and the facts that decided it. The team's own labels
# (eu_ai_act.declared) never decide anything here; classification.rego compares them.
package ai_assure.law.eu

import rego.v1

import data.ai_assure.law.art5
import data.ai_assure.law.art50
import data.ai_assure.law.facts
import data.ai_assure.law.gpai
import data.ai_assure.law.high_risk
import data.ai_assure.law.roles
import data.ai_assure.lib.util

# --- the gate (Art. 3(1), 3(63)) ------------------------------------------------------------

ai_system if facts.is("eu_ai_act.is_ai_system", "yes")

# not_ai: answered no to both: the Act does not classify it.
not_ai if {
	facts.is("eu_ai_act.is_ai_system", "no")
	facts.no("eu_ai_act.is_gpai_model")
}

# assessable: the classification goes on (an AI system or a GPAI model, or not yet answered).
default assessable := true

assessable := false if not_ai

# --- scope (Art. 2) ---------------------------------------------------------------------------

exclusions := facts.items("eu_ai_act.scope.exclusions")

_s(id) := concat("", ["eu_ai_act.scope.", id])

_provider_or_unknown if "provider" in roles.held

_provider_or_unknown if facts.unanswered("eu_ai_act.activities")

_placed_in_eu if facts.yes(_s("placed_on_eu_market"))

_placed_in_eu if facts.yes(_s("put_into_service_in_eu"))

nexus := sort({n.citation | some n in _nexus})

_nexus_facts := [
	_s("placed_on_eu_market"), _s("put_into_service_in_eu"), _s("deployed_in_eu"),
	_s("output_intended_for_use_in_eu"), "organisation.established_in_eu",
]

# nexus_open: no link to the EU yet, and a fact that could give one is unanswered.
nexus_open if {
	count(_nexus) == 0
	some id in _nexus_facts
	facts.unanswered(id)
}

_exclusions := {
	"military_defence_natsec_exclusive": concat("", [
		"used exclusively for military, defence or national security purposes",
		" (Art. 2(3))",
	]),
	"third_country_le_cooperation": concat("", [
		"used by a third-country authority under law-enforcement or judicial cooperation with adequate",
		" safeguards (Art. 2(4))",
	]),
	"sole_purpose_scientific_rd": "developed and put into service for the sole purpose of scientific research (Art. 2(6))",
	"pre_market_rd_only": concat("", [
		"only researched, tested or developed before being placed on the market or put into service,",
		" not tested in real-world conditions (Art. 2(8))",
	]),
}

# excluded: the Art. 2 exclusions that take the system out of the Act. Research and testing
# before release is excluded only when it is not tested in real-world conditions (Art. 2(8)).
excluded contains x if {
	some x in exclusions
	_exclusions[x]
	x != "pre_market_rd_only"
}

excluded contains "pre_market_rd_only" if {
	"pre_market_rd_only" in exclusions
	facts.no(_s("real_world_testing"))
}

# foss_excluded: a free and open-source AI system that is not high-risk and not under Art. 5 or
# 50 is outside the Act (Art. 2(12)); general-purpose AI models have their own rule (Art. 53(2)).
foss_excluded if {
	facts.yes(_s("free_open_source_licence"))
	category == "minimal"
	not gpai.model
}

# in_scope: true, false, or null while the facts that decide it are open.
default in_scope := false

in_scope if {
	not _out
	count(_nexus) > 0
} else := null if {
	not _out
	nexus_open
}

# _out: the gate or an Art. 2 exclusion takes the system out whatever its link to the EU.
_out if not_ai

_out if count(excluded) > 0

_out if foss_excluded

# scope_reason: why the Act reaches the system or not, in words, with its citation.
scope_reason := "Art. 3(1), 3(63): not an AI system or a general-purpose AI model" if {
	not_ai
} else := util.msg(["Art. 2: excluded: ", concat("; ", sort({_exclusions[x] | some x in excluded}))]) if {
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

_scope_facts := [n.fact | some n in _nexus] if {
	count(_nexus) > 0
} else := [_s("exclusions"), _s("real_world_testing")] if {
	count(excluded) > 0
} else := [_s("free_open_source_licence")] if {
	foss_excluded
} else := _nexus_facts

# --- the category ---------------------------------------------------------------------------------

default category := "minimal"

category := "prohibited" if {
	art5.prohibited
} else := "high" if {
	high_risk.high
} else := "limited" if {
	art50.limited
}

# --- grounds: every conclusion, with its citation and the facts that decided it ---------------------

_gate_facts := ["eu_ai_act.is_ai_system", "eu_ai_act.is_gpai_model"]

_own contains facts.ground(
	"Art.3(1)",
	"gate",
	"not an AI system and not a general-purpose AI model",
	_gate_facts,
) if {
	not_ai
}

_own contains facts.ground("Art.2", "scope", scope_reason, _scope_facts) if assessable

_own contains facts.ground(cite, "role", util.msg(["the organisation is a ", r]), ["eu_ai_act.activities"]) if {
	some r in roles.held
	cite := roles.cites[r]
}

_own contains facts.ground("Art.25(1)", "role", text, ["eu_ai_act.art_25"]) if {
	count(roles.value_chain) > 0
	high_risk.high
	text := util.msg(["it becomes the provider of a high-risk system through ", util.join(roles.value_chain)])
}

_own contains facts.ground("Art.6", "minimal", "no Art. 5, Annex I, Annex III or Art. 50 trigger applies", []) if {
	assessable
	category == "minimal"
}

grounds := (((_own | art5.grounds) | high_risk.grounds) | art50.grounds) | gpai.grounds

grounds_list := sort(grounds)

# _nexus: each link to the EU with its citation and the fact that gives it. Art. 2(1)(a)
# reaches providers (and, while what the organisation does is unanswered, is counted: fail
# closed); a deployer is reached by Art. 2(1)(b) or (c).
_nexus contains {"citation": "Art.2(1)(a)", "fact": id} if {
	_provider_or_unknown
	some id in [_s("placed_on_eu_market"), _s("put_into_service_in_eu")]
	facts.yes(id)
}

_nexus contains {"citation": "Art.2(1)(b)", "fact": _s("deployed_in_eu")} if facts.yes(_s("deployed_in_eu"))

_nexus contains {"citation": "Art.2(1)(b)", "fact": "organisation.established_in_eu"} if {
	facts.yes("organisation.established_in_eu")
	"deployer" in roles.held
}

_nexus contains {"citation": "Art.2(1)(c)", "fact": _s("output_intended_for_use_in_eu")} if {
	facts.yes(_s("output_intended_for_use_in_eu"))
}

_nexus contains {"citation": "Art.2(1)(d)", "fact": "eu_ai_act.activities"} if "importer" in roles.held

_nexus contains {"citation": "Art.2(1)(d)", "fact": "organisation.established_in_eu"} if {
	"distributor" in roles.held
	facts.yes("organisation.established_in_eu")
}

_nexus contains {"citation": "Art.2(1)(e)", "fact": "eu_ai_act.activities"} if {
	"product_manufacturer" in roles.held
	_placed_in_eu
}

_nexus contains {"citation": "Art.2(1)(f)", "fact": "eu_ai_act.activities"} if "authorised_representative" in roles.held
