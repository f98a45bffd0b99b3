package custom.regal.rules.bugs["unguarded-builtin-call_test"]

import rego.v1

import data.regal.config

import data.custom.regal.rules.bugs["unguarded-builtin-call"] as rule

_rules := {"bugs": {"unguarded-builtin-call": {
	"level": "error",
	"guard-functions": ["data.lib.dates.valid", "data.p.ok"],
}}}

# _module(lines): a policy in package p, importing data.lib.dates, with these lines.
_module(lines) := regal.parse_module("p.rego", concat("\n", array.concat(
	["package p", "", "import data.lib.dates", ""],
	lines,
)))

# --- what is reported ---------------------------------------------------------------------

test_an_unguarded_to_number_is_reported_at_its_argument if {
	m := _module(["f(s) := to_number(s)"])
	r := rule.report with input as m with config.rules as _rules
	r == {{
		"category": "bugs",
		"description": concat("", [
			"Unguarded to_number argument s: check it in the same body first",
			" (see the rule's METADATA for what guards a value)",
		]),
		"level": "error",
		"location": {
			"file": "p.rego",
			"row": 5,
			"col": 19,
			"end": {"row": 5, "col": 20},
			"text": "f(s) := to_number(s)",
		},
		"related_resources": [{
			"description": "OPA, policies compiled to WebAssembly",
			"ref": "https://www.openpolicyagent.org/docs/wasm",
		}],
		"title": "unguarded-builtin-call",
	}}
}

test_every_checked_builtin_is_reported_when_unguarded if {
	calls := [
		"to_number(s)", "time.parse_ns(layout, s)", "time.parse_rfc3339_ns(s)",
		"time.parse_duration_ns(s)", "units.parse(s)", "units.parse_bytes(s)",
		"json.unmarshal(s)", "yaml.unmarshal(s)", "base64.decode(s)", "n / s", "n % s",
	]
	every call in calls {
		m := _module([concat("", ["f(n, s, layout) := ", call])])
		count(rule.report) > 0 with input as m with config.rules as _rules
	}
}

test_time_parse_ns_checks_its_layout_too if {
	m := _module([`f(layout) := time.parse_ns(layout, "2026-01-01")`])
	r := rule.report with input as m with config.rules as _rules
	count(r) == 1
	some v in r
	contains(v.description, "time.parse_ns argument layout")
}

test_an_expression_as_argument_is_reported if {
	m := _module(["f(s) := to_number(substring(s, 0, 4)) if is_number(s)"])
	r := rule.report with input as m with config.rules as _rules
	some v in r
	contains(v.description, "argument (an expression)")
}

test_other_calls_are_ignored if {
	m := _module([`f(s) := concat("", [s, "x"])`, "g(x) := x * 2"])
	count(rule.report) == 0 with input as m with config.rules as _rules
}

# --- literals ----------------------------------------------------------------------------

test_literals_are_guarded if {
	m := _module([
		`a := to_number("12")`,
		`b := time.parse_ns("2006-01-02", "2026-01-01")`,
		"c(x) := x / 2",
		"d(x) := x % 400",
	])
	count(rule.report) == 0 with input as m with config.rules as _rules
}

test_a_zero_divisor_literal_is_reported if {
	m := _module(["c(x) := x / 0"])
	r := rule.report with input as m with config.rules as _rules
	count(r) == 1
	some v in r
	startswith(v.description, "Unguarded / argument 0:")
}

test_a_reference_is_named_in_the_report if {
	m := _module(["c(x) := x % input.n[x]"])
	r := rule.report with input as m with config.rules as _rules
	some v in r
	startswith(v.description, "Unguarded % argument (a reference):")
}

# --- type and format checks --------------------------------------------------------------

test_is_number_guards_to_number if {
	m := _module(["f(s) := n if {", "\tis_number(s)", "\tn := to_number(s)", "}"])
	count(rule.report) == 0 with input as m with config.rules as _rules
}

test_is_number_does_not_guard_a_parser_of_text if {
	m := _module(["f(s) := n if {", "\tis_number(s)", "\tn := units.parse(s)", "}"])
	count(rule.report) == 1 with input as m with config.rules as _rules
}

test_is_string_and_regex_match_together_guard if {
	m := _module([
		"f(s) := n if {",
		"\tis_string(s)",
		"\tregex.match(`^[0-9]+$`, s)",
		"\tn := to_number(s)",
		"}",
	])
	count(rule.report) == 0 with input as m with config.rules as _rules
}

test_is_string_alone_does_not_guard if {
	m := _module(["f(s) := n if {", "\tis_string(s)", "\tn := to_number(s)", "}"])
	count(rule.report) == 1 with input as m with config.rules as _rules
}

