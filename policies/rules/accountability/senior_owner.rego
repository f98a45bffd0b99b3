# METADATA
# title: A senior responsible owner is named and the lifecycle stage is set
# description: >-
#   Executive accountability for AI risk sits with a named senior responsible owner
#   (SRO), and the lifecycle stage tells reviewers which obligations are due now.
# related_resources:
#   - ref: https://www.gov.uk/government/publications/guidance-for-organisations-using-the-algorithmic-transparency-recording-standard
#     description: ATRS guidance, Tier 2 field 2.1.3 senior responsible owner
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
#     description: NIST AI RMF 1.0, GOVERN 2.3
# custom:
#   id: ACC-002
#   severity: high
#   controls: [
#     "ISO42001:A.3.2", "NIST-AI-RMF:GOVERN-2.3", "NIST-AI-RMF:GOVERN-1.6", "UK-ATRS:Tier2",
#     "UK-AI-PLAYBOOK:P5"]
#   remediation: >-
#     Name the senior responsible owner in metadata.owner.senior_responsible_owner and set
#     metadata.lifecycle_stage.
package ai_assure.rules.accountability.senior_owner

import rego.v1

import data.ai_assure.lib.util

applicable := true

stages := {"discovery", "alpha", "private-beta", "public-beta", "live", "retired"}

_stage := util.manifest(["metadata", "lifecycle_stage"])

deny contains {"msg": msg, "path": ["metadata", "owner", "senior_responsible_owner"]} if {
	util.blank(util.manifest(["metadata", "owner", "senior_responsible_owner"]))
	msg := concat("", [
		"metadata.owner.senior_responsible_owner is empty: name the senior responsible owner who is",
		" accountable for this system's risks",
	])
}

deny contains {"msg": msg, "path": ["metadata", "lifecycle_stage"]} if {
	util.blank(_stage)
	msg := util.msg(["metadata.lifecycle_stage is empty: set it to one of ", util.join(stages)])
}

deny contains {"msg": msg, "path": ["metadata", "lifecycle_stage"]} if {
	util.present(_stage)
	not _stage in stages
	msg := util.msg(["metadata.lifecycle_stage ", _stage, " is not a lifecycle stage: use one of ", util.join(stages)])
}
