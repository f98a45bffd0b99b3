"""One system through every evaluator: the reports that must be byte-identical."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from engine.assessment.run import CheckOptions, run_check
from engine.policy.sources import load_policies

EVALUATORS = ("embedded", "opa", "opa-server")
POLICIES = load_policies()


def options(evaluator: str, as_of: str, opa_binary: str, opa_url: str) -> CheckOptions:
    return CheckOptions(
        as_of=dt.date.fromisoformat(as_of),
        evaluator=evaluator,
        opa_binary=Path(opa_binary),
        opa_url=opa_url,
    )


def reports(path: Path, as_of: str, opa_binary: str, opa_url: str) -> dict[str, str]:
    return {
        evaluator: run_check(path, options(evaluator, as_of, opa_binary, opa_url)).to_json()
        for evaluator in EVALUATORS
    }
