# METADATA
# title: The system has an accountable owning team and a contact
# description: >-
#   Every AI system needs a named team that answers for it and a contact that
#   reaches that team, so concerns and incidents can be raised and the ATRS record
#   can name its owner.
# related_resources:
#   - ref: https://www.iso.org/standard/81230.html
#     description: ISO/IEC 42001:2023, Annex A.3 internal organisation
#   - ref: https://www.gov.uk/government/publications/guidance-for-organisations-using-the-algorithmic-transparency-recording-standard
#     description: ATRS guidance, Tier 2 owner and responsibility
# custom:
#   id: ACC-001
#   severity: high
#   controls: ["ISO42001:A.3.2", "ISO42001:A.3.3", "NIST-AI-RMF:GOVERN-2.1", "UK-ATRS:Tier2", "UK-AI-PLAYBOOK:P10"]
#   remediation: Fill in metadata.owner.team and metadata.owner.contact (a monitored team mailbox).
package ai_assure.rules.accountability.owner

import rego.v1

import data.ai_assure.lib.util

applicable := true

_team := util.manifest(["metadata", "owner", "team"])

_contact := util.manifest(["metadata", "owner", "contact"])

deny contains {"msg": msg, "path": ["metadata", "owner", "team"]} if {
	util.blank(_team)
	msg := "metadata.owner.team is empty: name the team accountable for this AI system"
}

deny contains {"msg": msg, "path": ["metadata", "owner", "contact"]} if {
	util.blank(_contact)
	msg := "metadata.owner.contact is empty: give a monitored contact (a team mailbox) for concerns and incidents"
}

warn contains {"msg": msg, "path": ["metadata", "owner", "contact"]} if {
	util.present(_contact)
	not _email(_contact)
	msg := util.msg(["metadata.owner.contact ", _contact, " is not an email address: prefer a monitored team mailbox"])
}

_email(s) if {
	is_string(s)
	regex.match(`^[^@\s]+@[^@\s]+\.[^@\s]+$`, s)
}
