# UK data protection: the UK GDPR as amended by the Data (Use and Access) Act 2025, and the Data
# Protection Act 2018 (docs/classification.md). Which regime governs the processing, special
# category and criminal offence data, significant automated decisions (Arts. 22A-22D; DPA
# ss. 50A-50C) and whether a DPIA is required (Art. 35; DPA s. 64).
#
# These facts raise the internal assurance level (package ai_assure.classification); they
# never change the EU AI Act category.
package ai_assure.law.uk

import rego.v1

import data.ai_assure.config
import data.ai_assure.law.facts
import data.ai_assure.lib.dates
import data.ai_assure.lib.util

_u(id) := concat("", ["uk_data_protection.", id])

personal_data if facts.yes(_u("personal_data"))

# A dataset marked as personal data counts too, whatever the fact says (fail closed; rule
# CLS-006 reports the contradiction).
personal_data if some d in marked_personal

marked_personal := [d | some d in util.datasets; d.dataset.personal_data == true]

no_personal_data if {
	facts.no(_u("personal_data"))
	not personal_data
}

regime := facts.value(_u("regime"))

gdpr if {
	personal_data
	regime == "uk_gdpr"
}

part3 if {
	personal_data
	regime == "dpa_part3"
}

part4 if {
	personal_data
	regime == "dpa_part4"
}

controller_role := facts.value(_u("controller"))

controller if controller_role in {"controller", "joint_controller"}

processor if controller_role == "processor"

default special_category := false

special_category if {
	personal_data
	facts.yes(_u("special_category_data"))
}

default criminal_offence := false

criminal_offence if {
	personal_data
	facts.yes(_u("criminal_offence_data"))
}

# --- automated decisions (Arts. 22A-22C; DPA ss. 50A-50C) ----------------------------------------------

_a(id) := concat("", ["uk_data_protection.automated_decision.", id])

default significant_automated_decision := false

significant_automated_decision if {
	personal_data
	facts.yes(_a("significant"))
	facts.yes(_a("solely_automated"))
}

# _duaa_from: the configured commencement date of Arts. 22A-22D (null when missing; CFG-001).
default _duaa_from := null

_duaa_from := config.duaa_art_22a_from

# duaa_in_force: Arts. 22A-22D replace Art. 22 from the date the governance team configures
# (the Data (Use and Access) Act 2025 s. 80; its commencement date is known from secondary
# sources only, so it is a setting, duaa_art_22a_from).
duaa_in_force if {
	dates.valid(_duaa_from)
	dates.days_until(_duaa_from) <= 0
}

# Without a valid assessment date, the law as amended (as law.dates.started does).
duaa_in_force if {
	dates.valid(_duaa_from)
	not dates.as_of
}

default duaa_date := "an unconfigured date"

duaa_date := _duaa_from if dates.valid(_duaa_from)

# art_22b_breaches: restrictions a significant, solely automated decision breaks (Art. 22B;
# DPA s. 50B for sensitive processing under Part 3).
art_22b_breaches contains _special_category_breach if {
	significant_automated_decision
	facts.yes(_a("uses_special_category"))
	not facts.yes(_a("explicit_consent"))
	not facts.yes(_a("contract_or_law_with_9_2_g"))
}

art_22b_breaches contains "it relies on recognised legitimate interests, Art. 6(1)(ea) (Art. 22B(4))" if {
	significant_automated_decision
	gdpr
	facts.yes(_a("relies_on_6_1_ea"))
}

_special_category_breach := concat("", [
	"it is based on sensitive personal data without the data subject's consent or being required",
	" or authorised by law (DPA s. 50B)",
]) if {
	part3
} else := concat("", [
	"it is based on special category data without explicit consent, or being necessary for a",
	" contract or required or authorised by law with Art. 9(2)(g) (Art. 22B(2), (3))",
]) if {
	not part3
}

# --- DPIA screening (Art. 35(1), (3), (4); DPA s. 64) ----------------------------------------------

_s(id) := concat("", ["uk_data_protection.dpia_screen.", id])

art_35_3 := facts.items(_s("art_35_3"))

ico := facts.items(_s("ico_list"))

wp248 := facts.items(_s("wp248"))

# ICO list items that need one other WP248 criterion besides the one they represent.
_ico_needs_one := {
	"innovative_technology": "innovative_technology",
	"biometric_data": "sensitive_or_highly_personal",
	"genetic_data": "sensitive_or_highly_personal",
	"invisible_processing": "",
	"tracking": "systematic_monitoring",
}

_ico_alone := {
	"denial_of_service", "large_scale_profiling", "data_matching", "children_vulnerable_targeting",
	"risk_of_physical_harm",
}

dpia_triggers contains util.msg(["Art. 35(3)(", substring(x, 0, 1), "): ", x]) if {
	personal_data
	some x in art_35_3
}

