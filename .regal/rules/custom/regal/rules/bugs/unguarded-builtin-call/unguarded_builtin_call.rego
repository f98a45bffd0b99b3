# METADATA
# description: >-
#   A builtin that can fail is called on a value the rule has not guarded. The engine will
#   evaluate the policies compiled to WebAssembly, where a failing builtin is not an error
#   (as under opa eval --strict-builtin-errors) but silently makes the expression undefined:
#   in a gate that can fail open. Checked: to_number(x), time.parse_ns(layout, x),
#   time.parse_rfc3339_ns(x), time.parse_duration_ns(x), units.parse(x), units.parse_bytes(x),
#   json.unmarshal(x), yaml.unmarshal(x) and base64.decode(x) (every argument), and the
#   divisor y of x / y and x % y.
#   An argument is guarded when it is a literal (a divisor: a number other than 0), or when it
#   is a variable or reference that an enclosing body checks before the call: an earlier
#   expression of the body the call is in, of the body of each comprehension or `every`
#   around it, or of the rule's (or else branch's) body; for a call in a rule head or a
#   comprehension's term, the whole body before it. Never a sibling else branch, and never a
#   negated expression. The checks that guard a value x are
#   (1) to_number only: is_number(x);
#   (2) a format check: is_string(x) together with regex.match(pattern, x);
#   (3) the decoder's own validator: json.is_valid(x), yaml.is_valid(x), base64.is_valid(x);
#   (4) a call, with x as an argument, of a function listed in the rule's guard-functions
#   configuration (such as data.ai_assure.lib.dates.valid), named by its full data path;
#   and for a divisor y: is_number(y) together with a comparison with a number literal that
#   rules out 0 (y != 0, y > c with c >= 0, y >= c with c > 0, y < c with c <= 0,
#   y <= c with c < 0, or the same written the other way round).
#   Anything else (a call's result used directly, a check in another rule) is not a guard:
#   bind the value to a variable and check it in the same body.
# related_resources:
#   - ref: https://www.openpolicyagent.org/docs/wasm
#     description: OPA, policies compiled to WebAssembly
# schemas:
#   - input: schema.regal.ast
package custom.regal.rules.bugs["unguarded-builtin-call"]

import rego.v1

import data.regal.config
import data.regal.result

# _checked[name][i]: what argument i of a builtin that can fail is, as the AST names the
# builtin (`/` is div, `%` is rem); null for an argument that is not checked.
_checked := {
	"to_number": ["number_text"],
	"div": [null, "divisor"],
	"rem": [null, "divisor"],
	"time.parse_ns": ["text", "text"],
	"time.parse_rfc3339_ns": ["text"],
	"time.parse_duration_ns": ["text"],
	"units.parse": ["text"],
	"units.parse_bytes": ["text"],
	"json.unmarshal": ["json.is_valid"],
	"yaml.unmarshal": ["yaml.is_valid"],
	"base64.decode": ["base64.is_valid"],
}

_shown := {"div": "/", "rem": "%"}

_settings := object.get(config.rules, ["bugs", "unguarded-builtin-call"], {})

_guard_functions := {name | some name in object.get(_settings, "guard-functions", [])}

report contains violation if {
	some rule in input.rules
	walk(rule, [path, node])
	is_array(node)
	node[0].type == "ref"
	name := _name(node[0].value)
	some i, kind in _checked[name]
	kind != null
	arg := node[i + 1]
	not _guarded(kind, arg, _before(rule, path))
	violation := result.fail(rego.metadata.chain(), object.union(result.location(arg), {"description": concat("", [
		"Unguarded ", object.get(_shown, name, name), " argument ", _text(arg),
		": check it in the same body first (see the rule's METADATA for what guards a value)",
	])}))
}

# _name(ref): a ref of static parts as written, "time.parse_ns", "dates.valid".
_name(ref) := concat(".", parts) if {
	parts := [_part(i, p) | some i, p in ref]
	count(parts) == count(ref)
}

_part(0, p) := p.value if p.type == "var"

_part(i, p) := p.value if {
	i > 0
	p.type == "string"
}

_text(arg) := arg.value if arg.type == "var"

_text(arg) := _name(arg.value) if arg.type == "ref"

