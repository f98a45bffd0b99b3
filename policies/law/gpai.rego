# General-purpose AI models: EU AI Act Chapter V (Arts. 51-55), derived from the facts
# (docs/classification.md).
#
# Chapter V binds the provider of a model (Art. 3(63), 3(3)), never its deployers. A model has
# systemic risk when its cumulative training compute exceeds 10^25 floating-point operations
# (presumed, Art. 51(2)) or the Commission designates it (Art. 51(1)(b), 52(4)). A model
# released under a free and open-source licence with its weights public is exempt from Art.
# 53(1)(a), (b) and from appointing a representative (Art. 53(2), 54(6)), unless it has
# systemic risk. These are flags beside the system's category, never a category.
package ai_assure.law.gpai

import rego.v1

import data.ai_assure.law.facts
import data.ai_assure.law.roles

_g(id) := concat("", ["eu_ai_act.gpai.", id])

model_fact if facts.yes("eu_ai_act.is_gpai_model")

# placed_on_market: the organisation places the model on the market under its own name, or
# puts into service its own system built on it (recital 97: the model then counts as placed on
# the market).
placed_on_market if "markets_under_own_name" in roles.activities

placed_on_market if "puts_into_service_own_use" in roles.activities

# model: the organisation provides a general-purpose AI model.
default model := false

model if {
	model_fact
	roles.develops
	placed_on_market
}

training_compute := facts.value(_g("training_compute_flop"))

# Art. 51(2): presumed high-impact above 10^25 floating-point operations of cumulative training
# compute (strictly greater; a count, not per second).
compute_above_threshold if {
	is_number(training_compute)
	training_compute > 1e25
}

designated if facts.yes(_g("commission_designated"))

default systemic_risk := false

systemic_risk if {
	model
	compute_above_threshold
}

systemic_risk if {
	model
	designated
}

default open_source := false

open_source if {
	model
	facts.yes(_g("open_licence_weights_public"))
	not systemic_risk
}

# --- grounds ----------------------------------------------------------------------------------------

_provider_facts := ["eu_ai_act.is_gpai_model", "eu_ai_act.activities"]

grounds contains facts.ground("Art.51", "gpai", "the organisation provides a general-purpose AI model", ids) if {
	model
	not systemic_risk
	ids := array.concat(_provider_facts, [_g("training_compute_flop"), _g("commission_designated")])
}

grounds contains facts.ground(
	"Art.51(2)",
	"gpai",
	text,
	array.concat(_provider_facts, [_g("training_compute_flop")]),
) if {
	model
	compute_above_threshold
	text := concat("", [
		"a general-purpose AI model with systemic risk: trained with more than 10^25 floating-point",
		" operations",
	])
}

grounds contains facts.ground(
	"Art.51(1)(b)",
	"gpai",
	text,
	array.concat(_provider_facts, [_g("commission_designated")]),
) if {
	model
	designated
	text := "a general-purpose AI model with systemic risk: designated by the Commission"
}

grounds contains facts.ground("Art.53(2)", "gpai", text, [_g("open_licence_weights_public")]) if {
	open_source
	text := concat("", [
		"released under a free and open-source licence with public weights: Art. 53(1)(a), (b) and",
		" Art. 54 do not apply; Art. 53(1)(c), (d) still do",
	])
}
