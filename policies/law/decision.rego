# The small vocabulary the obligation packages decide in (law.eu_obligations,
# law.uk_obligations): a condition is yes, no or open, each with why; a decision is an entry
# with its status, reason, the date it applies from and its severity floor.
package ai_assure.law.decision

import rego.v1

yes(why) := {"state": "yes", "why": why}

no(why) := {"state": "no", "why": why}

open(why) := {"state": "open", "why": why}

# both(base, extra): base, then the extra condition once base holds.
both(base, _) := base if base.state != "yes"

both(base, extra) := extra if base.state == "yes"

# entry: what the report shows for one control (docs/classification.md): status is binds,
# upcoming, not_applicable, advisory or undetermined.
entry(status, reason, applies_from, least_severity) := {
	"status": status,
	"reason": reason,
	"applies_from": applies_from,
	"floor": least_severity,
}
