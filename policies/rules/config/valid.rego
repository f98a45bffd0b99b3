# METADATA
# title: The policy configuration is present and well-formed
# description: >-
#   Rules read their thresholds, freshness windows, licence allowlist, supplier terms, risk
#   appetite, assurance levels and the law's date schedule from the policy configuration (policies/data.yaml, loaded as
#   data.ai_assure.config). A missing or mistyped knob would quietly switch a check off, so
#   this rule fails the gate instead: the configuration is part of the policy.
# related_resources:
#   - ref: https://www.openpolicyagent.org/docs/latest/philosophy/#the-opa-document-model
#     description: OPA document model, base documents loaded as data
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, GOVERN 1.3 and MAP 1.5 (risk tolerance determined and documented)
# custom:
#   id: CFG-001
#   severity: critical
#   controls: ["NIST-AI-RMF:GOVERN-1.3", "NIST-AI-RMF:MAP-1.5", "ISO42001:A.2.2"]
#   remediation: >-
#     Restore the knob in policies/data.yaml with a value of the type its comment gives, run
#     ai-assure policy test, and publish the bundle again.
#   waivable: false
package ai_assure.rules.config.valid

import rego.v1

import data.ai_assure.lib.dates
import data.ai_assure.lib.util

applicable := true

# knobs: every configuration value a rule reads, its type and, for numbers, its range.
knobs := [
	{"path": ["date_schedule"], "type": "string", "values": ["aia_2024", "omnibus_2026"]},
	{"path": ["eu_ai_act_reference"], "type": "boolean"},
	{"path": ["duaa_art_22a_from"], "type": "string", "date": true},
	{"path": ["assurance", "eu_category", "prohibited"], "type": "string", "values": _levels},
	{"path": ["assurance", "eu_category", "high"], "type": "string", "values": _levels},
	{"path": ["assurance", "eu_category", "limited"], "type": "string", "values": _levels},
	{"path": ["assurance", "eu_category", "minimal"], "type": "string", "values": _levels},
	{"path": ["assurance", "raise", "gpai_model"], "type": "string", "values": _levels},
	{"path": ["assurance", "raise", "gpai_systemic_risk"], "type": "string", "values": _levels},
	{"path": ["assurance", "raise", "omnibus_prohibited_practice"], "type": "string", "values": _levels},
	{"path": ["assurance", "raise", "special_category_data"], "type": "string", "values": _levels},
	{"path": ["assurance", "raise", "criminal_offence_data"], "type": "string", "values": _levels},
	{"path": ["assurance", "raise", "significant_automated_decision"], "type": "string", "values": _levels},
	{"path": ["assurance", "raise", "unlawful_automated_decision"], "type": "string", "values": _levels},
	{"path": ["assurance", "raise", "dpia_required"], "type": "string", "values": _levels},
	{"path": ["assurance", "raise", "public_facing"], "type": "string", "values": _levels},
	{"path": ["assurance", "raise", "generative"], "type": "string", "values": _levels},
	{"path": ["assurance", "raise", "open_questions"], "type": "string", "values": _levels},
	{"path": ["review_warning_days"], "type": "number", "min": 0, "max": 3650},
	{"path": ["staleness_days", "evaluations"], "type": "number", "min": 1, "max": 3650},
	{"path": ["staleness_days", "red_team"], "type": "number", "min": 1, "max": 3650},
	{"path": ["staleness_days", "supplier_assessments"], "type": "number", "min": 1, "max": 3650},
	{"path": ["staleness_days", "dpia"], "type": "number", "min": 1, "max": 3650},
	{"path": ["staleness_days", "fria"], "type": "number", "min": 1, "max": 3650},
	{"path": ["staleness_days", "threat_model"], "type": "number", "min": 1, "max": 3650},
	{"path": ["staleness_days", "atrs_record"], "type": "number", "min": 1, "max": 3650},
	{"path": ["evaluation_default_thresholds"], "type": "array"},
	{"path": ["fairness_min_groups"], "type": "number", "min": 1, "max": 100},
	{"path": ["red_team", "min_pass_rate"], "type": "number", "min": 0, "max": 1},
	{"path": ["red_team", "required_categories"], "type": "array"},
	{"path": ["red_team", "required_owasp"], "type": "object"},
	{"path": ["red_team", "min_category_pass_rate"], "type": "number", "min": 0, "max": 1},
	{"path": ["licence_allowlist"], "type": "array"},
	{"path": ["hash_algorithms"], "type": "array"},
	{"path": ["supplier", "max_incident_notification_hours"], "type": "number", "min": 0, "max": 8760},
	{"path": ["supplier", "allowed_data_residency"], "type": "array"},
	{"path": ["exceptions", "expiry_warning_days"], "type": "number", "min": 0, "max": 365},
	{"path": ["risk", "appetite_max_residual"], "type": "number", "min": 1, "max": 25},
	{"path": ["risk", "required_categories"], "type": "object"},
]

