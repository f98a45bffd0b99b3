# METADATA
# title: Evidence is fresh on the assessment date
# description: >-
#   Evidence ages: a model re-trained since its evaluation, a supplier whose terms changed
#   since it was assessed, a threat model from before the system went public. Each dated
#   piece of evidence must be younger, on the assessment date (--as-of), than the window
#   the policy configuration sets for its kind (staleness_days); it warns within
#   review_warning_days of going stale, and when it is dated after the assessment date.
#   Stale evidence fails high-risk systems and warns for the rest. The date read is the
#   evaluation or red-team date, supplier assessed_on, DPIA and FRIA approved_on, a threat
#   model's reviewed_on and an ATRS record's date_updated (front matter); evaluations, red
#   team reports, supplier assessments, DPIAs and FRIAs without a valid date fail as well.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, GOVERN 1.5 (periodic review) and MEASURE 2.13
#   - ref: https://www.iso.org/standard/81230.html
#     description: ISO/IEC 42001:2023, Annex A.6.2.6 operation and monitoring
# custom:
#   id: EVID-002
#   severity: medium
#   controls: [
#     "NIST-AI-RMF:GOVERN-1.5", "NIST-AI-RMF:MEASURE-2.13", "ISO42001:A.6.2.6",
#     "ISO42001:A.5.3", "EU-AI-ACT:Art.9", "UK-AI-CYBER-COP:P9"]
#   remediation: >-
#     Re-run the evaluation or red team, re-assess the supplier, or review and re-approve
#     the document, and update its date.
package ai_assure.rules.evidence.fresh

import rego.v1

import data.ai_assure.classification
import data.ai_assure.config
import data.ai_assure.lib.dates
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

applicable := true

# dated: where each kind's date is, and whether the kind must have one.
dated := {
	"evaluations": {"path": ["facts", "date"], "what": "ran on", "required": true},
	"red_team": {"path": ["facts", "date"], "what": "ran on", "required": true},
	"supplier_assessments": {"path": ["facts", "assessed_on"], "what": "was assessed on", "required": true},
	"dpia": {"path": ["facts", "approved_on"], "what": "was approved on", "required": true},
	"fria": {"path": ["facts", "approved_on"], "what": "was approved on", "required": true},
	"threat_model": {"path": ["facts", "front_matter", "reviewed_on"], "what": "was reviewed on", "required": false},
	"atrs_record": {"path": ["facts", "front_matter", "date_updated"], "what": "was updated on", "required": false},
}

_labels := {
	"evaluations": "evaluation", "red_team": "red-team report", "supplier_assessments": "supplier assessment",
	"dpia": "DPIA", "fria": "FRIA", "threat_model": "threat model", "atrs_record": "ATRS record",
}

_dated_items contains {"item": item, "kind": kind, "date": date, "age": age, "window": window} if {
	some kind, spec in dated
	window := config.staleness_days[kind]
	some item in evidence.ok(kind)
	date := object.get(item, spec.path, null)
	dates.valid(date)
	age := 0 - dates.days_until(date)
}

_what(d) := util.msg(["The ", _labels[d.kind], " ", d.item.path, " ", dated[d.kind].what, " ", d.date])

_stale contains {"msg": msg, "path": evidence.manifest_path(d.item)} if {
	dates.as_of
	some d in _dated_items
	d.age > d.window
	msg := util.msg([
		_what(d), ", ", d.age, " days before the assessment date ", dates.as_of, ": older than the ",
		d.window, " days allowed for ", d.kind,
	])
}

_stale contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some kind, spec in dated
	spec.required
	some item in evidence.ok(kind)
	date := object.get(item, spec.path, null)
	not dates.valid(date)
	msg := util.msg([
		"The ", _labels[kind], " ", item.path, " has no valid date (", spec.path[count(spec.path) - 1], ": ",
		date, "), so its freshness cannot be shown",
	])
}

deny contains {"msg": msg, "path": ["evidence"]} if {
	not dates.as_of
	msg := "The assessment date (context.as_of) is not a valid YYYY-MM-DD date, so evidence freshness cannot be checked"
}

deny contains gap if {
	classification.high_risk
	some gap in _stale
}

warn contains gap if {
	not classification.high_risk
	some gap in _stale
}

warn contains {"msg": msg, "path": evidence.manifest_path(d.item)} if {
	dates.as_of
	some d in _dated_items
	d.age <= d.window
	d.window - d.age <= config.review_warning_days
	msg := util.msg([_what(d), " and becomes stale in ", d.window - d.age, " days (window ", d.window, " days)"])
}

warn contains {"msg": msg, "path": evidence.manifest_path(d.item)} if {
	dates.as_of
	some d in _dated_items
	d.age < 0
	msg := util.msg([_what(d), ", after the assessment date ", dates.as_of, ": check the date"])
}
