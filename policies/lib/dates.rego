# Calendar dates written YYYY-MM-DD, compared with the assessment date.
#
# Dates come from the manifest and evidence as strings and are compared with
# input.context.as_of, never with the wall clock (no clock builtin is used anywhere),
# so a run is reproducible. A valid date becomes a day number with integer arithmetic on
# its digits, never with a time builtin: nanosecond time parsing overflows after the year
# 2262, and a builtin that fails aborts the evaluation under strict builtin errors (and is
# silently undefined in WebAssembly). Nothing here can fail: an invalid date is undefined.
package ai_assure.lib.dates

import rego.v1

# valid(s): s is a real calendar date written YYYY-MM-DD (years 1000 to 9999).
valid(s) if {
	is_string(s)
	regex.match(`^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`, s)
	not _impossible(s)
}

_impossible(s) if substring(s, 5, 5) in {"02-30", "02-31", "04-31", "06-31", "09-31", "11-31"}

_impossible(s) if {
	substring(s, 5, 5) == "02-29"
	not _leap(_year(s))
}

_leap(y) if {
	y % 4 == 0
	y % 100 != 0
}

_leap(y) if y % 400 == 0

# The fields of a date that matched the pattern in valid, read digit by digit. A digit's
# value is its place in "0123456789": regopy evaluates a rule (such as a lookup table) anew
# each time a function refers to it, which made a table twice as slow as these builtins.
_digit(s, i) := indexof("0123456789", substring(s, i, 1))

_year(s) := (((_digit(s, 0) * 1000) + (_digit(s, 1) * 100)) + (_digit(s, 2) * 10)) + _digit(s, 3)

_month(s) := (_digit(s, 5) * 10) + _digit(s, 6)

_day_of_month(s) := (_digit(s, 8) * 10) + _digit(s, 9)

# day(s): the day number of date s, days since 1970-01-01 in the proleptic Gregorian
# calendar (negative before it); undefined when s is not valid.
day(s) := _days_from_civil(_year(s), _month(s), _day_of_month(s)) if valid(s)

# The usual days-from-civil arithmetic. Years are counted from 1 March, so a leap day is the
# last day of its year; 400 years (an era) are 146097 days; 719468 days lie between
# 0000-03-01 and 1970-01-01. Valid years are at least 1000, so every quotient is of a
# number >= 0 and floor is exact integer division.
_days_from_civil(y, m, d) := ((era * 146097) + day_of_era) - 719468 if {
	year := y - _january_or_february(m)
	era := floor(year / 400)
	year_of_era := year - (era * 400)
	day_of_year := floor(((153 * ((m + 9) % 12)) + 2) / 5) + (d - 1)
	day_of_era := (((year_of_era * 365) + floor(year_of_era / 4)) - floor(year_of_era / 100)) + day_of_year
}

_january_or_february(m) := 1 if m <= 2

_january_or_february(m) := 0 if m > 2

# as_of: the assessment date; undefined when the engine did not give a valid one.
as_of := s if {
	s := object.get(input, ["context", "as_of"], null)
	valid(s)
}

# as_of_day: the day number of the assessment date, computed once per evaluation.
as_of_day := day(as_of)

# days_until(s): whole days from the assessment date to s (negative when s is in the past).
days_until(s) := day(s) - as_of_day

# before_as_of(s): s is strictly earlier than the assessment date.
before_as_of(s) if days_until(s) < 0