dpia_triggers contains util.msg(["the ICO's list (Art. 35(4)): ", x]) if {
	personal_data
	some x in ico
	x in _ico_alone
}

dpia_triggers contains util.msg(["the ICO's list (Art. 35(4)): ", x, " with WP248 ", util.join(others)]) if {
	personal_data
	some x in ico
	own := _ico_needs_one[x]
	others := {c | some c in wp248; c != own}
	count(others) > 0
}

_screen_open if {
	some id in ["art_35_3", "ico_list", "wp248"]
	facts.unanswered(_s(id))
}

# dpia: required | likely | not_required | not_applicable | undetermined.
default dpia := "not_required"

dpia := "not_applicable" if {
	no_personal_data
} else := "not_applicable" if {
	personal_data
	part4
} else := "required" if {
	count(dpia_triggers) > 0
} else := "likely" if {
	personal_data
	count(wp248) >= 2
} else := "undetermined" if {
	not personal_data
} else := "undetermined" if {
	_screen_open
}

dpia_needed if dpia in {"required", "likely"}

dpia_reason := "no personal data is processed (UK GDPR Art. 2(1))" if {
	dpia == "not_applicable"
	no_personal_data
} else := "DPA 2018 Part 4 processing: Art. 35 and s. 64 do not apply" if {
	dpia == "not_applicable"
} else := util.msg(["required: ", concat("; ", sort([t | some t in dpia_triggers]))]) if {
	dpia == "required"
} else := util.msg([
	"likely: ", count(wp248), " WP248 criteria apply (", util.join(wp248),
	"); two or more usually mean a high risk, and the controller's reasoned screening decides (Art. 35(1))",
]) if {
	dpia == "likely"
} else := "not decided: answer the DPIA screening questions" if {
	dpia == "undetermined"
} else := concat("", [
	"not required: no Art. 35(3) case, no ICO list item and fewer than two WP248 criteria (record",
	" the screening)",
]) if {
	dpia == "not_required"
}

# --- reasons for the assurance level, in UK law's words -------------------------------------------------

default regime_text := "not decided"

regime_text := "DPA 2018 Part 3 (law enforcement processing by a competent authority, ss. 29-31)" if {
	part3
} else := "DPA 2018 Part 4 (intelligence services)" if {
	part4
} else := "UK GDPR with DPA 2018 Part 2" if {
	gdpr
} else := "no personal data (UK GDPR Art. 2(1))" if {
	no_personal_data
}

# --- grounds: each conclusion with its citation and the facts that decided it ---------------------

_adm_facts := [_a("significant"), _a("solely_automated")]

_dpia_facts := [_s("art_35_3"), _s("ico_list"), _s("wp248")]

default _adm_citation := "UK GDPR Art. 22A"

_adm_citation := "DPA 2018 s. 50A" if part3

default _dpia_citation := "UK GDPR Art. 35"

_dpia_citation := "DPA 2018 s. 64" if part3

default _regime_citation := "UK GDPR Art. 2(1)"

_regime_citation := "DPA 2018 ss. 29-31" if {
	part3
} else := "DPA 2018 s. 82" if {
	part4
}

grounds contains facts.ground(_regime_citation, "regime", regime_text, [_u("personal_data"), _u("regime")]) if {
	regime_text != "not decided"
}

grounds contains facts.ground("UK GDPR Art. 9(1)", "special_category", text, [_u("special_category_data")]) if {
	special_category
	text := "special category data is processed (DPA 2018 s. 35 under Part 3)"
}

grounds contains facts.ground("UK GDPR Art. 10", "criminal_offence", text, [_u("criminal_offence_data")]) if {
	criminal_offence
	text := "criminal offence data is processed (DPA 2018 s. 11(2))"
}

grounds contains facts.ground(_adm_citation, "automated_decision", text, _adm_facts) if {
	significant_automated_decision
	text := "it takes decisions with legal or similarly significant effects without meaningful human involvement"
}

grounds contains facts.ground(_adm_citation, "exception", text, _adm_facts) if {
	personal_data
	facts.answered(_a("significant"))
	not significant_automated_decision
	text := concat("", [
		"no significant decision is taken without meaningful human involvement: the rules on solely",
		" automated decisions do not apply",
	])
}

grounds contains facts.ground("UK GDPR Art. 22B", "automated_decision", b, ids) if {
	some b in art_22b_breaches
	ids := [_a("uses_special_category"), _a("relies_on_6_1_ea"), _a("explicit_consent"), _a("contract_or_law_with_9_2_g")]
}

grounds contains facts.ground(_dpia_citation, "dpia", dpia_reason, _dpia_facts) if {
	personal_data
	dpia != "undetermined"
}
