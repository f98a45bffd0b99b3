# When the EU AI Act applies each obligation (Art. 113, 111), under the date_schedule the
# governance team chose (policies/data.yaml): aia_2024, the Regulation as published, or
# omnibus_2026, as amended by the Digital Omnibus (Regulation (EU) 2026/1744), which only
# secondary sources confirm. The dates themselves are data.ai_assure.legal.dates.
package ai_assure.law.dates

import rego.v1

import data.ai_assure.config
import data.ai_assure.lib.dates

schedules := data.ai_assure.legal.dates

# schedule: the configured schedule; aia_2024 when the configuration is missing or wrong
# (CFG-001 then fails the gate, so the fallback never passes silently).
default schedule := "aia_2024"

schedule := s if {
	s := config.date_schedule
	schedules[s]
}

secondary if schedule == "omnibus_2026"

# date(key): the date a group of provisions applies from, under the schedule.
date(key) := schedules[schedule][key]

# other_date(key): the same date under the other schedule, when it differs.
other_date(key) := d if {
	some o in object.keys(schedules)
	o != schedule
	d := schedules[o][key]
	d != date(key)
}

# legacy_cutoff(key): a high-risk system first placed on the market or put into service before
# this date is covered only after a significant change in its design, or by 2 August 2030 when
# it is intended for public authorities (Art. 111(2)): 2 August 2026 in the Act as published;
# the date Chapter III applies to it (key: annex_iii or annex_i) under the Omnibus.
legacy_cutoff(key) := date(key) if secondary

else := date("general")

# started(d): the assessment date is on or after d.
started(d) if dates.days_until(d) <= 0

# Without a valid assessment date every date counts as reached (fail closed: an obligation is
# never deferred because the date is missing; DPIA-002 reports the date itself).
started(_) if not dates.as_of

# schedule_note: what the schedule is, for reasons and reports.
default schedule_note := "date_schedule aia_2024: dates of Regulation (EU) 2024/1689 as published (Art. 113)"

schedule_note := concat("", [
	"date_schedule omnibus_2026: dates as amended by the Digital Omnibus (Regulation (EU) 2026/1744),",
	" confirmed by secondary sources only",
]) if {
	secondary
}
