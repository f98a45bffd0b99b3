# Staged rollout: the phase of each governance rule's enforcement on the assessment date.
#
# The governance data data.ai_assure.rollout.rules (shipped in the signed bundle) gives a rule
# id the dates its enforcement changes: {"enforcement": {"warn_from": D1, "fail_from": D2}}.
# decisions holds, for every well-formed entry, the phase on input.context.as_of:
#   scheduled  before the first date: the engine reports the rule not_applicable, "enforced from"
#   warn       from warn_from (and before fail_from): the engine turns its failures into warnings
#              that say "will fail from" fail_from
#   enforced   from fail_from: the rule fails as any other
# with both dates (null when not set). The phase is decided here, so every
# evaluator decides it the same way; the engine applies it to the rule's findings in one place
# (engine/assessment/enforcement.py). A malformed entry gets no decision, so its rule stays
# enforced (rule CFG-003 fails the gate on it). Without a valid assessment date every rule is
# enforced: a missing date never switches a rule off.
package ai_assure.enforcement

import rego.v1

import data.ai_assure.lib.dates

default _rules := {}

_rules := data.ai_assure.rollout.rules if is_object(data.ai_assure.rollout.rules)

_fields := {"warn_from", "fail_from"}

# schedule(entry): the entry's enforcement dates, when they are well-formed: an object with
# warn_from and/or fail_from (nothing else), each a valid date, warn_from before fail_from.
schedule(entry) := s if {
	is_object(entry)
	s := entry.enforcement
	is_object(s)
	count(s) > 0
	not _stray(s)
	not _reversed(s)
}

# _stray(s): s holds a field other than the two dates, or a date that is not YYYY-MM-DD.
_stray(s) if {
	some key, value in s
	not _date_field(key, value)
}

_date_field(key, value) if {
	key in _fields
	dates.valid(value)
}

_reversed(s) if s.fail_from <= s.warn_from

decisions[id] := _decision(s) if {
	some id, entry in _rules
	s := schedule(entry)
}

_decision(s) := {
	"phase": _phase(s),
	"warn_from": object.get(s, "warn_from", null),
	"fail_from": object.get(s, "fail_from", null),
}

_phase(s) := "enforced" if {
	not _dated
} else := "enforced" if {
	_reached(object.get(s, "fail_from", null))
} else := "warn" if {
	_reached(object.get(s, "warn_from", null))
} else := "scheduled"

_dated if dates.as_of

# _reached(d): d is a date on or before the assessment date.
_reached(d) if dates.days_until(d) <= 0
