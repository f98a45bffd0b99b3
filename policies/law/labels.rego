# The team's own labels (eu_ai_act.declared) against the facts, and facts that contradict each
# other (docs/classification.md). The facts always decide; each disagreement is a CLS-006
# finding: a failure where the label says less than the facts (obligations would be missed),
# advice where it says more.
package ai_assure.law.labels

import rego.v1

import data.ai_assure.law.art5
import data.ai_assure.law.eu
import data.ai_assure.law.facts
import data.ai_assure.law.high_risk
import data.ai_assure.law.roles
import data.ai_assure.law.uk
import data.ai_assure.lib.util

_declared(key) := facts.value(concat("", ["eu_ai_act.declared.", key]))

_path(key) := ["eu_ai_act", "declared", key]

_category_rank := {"minimal": 0, "limited": 1, "high": 2, "prohibited": 3}

_decisive := {"prohibited", "high", "transparency"}

_citations := concat(", ", sort([g.citation | some g in eu.grounds; g.kind in _decisive]))

_area_of := data.ai_assure.legal.annex_iii_areas

# conflicts: {understates, path, msg}.
conflicts contains {"understates": understates, "path": _path("category"), "msg": msg} if {
	declared := _declared("category")
	is_string(declared)
	declared != eu.category
	understates := _category_rank[declared] < _category_rank[eu.category]
	msg := util.msg([
		"The team declares the EU AI Act category ", declared, " but the facts make it ", eu.category,
		" (", _citations, "): the facts decide",
	])
}

conflicts contains {"understates": true, "path": _path("roles"), "msg": msg} if {
	is_array(_declared("roles"))
	some r in roles.held
	not r in _declared("roles")
	msg := util.msg([
		"The facts make the organisation the ", r, " (", roles.cites[r], ") but eu_ai_act.declared.roles says ",
		util.join(_declared("roles")), ": the ", r, "'s obligations apply",
	])
}

conflicts contains {"understates": false, "path": _path("roles"), "msg": msg} if {
	is_array(_declared("roles"))
	facts.answered("eu_ai_act.activities")
	some r in _declared("roles")
	not r in roles.held
	msg := util.msg([
		"eu_ai_act.declared.roles says ", r, " but the activities answered (", util.join(roles.activities),
		") do not make the organisation one: the facts decide",
	])
}

conflicts contains {"understates": true, "path": _path("prohibited_practices"), "msg": msg} if {
	is_array(_declared("prohibited_practices"))
	some p in art5.prohibited_points
	not p in _declared("prohibited_practices")
	msg := util.msg([
		"The facts make the system a prohibited practice under ", p,
		" but eu_ai_act.declared.prohibited_practices does not list it",
	])
}

conflicts contains {"understates": false, "path": _path("prohibited_practices"), "msg": msg} if {
	some p in art5.declared_contradicted
	msg := util.msg([
		"eu_ai_act.declared.prohibited_practices lists ", p, " but the facts it turns on do not make the",
		" system one: the facts decide",
	])
}

conflicts contains {"understates": true, "path": _path("annex_iii_areas"), "msg": msg} if {
	is_array(_declared("annex_iii_areas"))
	declared_points := {n | some a in _declared("annex_iii_areas"); n := _area_of[a]}
	some n in high_risk.annex_iii_areas
	not n in declared_points
	msg := util.msg([
		"The facts place the system under Annex III point ", n,
		" but eu_ai_act.declared.annex_iii_areas does not list it",
	])
}

conflicts contains {"understates": false, "path": _path("annex_iii_areas"), "msg": msg} if {
	facts.answered("eu_ai_act.annex_iii.points")
	some a in facts.items("eu_ai_act.declared.annex_iii_areas")
	not _area_of[a] in high_risk.annex_iii_areas
	msg := util.msg([
		"eu_ai_act.declared.annex_iii_areas lists ", a, " but no Annex III point of that area applies on",
		" the facts answered: the facts decide",
	])
}

conflicts contains {"understates": false, "path": ["eu_ai_act", "annex_iii", "points"], "msg": msg} if {
	facts.answered("eu_ai_act.annex_iii.points")
	some p in high_risk.implied_points
	not p in high_risk.listed_points
	msg := util.msg([
		"The biometric facts place the system under ", p, " but eu_ai_act.annex_iii.points does not",
		" list it: it is treated as listed",
	])
}

conflicts contains {"understates": true, "path": ["uk_data_protection", "personal_data"], "msg": msg} if {
	facts.no("uk_data_protection.personal_data")
	count(uk.marked_personal) > 0
	names := [object.get(d.dataset, "name", d.index) | some d in uk.marked_personal]
	msg := util.msg([
		"uk_data_protection.personal_data is false but dataset ", util.join(names),
		" is marked personal_data: true: the system is treated as processing personal data",
	])
}

conflicts contains {"understates": false, "path": _path("general_purpose_ai"), "msg": msg} if {
	_declared("general_purpose_ai") == true
	facts.no("eu_ai_act.is_gpai_model")
	msg := concat("", [
		"eu_ai_act.declared.general_purpose_ai is true but eu_ai_act.is_gpai_model is answered false:",
		" the facts decide",
	])
}
