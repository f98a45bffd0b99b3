# The single entry point every evaluator queries: data.ai_assure.main.result.
#
# rules is {domain: {name: {"applicable", "deny", "warn"}}} for every package
# ai_assure.rules.<domain>.<name>; test packages (named *_test) are left out, so the
# result is the same whether or not the tests were loaded. `applicable` is passed on as
# the rule defined it (null when undefined): the engine turns anything but a boolean into
# an error finding, so a rule that silently stops deciding fails the gate, never passes.
# exceptions is the governance decision on each exception the manifest requests
# (package ai_assure.exceptions); the engine waives the rules whose request is approved.
# classification holds both axes (the EU AI Act category and the assurance level), the open
# questions and the points for legal review; obligations says which control of a legal
# framework binds this system, which the engine applies to every finding (docs/classification.md).
# enforcement is the rollout phase of every staged rule on the assessment date (package
# ai_assure.enforcement), which the engine applies to that rule's findings (docs/governance.md).
# common_controls holds the organisation-level controls the governance team attested (attested
# or expired on the assessment date) or decided do not apply; every system inherits them.
package ai_assure.main

import rego.v1

import data.ai_assure.classification
import data.ai_assure.common_controls
import data.ai_assure.enforcement
import data.ai_assure.exceptions
import data.ai_assure.law.obligations

# METADATA
# description: The decision every evaluator queries; see the comment at the top.
# entrypoint: true
result := {
	"tier": classification.tier,
	"reasons": sort([r | some r in classification.reasons]),
	"rules": rules,
	"exceptions": exceptions.decisions,
	"classification": classification.summary,
	"obligations": {"frameworks": obligations.frameworks, "controls": obligations.decisions},
	"enforcement": enforcement.decisions,
	"common_controls": {"attested": common_controls.attested, "not_applicable": common_controls.not_applicable},
}

rules[domain] := packages if {
	some domain, group in data.ai_assure.rules
	packages := {name: _outcome(pkg) |
		some name, pkg in group
		not endswith(name, "_test")
	}
}

_outcome(pkg) := {
	"applicable": object.get(pkg, "applicable", null),
	"deny": object.get(pkg, "deny", set()),
	"warn": object.get(pkg, "warn", set()),
}
