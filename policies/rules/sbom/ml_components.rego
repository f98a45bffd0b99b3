# METADATA
# title: The SBOM lists the machine-learning models
# description: >-
#   An AI system's SBOM should name its models as machine-learning-model components
#   (CycloneDX ML-BOM, SPDX 3 AI profile), so model provenance and hashes are tracked
#   with the software. Required for high-risk systems and for systems using
#   third-party or foundation models; advised for the rest.
# related_resources:
#   - ref: https://cyclonedx.org/capabilities/mlbom/
#     description: CycloneDX machine-learning BOM
#   - ref: https://spdx.github.io/spdx-spec/v3.0.1/model/AI/AI/
#     description: SPDX 3.0 AI profile
# custom:
#   id: SBOM-002
#   severity: high
#   controls: [
#     "ISO42001:A.4.2", "ISO42001:A.7.5", "UK-AI-CYBER-COP:P5", "UK-AI-CYBER-COP:P8",
#     "NIST-AI-RMF:MAP-4.1", "NIST-AI-RMF:MANAGE-3.2"]
#   remediation: >-
#     Add each model to the SBOM as a component of type machine-learning-model with its
#     version and SHA-256 hash.
package ai_assure.rules.sbom.ml_components

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence

applicable := true

# required: a missing model component is a failure, not only advice.
required if classification.high_risk

required if count(classification.third_party_models) > 0

_lists_a_model(item) if count(object.get(item, ["facts", "ml_models"], [])) > 0

_lists_a_model(item) if {
	some c in object.get(item, ["facts", "components"], [])
	c.type == "machine-learning-model"
}

_gap := {"msg": msg, "path": ["evidence", "sbom"]} if {
	evidence.usable("sbom")
	not _any_lists_a_model
	msg := concat("", [
		"No declared SBOM lists a machine-learning-model component (checked: ",
		concat(", ", sort([item.path | some item in evidence.ok("sbom")])),
		"): add the system's models to the SBOM",
	])
}

_any_lists_a_model if {
	some item in evidence.ok("sbom")
	_lists_a_model(item)
}

deny contains _gap if required

warn contains _gap if not required
