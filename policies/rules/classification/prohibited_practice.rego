# METADATA
# title: No prohibited AI practice is declared
# description: >-
#   EU AI Act Art. 5(1) bans certain practices outright (manipulation, exploiting
#   vulnerabilities, social scoring, predicting offending solely from profiling,
#   untargeted facial scraping, emotion recognition at work or school, sensitive
#   biometric categorisation, real-time remote biometric identification for law
#   enforcement). A system that declares one cannot be made compliant by evidence.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 5
#   - ref: https://www.gov.uk/government/publications/ai-playbook-for-the-uk-government
#     description: AI Playbook for the UK Government, principle 2
# custom:
#   id: CLS-001
#   severity: critical
#   controls: [
#     "EU-AI-ACT:Art.5", "NIST-AI-RMF:GOVERN-1.1", "NIST-AI-RMF:MANAGE-1.1",
#     "UK-AI-PLAYBOOK:P2", "ISO42001:A.9.3"]
#   remediation: >-
#     Stop development or use of the system, or redesign it so that no Art. 5(1) practice
#     applies and remove the entry from classification.eu_ai_act.prohibited_practices.
package ai_assure.rules.classification.prohibited_practice

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.util

applicable := true

deny contains {"msg": msg, "path": ["classification", "eu_ai_act", "prohibited_practices", i]} if {
	some i, practice in classification.prohibited_practices
	msg := util.msg([
		"The system declares the prohibited practice ", practice, " (",
		classification.art_5_title(practice), "): EU AI Act Art. 5 forbids placing it on the market,",
		" putting it into service or using it",
	])
}
