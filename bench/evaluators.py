"""Throughput and per-check latency of the three evaluators on the examples and a generated
portfolio: embedded (regopy, in process), `opa eval` (a process per check) and a real OPA
server (`opa run --server` on 127.0.0.1, queried through opa-python-client).

Each check is the whole assessment (manifest, evidence adapters, evaluation, findings,
report) run in worker processes; `--workers` defaults to the machine's cores.

    python bench/evaluators.py [--count 1000] [--workers 2] [--opa PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import generate
from engine.assessment.run import CheckOptions, run_check
from engine.policy.sources import bundled_policy_dir, data_files_in, load_policies, rego_files

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def timed_check(job: tuple[str, str, dict[str, str | None]]) -> tuple[float, str]:
    path, as_of, settings = job
    options = CheckOptions(
        as_of=dt.date.fromisoformat(as_of),
        evaluator=settings["evaluator"] or "embedded",
        opa_binary=Path(settings["opa"]) if settings["opa"] else None,
        opa_url=settings["url"],
    )
    start = time.perf_counter()
    report = run_check(Path(path), options)
    return time.perf_counter() - start, report.verdict


def run(jobs: list[tuple[str, str]], settings: dict[str, str | None], workers: int) -> dict:
    start = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        results = list(pool.map(timed_check, [(p, a, settings) for p, a in jobs], chunksize=8))
    wall = time.perf_counter() - start
    latencies = sorted(seconds for seconds, _ in results)
    errors = sum(verdict == "error" for _, verdict in results)
    return {
        "checks": len(results),
        "wall_s": wall,
        "per_s": len(results) / wall,
        "median_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "errors": errors,
    }


def served_bundle(folder: Path) -> Path:
    source = bundled_policy_dir()
    for path in [*rego_files(source), *data_files_in(source)]:
        target = folder / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    manifest = {"revision": load_policies().revision, "roots": ["ai_assure"]}
    (folder / ".manifest").write_text(json.dumps(manifest))
    return folder


def start_server(opa: str, bundle: Path, port: int = 18281) -> subprocess.Popen:
    import requests

    log = open(bundle.parent / "opa.log", "wb")  # noqa: SIM115 - lives as long as the server
    process = subprocess.Popen(
        [
            opa,
            "run",
            "--server",
            "--addr",
            f"127.0.0.1:{port}",
            "--log-level",
            "error",
            "--bundle",
            str(bundle),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(300):
        try:
            if requests.get(f"http://127.0.0.1:{port}/health?bundles", timeout=1).ok:
                return process
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    sys.exit("OPA server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--opa", default=os.environ.get("AI_ASSURE_OPA") or shutil.which("opa"))
    args = parser.parse_args()
    if not args.opa:
        sys.exit("needs OPA: scripts/install-opa, then --opa PATH or AI_ASSURE_OPA")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        examples = [
            (str(p.parent), "2026-11-26") for p in sorted(EXAMPLES.glob("*/ai-manifest.yaml"))
        ]
        portfolio = [(str(s.path), s.as_of) for s in generate(root / "portfolio", args.count)]
        server = start_server(args.opa, served_bundle(root / "bundle"))
        try:
            print(
                f"{'evaluator':11} {'corpus':10} {'checks':>6} {'wall s':>7} {'checks/s':>9} "
                f"{'median ms':>10} {'p95 ms':>8} {'errors':>6}   workers={args.workers}"
            )
            for evaluator in ("embedded", "opa", "opa-server"):
                settings = {
                    "evaluator": evaluator,
                    "opa": args.opa,
                    "url": "http://127.0.0.1:18281",
                }
                for label, jobs in (("examples", examples * 10), ("portfolio", portfolio)):
                    r = run(jobs, settings, args.workers)
                    print(
                        f"{evaluator:11} {label:10} {r['checks']:6d} {r['wall_s']:7.2f} "
                        f"{r['per_s']:9.1f} {r['median_ms']:10.1f} {r['p95_ms']:8.1f} "
                        f"{r['errors']:6d}"
                    )
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
