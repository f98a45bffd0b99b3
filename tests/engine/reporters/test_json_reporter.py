"""The json format is the report model's own canonical serialisation."""

from __future__ import annotations

import json

from engine.reporters.json import JsonReporter


def test_json_is_the_canonical_report(report):
    assert JsonReporter().render(report) == report.to_json()


def test_json_round_trips_the_contract_fields(report):
    data = json.loads(JsonReporter().render(report))
    assert data["schema"] == "ai-assure/report/v1"
    assert data["verdict"] == "fail"
    assert len(data["findings"]) == len(report.findings)


def test_json_is_byte_identical_across_renders(report):
    assert JsonReporter().render(report) == JsonReporter().render(report)
