# Evidence items (see docs/input-document.md): lookups, usability and where in the
# manifest an item was declared.
package ai_assure.lib.evidence

import rego.v1

import data.ai_assure.lib.util

# kinds: every evidence kind the engine passes in input.evidence.
kinds := [
	"atrs_record", "datasheets", "dpia", "evaluations", "fria", "incident_response",
	"model_cards", "monitoring_plan", "red_team", "sbom", "supplier_assessments", "threat_model",
]

# items(kind): every item of that kind (an empty list when none was declared).
items(kind) := util.list(object.get(input, ["evidence", kind], []))

# ok(kind): the items of that kind that exist and parsed.
ok(kind) := [item | some item in items(kind); item.status == "ok"]

declared(kind) if count(items(kind)) > 0

usable(kind) if count(ok(kind)) > 0

# declared_as(kind, ref): the items that came from the manifest string `ref`.
declared_as(kind, ref) := [item | some item in items(kind); item.declared == ref]

# fact(item, key): a fact the adapter extracted, or null.
fact(item, key) := object.get(item, ["facts", key], null)

# problem(item): why an item cannot be used, in words; undefined when it is ok.
problem(item) := "does not exist" if {
	item.status == "missing"
} else := util.msg(["could not be read: ", item.errors[0]]) if {
	item.status == "invalid"
} else := "could not be read" if {
	item.status == "invalid"
} else := util.msg(["has unknown status ", item.status]) if {
	item.status != "ok"
}

# brief(item): `problem` without its detail, which EVID-001 reports once; undefined when ok.
brief(item) := "does not exist (see EVID-001)" if {
	item.status == "missing"
} else := "could not be read (see EVID-001)" if {
	item.status == "invalid"
} else := util.msg(["has unknown status ", item.status]) if {
	item.status != "ok"
}

# problems(kind): "path problem" for every unusable item of that kind, sorted and joined;
# the detail of each is EVID-001's, so one bad date is reported once.
problems(kind) := concat("; ", sort([util.msg([item.path, " ", brief(item)]) |
	some item in items(kind)
	brief(item)
]))

# manifest_path(item): where the item was declared in ai-manifest.yaml, for file and line.
manifest_path(item) := ["evidence", item.kind, min(idx)] if {
	refs := util.list(util.manifest(["evidence", item.kind]))
	idx := {i |
		some i
		refs[i] == item.declared # regopy: no `some i, x in` in a comprehension. regal ignore:prefer-some-in-iteration
	}
	is_array(util.manifest(["evidence", item.kind]))
	count(idx) > 0
} else := ["evidence", item.kind] if {
	util.manifest(["evidence", item.kind]) == item.declared
} else := ["models", min(idx), "model_card"] if {
	item.kind == "model_cards"
	idx := {m.index | some m in util.models; object.get(m.model, "model_card", null) == item.declared}
	count(idx) > 0
} else := ["data", "datasets", min(idx), "datasheet"] if {
	item.kind == "datasheets"
	idx := {d.index | some d in util.datasets; object.get(d.dataset, "datasheet", null) == item.declared}
	count(idx) > 0
} else := ["evidence", item.kind]
