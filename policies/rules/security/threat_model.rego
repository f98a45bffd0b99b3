# METADATA
# title: The system has a current AI threat model
# description: >-
#   AI systems face attacks ordinary software does not: data poisoning, model extraction
#   and inversion, evasion, and for generative systems prompt injection. The Code of
#   Practice for the Cyber Security of AI asks for a threat model of the AI system, kept up
#   to date. Required for limited-risk and high-risk systems (advised for minimal-risk
#   ones); a generative system's threat model must cover prompt injection (a heading or a
#   front-matter entry), and a threat model without a reviewed_on date cannot be shown to
#   be current.
# related_resources:
#   - ref: https://www.gov.uk/government/publications/ai-cyber-security-code-of-practice
#     description: Code of Practice for the Cyber Security of AI, principles 2 and 3
#   - ref: https://genai.owasp.org/llm-top-10/
#     description: OWASP Top 10 for LLM applications, LLM01 prompt injection
#   - ref: https://atlas.mitre.org/
#     description: MITRE ATLAS adversarial threat landscape for AI systems
# custom:
#   id: SEC-001
#   severity: high
#   controls: [
#     "UK-AI-CYBER-COP:P2", "UK-AI-CYBER-COP:P3", "EU-AI-ACT:Art.15",
#     "NIST-AI-RMF:MEASURE-2.7", "ISO42001:A.6.2.2", "UK-AI-PLAYBOOK:P3", "UK-GDPR:Art.32"]
#   remediation: >-
#     Write a threat model for the AI system (assets, AI-specific threats such as poisoning,
#     evasion, extraction and prompt injection, and mitigations), date it with reviewed_on
#     in its front matter, and list it under evidence.threat_model.
package ai_assure.rules.security.threat_model

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.dates
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

applicable := true

_gap := {"msg": msg, "path": ["evidence", "threat_model"]} if {
	not evidence.declared("threat_model")
	msg := "No threat model is declared: model the threats to the AI system and list it under evidence.threat_model"
} else := {"msg": msg, "path": ["evidence", "threat_model"]} if {
	not evidence.usable("threat_model")
	msg := concat("", ["The threat model cannot be used: ", evidence.problems("threat_model")])
}

deny contains _gap if classification.at_least_limited

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	classification.generative
	some item in evidence.ok("threat_model")
	not _mentions(item, "prompt injection")
	msg := util.msg([
		"The threat model ", item.path, " does not cover prompt injection (no heading or entry names it):",
		" a generative system's threat model must",
	])
}

warn contains _gap if not classification.at_least_limited

warn contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some item in evidence.ok("threat_model")
	not dates.valid(object.get(item, ["facts", "front_matter", "reviewed_on"], null))
	msg := util.msg([
		"The threat model ", item.path, " has no reviewed_on date (YYYY-MM-DD) in its front matter,",
		" so it cannot be shown to be current",
	])
}

# _mentions(item, words): a heading or the front matter names the words.
_mentions(item, words) if {
	some h in util.list(evidence.fact(item, "headings"))
	contains(util.norm(h), words)
}

_mentions(item, words) if {
	front_matter := object.get(item, ["facts", "front_matter"], {})
	contains(util.norm(concat(" ", util.strings_in(front_matter))), words)
}
