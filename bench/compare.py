"""ai-assure against OPA and conftest on the same decision, interleaved in one run.

For one example system it runs, round after round, each of:

- `ai-assure check` with the compiled-policy cache allowed and the result cache off (a
  developer's first check after a change);
- `ai-assure check` with `CI=true` (no cache; CI runners);
- `ai-assure check` with both caches on, run again on unchanged inputs (a warm pre-commit
  hook: the answer is replayed, docs/ci.md "The result cache");
- `opa eval` of the same entry point on the same input document, with the same policies;
- `conftest test --all-namespaces` on that input and policies, when conftest is there
  (scripts/install-conftest builds it);

and prints each one's median wall time, worst peak RSS and its ratio to `opa eval`.
Interleaving keeps a busy machine from favouring one of them.

    python bench/compare.py [--runs 15] [--opa .tools/bin/opa] [--conftest PATH] [EXAMPLE]

Targets (2-core machine): `check` median under 0.25 s cached and with CI=true, within 1.5x of
`opa eval`, peak RSS under 80 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.check_latency import ai_assure_command, run_once  # noqa: E402
from engine.assessment.run import CheckOptions, _gather, build_input, load_system  # noqa: E402
from engine.core.assets import bundled_policy_dir  # noqa: E402

AS_OF = "2026-11-26"
QUERY = "data.ai_assure.main.result"


def input_file(example: Path, folder: Path) -> Path:
    """The input document `check` hands its evaluator, as a file for OPA and conftest."""
    manifest, _shown, root = load_system(example)
    evidence = _gather(manifest, root, CheckOptions())
    document = build_input(manifest, evidence, dt.date.fromisoformat(AS_OF), root)
    path = folder / "input.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def commands(
    example: Path, document: Path, opa: str, conftest: str | None, cache: Path
) -> dict[str, tuple[list[str], dict[str, str]]]:
    check = [*ai_assure_command(), "check", str(example), "--as-of", AS_OF, "--format", "json"]
    plain = {k: v for k, v in os.environ.items() if k not in ("CI", "AI_ASSURE_NO_CACHE")}
    policies = str(bundled_policy_dir())
    runs = {
        "check (cached)": (
            check,
            {**plain, "AI_ASSURE_CACHE_DIR": str(cache), "AI_ASSURE_NO_RESULT_CACHE": "1"},
        ),
        "check (CI=true)": (check, {**plain, "CI": "true"}),
        "check (warm)": (check, {**plain, "AI_ASSURE_CACHE_DIR": str(cache)}),
        "opa eval": (
            [opa, "eval", "--format", "json", "-d", policies, "-i", str(document), QUERY],
            plain,
        ),
    }
    if conftest:
        runs["conftest test"] = (
            [conftest, "test", "--all-namespaces", "-p", policies, "-o", "json", str(document)],
            plain,
        )
    return runs


def interleaved(
    runs: dict[str, tuple[list[str], dict[str, str]]], rounds: int
) -> dict[str, list[tuple[float, int]]]:
    results: dict[str, list[tuple[float, int]]] = {name: [] for name in runs}
    for command, env in runs.values():  # warm the file cache
        run_once(command, env)
    for _ in range(rounds):
        for name, (command, env) in runs.items():
            wall, rss, _code = run_once(command, env)
            results[name].append((wall, rss))
    return results


def report(results: dict[str, list[tuple[float, int]]], print_line: Callable[[str], None]) -> None:
    medians = {name: statistics.median(w for w, _ in samples) for name, samples in results.items()}
    reference = medians["opa eval"]
    print_line(f"{'run':18} {'median s':>9} {'vs opa eval':>12} {'peak RSS MB':>12}")
    for name, samples in results.items():
        rss = max(r for _, r in samples) / 1024
        print_line(f"{name:18} {medians[name]:9.3f} {medians[name] / reference:11.2f}x {rss:12.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "example", nargs="?", type=Path, default=ROOT / "examples/probation-risk-assistant"
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--opa", default=os.environ.get("AI_ASSURE_OPA", "opa"))
    parser.add_argument("--conftest", help="conftest binary (scripts/install-conftest)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as folder:
        document = input_file(args.example, Path(folder))
        runs = commands(args.example, document, args.opa, args.conftest, Path(folder) / "cache")
        results = interleaved(runs, args.runs)
    print(f"{args.example.name}, {args.runs} interleaved rounds, {os.cpu_count()} cores")
    report(results, print)
    print("targets: check < 0.25 s (both), <= 1.5x opa eval, peak RSS < 80 MB")


if __name__ == "__main__":
    main()
