# Which UK controls bind this system (docs/classification.md): UK GDPR (as amended by the Data
# (Use and Access) Act 2025) only where personal data is processed under it, Art. 22 / 22A-22D
# only for significant decisions taken without meaningful human involvement, Art. 35 only where
# a DPIA is required (with the screening's reason); DPA 2018 Part 3 for law-enforcement
# processing by a competent authority; the ATRS for public-sector bodies. law.obligations
# gathers these decisions with the EU AI Act's.
package ai_assure.law.uk_obligations

import rego.v1

import data.ai_assure.law.decision
import data.ai_assure.law.facts
import data.ai_assure.law.uk
import data.ai_assure.lib.util

# The UK GDPR applies to personal data processed under it (not DPA Part 3 or 4).
_gdpr_base := decision.no("no personal data is processed (UK GDPR Art. 2(1))") if {
	uk.no_personal_data
} else := decision.open("whether personal data is processed is not answered") if {
	not uk.personal_data
} else := decision.no(concat("", [
	"DPA 2018 Part 3 governs this processing (law enforcement by a competent authority, ss. 29-31),",
	" not the UK GDPR",
])) if {
	uk.part3
} else := decision.no("DPA 2018 Part 4 governs this processing (intelligence services), not the UK GDPR") if {
	uk.part4
} else := decision.open("which regime governs the processing (uk_data_protection.regime) is not answered") if {
	not uk.gdpr
} else := decision.yes("personal data is processed under the UK GDPR")

_part3_base := decision.no("no personal data is processed") if {
	uk.no_personal_data
} else := decision.open("whether personal data is processed is not answered") if {
	not uk.personal_data
} else := decision.yes("the processing is under DPA 2018 Part 3 (law enforcement)") if {
	uk.part3
} else := decision.open("which regime governs the processing is not answered") if {
	uk.regime == null
} else := decision.no("the processing is not under DPA 2018 Part 3")

_controller_duty := decision.yes("the organisation is its controller") if {
	uk.controller
} else := decision.no("it binds the controller and the organisation is a processor") if {
	uk.processor
} else := decision.open("whether the organisation is controller or processor is not answered")

_special := decision.yes("special category data is processed (Art. 9(1))") if {
	uk.special_category
} else := decision.no("no special category data is processed") if {
	facts.no("uk_data_protection.special_category_data")
} else := decision.open("whether special category data is processed is not answered")

_criminal := decision.yes("criminal offence data is processed (Art. 10)") if {
	uk.criminal_offence
} else := decision.no("no criminal offence data is processed") if {
	facts.no("uk_data_protection.criminal_offence_data")
} else := decision.open("whether criminal offence data is processed is not answered")

_a(id) := concat("", ["uk_data_protection.automated_decision.", id])

_adm := decision.yes("it takes significant decisions with no meaningful human involvement (Art. 22A(1))") if {
	uk.significant_automated_decision
} else := decision.no("it takes no decision with legal or similarly significant effects") if {
	facts.no(_a("significant"))
} else := decision.no("its significant decisions involve a person meaningfully") if {
	facts.no(_a("solely_automated"))
} else := decision.open("whether it takes significant, solely automated decisions is not answered")

_duaa := decision.yes(util.msg([
	"Arts. 22A-22D are in force (Data (Use and Access) Act 2025 s. 80, from ",
	uk.duaa_date,
	")",
])) if {
	uk.duaa_in_force
} else := decision.no(util.msg(["Arts. 22A-22D apply from ", uk.duaa_date, " (configuration duaa_art_22a_from)"]))

_pre_duaa := decision.no(util.msg([
	"replaced by Arts. 22A-22D from ",
	uk.duaa_date,
	" (Data (Use and Access) Act 2025 s. 80)",
])) if {
	uk.duaa_in_force
} else := decision.yes(util.msg(["Art. 22 applies until ", uk.duaa_date]))

