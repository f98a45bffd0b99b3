package ai_assure.lib.dates_test

import rego.v1

import data.ai_assure.lib.dates

test_valid_dates if {
	dates.valid("2026-11-26")
	dates.valid("2024-02-29")
	dates.valid("2000-02-29")
	dates.valid("2026-12-31")
}

test_invalid_dates if {
	not dates.valid("2026-02-29")
	not dates.valid("1900-02-29")
	not dates.valid("2026-04-31")
	not dates.valid("2026-13-01")
	not dates.valid("2026-00-10")
	not dates.valid("26-11-2026")
	not dates.valid("2026-11-26T00:00:00Z")
	not dates.valid(20261126)
	not dates.valid(null)
}

test_days_until_counts_whole_days if {
	ctx := {"as_of": "2026-11-26"}
	dates.days_until("2026-12-26") == 30 with input.context as ctx
	dates.days_until("2026-09-30") == -57 with input.context as ctx
	dates.days_until("2028-11-26") == 731 with input.context as ctx
	dates.before_as_of("2026-11-25") with input.context as ctx
	not dates.before_as_of("2026-11-26") with input.context as ctx
}

test_invalid_dates_are_undefined_not_errors if {
	ctx := {"as_of": "2026-11-26"}
	not dates.days_until("2026-02-30") with input.context as ctx
	not dates.before_as_of("soon") with input.context as ctx
	bad := {"as_of": "tomorrow"}
	not dates.as_of with input.context as bad
	not dates.days_until("2026-12-01") with input.context as bad
}
