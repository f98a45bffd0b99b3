# METADATA
# title: People are told when they deal with an AI system
# description: >-
#   EU AI Act Art. 50: the provider of a system that interacts directly with natural persons
#   (users, staff or the public) tells them they are dealing with AI, unless it is obvious
#   (50(1)), and marks generated audio, images, video or text as AI-generated in a
#   machine-readable way (50(2)); the deployer informs people exposed to emotion recognition
#   or biometric categorisation (50(3)) and discloses deep fakes and AI-generated text
#   published on matters of public interest (50(4)). The classification derives which
#   paragraphs apply from eu_ai_act.transparency and eu_ai_act.biometrics. The manifest
#   records each measure: system.transparency_notice (50(1)) and
#   eu_ai_act.transparency.output_marking, exposure_notice, deep_fake_disclosure and
#   public_interest_text_disclosure. Fails for a paragraph that binds the organisation's own
#   role; advises where it would bind (reference framework), will bind (before 2 Aug 2026) or
#   binds another operator.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 50
#   - ref: https://www.gov.uk/government/publications/guidance-for-organisations-using-the-algorithmic-transparency-recording-standard
#     description: Algorithmic Transparency Recording Standard guidance
# custom:
#   id: TRN-001
#   severity: high
#   controls: [
#     "EU-AI-ACT:Art.50", "ISO42001:A.8.2", "ISO42001:A.8.5", "NIST-AI-RMF:MEASURE-2.8",
#     "UK-ATRS:Tier1", "UK-AI-PLAYBOOK:P7", "UK-AI-CYBER-COP:P10"]
#   remediation: >-
#     Record each measure: the AI disclosure shown at the first interaction in
#     system.transparency_notice, and how outputs are marked or disclosed in
#     eu_ai_act.transparency.
package ai_assure.rules.transparency.ai_disclosure

import rego.v1

import data.ai_assure.classification
import data.ai_assure.law.art50
import data.ai_assure.law.roles
import data.ai_assure.lib.util

default applicable := false

applicable if classification.art_50

_gaps contains {"msg": msg, "path": path, "own": d.addressee in roles.held} if {
	some d in art50.paragraphs
	path := d.measure
	util.blank(util.manifest(path))
	msg := util.msg([
		"EU AI Act ", d.paragraph, " applies because ", d.text, ", but ", concat(".", path),
		" is empty: record the measure", _whose(d),
	])
}

_whose(d) := "" if {
	d.addressee in roles.held
} else := util.msg([" (this duty is the ", d.addressee, "'s: make sure it is met)"])

deny contains {"msg": g.msg, "path": g.path} if {
	classification.enforced("EU-AI-ACT:Art.50")
	some g in _gaps
	g.own
}

warn contains {"msg": g.msg, "path": g.path} if {
	some g in _gaps
	not _deny_worthy(g)
}

_deny_worthy(g) if {
	classification.enforced("EU-AI-ACT:Art.50")
	g.own
}
