"""`ai-assure policy impact` on a generated portfolio: N systems x 2 policy revisions.

The baseline is the bundled library; the candidate is a copy with one rule staged (MC-002
warns now and fails from 2027-01-01) and one rule's severity lowered, compiled once by OPA
before the clock starts (as a bundle from `policy build` ships compiled). The whole command
runs in a subprocess, as a governance author runs it; the figures are its wall time and the
CPU time of every process it ran (which other work on a shared machine does not inflate),
printed with the summary it gave. Target: 1,000 systems x 2 revisions in under 60 s.

    python bench/policy_impact.py [--count 1000] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import generate
from engine.evaluators.opa_eval import find_opa
from engine.evaluators.wasm_build import build_folder
from engine.policy.sources import bundled_policy_dir

ROOT = Path(__file__).resolve().parents[1]


def candidate(folder: Path) -> Path:
    """The bundled library with MC-002 staged and DPIA-002 lowered to medium, compiled."""
    shutil.copytree(bundled_policy_dir(), folder, ignore=shutil.ignore_patterns("compiled"))
    (folder / "ai_assure" / "rollout" / "data.yaml").write_text(
        "rules:\n  MC-002: {enforcement: {warn_from: 2026-11-01, fail_from: 2027-01-01}}\n"
    )
    rule = folder / "rules" / "dpia" / "in_date.rego"
    rule.write_text(rule.read_text().replace("#   severity: high", "#   severity: medium", 1))
    build_folder(folder, find_opa(None))
    return folder


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        start = time.perf_counter()
        generate(work / "portfolio", args.count, seed=19)
        made = time.perf_counter() - start
        revised = candidate(work / "candidate")
        command = [
            sys.executable, "-c", "from engine.cli import run; run()", "policy", "impact",
            "--baseline", str(bundled_policy_dir()), "--candidate", str(revised),
            "--discover", str(work / "portfolio"), "--as-of", "2026-11-26",
            "--workers", str(args.workers), "--accept-breaking",
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        before = _children_cpu()
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        wall = time.perf_counter() - start
        cpu = _children_cpu() - before  # the command and every worker it ran
    summary = result.stdout.splitlines()[1] if result.stdout.count("\n") > 1 else result.stderr
    print(f"portfolio generated: {args.count} systems in {made:.1f} s")
    print(f"policy impact: {args.count} systems x 2 revisions, {args.workers} workers")
    per_system = wall / args.count * 1000
    print(f"  wall time {wall:.1f} s ({per_system:.1f} ms per system), exit {result.returncode}")
    print(
        f"  CPU time {cpu:.1f} s (the command and its workers); load "
        f"average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(f"  {summary}")
    print(f"  target < 60 s: {'met' if wall < 60 else 'MISSED'}")


if __name__ == "__main__":
    main()
