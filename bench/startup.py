"""Where one `ai-assure check` spends its time, phase by phase, with `CI=true`.

Each round starts a fresh interpreter that imports and runs the phases of a check one after
another, timing each (imports, loading the policies, the manifest, gathering evidence,
building the input, evaluating, findings and report, rendering), and the whole process is
timed from outside, so interpreter start-up and teardown show too. Prints the median of
each phase over the rounds.

    python bench/startup.py [--runs 9] [EXAMPLE]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.check_latency import compile_bytecode  # noqa: E402

PHASES = r"""
import json, sys, time
marks = [("start", time.perf_counter())]
def mark(name): marks.append((name, time.perf_counter()))
import click
mark("import click")
import engine.cli
mark("import engine.cli")
from engine.assessment import run
from engine.manifest import load_manifest, locate_manifest
from engine.evaluators import embedded
mark("import engine (check path)")
import datetime as dt
from pathlib import Path
from engine.policy.sources import load_policies
policies = load_policies()
mark("load policies")
target = Path(sys.argv[1])
loaded, shown, root = run.load_system(target)
mark("load and validate manifest")
evidence = run._gather(loaded, root, run.CheckOptions())
mark("gather evidence")
document = run.build_input(loaded, evidence, dt.date(2026, 11, 26), root)
mark("canonical input")
evaluator = embedded.EmbeddedEvaluator()
result = evaluator.evaluate(policies, document)
mark("evaluate (first: load module)")
options = run.CheckOptions(as_of=dt.date(2026, 11, 26))
report = run._outcome(result, loaded, shown, policies, evidence, options)
mark("findings and report")
from engine.reporters import get_reporter
get_reporter("json").render(report)
mark("render json")
print(json.dumps([(n, t) for n, t in marks]))
"""


def one_round(example: Path) -> dict[str, float]:
    env = {**os.environ, "CI": "true", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PHASES, str(example)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    total = time.perf_counter() - start
    marks = json.loads(done.stdout)
    phases = {name: b - a for (_, a), (name, b) in itertools.pairwise(marks)}
    phases["interpreter start and teardown"] = total - (marks[-1][1] - marks[0][1])
    phases["whole process"] = total
    return phases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = ROOT / "examples" / "probation-risk-assistant"
    parser.add_argument("example", nargs="?", type=Path, default=default)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    compile_bytecode()
    one_round(args.example)  # warm the file cache
    rounds = [one_round(args.example) for _ in range(args.runs)]
    print(f"{args.example.name}, CI=true, median of {args.runs} runs, {os.cpu_count()} cores")
    for name in rounds[0]:
        print(f"  {name:34} {1000 * statistics.median(r[name] for r in rounds):7.1f} ms")


if __name__ == "__main__":
    main()
