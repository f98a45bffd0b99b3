"""policies/lib/dates.rego counts days with integer arithmetic: every evaluator must agree
with Python's calendar on every valid date, from 1000-01-01 to 9999-12-31."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

from engine.policy.rego_cpp import interpreter
from engine.policy.sources import bundled_policy_dir

DATES = bundled_policy_dir() / "lib" / "dates.rego"
AS_OF = dt.date(2026, 11, 26)
EPOCH = dt.date(1970, 1, 1)

# Every day from 2023 to 2029, and around the year's ends and the leap day in a spread of
# years across the whole range (centuries and 400-year eras included).
SAMPLE = sorted(
    {AS_OF + dt.timedelta(days=n) for n in range(-1426, 1131)}
    | {
        day
        for year in [*range(1000, 10000, 37), 1600, 1700, 1900, 2000, 2100, 2262, 2400, 9999]
        for day in (
            dt.date(year, 1, 1),
            dt.date(year, 2, 28),
            dt.date(year, 3, 1) - dt.timedelta(days=1),
            dt.date(year, 3, 1),
            dt.date(year, 12, 31),
        )
    }
)
# regopy cannot parse `some x in xs` in an array or set comprehension: an object one is fine.
CHECK = """package check

import rego.v1

import data.ai_assure.lib.dates

days := {s: [dates.day(s), dates.days_until(s)] | some s in input.dates}
"""


def expected() -> dict[str, list[int]]:
    return {d.isoformat(): [(d - EPOCH).days, (d - AS_OF).days] for d in SAMPLE}


def input_document(dates: list[dt.date] = SAMPLE) -> dict[str, object]:
    return {"dates": [d.isoformat() for d in dates], "context": {"as_of": AS_OF.isoformat()}}


def test_the_sample_spans_every_year_and_the_leap_days():
    assert len(SAMPLE) > 3000
    assert SAMPLE[0] == dt.date(1000, 1, 1) and SAMPLE[-1] == dt.date(9999, 12, 31)
    assert dt.date(2400, 2, 29) in SAMPLE and dt.date(2100, 2, 28) in SAMPLE


def test_day_numbers_match_the_calendar_on_the_embedded_evaluator():
    rego = interpreter()
    rego.add_module("dates.rego", DATES.read_text(encoding="utf-8"))
    rego.add_module("check.rego", CHECK)
    found = {}
    # rego-cpp builds a large object in quadratic time: a few hundred dates per query
    for start in range(0, len(SAMPLE), 250):
        rego.set_input_term(json.dumps(input_document(SAMPLE[start : start + 250])))
        output = rego.query("days := data.check.days")
        assert output.ok(), str(output)
        found.update(json.loads(str(output))["bindings"]["days"])
    assert found == expected()


def test_day_numbers_match_the_calendar_on_opa(opa_binary, tmp_path):
    check = tmp_path / "check.rego"
    check.write_text(CHECK, encoding="utf-8")
    result = subprocess.run(
        [
            opa_binary, "eval", "--format", "json", "--strict-builtin-errors", "--stdin-input",
            "--data", str(DATES), "--data", str(check), "data.check.days",
        ],
        input=json.dumps(input_document()),
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    [found] = json.loads(result.stdout)["result"]
    assert found["expressions"][0]["value"] == expected()
