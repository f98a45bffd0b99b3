# METADATA
# title: The DPIA is within its review date
# description: >-
#   A DPIA must be kept under review (UK GDPR Art. 35(11)); an assessment past its
#   review date no longer shows that the current processing was assessed. Fails once
#   review_by has passed, and warns within review_warning_days of it (policy configuration,
#   policies/data.yaml).
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/35
#     description: UK GDPR Article 35(11)
#   - ref: https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/
#     description: ICO guidance on DPIAs, keeping a DPIA under review
# custom:
#   id: DPIA-002
#   severity: high
#   controls: ["UK-GDPR:Art.35", "UK-DPA-2018:s.64", "ISO42001:A.5.3", "NIST-AI-RMF:GOVERN-1.5"]
#   remediation: Review the DPIA against the current processing, record the new approval and set a new review_by date.
package ai_assure.rules.dpia.in_date

import rego.v1

import data.ai_assure.classification
import data.ai_assure.config
import data.ai_assure.lib.dates
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if classification.dpia_required

# A DPIA the team keeps is kept in date, required or not.
applicable if evidence.declared("dpia")

warn_days := config.review_warning_days

deny contains {"msg": msg, "path": ["evidence", "dpia"]} if {
	applicable
	not dates.as_of
	msg := "The assessment date (context.as_of) is not a valid YYYY-MM-DD date, so the DPIA review date cannot be checked"
}

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("dpia")
	not dates.valid(evidence.fact(item, "review_by"))
	msg := util.msg([
		"The DPIA ", item.path, " has no valid review_by date (YYYY-MM-DD):",
		" set when it will next be reviewed",
	])
}

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("dpia")
	review_by := evidence.fact(item, "review_by")
	days := dates.days_until(review_by)
	days < 0
	msg := util.msg([
		"The DPIA ", item.path, " was due for review on ", review_by, ", ", 0 - days,
		" days before the assessment date ", dates.as_of,
	])
}

warn contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("dpia")
	review_by := evidence.fact(item, "review_by")
	days := dates.days_until(review_by)
	days >= 0
	days <= warn_days
	msg := util.msg(["The DPIA ", item.path, " is due for review on ", review_by, ", in ", days, " days"])
}
