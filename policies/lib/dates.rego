# Calendar dates written YYYY-MM-DD, compared with the assessment date.
#
# Dates come from the manifest and evidence as strings and are compared with
# input.context.as_of, never with the wall clock (no clock builtin is used anywhere),
# so a run is reproducible. A date is validated before it is parsed: an impossible
# date would make time.parse_ns raise an error, and with strict builtin errors that
# aborts the whole evaluation.
package ai_assure.lib.dates

import rego.v1

day_ns := ((24 * 60) * 60) * 1000000000

# valid(s): s is a real calendar date written YYYY-MM-DD.
valid(s) if {
	is_string(s)
	regex.match(`^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`, s)
	not _impossible(s)
}

_impossible(s) if substring(s, 5, 5) in {"02-30", "02-31", "04-31", "06-31", "09-31", "11-31"}

_impossible(s) if {
	substring(s, 5, 5) == "02-29"
	not _leap(to_number(substring(s, 0, 4)))
}

_leap(y) if {
	y % 4 == 0
	y % 100 != 0
}

_leap(y) if y % 400 == 0

# ns(s): nanoseconds since the epoch at midnight UTC of date s; undefined when s is not valid.
ns(s) := time.parse_ns("2006-01-02", s) if valid(s)

# as_of: the assessment date; undefined when the engine did not give a valid one.
as_of := s if {
	s := object.get(input, ["context", "as_of"], null)
	valid(s)
}

# as_of_ns: the assessment date in nanoseconds, computed once per evaluation.
as_of_ns := ns(as_of)

# days_until(s): whole days from the assessment date to s (negative when s is in the past).
days_until(s) := floor((ns(s) - as_of_ns) / day_ns)

# before_as_of(s): s is strictly earlier than the assessment date.
before_as_of(s) if days_until(s) < 0
