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

test_day_numbers_count_from_1970 if {
	dates.day("1970-01-01") == 0
	dates.day("1969-12-31") == -1
	dates.day("2000-03-01") == 11017
	dates.day("2026-11-26") == 20783
}

test_day_numbers_cover_every_valid_year if {
	dates.day("1000-01-01") == -354285
	dates.day("2262-04-11") == 106751
	dates.day("2262-04-12") == 106752
	dates.day("2300-01-01") == 120530
	dates.day("9999-12-31") == 2932896
	not dates.valid("0999-12-31")
	not dates.day("0999-12-31")
}

test_day_numbers_follow_the_gregorian_leap_years if {
	dates.day("2024-03-01") - dates.day("2024-02-28") == 2
	dates.day("2100-03-01") - dates.day("2100-02-28") == 1
	dates.day("2400-03-01") - dates.day("2400-02-28") == 2
	dates.day("2027-01-01") - dates.day("2026-01-01") == 365
	dates.day("2029-01-01") - dates.day("2028-01-01") == 366
}

test_dates_after_2262_work if {
	ctx := {"as_of": "2026-11-26"}
	dates.days_until("2300-01-01") == 99747 with input.context as ctx
	dates.days_until("9999-12-31") == 2912113 with input.context as ctx
	dates.days_until("1000-01-01") == -375068 with input.context as ctx
	not dates.before_as_of("2999-12-31") with input.context as ctx
	late := {"as_of": "2300-01-02"}
	dates.before_as_of("2300-01-01") with input.context as late
	dates.days_until("2300-01-01") == -1 with input.context as late
}
