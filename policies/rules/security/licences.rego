# METADATA
# title: Models and SBOM components are under allowed licences
# description: >-
#   Every model and software component must be used under a licence the organisation has
#   approved (policy configuration licence_allowlist, SPDX ids compared without case; an
#   expression passes when one OR-alternative has all its AND-parts allowed). A supplier's
#   commercial licence is accepted only for a third-party or foundation model covered by a
#   readable supplier assessment, where the contract was reviewed. A model with no licence
#   fails; a library component with none warns.
# related_resources:
#   - ref: https://spdx.org/licenses/
#     description: SPDX licence list
#   - ref: https://www.gov.uk/government/publications/ai-playbook-for-the-uk-government
#     description: AI Playbook for the UK Government, principles 2 and 8
# custom:
#   id: SEC-004
#   severity: medium
#   controls: [
#     "NIST-AI-RMF:GOVERN-6.1", "NIST-AI-RMF:MAP-4.1", "ISO42001:A.10.3", "ISO42001:A.7.3",
#     "UK-AI-CYBER-COP:P7", "UK-AI-PLAYBOOK:P8"]
#   remediation: >-
#     Replace the component or model with one under an allowed licence, or ask the
#     governance team to review the licence and add it to licence_allowlist.
package ai_assure.rules.security.licences

import rego.v1

import data.ai_assure.classification
import data.ai_assure.config
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

applicable := true

_allowed_ids contains lower(trim_space(l)) if {
	some l in config.licence_allowlist
	is_string(l)
}

# allowed(expression): an SPDX-style expression the allowlist permits.
allowed(expression) if {
	plain := lower(replace(replace(expression, "(", " "), ")", " "))
	some alternative in split(plain, " or ")
	every part in split(alternative, " and ") {
		_allowed_id(part)
	}
}

# "gpl-2.0-only with classpath-exception-2.0" is judged on the licence before "with".
_allowed_id(part) if trim_space(split(part, " with ")[0]) in _allowed_ids

# _supplied(name): a supplier's model covered by a readable supplier assessment.
_supplied(name) if {
	some m in classification.third_party_models
	m.model.name == name
	some item in evidence.ok("supplier_assessments")
	name in util.list(evidence.fact(item, "models"))
}

_name(m) := object.get(m.model, "name", m.index)

deny contains {"msg": msg, "path": ["models", m.index, "licence"]} if {
	some m in util.models
	util.blank(object.get(m.model, "licence", null))
	msg := util.msg([
		"Model ", _name(m), " has no licence recorded: set models[", m.index,
		"].licence (proprietary for the department's own work)",
	])
}

deny contains {"msg": msg, "path": ["models", m.index, "licence"]} if {
	some m in util.models
	licence := object.get(m.model, "licence", null)
	is_string(licence)
	util.present(licence)
	not allowed(licence)
	not _supplied(object.get(m.model, "name", null))
	msg := util.msg([
		"Model ", _name(m), " is licensed ", licence, ", which is not on the licence allowlist",
		_supplier_hint(m.model),
	])
}

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some item in evidence.ok("sbom")
	some c in util.list(evidence.fact(item, "components"))
	some licence in util.list(object.get(c, "licenses", []))
	is_string(licence)
	not allowed(licence)
	not _supplied(c.name)
	msg := util.msg([
		"The SBOM ", item.path, " lists ", object.get(c, "type", "a component"), " ", c.name, _version(c),
		" under the licence ", licence, ", which is not on the licence allowlist",
	])
}

_supplier_hint(model) := concat("", [
	"; a commercial licence is accepted only for a supplied model covered by a supplier",
	" assessment",
]) if {
	model.type in {"third-party", "foundation-model"}
} else := ""

_version(c) := util.msg([" ", c.version]) if {
	util.present(object.get(c, "version", null))
} else := ""

warn contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some item in evidence.ok("sbom")
	unlicensed := {util.msg([c.name, _version(c)]) |
		some c in util.list(evidence.fact(item, "components"))
		c.type == "library"
		count(util.list(object.get(c, "licenses", []))) == 0
	}
	count(unlicensed) > 0
	msg := util.msg(["The SBOM ", item.path, " records no licence for the libraries: ", util.join(unlicensed)])
}
