# Small helpers shared by the classification and the rules.
#
# Portability note: every builtin used here is implemented by both OPA and regopy
# (rego-cpp); see policies/README.md for the list and the differences we avoid.
package ai_assure.lib.util

import rego.v1

# manifest(path) is the value at `path` in the manifest, or null when any step is absent.
manifest(path) := object.get(input, array.concat(["manifest"], path), null)

# blank(x): null, a string of only whitespace, or an empty collection.
blank(x) if x == null

blank(x) if {
	is_string(x)
	trim_space(x) == ""
}

blank(x) if {
	not is_string(x)
	not is_number(x)
	not is_boolean(x)
	x != null
	count(x) == 0
}

present(x) if not blank(x)

# list(x): x when it is an array, [x] for any other non-blank value, else [].
# A scalar written where a list belongs still counts (fail closed).
list(x) := x if {
	is_array(x)
} else := [] if {
	blank(x)
} else := [x]

# models: the manifest's models, each with its index (for paths such as ["models", 0]).
# (regopy cannot parse `some i, x in xs` inside a set or array comprehension: index instead.)
models := [{"index": i, "model": m} |
	ms := list(manifest(["models"]))
	some i
	m := ms[i]
	is_object(m)
]

# datasets: the manifest's datasets, each with its index.
datasets := [{"index": i, "dataset": d} |
	ds := list(manifest(["data", "datasets"]))
	some i
	d := ds[i]
	is_object(d)
]

# msg(parts): the parts joined into one message; non-strings are written as JSON.
# Messages are built with concat, never sprintf: regopy's sprintf wraps a string in
# quotes when it reached sprintf through a function argument, so OPA and regopy would
# word the same finding differently.
msg(parts) := concat("", [text(p) | some p in parts])

# text(x): x as text for a message: strings as written, numbers by number(x), other
# values as JSON.
text(x) := x if {
	is_string(x)
} else := number(x) if {
	is_number(x)
} else := json.marshal(x)

# number(x): x in decimal with at most three decimals ("30", "0.61", "-0.063"), worded
# the same by every evaluator (sprintf and json.marshal format floats differently).
number(x) := format_int(x, 10) if {
	x == floor(x)
} else := concat("", [_sign(x, milli), format_int(whole, 10), _fraction(milli - (whole * 1000))]) if {
	milli := round(abs(x) * 1000)
	whole := floor(milli / 1000)
}

_sign(x, milli) := "-" if {
	x < 0
	milli > 0
} else := ""

_fraction(thousandths) := "" if {
	thousandths == 0
} else := concat("", [".", trim_right(substring(format_int(thousandths + 1000, 10), 1, 3), "0")])

# join(xs): the members of an array or set, sorted, separated by ", ".
# Always sort before joining: set iteration order differs between evaluators.
join(xs) := concat(", ", sort([text(x) | some x in xs]))
