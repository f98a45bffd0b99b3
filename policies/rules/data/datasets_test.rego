package ai_assure.rules.data.datasets_test

import rego.v1

import data.ai_assure.lib.fixtures_test as fx
import data.ai_assure.rules.data.datasets

test_documented_datasets_pass if {
	m := fx.manifest
	datasets.applicable
	count(datasets.deny) == 0 with input.manifest as m
	count(datasets.warn) == 0 with input.manifest as m
}

test_missing_datasheet_is_denied_for_high_risk if {
	m := fx.remove(fx.manifest, ["data", "datasets", 0, "datasheet"])
	findings := datasets.deny with input.manifest as m
	count(findings) == 1
	some f in findings
	f.path == ["data", "datasets", 0, "datasheet"]
	startswith(f.msg, "Dataset case-extract has no datasheet")
}

test_missing_datasheet_is_quiet_below_high_risk if {
	m := fx.remove(fx.minimal_manifest, ["data", "datasets", 0, "datasheet"])
	count(datasets.deny) == 0 with input.manifest as m
	count(datasets.warn) == 0 with input.manifest as m
}

test_missing_source_warns_below_high_risk if {
	m := fx.remove(fx.minimal_manifest, ["data", "datasets", 0, "source"])
	findings := datasets.warn with input.manifest as m
	some f in findings
	f.msg == "Dataset case-extract has no source: say where the data comes from (system, supplier or publication)"
}

test_high_risk_in_house_model_without_datasets_is_denied if {
	m := fx.put(fx.manifest, ["data", "datasets"], [])
	findings := datasets.deny with input.manifest as m
	some f in findings
	f.msg == concat("", [
		"No dataset is listed under data.datasets, but the in-house model risk-scorer was built from ",
		"data: list the training, validation and test data",
	])
}
