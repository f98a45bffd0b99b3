# METADATA
# title: Models and datasets in the SBOM carry strong hashes
# description: >-
#   An SBOM pins what was built only if its AI components can be verified: each
#   machine-learning-model and data component needs a hash with an accepted algorithm
#   (policy configuration hash_algorithms, e.g. SHA-256). Models used through a supplier's
#   API (third-party or foundation models without an artifact) cannot be hashed and are
#   exempt. Fails limited-risk and high-risk systems, warns for minimal-risk ones.
# related_resources:
#   - ref: https://cyclonedx.org/capabilities/mlbom/
#     description: CycloneDX machine-learning BOM, component hashes
#   - ref: https://www.gov.uk/government/publications/ai-cyber-security-code-of-practice
#     description: Code of Practice for the Cyber Security of AI, principles 5 and 7
# custom:
#   id: SEC-002
#   severity: medium
#   controls: [
#     "UK-AI-CYBER-COP:P5", "UK-AI-CYBER-COP:P7", "ISO42001:A.4.2", "ISO42001:A.7.5",
#     "NIST-AI-RMF:MANAGE-3.2", "EU-AI-ACT:Art.15"]
#   remediation: >-
#     Record a SHA-256 (or stronger) hash for every model and dataset component when the
#     SBOM is generated (e.g. hash the released artifact and dataset snapshot).
package ai_assure.rules.security.sbom_hashes

import rego.v1

import data.ai_assure.classification
import data.ai_assure.config
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if evidence.usable("sbom")

ai_types := {"machine-learning-model", "data"}

_strong contains upper(a) if {
	some a in config.hash_algorithms
	is_string(a)
}

_hashed(component) if {
	some h in util.list(object.get(component, "hashes", []))
	alg := object.get(h, "alg", null)
	is_string(alg)
	upper(alg) in _strong
	util.present(object.get(h, "value", null))
}

# _hosted(name): a supplier's model used through its API (no artifact of ours to hash).
_hosted(name) if {
	some m in classification.third_party_models
	m.model.name == name
	util.blank(object.get(m.model, ["artifact", "sha256"], null))
}

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some item in evidence.ok("sbom")
	some c in util.list(evidence.fact(item, "components"))
	c.type in ai_types
	not _hosted(c.name)
	not _hashed(c)
	msg := util.msg([
		"The SBOM ", item.path, " lists the ", c.type, " component ", c.name, _version(c),
		" without a SHA-256 or stronger hash (hash_algorithms): record the hash of the released artifact",
	])
}

_version(c) := util.msg([" ", c.version]) if {
	util.present(object.get(c, "version", null))
} else := ""

deny contains gap if {
	applicable
	classification.at_least_limited
	some gap in _gaps
}

warn contains gap if {
	applicable
	not classification.at_least_limited
	some gap in _gaps
}