_restricted := decision.yes("the decision is based on special category data or relies on Art. 6(1)(ea) (Art. 22B)") if {
	facts.yes(_a("uses_special_category"))
} else := decision.yes("the decision is based on special category data or relies on Art. 6(1)(ea) (Art. 22B)") if {
	facts.yes(_a("relies_on_6_1_ea"))
} else := decision.no("the decision is based on neither special category data nor Art. 6(1)(ea) (Art. 22B)") if {
	facts.no(_a("uses_special_category"))
	not facts.yes(_a("relies_on_6_1_ea"))
} else := decision.open("whether the decision uses special category data or Art. 6(1)(ea) is not answered")

_dpia := decision.yes(util.msg(["a DPIA is ", uk.dpia_reason])) if {
	uk.dpia_needed
} else := decision.open(uk.dpia_reason) if {
	uk.dpia == "undetermined"
} else := decision.no(util.msg(["a DPIA is ", uk.dpia_reason]))

_uk_conditions := {
	"UK-GDPR:Art.5": {"what": "UK GDPR Art. 5 (principles)", "cond": decision.both(_gdpr_base, _controller_duty)},
	"UK-GDPR:Art.6": {"what": "UK GDPR Art. 6 (lawfulness)", "cond": decision.both(_gdpr_base, _controller_duty)},
	"UK-GDPR:Art.9": {"what": "UK GDPR Art. 9 (special category data)", "cond": decision.both(_gdpr_base, _special)},
	"UK-GDPR:Art.10": {"what": "UK GDPR Art. 10 (criminal offence data)", "cond": decision.both(_gdpr_base, _criminal)},
	"UK-GDPR:Art.13": {
		"what": "UK GDPR Art. 13 (information to data subjects)",
		"cond": decision.both(_gdpr_base, _controller_duty),
	},
	"UK-GDPR:Art.22": {
		"what": "UK GDPR Art. 22 (automated decisions, before the DUAA)",
		"cond": decision.both(decision.both(_gdpr_base, _pre_duaa), _adm),
	},
	"UK-GDPR:Art.22A": {
		"what": "UK GDPR Art. 22A (significant automated decisions)",
		"cond": decision.both(decision.both(_gdpr_base, _duaa), _adm),
	},
	"UK-GDPR:Art.22B": {
		"what": "UK GDPR Art. 22B (restrictions on automated decisions)",
		"cond": decision.both(decision.both(decision.both(_gdpr_base, _duaa), _adm), _restricted),
	},
	"UK-GDPR:Art.22C": {
		"what": "UK GDPR Art. 22C (safeguards for automated decisions)",
		"cond": decision.both(decision.both(_gdpr_base, _duaa), _adm),
	},
	"UK-GDPR:Art.25": {
		"what": "UK GDPR Art. 25 (data protection by design)",
		"cond": decision.both(_gdpr_base, _controller_duty),
	},
	"UK-GDPR:Art.28": {"what": "UK GDPR Art. 28 (processors)", "cond": _gdpr_base},
	"UK-GDPR:Art.30": {"what": "UK GDPR Art. 30 (records of processing)", "cond": _gdpr_base},
	"UK-GDPR:Art.32": {"what": "UK GDPR Art. 32 (security)", "cond": _gdpr_base},
	"UK-GDPR:Art.33": {"what": "UK GDPR Art. 33 (breach notification)", "cond": _gdpr_base},
	"UK-GDPR:Art.35": {
		"what": "UK GDPR Art. 35 (DPIA)",
		"cond": decision.both(decision.both(_gdpr_base, _controller_duty), _dpia),
	},
	"UK-GDPR:Art.36": {
		"what": "UK GDPR Art. 36 (prior consultation, where a DPIA shows a high risk that cannot be mitigated)",
		"cond": decision.both(decision.both(_gdpr_base, _controller_duty), _dpia),
	},
	"UK-GDPR:Art.44": {"what": "UK GDPR Art. 44 (international transfers)", "cond": _gdpr_base},
	"UK-DPA-2018:s.10": {
		"what": "DPA 2018 s. 10 and Sch. 1 (conditions for special category and criminal offence data)",
		"cond": decision.both(_gdpr_base, _special_or_criminal),
	},
	"UK-DPA-2018:s.35": {
		"what": "DPA 2018 s. 35 (sensitive processing for law enforcement)",
		"cond": decision.both(_part3_base, _special),
	},
	"UK-DPA-2018:s.42": {
		"what": "DPA 2018 s. 42 (appropriate policy document)",
		"cond": decision.both(_part3_base, _special),
	},
	"UK-DPA-2018:s.50A": {
		"what": "DPA 2018 s. 50A (significant automated decisions, law enforcement)",
		"cond": decision.both(_part3_base, _adm),
	},
	"UK-DPA-2018:s.50B": {
		"what": "DPA 2018 s. 50B (restrictions on automated decisions, law enforcement)",
		"cond": decision.both(decision.both(_part3_base, _adm), _special),
	},
	"UK-DPA-2018:s.50C": {
		"what": "DPA 2018 s. 50C (safeguards for automated decisions, law enforcement)",
		"cond": decision.both(_part3_base, _adm),
	},
	"UK-DPA-2018:s.64": {"what": "DPA 2018 s. 64 (DPIA, law enforcement)", "cond": decision.both(_part3_base, _dpia)},
}

