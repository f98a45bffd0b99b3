"""Differential fuzzing: generated systems (tests/conformance/systems.py) give byte-identical
reports from the embedded evaluator (OPA's policy compiled to WebAssembly), `opa eval
--strict-builtin-errors` (the oracle) and a real OPA server: the same verdict, findings and
error texts, and no temporary path in any of them.

Each run of the suite checks `AI_ASSURE_FUZZ_EXAMPLES` systems (300 by default, the same
ones every time); `scripts/fuzz-conformance --n 5000` runs the long, randomised mode and
keeps the shrunk system of a failure under tests/conformance/regressions/, where
test_regressions.py runs it from then on.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings

from tests.conformance.harness import reports
from tests.conformance.systems import System, systems

EXAMPLES = int(os.environ.get("AI_ASSURE_FUZZ_EXAMPLES", "300"))
LONG = os.environ.get("AI_ASSURE_FUZZ_LONG") == "1"
LAST_FAILURE = Path(__file__).parent / "regressions" / "_last-failure"
TEMPORARY_MARKERS = ("ai-assure-policies-", "ai-assure-build-", tempfile.gettempdir() + "/tmp")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not LONG,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(system=systems())
def test_every_evaluator_gives_the_same_report(system, opa_binary, opa_url):
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        path = system.write(Path(folder) / "system")
        outputs = reports(path, system.as_of.isoformat(), opa_binary, opa_url)
        event(f"verdict {json.loads(outputs['embedded'])['verdict']}")
        problems = _problems(outputs, folder)
        if problems and LONG:
            _keep(system)
        assert not problems, problems


def _problems(outputs: dict[str, str], folder: str) -> list[str]:
    problems = []
    embedded = outputs["embedded"]
    for name, output in outputs.items():
        if output != embedded:
            problems.append(f"{name} differs from embedded: {_difference(embedded, output)}")
        leaked = [m for m in TEMPORARY_MARKERS if m in output.replace(folder, "<system>")]
        if leaked:
            problems.append(f"{name}'s report names a temporary path ({leaked[0]})")
    return problems


def _difference(first: str, second: str) -> str:
    a, b = json.loads(first), json.loads(second)
    keys = sorted(key for key in a.keys() | b.keys() if a.get(key) != b.get(key))
    return "; ".join(f"{key}: {a.get(key)!r:.300} != {b.get(key)!r:.300}" for key in keys)


def _keep(system: System) -> None:
    """The (shrunk) failing system, for scripts/fuzz-conformance to name and keep."""
    shutil.rmtree(LAST_FAILURE, ignore_errors=True)
    system.write(LAST_FAILURE)
    shutil.rmtree(LAST_FAILURE / ".git")
    (LAST_FAILURE / "as_of").write_text(system.as_of.isoformat() + "\n")
