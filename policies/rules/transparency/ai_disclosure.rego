# METADATA
# title: People are told when they deal with an AI system
# description: >-
#   EU AI Act Art. 50 requires that people interacting with an AI system are informed
#   of it, and that AI-generated content is marked as such. The manifest records the
#   notice in system.transparency_notice (the wording shown, or where it is shown).
#   Applies to systems that interact with the public, are deployed public-facing or
#   generate synthetic content.
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
#     Write the AI disclosure shown to users (and how generated content is labelled) into
#     system.transparency_notice, and show it before or at the first interaction.
package ai_assure.rules.transparency.ai_disclosure

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.util

default applicable := false

applicable if classification.art_50

deny contains {"msg": msg, "path": ["system", "transparency_notice"]} if {
	applicable
	util.blank(util.manifest(["system", "transparency_notice"]))
	msg := concat("", [
		"The system is subject to EU AI Act Art. 50 (", concat("; ", sort(_triggers)),
		") but system.transparency_notice is empty:",
		" record the notice that tells people they are dealing with AI",
	])
}

_triggers contains "it interacts with the public" if classification.interacts_with_public

_triggers contains "it is deployed public-facing" if classification.public_deployment

_triggers contains "it generates synthetic content" if classification.generates_synthetic_content