_text(arg) := "(a reference)" if {
	arg.type == "ref"
	not _name(arg.value)
}

_text(arg) := json.marshal(arg.value) if arg.type in {"string", "number", "boolean", "null"}

_text(arg) := "(an expression)" if not arg.type in {"var", "ref", "string", "number", "boolean", "null"}

# _key(term): what identifies a variable or a reference, without its location.
_key(term) := ["var", term.value] if term.type == "var"

_key(term) := ["ref", [[p.type, p.value] | some p in term.value]] if term.type == "ref"

# _before(rule, path): the expressions evaluated before the node at `path` in `rule`.
_before(rule, path) := {expr |
	some k, step in path
	step == "body"
	body := object.get(rule, array.slice(path, 0, k + 1), [])
	some j, expr in body
	j < path[k + 1]
} | {expr |
	# a rule's (or else branch's) head, or a comprehension's term (key and value for an
	# object): evaluated after the whole body. (An `every` domain is none of these.)
	some k, step in path
	step in {"head", "term", "key", "value"}
	owner := object.get(rule, array.slice(path, 0, k), null)
	is_array(owner.body)
	some expr in owner.body
}

# _call(expr): [name, args] of a plain (not negated) call expression.
_call(expr) := [_name(expr.terms[0].value), array.slice(expr.terms, 1, count(expr.terms))] if {
	not expr.negated
	is_array(expr.terms)
	expr.terms[0].type == "ref"
}

# A literal: the result is fixed, and the unit tests see it.
_guarded(kind, arg, _) if {
	kind != "divisor"
	arg.type in {"string", "number", "boolean", "null"}
}

_guarded("divisor", arg, _) if {
	arg.type == "number"
	arg.value != 0
}

_guarded("number_text", arg, before) if _checked_by(before, "is_number", 0, _key(arg))

_guarded(kind, arg, before) if {
	kind != "divisor"
	k := _key(arg)
	_checked_by(before, "is_string", 0, k)
	_checked_by(before, "regex.match", 1, k)
}

_guarded(kind, arg, before) if {
	endswith(kind, ".is_valid")
	_checked_by(before, kind, 0, _key(arg))
}

_guarded(kind, arg, before) if {
	kind != "divisor"
	k := _key(arg)
	some expr in before
	[name, args] := _call(expr)
	_resolve(name) in _guard_functions
	some a in args
	_key(a) == k
}

_guarded("divisor", arg, before) if {
	k := _key(arg)
	_checked_by(before, "is_number", 0, k)
	some expr in before
	[op, [left, right]] := _call(expr)
	_rules_out_zero(op, left, right, k)
}

_checked_by(before, name, i, k) if {
	some expr in before
	[called, args] := _call(expr)
	called == name
	_key(args[i]) == k
}

_rules_out_zero(op, left, right, k) if {
	_key(left) == k
	right.type == "number"
	_excludes_zero(op, right.value)
}

_rules_out_zero(op, left, right, k) if {
	_key(right) == k
	left.type == "number"
	_excludes_zero(_mirrored[op], left.value)
}

_mirrored := {"neq": "neq", "gt": "lt", "gte": "lte", "lt": "gt", "lte": "gte"}

_excludes_zero("neq", 0)

_excludes_zero("gt", c) if c >= 0

_excludes_zero("gte", c) if c > 0

_excludes_zero("lt", c) if c <= 0

_excludes_zero("lte", c) if c < 0

# _resolve(name): a function name as written, as its full data path: through the imports
# (`dates.valid` with `import data.ai_assure.lib.dates`), or in this package (`valid`).
_resolve(name) := name if startswith(name, "data.")

_resolve(name) := concat(".", array.concat([_import_path(imp)], array.slice(parts, 1, count(parts)))) if {
	parts := split(name, ".")
	some imp in input.imports
	_alias(imp) == parts[0]
}

_resolve(name) := concat(".", [_package_path, name]) if {
	not contains(name, ".")
	not _imported(name)
}

_imported(name) if {
	some imp in input.imports
	_alias(imp) == name
}

_alias(imp) := imp.alias

_alias(imp) := regal.last(imp.path.value).value if not imp.alias

_import_path(imp) := _name(imp.path.value)

_package_path := _name(input.package.path)
