package ai_assure.lib.evidence_test

import rego.v1

import data.ai_assure.lib.evidence
import data.ai_assure.lib.fixtures_test as fx

test_items_default_to_empty if {
	ev := {}
	evidence.items("sbom") == [] with input.evidence as ev
	not evidence.declared("sbom") with input.evidence as ev
	not evidence.usable("sbom") with input.evidence as ev
}

test_ok_keeps_only_readable_items if {
	ev := fx.put(fx.evidence, ["sbom"], [fx.missing("sbom", "a.json"), fx.item("sbom", "b.json", {})])
	[i.path | some i in evidence.ok("sbom")] == ["b.json"] with input.evidence as ev
	evidence.usable("sbom") with input.evidence as ev
}

test_problems_are_sorted_and_joined if {
	ev := fx.put(fx.evidence, ["sbom"], [fx.missing("sbom", "z.json"), fx.invalid("sbom", "a.json", ["bad"])])
	expected := "a.json could not be read (see EVID-001); z.json does not exist (see EVID-001)"
	evidence.problems("sbom") == expected with input.evidence as ev
}

test_manifest_path_prefers_the_evidence_entry if {
	m := fx.put(fx.manifest, ["evidence", "model_cards"], ["docs/other.md", "docs/model-card.md"])
	item := fx.item("model_cards", "docs/model-card.md", {})
	evidence.manifest_path(item) == ["evidence", "model_cards", 1] with input.manifest as m
}

test_manifest_path_falls_back_to_the_kind if {
	m := fx.manifest
	item := fx.item("atrs_record", "transparency/atrs.md", {})
	evidence.manifest_path(item) == ["evidence", "atrs_record"] with input.manifest as m
}