test_a_decoder_is_guarded_by_its_own_validator_only if {
	ok := _module(["f(s) := v if {", "\tjson.is_valid(s)", "\tv := json.unmarshal(s)", "}"])
	count(rule.report) == 0 with input as ok with config.rules as _rules
	wrong := _module(["f(s) := v if {", "\tjson.is_valid(s)", "\tv := base64.decode(s)", "}"])
	count(rule.report) == 1 with input as wrong with config.rules as _rules
}

test_a_reference_is_guarded_by_a_check_of_the_same_reference if {
	ok := _module(["n := to_number(input.x) if is_number(input.x)"])
	count(rule.report) == 0 with input as ok with config.rules as _rules
	other := _module(["n := to_number(input.x) if is_number(input.y)"])
	count(rule.report) == 1 with input as other with config.rules as _rules
}

# --- where the check is ------------------------------------------------------------------

test_a_check_after_the_call_does_not_guard if {
	m := _module(["f(s) := n if {", "\tn := to_number(s)", "\tis_number(s)", "}"])
	count(rule.report) == 1 with input as m with config.rules as _rules
}

test_a_negated_check_does_not_guard if {
	m := _module(["f(s) := n if {", "\tnot is_number(s)", "\tn := to_number(s)", "}"])
	count(rule.report) == 1 with input as m with config.rules as _rules
}

test_a_check_in_the_body_guards_the_head if {
	m := _module(["f(s) := to_number(s) if is_number(s)"])
	count(rule.report) == 0 with input as m with config.rules as _rules
}

test_a_check_in_another_else_branch_does_not_guard if {
	m := _module([
		"f(s) := to_number(s) if {",
		"\tis_number(s)",
		"} else := to_number(s)",
	])
	r := rule.report with input as m with config.rules as _rules
	count(r) == 1
	some v in r
	v.location.row == 7
}

test_a_check_in_another_rule_does_not_guard if {
	m := _module(["ok_number(s) if is_number(s)", "", "f(s) := to_number(s) if ok_number(s)"])
	count(rule.report) == 1 with input as m with config.rules as _rules
}

test_a_check_in_an_enclosing_body_guards_a_comprehension if {
	m := _module([
		"f(xs) := ns if {",
		"\tis_number(xs.n)",
		"\tns := [to_number(xs.n) | some _ in xs.items]",
		"}",
	])
	count(rule.report) == 0 with input as m with config.rules as _rules
}

test_a_check_in_the_comprehension_body_guards_its_term if {
	m := _module(["ns := [to_number(x) | some x in input.xs; is_number(x)]"])
	count(rule.report) == 0 with input as m with config.rules as _rules
	unguarded := _module(["ns := [to_number(x) | some x in input.xs]"])
	count(rule.report) == 1 with input as unguarded with config.rules as _rules
}

test_every_body_checks_do_not_guard_its_domain if {
	m := _module([
		"f(s) if {",
		"\tevery x in [to_number(s)] {",
		"\t\tis_number(s)",
		"\t\tx > 0",
		"\t}",
		"}",
	])
	count(rule.report) == 1 with input as m with config.rules as _rules
}

# --- guard functions ---------------------------------------------------------------------

test_a_configured_guard_function_guards_through_its_import if {
	m := _module([
		"f(s) := n if {",
		"\tdates.valid(s)",
		`	n := time.parse_ns("2006-01-02", s)`,
		"}",
	])
	count(rule.report) == 0 with input as m with config.rules as _rules
	count(rule.report) == 1 with input as m with config.rules as {}
}

test_a_configured_guard_function_guards_in_its_own_package if {
	m := _module(["ok(s) if is_string(s)", "", "f(s) := units.parse(s) if ok(s)"])
	count(rule.report) == 0 with input as m with config.rules as _rules
}

test_an_unlisted_function_does_not_guard if {
	m := _module(["f(s) := units.parse(s) if dates.other(s)"])
	count(rule.report) == 1 with input as m with config.rules as _rules
}

# --- divisors ----------------------------------------------------------------------------

test_a_number_checked_not_to_be_zero_guards_a_divisor if {
	every check in ["d > 0", "d != 0", "0 < d", "d >= 1", "d < 0", "0 > d"] {
		m := _module(["f(n, d) := q if {", "\tis_number(d)", concat("", ["\t", check]), "\tq := n / d", "}"])
		count(rule.report) == 0 with input as m with config.rules as _rules
	}
}

test_a_divisor_needs_both_checks if {
	cases := [
		["d > 0"], ["is_number(d)"], ["is_number(d)", "d >= 0"],
		["is_number(d)", "d > -1"], ["is_number(x)", "x > 0"],
	]
	every checks in cases {
		body := [concat("", ["\t", check]) | some check in checks]
		m := _module(array.concat(array.concat(["f(n, d, x) := q if {"], body), ["\tq := n % d", "}"]))
		count(rule.report) == 1 with input as m with config.rules as _rules
	}
}
