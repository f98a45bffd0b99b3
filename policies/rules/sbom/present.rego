# METADATA
# title: A software bill of materials is declared and readable
# description: >-
#   An SBOM (CycloneDX or SPDX) records the libraries, models and datasets the system
#   is built from, so vulnerabilities, licences and provenance can be tracked.
# related_resources:
#   - ref: https://cyclonedx.org/capabilities/mlbom/
#     description: CycloneDX machine-learning BOM
#   - ref: https://www.gov.uk/government/publications/ai-cyber-security-code-of-practice
#     description: Code of Practice for the Cyber Security of AI, principles 5 and 7
# custom:
#   id: SBOM-001
#   severity: high
#   controls: [
#     "ISO42001:A.4.2", "ISO42001:A.4.4", "UK-AI-CYBER-COP:P5", "UK-AI-CYBER-COP:P7",
#     "NIST-AI-RMF:MAP-4.1", "NIST-AI-RMF:GOVERN-6.1"]
#   remediation: >-
#     Generate a CycloneDX (1.4 or later) or SPDX SBOM in the build (e.g. with cyclonedx-py
#     or syft) and list it under evidence.sbom.
package ai_assure.rules.sbom.present

import rego.v1

import data.ai_assure.lib.evidence

applicable := true

deny contains {"msg": msg, "path": ["evidence", "sbom"]} if {
	not evidence.declared("sbom")
	msg := "No SBOM is declared: generate a CycloneDX or SPDX SBOM and list it under evidence.sbom"
}

deny contains {"msg": msg, "path": ["evidence", "sbom"]} if {
	evidence.declared("sbom")
	not evidence.usable("sbom")
	msg := concat("", ["No declared SBOM can be used: ", evidence.problems("sbom")])
}
