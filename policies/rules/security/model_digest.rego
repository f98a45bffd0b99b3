# METADATA
# title: In-house models are pinned by an artifact digest that matches the SBOM
# description: >-
#   The model that runs must be the model that was evaluated and approved. Each in-house
#   model records the SHA-256 of its released artifact (models[].artifact.sha256), and
#   where the SBOM lists the model with a SHA-256 hash the two must be equal. A missing
#   digest fails limited-risk and high-risk systems and warns for minimal-risk ones; a
#   malformed or mismatched digest always fails.
# related_resources:
#   - ref: https://www.gov.uk/government/publications/ai-cyber-security-code-of-practice
#     description: Code of Practice for the Cyber Security of AI, principles 5, 6 and 8
#   - ref: https://slsa.dev/spec/v1.0/
#     description: SLSA supply-chain levels, artifact integrity
# custom:
#   id: SEC-003
#   severity: high
#   controls: [
#     "UK-AI-CYBER-COP:P5", "UK-AI-CYBER-COP:P6", "UK-AI-CYBER-COP:P8", "EU-AI-ACT:Art.15",
#     "ISO42001:A.6.2.5", "NIST-AI-RMF:MANAGE-2.4"]
#   remediation: >-
#     Record the SHA-256 of the released model artifact in models[].artifact.sha256 and
#     generate the SBOM from the same artifact.
package ai_assure.rules.security.model_digest

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

_in_house := [m | some m in util.models; m.model.type == "in-house"]

default applicable := false

applicable if count(_in_house) > 0

_digest(model) := object.get(model, ["artifact", "sha256"], null)

_name(m) := object.get(m.model, "name", m.index)

_missing contains {"msg": msg, "path": ["models", m.index, "artifact", "sha256"]} if {
	some m in _in_house
	util.blank(_digest(m.model))
	msg := util.msg([
		"The in-house model ", _name(m), " has no artifact digest: record the SHA-256 of the released",
		" artifact in models[", m.index, "].artifact.sha256",
	])
}

deny contains gap if {
	classification.at_least_limited
	some gap in _missing
}

deny contains {"msg": msg, "path": ["models", m.index, "artifact", "sha256"]} if {
	some m in util.models
	digest := _digest(m.model)
	util.present(digest)
	not _sha256(digest)
	msg := util.msg([
		"The model ", _name(m), " has artifact.sha256 ", digest,
		", which is not a SHA-256 digest (64 lower-case hex digits)",
	])
}

deny contains {"msg": msg, "path": ["models", m.index, "artifact", "sha256"]} if {
	some m in util.models
	digest := _digest(m.model)
	_sha256(digest)
	some item in evidence.ok("sbom")
	some c in util.list(evidence.fact(item, "components"))
	c.type == "machine-learning-model"
	c.name == m.model.name
	some h in util.list(object.get(c, "hashes", []))
	object.get(h, "alg", null) in {"SHA-256", "sha-256", "SHA256", "sha256"}
	value := object.get(h, "value", null)
	is_string(value)
	lower(value) != digest
	msg := util.msg([
		"The model ", _name(m), " has artifact digest ", substring(digest, 0, 12), "... but the SBOM ", item.path,
		" records ", substring(lower(value), 0, 12), "...: the SBOM does not describe the artifact that runs",
	])
}

warn contains gap if {
	not classification.at_least_limited
	some gap in _missing
}

_sha256(x) if {
	is_string(x)
	regex.match(`^[0-9a-f]{64}$`, x)
}
