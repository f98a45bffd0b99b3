# METADATA
# title: Every declared evidence file exists and can be read
# description: >-
#   Evidence the manifest points at must be in the repository and parse in a
#   supported format; a broken reference looks like assurance but proves nothing.
# related_resources:
#   - ref: https://www.iso.org/standard/81230.html
#     description: ISO/IEC 42001:2023, Annex A.6.2.7 technical documentation
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, GOVERN 1.4
# custom:
#   id: EVID-001
#   severity: high
#   controls: ["ISO42001:A.6.2.7", "ISO42001:A.6.2.3", "ISO42001:A.2.2", "NIST-AI-RMF:GOVERN-1.4"]
#   remediation: >-
#     Commit the missing file or correct its path in ai-manifest.yaml; fix parse errors so
#     the file is valid YAML, JSON or Markdown front matter in a supported format.
package ai_assure.rules.evidence.usable

import rego.v1

import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

applicable := true

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some kind in evidence.kinds
	some item in evidence.items(kind)
	item.status == "missing"
	msg := util.msg(["The ", kind, " evidence file ", item.path, " does not exist (declared as ", item.declared, ")"])
}

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some kind in evidence.kinds
	some item in evidence.items(kind)
	item.status == "invalid"
	msg := util.msg(["The ", kind, " evidence file ", item.path, " ", evidence.problem(item)])
}
