# METADATA
# title: Every manifest value reads the same on every evaluator
# description: >-
#   The engine hands the policies one canonical input document, so that every evaluator
#   sees the same values. A manifest value that cannot be held the same everywhere (an
#   integer beyond 2^53, a number too close to zero, keys that are the same text once
#   Unicode-normalised) is replaced by null there, and the assessment would rest on a value
#   the team never wrote. Each such value is a failure at its line (the engine lists them in
#   input.context.input_problems; the same problems in evidence files fail EVID-001).
# related_resources:
#   - ref: https://www.rfc-editor.org/rfc/rfc8259#section-6
#     description: RFC 8259 (JSON), section 6, numbers beyond the IEEE 754 double range
#   - ref: https://unicode.org/reports/tr15/
#     description: Unicode Standard Annex 15, normalization forms
# custom:
#   id: INPUT-001
#   severity: high
#   controls: ["ISO42001:A.6.2.7", "ISO42001:A.6.2.3", "NIST-AI-RMF:GOVERN-1.4"]
#   remediation: >-
#     Write the value so that every evaluator reads it alike, as text in quotes when it
#     is an identifier or a large number, as 0 instead of a number too close to zero,
#     and with one spelling per key.
package ai_assure.rules.manifest.representable

import rego.v1

import data.ai_assure.lib.util

applicable := true

deny contains {"msg": problem.msg, "path": problem.path} if {
	some problem in util.list(object.get(input, ["context", "input_problems"], []))
	is_string(problem.msg)
	is_array(problem.path)
}
