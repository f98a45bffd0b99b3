# Which legal controls bind this system (docs/classification.md, "A finding names a control only
# where it binds"). The one place that says it: the engine lists a control of a legal framework
# (frameworks, below) in a finding only when decisions[control].status is "binds"; any other
# status moves it to the finding's controls_not_binding with its reason, and a failed finding's
# severity is raised to the control's floor (a binding obligation of a high-risk system is at
# least high, Art. 5 is critical).
#
# status:
#   binds           it applies to this system, its role and category, on the assessment date
#   upcoming        it will apply from applies_from
#   not_applicable  it does not apply (reason says why)
#   advisory        the EU AI Act does not reach the system, but the organisation uses it as a
#                   reference framework (configuration eu_ai_act_reference): what would bind
#   undetermined    facts it turns on are unanswered (their questions are CLS-005 findings)
package ai_assure.law.obligations

import rego.v1

import data.ai_assure.law.eu_obligations
import data.ai_assure.law.uk_obligations

# frameworks: the control-id prefixes whose controls are law (or, for the ATRS, a mandate)
# and are named in a finding only where they bind. ISO/IEC 42001, the NIST AI RMF, the AI
# Playbook and the AI Cyber Security Code of Practice are voluntary frameworks the
# organisation adopts: always listed.
frameworks := ["EU-AI-ACT", "UK-ATRS", "UK-DPA-2018", "UK-GDPR"]

decisions := object.union(
	object.union(eu_obligations.decisions, uk_obligations.gdpr_decisions),
	uk_obligations.atrs_decisions,
)

# status(id): the decision's status, "undetermined" for a control nothing above decides.
status(id) := object.get(decisions, [id, "status"], "undetermined")

binds(id) if status(id) == "binds"

# advises(id): it would bind (advisory) or will (upcoming): a rule advises.
advises(id) if status(id) in {"advisory", "upcoming"}

atrs_scope if uk_obligations.atrs_scope

atrs_mandatory if uk_obligations.atrs_mandatory