_special_or_criminal := _special if {
	_special.state == "yes"
} else := _criminal if {
	_criminal.state == "yes"
} else := decision.open("whether special category or criminal offence data is processed is not answered") if {
	"open" in {_special.state, _criminal.state}
} else := decision.no("neither special category nor criminal offence data is processed")

_uk_decision(c) := decision.entry("binds", util.msg([c.what, ": binds: ", c.cond.why]), null, "") if {
	c.cond.state == "yes"
} else := decision.entry("undetermined", util.msg([c.what, ": not decided: ", c.cond.why]), null, "") if {
	c.cond.state == "open"
} else := decision.entry("not_applicable", util.msg([c.what, ": does not apply: ", c.cond.why]), null, "")

gdpr_decisions[id] := _uk_decision(c) if some id, c in _uk_conditions

# --- the ATRS ---------------------------------------------------------------------------------------

# The ATRS is mandatory for public-sector bodies for tools that have a significant influence on
# decisions affecting the public or interact with it (the ATRS mandatory scope policy).
atrs_scope if util.manifest(["system", "deployment"]) == "public-facing"

atrs_scope if util.manifest(["system", "decision_role"]) in {"decision-support", "automated-decision"}

atrs_scope if facts.yes("eu_ai_act.decisions.about_natural_persons")

_atrs := decision.no("the tool neither interacts with the public nor supports decisions about people") if {
	not atrs_scope
} else := decision.yes("a public-sector body's tool that interacts with the public or supports decisions") if {
	facts.yes("organisation.public_authority")
} else := decision.no("the ATRS is mandatory for public-sector bodies only (recommended for others)") if {
	facts.no("organisation.public_authority")
} else := decision.open("whether the organisation is a public authority is not answered")

atrs_mandatory if _atrs.state == "yes"

_atrs_controls := [
	"UK-ATRS:Tier1", "UK-ATRS:Tier2", "UK-ATRS:Tier2.1", "UK-ATRS:Tier2.2", "UK-ATRS:Tier2.3",
	"UK-ATRS:Tier2.4", "UK-ATRS:Tier2.4.2", "UK-ATRS:Tier2.4.3", "UK-ATRS:Tier2.4.4", "UK-ATRS:Tier2.5",
]

atrs_decisions[id] := _uk_decision({"what": "the ATRS", "cond": _atrs}) if some id in _atrs_controls