_levels := ["low", "medium", "high", "critical"]

# _config: the configuration, or {} when none was loaded (every knob is then missing).
default _config := {}

_config := c if {
	c := data.ai_assure.config
	is_object(c)
}

# _settings: each knob with its dotted name and its value (null when absent), looked up once.
_settings contains {"knob": knob, "name": concat(".", knob.path), "value": object.get(_config, knob.path, null)} if {
	some knob in knobs
}

deny contains {"msg": msg, "path": []} if {
	some s in _settings
	s.value == null
	msg := util.msg([
		"The policy configuration has no ", s.name, " (data.ai_assure.config in policies/data.yaml):",
		" the rules that read it cannot decide; restore it as a ", s.knob.type,
	])
}

deny contains {"msg": msg, "path": []} if {
	some s in _settings
	s.value != null
	type_name(s.value) != s.knob.type
	msg := util.msg([
		"The policy configuration value ", s.name, " is a ", type_name(s.value), " (", s.value, ")",
		" but must be a ", s.knob.type,
	])
}

deny contains {"msg": msg, "path": []} if {
	some s in _settings
	is_number(s.value)
	not _in_range(s.value, s.knob)
	msg := util.msg([
		"The policy configuration value ", s.name, " is ", s.value,
		", outside its range ", s.knob.min, " to ", s.knob.max,
	])
}

# Lists of names must hold names.
deny contains {"msg": msg, "path": []} if {
	some s in _settings
	is_array(s.value)
	s.knob.path != ["evaluation_default_thresholds"]
	some entry in s.value
	not _name_like(entry)
	msg := util.msg(["The policy configuration list ", s.name, " has an entry that is not a name: ", entry])
}

deny contains {"msg": msg, "path": []} if {
	some i, entry in util.list(object.get(_config, "evaluation_default_thresholds", []))
	not _threshold_like(entry)
	msg := util.msg([
		"The policy configuration evaluation_default_thresholds[", i, "] is ", entry,
		": give {metric: <name>, direction: higher or lower, threshold: <number>}",
	])
}

deny contains {"msg": msg, "path": []} if {
	some trigger, categories in object.get(_config, ["risk", "required_categories"], {})
	not _names(categories)
	msg := util.msg(["The policy configuration risk.required_categories.", trigger, " must be a list of category names"])
}

deny contains {"msg": msg, "path": []} if {
	some tier, risks in object.get(_config, ["red_team", "required_owasp"], {})
	not _owasp_ids(risks)
	msg := util.msg([
		"The policy configuration red_team.required_owasp.", tier,
		" must be a list of OWASP Top 10 for LLM Applications 2025 ids (LLM01 to LLM10)",
	])
}

deny contains {"msg": msg, "path": []} if {
	some s in _settings
	is_string(s.value)
	values := object.get(s.knob, "values", null)
	values != null
	not s.value in values
	msg := util.msg([
		"The policy configuration value ",
		s.name,
		" is ",
		s.value,
		" but must be one of ",
		util.join(values),
	])
}

deny contains {"msg": msg, "path": []} if {
	some s in _settings
	s.knob.date == true
	is_string(s.value)
	not dates.valid(s.value)
	msg := util.msg(["The policy configuration value ", s.name, " is ", s.value, " but must be a date written YYYY-MM-DD"])
}

_in_range(value, knob) if {
	value >= knob.min
	value <= knob.max
}

_name_like(x) if {
	is_string(x)
	trim_space(x) != ""
}

_threshold_like(entry) if {
	is_object(entry)
	_name_like(object.get(entry, "metric", null))
	object.get(entry, "direction", null) in {"higher", "lower"}
	is_number(object.get(entry, "threshold", null))
}

_owasp_ids(xs) if {
	is_array(xs)
	every x in xs {
		is_string(x)
		regex.match(`^LLM(0[1-9]|10)$`, x)
	}
}

_names(xs) if {
	is_array(xs)
	every x in xs {
		_name_like(x)
	}
}
