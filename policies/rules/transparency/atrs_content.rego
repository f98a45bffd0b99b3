# METADATA
# title: The ATRS record has every Tier 1 field and Tier 2 section
# description: >-
#   An ATRS v4.0 record gives the public a Tier 1 summary (name, description, website,
#   contact email, phase, region) and specialists the Tier 2 detail: owner and
#   responsibility, description and rationale, deployment context, tool specification,
#   operational data, and risks, mitigations and impact assessments, plus the model and
#   development data specifications when the organisation trained or refined a model itself
#   (off-the-shelf models skip them). The fields and sections come from the template in
#   data.ai_assure.atrs, the list `ai-assure report atrs` writes. Headings (Markdown) or keys
#   (YAML, JSON) are matched to the template's names ignoring case and punctuation. Fails for
#   a public authority (organisation.public_authority) and warns otherwise, and fails closed
#   when the template data is missing.
# related_resources:
#   - ref: https://www.gov.uk/government/publications/guidance-for-organisations-using-the-algorithmic-transparency-recording-standard
#     description: ATRS guidance v4.0, sections 5 to 13
# custom:
#   id: TRN-003
#   severity: low
#   controls: [
#     "UK-ATRS:Tier1", "UK-ATRS:Tier2.1", "UK-ATRS:Tier2.2", "UK-ATRS:Tier2.3",
#     "UK-ATRS:Tier2.4", "UK-ATRS:Tier2.4.2", "UK-ATRS:Tier2.4.3", "UK-ATRS:Tier2.4.4",
#     "UK-ATRS:Tier2.5"]
#   remediation: >-
#     Add the missing fields and sections from the ATRS v4.0 template (write N/A with a
#     reason where a field does not apply).
package ai_assure.rules.transparency.atrs_content

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if classification.atrs_in_scope

# The template's Tier 1 fields and Tier 2 sections, from data.ai_assure.atrs (the same list
# `ai-assure report atrs` writes), normalised as the record's labels are.
default _sections := []

_sections := data.ai_assure.atrs.sections if is_array(data.ai_assure.atrs.sections)

tier_1_fields := [util.norm(f.name) | some s in _sections; s.tier == 1; some f in s.fields]

_tier_2_base := [util.norm(s.title) | some s in _sections; s.tier == 2; not _own_models_only(s)]

# Model and development data specifications apply to models the organisation trained or
# refined (ATRS v4.0 guidance, section 10).
_tier_2_own_models := [util.norm(s.title) | some s in _sections; s.tier == 2; _own_models_only(s)]

_own_models_only(s) if object.get(s, "own_models_only", false) == true

tier_2_sections := array.concat(_tier_2_base, _tier_2_own_models) if {
	some m in util.models
	m.model.type == "in-house"
} else := _tier_2_base

# _labels[path]: each readable record's headings and front-matter (or YAML/JSON) keys,
# normalised and joined between "|" marks, so each field and section is one string search.
_labels[item.path] := concat("", ["|", concat("|", [util.norm(x) | some x in _names(item)]), "|"]) if {
	some item in evidence.ok("atrs_record")
}

_names(item) := array.concat(
	[h | some h in util.list(evidence.fact(item, "headings")); is_string(h)],
	[k | some k in object.keys(_front_matter(item))],
)

_front_matter(item) := fm if {
	fm := evidence.fact(item, "front_matter")
	is_object(fm)
} else := {}

# A Tier 1 field is a heading or key that is the field's name or ends with it ("1.4 Contact email").
_has_field(labels, field) if contains(labels, concat("", ["|", field, "|"]))

_has_field(labels, field) if contains(labels, concat("", [" ", field, "|"]))

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some item in evidence.ok("atrs_record")
	labels := _labels[item.path]
	missing := {f | some f in tier_1_fields; not _has_field(labels, f)}
	count(missing) > 0
	msg := util.msg([
		"The ATRS record ", item.path, " lacks the Tier 1 (summary information) fields: ",
		util.join(missing),
	])
}

_gaps contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	some item in evidence.ok("atrs_record")
	labels := _labels[item.path]
	missing := {s | some s in tier_2_sections; not contains(labels, s)}
	count(missing) > 0
	msg := util.msg(["The ATRS record ", item.path, " lacks the Tier 2 sections: ", util.join(missing)])
}

# Without the template every record would pass: fail closed instead, public body or not.
deny contains {"msg": msg, "path": ["evidence", "atrs_record"]} if {
	applicable
	count(tier_1_fields) == 0
	msg := "The ATRS v4.0 template (data.ai_assure.atrs) is missing from the policy data: records cannot be checked"
}

deny contains gap if {
	applicable
	classification.enforced("UK-ATRS:Tier1")
	some gap in _gaps
}

warn contains gap if {
	applicable
	not classification.enforced("UK-ATRS:Tier1")
	some gap in _gaps
}
