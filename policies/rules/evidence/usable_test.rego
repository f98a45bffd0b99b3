package ai_assure.rules.evidence.usable_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.evidence.usable

test_readable_evidence_passes if {
	m := fx.manifest
	ev := fx.evidence
	usable.applicable with input.manifest as m
	count(usable.deny) == 0 with input.manifest as m with input.evidence as ev
}

test_missing_file_is_denied_at_its_declaration if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["evaluations"], [fx.missing("evaluations", "reports/eval.json")])
	findings := usable.deny with input.manifest as m with input.evidence as ev
	count(findings) == 1
	some f in findings
	f.path == ["evidence", "evaluations", 0]
	f.msg == "The evaluations evidence file reports/eval.json does not exist (declared as reports/eval.json)"
}

test_invalid_file_is_denied_with_its_first_error if {
	m := fx.manifest
	ev := fx.put(
		fx.evidence, ["dpia"],
		[fx.invalid("dpia", "docs/dpia.yaml", ["line 4: mapping values are not allowed here", "second error"])],
	)
	findings := usable.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.path == ["evidence", "dpia"]
	f.msg == "The dpia evidence file docs/dpia.yaml could not be read: line 4: mapping values are not allowed here"
}

test_model_card_declared_on_a_model_points_at_the_model if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["model_cards"], [fx.missing("model_cards", "docs/model-card.md")])
	findings := usable.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.path == ["models", 0, "model_card"]
}

test_datasheet_points_at_the_dataset if {
	m := fx.manifest
	ev := fx.put(fx.evidence, ["datasheets"], [fx.invalid("datasheets", "docs/datasheet.md", [])])
	findings := usable.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.path == ["data", "datasets", 0, "datasheet"]
	f.msg == "The datasheets evidence file docs/datasheet.md could not be read"
}

test_glob_match_points_at_the_glob if {
	m := fx.put(fx.manifest, ["evidence", "evaluations"], ["reports/old.json", "reports/*.json"])
	item := json.patch(
		fx.missing("evaluations", "reports/*.json"),
		[{"op": "replace", "path": ["path"], "value": "reports/*.json"}],
	)
	ev := fx.put(fx.evidence, ["evaluations"], [item])
	findings := usable.deny with input.manifest as m with input.evidence as ev
	some f in findings
	f.path == ["evidence", "evaluations", 1]
}
