"""`ai-assure policy list` and `ai-assure controls` for tools: text, JSON and CSV with every
field, case-insensitive frameworks, ids in natural order."""

from __future__ import annotations

import csv
import io
import json

from engine.core.text import natural_key
from engine.records.listing import CONTROL_COLUMNS, RULE_COLUMNS
from tests.cli import ROOT, ai_assure


def test_the_rule_listing_in_json_carries_every_field():
    result = ai_assure("policy", "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == "ai-assure/rules/v1"
    rules = {rule["id"]: rule for rule in document["rules"]}
    assert all(set(rule) == set(RULE_COLUMNS) for rule in rules.values())
    dpia = rules["DPIA-001"]
    assert dpia["applicability"] == ["classification.dpia_required"]
    assert dpia["package"] == "ai_assure.rules.dpia.approved"
    assert dpia["source"] == "rules/dpia/approved.rego"
    assert (ROOT / "policies" / dpia["source"]).is_file()
    assert dpia["severity"] == "high" and dpia["remediation"] and dpia["controls"]
    assert rules["EVID-001"]["applicability"] == ["always"]
    assert list(rules) == sorted(rules, key=natural_key)


def test_the_rule_listing_in_text_and_csv_lists_the_same_rules():
    text = ai_assure("policy", "list").stdout.splitlines()
    assert all(len(line.split("\t")) == 4 for line in text)  # id, severity, title, controls
    rows = list(csv.reader(io.StringIO(ai_assure("policy", "list", "--format", "csv").stdout)))
    assert tuple(rows[0]) == RULE_COLUMNS
    assert [row[0] for row in rows[1:]] == [line.split("\t")[0] for line in text]


def test_controls_take_the_framework_in_any_case_and_sort_ids_naturally():
    upper = ai_assure("controls", "--framework", "ISO42001", "--format", "json")
    lower = ai_assure("controls", "--framework", "iso42001", "--format", "json")
    assert upper.stdout == lower.stdout
    ids = [control["id"] for control in json.loads(lower.stdout)["controls"]]
    assert ids.index("ISO42001:A.2.2") < ids.index("ISO42001:A.10.2")
    assert all(control_id.startswith("ISO42001:") for control_id in ids)
    dpia = next(c for c in json.loads(lower.stdout)["controls"] if c["id"] == "ISO42001:A.5.2")
    assert set(dpia) == set(CONTROL_COLUMNS) and "DPIA-001" in dpia["rules"]


def test_an_unknown_framework_is_an_error_naming_the_known_ones():
    result = ai_assure("controls", "--framework", "iso27001")
    assert result.returncode == 2
    assert "no framework 'iso27001' in the catalogue; known: EU-AI-ACT, ISO42001" in result.stderr


def test_controls_as_csv_have_a_header_and_one_row_per_control():
    rows = list(csv.reader(io.StringIO(ai_assure("controls", "--format", "csv").stdout)))
    assert tuple(rows[0]) == CONTROL_COLUMNS
    text = ai_assure("controls").stdout.splitlines()
    assert len(rows) - 1 == len(text)
