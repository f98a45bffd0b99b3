# Small helpers shared by the classification and the rules.
#
# Portability note: every builtin used here is implemented by both OPA and regopy
# (rego-cpp); see policies/README.md for the list and the differences we avoid.
package ai_assure.lib.util

import rego.v1

# manifest(path) is the value at `path` in the manifest, or null when any step is absent.
manifest(path) := object.get(input, array.concat(["manifest"], path), null)

# blank(x): null, a string of only whitespace, or an empty collection.
blank(null)

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
	m := ms[i] # regopy: no `some i, x in` in a comprehension. regal ignore:prefer-some-in-iteration
	is_object(m)
]

# datasets: the manifest's datasets, each with its index.
datasets := [{"index": i, "dataset": d} |
	ds := list(manifest(["data", "datasets"]))
	some i
	d := ds[i] # regopy: no `some i, x in` in a comprehension. regal ignore:prefer-some-in-iteration
	is_object(d)
]

# risks: the manifest's risk register entries, each with its index.
risks := [{"index": i, "risk": r} |
	rs := list(manifest(["risks"]))
	some i
	r := rs[i]
	is_object(r)
]

# norm(s): s in lower case with every run of other characters than a-z and 0-9 made one
# space, for matching headings and names ("Tier 2 - Risks, mitigations" -> "tier 2 risks
# mitigations"). regopy does not support the (?i) regex flag: lower the text instead.
# The runs are found, not replaced: regex.find_all_string_submatch_n is native to OPA's
# WebAssembly target, where regex.replace would call out to the host on every name.
norm(s) := concat(" ", runs) if {
	is_string(s)
	runs := [run[0] | some run in regex.find_all_string_submatch_n(`[a-z0-9]+`, lower(s), -1)]
}

# msg(parts): the parts joined into one message; non-strings are written as JSON.
# Messages are built with concat, never sprintf: regopy's sprintf wraps a string in
# quotes when it reached sprintf through a function argument, so OPA and regopy would
# word the same finding differently.
msg(parts) := concat("", [text(p) | some p in parts])

# text(x): x as text for a message: strings as written, numbers by number(x), lists and
# objects one level deep ("[a, b]", "{k: v}", nested values as [...] and {...}), true,
# false and null as JSON. json.marshal is not used on collections: regopy fails to marshal
# any non-empty array that came from the input, which would abort the evaluation.
text(x) := x if {
	is_string(x)
} else := number(x) if {
	is_number(x)
} else := concat("", ["[", concat(", ", [_scalar(e) | some e in x]), "]"]) if {
	is_array(x)
} else := concat("", ["[", concat(", ", sort([_scalar(e) | some e in x])), "]"]) if {
	is_set(x)
} else := concat("", ["{", concat(", ", sort([concat(": ", [k, _scalar(x[k])]) | some k in object.keys(x)])), "}"]) if {
	is_object(x)
} else := json.marshal(x)

_scalar(x) := x if {
	is_string(x)
} else := number(x) if {
	is_number(x)
} else := "[...]" if {
	is_array(x)
} else := "[...]" if {
	is_set(x)
} else := "{...}" if {
	is_object(x)
} else := json.marshal(x)

# strings_in(x): the distinct strings in x, nested anywhere, values and object keys, sorted.
# Use it to search free text in evidence: json.marshal fails in regopy on input arrays.
strings_in(x) := sort([s | some s in _strings(x)])

_strings(x) := {s |
	walk(x, [path, value])
	some s in array.concat([value], path)
	is_string(s)
}

# number(x): x in decimal with at most three decimals ("30", "0.61", "-0.063"), worded
# the same by every evaluator (sprintf and json.marshal format floats differently).
number(x) := "more than 10^21" if {
	x >= _huge
} else := "less than -10^21" if {
	x <= 0 - _huge
} else := whole(x) if {
	x == floor(x)
} else := concat("", [_sign(x, milli), whole(ones), _fraction(milli - (ones * 1000))]) if {
	milli := round(abs(x) * 1000)
	ones := floor(milli / 1000)
}

# whole(n): the whole number n (below 10^21) in decimal. OPA's WebAssembly format_int aborts
# the whole evaluation beyond 32 bits, so larger numbers are written by json.marshal, which
# writes a floored whole number the same on every evaluator below 10^21.
whole(n) := format_int(n, 10) if {
	abs(n) < 2147483648
} else := json.marshal(floor(n))

_huge := 1000000000000000000000

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
