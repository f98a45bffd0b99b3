# When each EU AI Act obligation applies to this system (Arts. 111, 113), under the configured
# date_schedule (law.dates): by the route that makes it high-risk (Annex III or Annex I), the
# transitional rule for systems already in service (Art. 111(2)) and for general-purpose AI
# models already on the market (Art. 111(3)), the Art. 5 points the Digital Omnibus adds and its
# Art. 50(2) grace period. law.eu_obligations reads when[key] for each control.
package ai_assure.law.eu_dates

import rego.v1

import data.ai_assure.law.art5
import data.ai_assure.law.art50
import data.ai_assure.law.dates as law_dates
import data.ai_assure.law.facts
import data.ai_assure.law.high_risk
import data.ai_assure.lib.dates
import data.ai_assure.lib.util

_route := high_risk.route

# The transitional rule for high-risk systems already in service (Art. 111(2)): covered only
# after a significant design change, but those intended for public authorities by 2 Aug 2030.
_cutoff := law_dates.legacy_cutoff(_route)

_first := facts.value("eu_ai_act.lifecycle.first_placed_or_put_into_service")

_legacy if dates.day(_first) < dates.day(_cutoff)

_l(id) := concat("", ["eu_ai_act.lifecycle.", id])

_on(d, note) := {"state": "date", "date": d, "note": note}

_date_route := _on(law_dates.date(_route), "") if {
	not _legacy
} else := _on(law_dates.date(_route), " (changed significantly since it was first used, Art. 111(2))") if {
	facts.yes(_l("significant_design_change_after_cutoff"))
} else := _on(
	law_dates.date("legacy_public_authority"),
	" (in use before the cut-off and intended for public authorities, Art. 111(2))",
) if {
	facts.yes(_l("intended_for_public_authority_use"))
} else := {
	"state": "none",
	"date": null,
	"note": util.msg(["it was in use before ", _cutoff, " and has not changed significantly since (Art. 111(2))"]),
} if {
	facts.no(_l("significant_design_change_after_cutoff"))
	facts.no(_l("intended_for_public_authority_use"))
} else := {"state": "open", "date": null, "note": concat("", [
	"whether it changed significantly since it was first used, or is intended for public",
	" authorities, is not answered (Art. 111(2))",
])}

_date_gpai := _on(
	law_dates.date("legacy_gpai_models"),
	" (a model placed on the market before 2 August 2025, Art. 111(3))",
) if {
	dates.day(facts.value("eu_ai_act.gpai.first_placed_on_market")) < dates.day(law_dates.date("gpai"))
} else := _on(law_dates.date("gpai"), "")

# Art. 5: the Omnibus points apply from their own date.
_date_art_5 := _on(law_dates.date("new_art5_points"), " (the Digital Omnibus points)") if {
	count(art5.prohibited_points - {"Art.5(1)(ba)", "Art.5(1)(bb)"}) == 0
	count(art5.prohibited_points) > 0
} else := _on(law_dates.date("chapters_i_ii"), "")

# Art. 50(2) for generative systems placed before 2 Aug 2026: 2 Dec 2026 under the Omnibus.
_date_art_50 := _on(law_dates.date("art_50_2_legacy"), " (a generative system placed before 2 August 2026)") if {
	law_dates.secondary
	art50.applying == {"Art.50(2)"}
	dates.day(_first) < dates.day(law_dates.date("general"))
} else := _on(law_dates.date("general"), "")

_dates := {
	"route": _date_route, "gpai": _date_gpai, "art_5": _date_art_5, "art_50": _date_art_50,
	"chapters_i_ii": _on(law_dates.date("chapters_i_ii"), ""),
	"general": _on(law_dates.date("general"), ""),
}

# _other_notes[key]: the date under the other date_schedule, where it differs (the Omnibus moves
# the Chapter III dates).
_other_notes[key] := util.msg([" (", other, " under the other date_schedule)"]) if {
	some key, when in _dates
	other := law_dates.other_date(object.get({"route": _route}, key, key))
	other != when.date
}

# when[key]: {state (date, none or open), date, note, other: the date under the other schedule}.
when[key] := object.union(on, {"other": object.get(_other_notes, key, "")}) if some key, on in _dates
