"""The JSON report (`schema: ai-assure/report/v1`): its committed JSON Schema is the model's,
every report the engine writes for the examples validates against it, reports read from
outside are validated strictly, and building one never imports pydantic."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from engine.assessment.model import (
    REPORT_SCHEMA,
    REPORT_SCHEMA_FILE,
    EvidenceRecord,
    parse_report,
    parse_report_json,
    report_schema_json,
)
from engine.assessment.run import CheckOptions, run_check
from tests.engine.reporters.conftest import finding, make_report

ROOT = Path(__file__).resolve().parents[3]
COMMITTED = ROOT / "schemas" / REPORT_SCHEMA_FILE
AS_OF = dt.date(2026, 11, 26)


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


def test_an_example_report_parses_back_to_the_same_model_and_bytes():
    report = run_check(ROOT / "examples" / "probation-risk-assistant", CheckOptions(as_of=AS_OF))
    parsed = parse_report_json(report.to_json())
    assert parsed == report and parsed.to_json() == report.to_json()
    assert json.loads(report.to_json())["schema"] == REPORT_SCHEMA  # the field schema_


def test_a_report_from_outside_is_validated_strictly():
    document = json.loads(make_report([finding("MC-001", "fail")]).to_json())
    for change, where in [
        ({"verdict": "maybe"}, ("verdict",)),
        ({"colour": "red"}, ("colour",)),
        ({"risks": [{**RISK, "impact": 6}]}, ("risks", 0, "impact")),
    ]:
        with pytest.raises(ValidationError) as raised:
            parse_report({**document, **change})
        assert raised.value.errors()[0]["loc"] == where


RISK = {"id": "R-1", "title": "t", "category": "c", "likelihood": 1, "impact": 1}


def test_lone_surrogates_are_kept_as_escapes_wherever_a_report_is_built():
    hostile = "name-\udcff.json"
    record = EvidenceRecord(
        kind="eval", path=hostile, status="ok", errors=[hostile], facts={hostile: [hostile]}
    )
    escaped = "name-\\udcff.json"
    assert (record.path, record.errors, record.facts) == (escaped, [escaped], {escaped: [escaped]})
    assert replace(record, path=hostile).path == escaped
    assert parse_report({**json.loads(make_report([]).to_json()), "errors": [hostile]}).errors == [
        escaped
    ]


def test_building_and_rendering_a_report_imports_no_pydantic():
    """Issue 16: pydantic is the schema and the validation of reports read from outside, never
    `check`'s path (the report models, the policies' classification, control coverage and
    the catalogue, every output format)."""
    script = (
        "import sys\n"
        "import engine.assessment.classification, engine.assessment.coverage\n"
        "from engine.policy.catalogue import load_catalogue\n"
        "from engine.reporters import FORMATS, get_reporter\n"
        "from tests.engine.reporters.conftest import make_report, FINDINGS\n"
        "load_catalogue()\n"
        "report = make_report(FINDINGS)\n"
        "for name in FORMATS:\n"
        "    get_reporter(name).render(report)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.stdout.strip() == "[]"
