"""The JSON report (`schema: ai-assure/report/v1`): its committed JSON Schema is the model's,
and every report the engine writes for the examples validates against it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from engine.assessment.model import REPORT_SCHEMA_FILE, report_schema_json
from engine.assessment.run import CheckOptions, run_check

ROOT = Path(__file__).resolve().parents[3]
COMMITTED = ROOT / "schemas" / REPORT_SCHEMA_FILE


def test_the_committed_report_schema_matches_the_model():
    assert COMMITTED.read_text() == report_schema_json(), (
        "schemas/report.schema.json is stale: run `ai-assure schema --report > "
        "schemas/report.schema.json`"
    )


EXAMPLES = sorted(p.parent.name for p in (ROOT / "examples").glob("*/ai-manifest.yaml"))


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_examples_reports_validate_against_the_schema(example):
    report = run_check(ROOT / "examples" / example, CheckOptions(as_of=dt.date(2026, 11, 26)))
    validator = jsonschema.Draft202012Validator(json.loads(COMMITTED.read_text()))
    assert not list(validator.iter_errors(json.loads(report.to_json())))


def test_an_error_report_validates_too(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "ai-manifest.yaml").write_text("apiVersion: ai-assure/v1\nkind: AISystem\n")
    report = run_check(tmp_path, CheckOptions(as_of=dt.date(2026, 11, 26)))
    assert report.verdict == "error"
    validator = jsonschema.Draft202012Validator(json.loads(COMMITTED.read_text()))
    assert not list(validator.iter_errors(json.loads(report.to_json())))
