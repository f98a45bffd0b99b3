# Contested points of law the classification depends on (REGULATORY-DECISIONS §7): the
# classification states the reading it takes and never decides such a point silently. Each is
# a CLS-007 finding for a lawyer or the DPO, with its citation and the fact it is about.
package ai_assure.law.review

import rego.v1

import data.ai_assure.law.art5
import data.ai_assure.law.art50
import data.ai_assure.law.dates as law_dates
import data.ai_assure.law.eu
import data.ai_assure.law.facts
import data.ai_assure.law.high_risk
import data.ai_assure.law.obligations
import data.ai_assure.law.uk

_point(citation, fact, text) := {"citation": citation, "path": split(fact, "."), "text": text}

points contains _point("Art.6(3)", "eu_ai_act.art_6_3.no_significant_risk", concat("", [
	"the Art. 6(3) derogation is refused because no significant risk is not stated: the engine",
	" reads the first subparagraph as a test of its own (the stricter reading); whether conditions",
	" (a)-(d) alone suffice is contested",
])) if {
	high_risk.derogation_claimed
	not high_risk.profiling
	facts.any_listed("eu_ai_act.art_6_3.conditions")
	not facts.yes("eu_ai_act.art_6_3.no_significant_risk")
}

points contains _point("Art.50(1)", "eu_ai_act.transparency.ai_nature_obvious", concat("", [
	"Art. 50(1) is treated as not applying because it is obvious the system is AI (",
	facts.value("eu_ai_act.transparency.ai_nature_obvious_rationale"),
	"): what is obvious to a reasonably well-informed person is contested, and internal use does",
	" not make it so",
])) if {
	art50.ai_nature_obvious
	facts.yes("eu_ai_act.transparency.interacts_directly_with_natural_persons")
}

points contains _point("Art.50(2)", "eu_ai_act.transparency.generates_synthetic", concat("", [
	"Art. 50(2) is applied to generated text on the article's wording; secondary sources report",
	" that the Commission's Art. 50 guidelines exclude short text and source code",
])) if {
	"Art.50(2)" in art50.applying
	"text" in art50.synthetic
}

points contains _point("Art.50(4)", "eu_ai_act.transparency.evidently_artistic_satirical_fictional", concat("", [
	"the deep fakes are treated as part of an evidently artistic, satirical or fictional work,",
	" which limits the Art. 50(4) disclosure; whether advertising or similar content qualifies is",
	" contested",
])) if {
	facts.yes("eu_ai_act.transparency.deep_fake_output")
	facts.yes("eu_ai_act.transparency.evidently_artistic_satirical_fictional")
}

points contains _point("Art.27(1)", "organisation.body_governed_by_public_law", concat("", [
	"the deployer is a public authority and is treated as a body governed by public law for",
	" Art. 27(1); the term is not defined in the Act and whether every public authority is one is",
	" contested",
])) if {
	obligations.status("EU-AI-ACT:Art.27") in {"binds", "upcoming", "advisory"}
	facts.yes("organisation.public_authority")
	not facts.yes("organisation.body_governed_by_public_law")
	count(high_risk.annex_iii_points & {"AnnexIII.5(b)", "AnnexIII.5(c)"}) == 0
}

points contains _point("AnnexIII.5(b)", "eu_ai_act.annex_iii.carve_outs", concat("", [
	"the Annex III 5(b) fraud-detection carve-out is applied; its breadth is contested (recital 58",
	" speaks of fraud detection provided for by Union law in financial services)",
])) if {
	"AnnexIII.5(b)" in high_risk.carved
}

points contains _point("Art.5(1)(d)", "eu_ai_act.art_5.crime_prediction_basis", concat("", [
	"the offending-risk assessment is treated as supporting a human assessment based on objective",
	" facts (not prohibited); whether an actuarial tool using criminal history is based solely on",
	" profiling is contested",
])) if {
	facts.is("eu_ai_act.art_5.crime_prediction_basis", "supports_human_assessment_on_objective_facts")
}

points contains _point("Art.2(1)(c)", "eu_ai_act.scope.output_intended_for_use_in_eu", concat("", [
	"the system is out of scope partly because its output is not intended for use in the EU",
	" (recital 22); the article says 'used', and incidental use of the output in the EU is not",
	" settled",
])) if {
	eu.in_scope == false
	count(eu.excluded) == 0
	not eu.not_ai
	not eu.foss_excluded
	facts.no("eu_ai_act.scope.output_intended_for_use_in_eu")
}

points contains _point("Art.3(1)", "eu_ai_act.is_ai_system", concat("", [
	"the system is answered not to be an AI system; whether rule-based optimisation or search",
	" counts as inference under Art. 3(1) is contested",
])) if {
	facts.is("eu_ai_act.is_ai_system", "no")
}

points contains _point(art5.omnibus_only_point, "eu_ai_act.art_5.intimate_or_csam_generation", concat("", [
	"the Digital Omnibus (Regulation (EU) 2026/1744, secondary sources, not verified against the",
	" Official Journal) prohibits this from 2 December 2026; with date_schedule aia_2024 it is not",
	" applied as an Art. 5 practice: have it reviewed",
])) if {
	art5.omnibus_only_point
	not law_dates.secondary
}

points contains _point("Art.6(1)", "eu_ai_act.annex_i.safety_component_or_product", concat("", [
	"under the Digital Omnibus (secondary sources) new Art. 6(1a)-(1c) narrow what counts as a",
	" safety component, and machinery moves to Annex I Section B: have the Art. 6(1)",
	" classification reviewed",
])) if {
	high_risk.annex_i_high
	law_dates.secondary
}

points contains _point("Art.3(63)", "eu_ai_act.activities", concat("", [
	"the organisation is treated as placing its general-purpose AI model on the market because it",
	" puts into service its own system built on it (recital 97); a model used only in internal",
	" processes that are not essential to a product or service for others may be outside Chapter V",
])) if {
	facts.yes("eu_ai_act.is_gpai_model")
	facts.listed("eu_ai_act.activities", "puts_into_service_own_use")
	not facts.listed("eu_ai_act.activities", "markets_under_own_name")
}

points contains _point("DPA 2018 s. 64", "uk_data_protection.dpia_screen", concat("", [
	"the DPIA decision for Part 3 processing uses the UK GDPR screening (the ICO list is issued",
	" under Art. 35(4)) as evidence for DPA s. 64; whether it applies to Part 3 is contested",
])) if {
	uk.part3
	uk.dpia != "undetermined"
}
