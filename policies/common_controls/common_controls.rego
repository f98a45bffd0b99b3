# Common controls: what the governance team attested once for the whole organisation.
#
# data.ai_assure.attestations (shipped in the signed bundle) holds attestations of
# organisation-level controls, each with who attested it, when, until when and a link to the
# evidence, and the controls the organisation decided do not apply to it, with the reason.
# Every system inherits them. Here each is decided on the assessment date:
#   attested[control]        the longest-running well-formed attestation, with status
#                            `attested` (runs to the assessment date or later) or `expired`
#   not_applicable[control]  the organisation's decision and its reason
# The engine gives every ISO/IEC 42001 Annex A control and NIST AI RMF subcategory one status
# from these and the rules' results (engine/assessment/coverage.py). A malformed entry counts
# for nothing (CFG-004 fails the gate on it).
package ai_assure.common_controls

import rego.v1

import data.ai_assure.lib.dates
import data.ai_assure.lib.util

_lists := {"controls": ["attested_by", "evidence"], "not_applicable": ["reason", "decided_by"]}

_dates := {"controls": ["attested_on", "expires"], "not_applicable": ["decided_on"]}

# entries(list): the entries of one list of the attestations data (none when it is not a list).
entries(list) := es if {
	es := data.ai_assure.attestations[list]
	is_array(es)
} else := []

# well_formed(list, e): the entry names a control id and every field its list needs.
well_formed(list, e) if {
	is_object(e)
	_control_id(object.get(e, "control", null))
	not _missing(list, e)
	not _evidence_problem(list, e)
	not _reversed(list, e)
	not _bad_statement(e)
}

# _bad_statement(e): the optional statement is there but is not text.
_bad_statement(e) if {
	statement := object.get(e, "statement", null)
	statement != null
	not is_string(statement)
}

_missing(list, e) if {
	some field in _lists[list]
	not util.present(object.get(e, field, null))
}

_missing(list, e) if {
	some field in _dates[list]
	not dates.valid(object.get(e, field, null))
}

_control_id(s) if {
	is_string(s)
	regex.match(`^[A-Z0-9-]+:\S+$`, s)
}

_evidence_problem("controls", e) if not _https(e.evidence)

_https(s) if {
	is_string(s)
	startswith(s, "https://")
}

_reversed("controls", e) if e.expires < e.attested_on

_attestations(control) := [e |
	some e in entries("controls")
	well_formed("controls", e)
	e.control == control
]

attested[control] := object.union(_fields(latest), {"status": status}) if {
	some e in entries("controls")
	well_formed("controls", e)
	control := e.control
	latest := _latest(_attestations(control))
	status := _status(latest)
}

# _status(e): attested while it runs to the assessment date; without a valid assessment date
# an attestation cannot be shown to run, so it counts as expired (fail closed).
_status(e) := "attested" if {
	dates.as_of
	not dates.before_as_of(e.expires)
} else := "expired"

# _latest(es): the attestation that runs longest (ties broken by date and attester), so the
# decision does not depend on the order the data lists them in.
_latest(es) := es[keyed[count(keyed) - 1][3]] if {
	# regopy: no `some i, x in` in a comprehension. regal ignore:prefer-some-in-iteration
	keyed := sort([[x.expires, x.attested_on, x.attested_by, i] | some i; x := es[i]])
}

_fields(e) := {
	"attested_by": e.attested_by,
	"attested_on": e.attested_on,
	"expires": e.expires,
	"evidence": e.evidence,
	"statement": object.get(e, "statement", null),
}

not_applicable[control] := _fields_of_decision(latest) if {
	some e in entries("not_applicable")
	well_formed("not_applicable", e)
	control := e.control
	count(_attestations(control)) == 0 # an attestation beats a decision that it does not apply
	latest := _latest_decision(control)
}

_fields_of_decision(e) := {"reason": e.reason, "decided_by": e.decided_by, "decided_on": e.decided_on}

# _latest_decision(control): the most recent decision on the control (ties broken by decider
# and reason), whatever the order of the data.
_latest_decision(control) := ds[keyed[count(keyed) - 1][3]] if {
	ds := [e |
		some e in entries("not_applicable")
		well_formed("not_applicable", e)
		e.control == control
	]

	# regopy: no `some i, x in` in a comprehension. regal ignore:prefer-some-in-iteration
	keyed := sort([[x.decided_on, x.decided_by, x.reason, i] | some i; x := ds[i]])
}
