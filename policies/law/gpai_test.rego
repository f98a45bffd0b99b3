package ai_assure.law.gpai_test

import rego.v1

import data.ai_assure.law.eu
import data.ai_assure.law.gpai
import data.ai_assure.lib.fixtures_test as fx

# Each test starts from a fully answered minimal system (an AI system a public body uses in the
# EU, with no Art. 5, Annex I, Annex III or Art. 50 trigger) and changes the facts one rule of
# the Act turns on.

_m(patches) := json.patch(fx.minimal_manifest, patches)

_set(path, value) := {"op": "add", "path": path, "value": value}

_category(m) := c if {
	c := eu.category with input.manifest as m
}

_citations(m) := cs if {
	grounds := eu.grounds with input.manifest as m
	cs := {g.citation | some g in grounds}
}

# --- general-purpose AI models (Arts. 51-55) ------------------------------------------------------------------

test_a_gpai_model_provider_has_the_flag_without_systemic_risk if {
	m := fx.gpai_manifest
	gpai.model with input.manifest as m
	not gpai.systemic_risk with input.manifest as m
	_category(m) == "minimal"
	"Art.51" in _citations(m)
}

test_more_than_10_25_flop_is_systemic_risk if {
	m := fx.put(fx.gpai_manifest, ["eu_ai_act", "gpai", "training_compute_flop"], 3.0e+25)
	gpai.systemic_risk with input.manifest as m
	"Art.51(2)" in _citations(m)
}

test_open_weights_exempt_only_without_systemic_risk if {
	m := fx.put(fx.gpai_manifest, ["eu_ai_act", "gpai", "open_licence_weights_public"], true)
	gpai.open_source with input.manifest as m
	m2 := fx.put(m, ["eu_ai_act", "gpai", "commission_designated"], true)
	not gpai.open_source with input.manifest as m2
}

test_a_deployer_of_a_gpai_model_is_not_its_provider if {
	m := fx.put(fx.gpai_manifest, ["eu_ai_act", "activities"], ["uses_under_authority"])
	not gpai.model with input.manifest as m
}
