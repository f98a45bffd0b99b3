# METADATA
# title: An approved DPIA exists when one is required
# description: >-
#   UK GDPR Art. 35(1) requires a data protection impact assessment before processing that is
#   likely to result in a high risk to individuals (DPA 2018 s. 64 for law enforcement), signed
#   off with the data protection officer's advice sought (Art. 35(2)). Personal data alone does
#   not require one: the screening answers (uk_data_protection.dpia_screen) decide: an Art.
#   35(3) case, an item on the ICO's list (some with one more WP248 criterion), or two or more
#   WP248 criteria (likely high risk). Until the screening is answered the check applies.
# related_resources:
#   - ref: https://www.legislation.gov.uk/eur/2016/679/article/35
#     description: UK GDPR Article 35
#   - ref: https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/
#     description: ICO guidance on DPIAs
# custom:
#   id: DPIA-001
#   severity: high
#   controls: [
#     "UK-GDPR:Art.35", "UK-DPA-2018:s.64", "ISO42001:A.5.2", "ISO42001:A.5.3", "EU-AI-ACT:Art.26",
#     "NIST-AI-RMF:MEASURE-2.10"]
#   remediation: >-
#     Complete the DPIA (ICO template steps 1-7), record the DPO's advice and the approver,
#     and list it under evidence.dpia.
package ai_assure.rules.dpia.approved

import rego.v1

import data.ai_assure.classification
import data.ai_assure.law.uk
import data.ai_assure.lib.evidence
import data.ai_assure.lib.util

default applicable := false

applicable if classification.dpia_required

deny contains {"msg": msg, "path": ["evidence", "dpia"]} if {
	applicable
	not evidence.declared("dpia")
	msg := util.msg(["A DPIA is ", uk.dpia_reason, ", but none is declared: complete one and set evidence.dpia"])
}

deny contains {"msg": msg, "path": ["evidence", "dpia"]} if {
	applicable
	evidence.declared("dpia")
	not evidence.usable("dpia")
	msg := concat("", ["The DPIA cannot be used: ", evidence.problems("dpia")])
}

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("dpia")
	status := evidence.fact(item, "status")
	status != "approved"
	msg := util.msg([
		"The DPIA ", item.path, " has status ", status,
		": it must be approved before personal data is processed",
	])
}

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("dpia")
	util.blank(evidence.fact(item, "approved_by"))
	msg := util.msg(["The DPIA ", item.path, " does not record who approved it (approved_by)"])
}

deny contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("dpia")
	evidence.fact(item, "dpo_consulted") != true
	msg := util.msg([
		"The DPIA ", item.path, " does not record that the data protection officer was consulted",
		" (dpo_consulted: true)",
	])
}

warn contains {"msg": msg, "path": evidence.manifest_path(item)} if {
	applicable
	some item in evidence.ok("dpia")
	missing := util.list(evidence.fact(item, "missing_fields"))
	count(missing) > 0
	msg := util.msg(["The DPIA ", item.path, " leaves these fields empty: ", util.join(missing)])
}
