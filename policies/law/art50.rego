# Transparency obligations: EU AI Act Art. 50, derived from the facts (docs/classification.md).
#
# Each paragraph binds its own operator: 50(1) (systems people interact with directly: users,
# staff or the public) and 50(2) (synthetic content) the provider; 50(3) (emotion recognition,
# biometric categorisation) and 50(4) (deep fakes, AI-generated text published on matters of
# public interest) the deployer. An exception applies only when answered yes. Art. 50 applies
# beside the high-risk obligations (Art. 50(6)) and to open-source systems (Art. 2(12)).
package ai_assure.law.art50

import rego.v1

import data.ai_assure.law.facts
import data.ai_assure.lib.util

_t(id) := concat("", ["eu_ai_act.transparency.", id])

_emotion := "eu_ai_act.biometrics.emotion_recognition"

_categorisation := "eu_ai_act.biometrics.biometric_categorisation"

_crime_exempt if facts.yes(_t("authorised_by_law_for_crime"))

# The crime exception of 50(1) does not reach systems the public can use to report a crime.
_crime_exempt_50_1 if {
	_crime_exempt
	facts.no(_t("public_can_report_crime"))
}

# ai_nature_obvious: the 50(1) exception holds only when answered yes with a rationale
# (contested: flagged for review).
ai_nature_obvious if {
	facts.yes(_t("ai_nature_obvious"))
	util.present(facts.value(_t("ai_nature_obvious_rationale")))
}

synthetic := facts.items(_t("generates_synthetic"))

synthetic_media if {
	some kind in synthetic
	kind in {"image", "audio", "video"}
}

# triggers: the paragraphs whose trigger holds, before exceptions (what they are asked about).
triggers contains "Art.50(1)" if facts.yes(_t("interacts_directly_with_natural_persons"))

triggers contains "Art.50(2)" if count(synthetic) > 0

triggers contains "Art.50(3)" if facts.yes(_emotion)

triggers contains "Art.50(3)" if facts.yes(_categorisation)

triggers contains "Art.50(4)" if facts.yes(_t("deep_fake_output"))

triggers contains "Art.50(4)" if facts.yes(_t("publishes_public_interest_text"))

# paragraphs: each paragraph that applies: {paragraph, addressee, text, measure (where the
# manifest records how it is met), facts}.
paragraphs contains _paragraph("Art.50(1)", "provider", text, ["system", "transparency_notice"], ids) if {
	facts.yes(_t("interacts_directly_with_natural_persons"))
	not ai_nature_obvious
	not _crime_exempt_50_1
	text := concat("", [
		"it is intended to interact directly with natural persons, who must be told they are dealing",
		" with an AI system",
	])
	ids := [_t("interacts_directly_with_natural_persons"), _t("ai_nature_obvious"), _t("authorised_by_law_for_crime")]
}

paragraphs contains _paragraph("Art.50(2)", "provider", text, _measure("output_marking"), ids) if {
	count(synthetic) > 0
	not facts.yes(_t("assistive_editing_or_no_substantial_alteration"))
	not _crime_exempt
	text := util.msg([
		"it generates synthetic ", concat(", ", sort(synthetic)),
		", which must be marked as AI-generated in a machine-readable way",
	])
	ids := [_t("generates_synthetic"), _t("assistive_editing_or_no_substantial_alteration")]
}

paragraphs contains _paragraph("Art.50(3)", "deployer", text, _measure("exposure_notice"), ids) if {
	"Art.50(3)" in triggers
	not _crime_exempt
	text := concat("", [
		"it recognises emotions or categorises people biometrically, and the people exposed must be",
		" informed",
	])
	ids := [id | some id in [_emotion, _categorisation]; facts.yes(id)]
}

paragraphs contains _paragraph("Art.50(4)", "deployer", _deep_fake_text, _measure("deep_fake_disclosure"), ids) if {
	facts.yes(_t("deep_fake_output"))
	not _crime_exempt
	ids := [_t("deep_fake_output"), _t("evidently_artistic_satirical_fictional")]
}

paragraphs contains _paragraph("Art.50(4)", "deployer", text, _measure("public_interest_text_disclosure"), ids) if {
	facts.yes(_t("publishes_public_interest_text"))
	not facts.yes(_t("human_editorial_responsibility"))
	not _crime_exempt
	text := concat("", [
		"it publishes AI-generated text on matters of public interest without human editorial",
		" responsibility, which must be disclosed",
	])
	ids := [_t("publishes_public_interest_text"), _t("human_editorial_responsibility")]
}

_paragraph(paragraph, addressee, text, measure, ids) := {
	"paragraph": paragraph,
	"addressee": addressee,
	"text": text,
	"measure": measure,
	"facts": ids,
}

_measure(key) := ["eu_ai_act", "transparency", key]

default _deep_fake_text := "it produces deep fakes, whose artificial origin must be disclosed"

_deep_fake_text := concat("", [
	"it produces deep fakes, whose artificial origin must be disclosed (limited to a",
	" non-hampering disclosure for an evidently artistic, satirical or fictional work)",
]) if {
	facts.yes(_t("evidently_artistic_satirical_fictional"))
}

applying contains d.paragraph if some d in paragraphs

limited if count(paragraphs) > 0

_exception_50_1 := "not under Art. 50(1): it is obvious to the people using it that it is an AI system" if {
	ai_nature_obvious
} else := concat("", [
	"not under Art. 50(1): it is authorised by law to detect, prevent, investigate or prosecute",
	" criminal offences, and the public cannot use it to report one",
])

# --- grounds ----------------------------------------------------------------------------------------

grounds contains facts.ground(d.paragraph, "transparency", d.text, d.facts) if {
	some d in paragraphs
}

grounds contains facts.ground("Art.50(1)", "exception", _exception_50_1, ids) if {
	"Art.50(1)" in triggers
	not "Art.50(1)" in applying
	ids := [_t("interacts_directly_with_natural_persons"), _t("ai_nature_obvious"), _t("authorised_by_law_for_crime")]
}

grounds contains facts.ground("Art.50(2)", "exception", text, ids) if {
	"Art.50(2)" in triggers
	not "Art.50(2)" in applying
	text := concat("", [
		"not under Art. 50(2): it only assists standard editing or does not substantially alter its",
		" input, or it is authorised by law for criminal offences",
	])
	ids := [
		_t("generates_synthetic"),
		_t("assistive_editing_or_no_substantial_alteration"),
		_t("authorised_by_law_for_crime"),
	]
}
