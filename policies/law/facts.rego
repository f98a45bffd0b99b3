# Reading the facts of an ai-assure/v2 manifest (docs/classification.md).
#
# A fact is named by its manifest path, dotted ("eu_ai_act.art_5.social_scoring"); the list of
# facts, each with its question and citation, is data.ai_assure.legal.facts. A fact is
# answered when it has a value: null or a missing key is unanswered. A list answers "none of
# these" with []. Rules of thumb the classification follows everywhere: a trigger holds only
# when it is answered yes, and an exception applies only when it is answered yes, so leaving a
# question out never lowers a system's classification.
package ai_assure.law.facts

import rego.v1

import data.ai_assure.lib.util

# value(id): the manifest value of fact id, or null.
value(id) := util.manifest(split(id, "."))

answered(id) if value(id) != null

unanswered(id) if value(id) == null

yes(id) if value(id) == true

no(id) if value(id) == false

# items(id): the members of a list fact ([] when unanswered or not a list).
items(id) := value(id) if {
	is_array(value(id))
} else := []

# any_listed(id): the list fact names at least one item.
any_listed(id) if count(items(id)) > 0

# listed(id, x): the list fact names x.
listed(id, x) if x in items(id)

# is(id, x): the fact's value is x.
is(id, x) if value(id) == x

# table: every fact the law turns on, by id: {id, question, cite, status, order}.
table[f.id] := object.union(f, {"order": i}) if {
	some i, f in data.ai_assure.legal.facts
}

# ground(citation, kind, text, ids): one conclusion of the classification, with its citation
# and the facts that decided it (classify prints them as the decision path).
ground(citation, kind, text, ids) := {"citation": citation, "kind": kind, "text": text, "facts": sort(ids)}
