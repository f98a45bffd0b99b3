# METADATA
# title: An ATRS record is kept for public-facing and decision-support tools
# description: >-
#   The Algorithmic Transparency Recording Standard is mandatory for government
#   departments and arm's-length bodies delivering public services, for tools that have a
#   significant influence on decisions with public effect or that interact directly with
#   the public. Applies when the system is public-facing or supports or makes decisions;
#   fails when the organisation is a public authority (organisation.public_authority) and
#   warns otherwise.
# related_resources:
#   - ref: https://www.gov.uk/government/publications/guidance-for-organisations-using-the-algorithmic-transparency-recording-standard
#     description: ATRS guidance v4.0, purpose and mandatory scope
#   - ref: https://www.gov.uk/algorithmic-transparency-records
#     description: Published ATRS records on GOV.UK
# custom:
#   id: TRN-002
#   severity: medium
#   controls: ["UK-ATRS:Tier1", "UK-ATRS:Tier2", "UK-AI-PLAYBOOK:P7", "ISO42001:A.8.5", "NIST-AI-RMF:GOVERN-4.2"]
#   remediation: >-
#     Complete the ATRS v4.0 template for the tool, clear it with the SRO and the
#     communications team, publish it, and list it under evidence.atrs_record.
package ai_assure.rules.transparency.atrs_record

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if classification.atrs_in_scope

_why contains "it is public-facing" if classification.public_facing

_why contains util.msg(["its decision role is ", util.manifest(["system", "decision_role"])]) if {
	classification.decision_support
}

_gap := {"msg": msg, "path": ["evidence", "atrs_record"]} if {
	not evidence.declared("atrs_record")
	msg := util.msg([
		"The system is in the ATRS scope (", concat("; ", sort([w | some w in _why])), ") but no ATRS record is declared:",
		" complete the ATRS template and list it under evidence.atrs_record",
	])
} else := {"msg": msg, "path": ["evidence", "atrs_record"]} if {
	not evidence.usable("atrs_record")
	msg := concat("", ["The ATRS record cannot be used: ", evidence.problems("atrs_record")])
}

deny contains _gap if {
	applicable
	classification.enforced("UK-ATRS:Tier1")
}

warn contains _gap if {
	applicable
	not classification.enforced("UK-ATRS:Tier1")
}
