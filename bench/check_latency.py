"""Whole-process latency and peak memory of `ai-assure check` on the examples.

Targets: median wall time under 0.25 s and peak RSS under 80 MB per check on a 2-core
machine. Each example is run once to warm the file cache, then RUNS times; the script prints
the median and worst wall time and the peak RSS of the child process, twice: with the
compiled-policy cache (a developer's machine, pre-commit) and without it (CI, where the
cache is off).

    python bench/check_latency.py [--runs 7] [EXAMPLE_DIR ...]
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compile_bytecode() -> None:
    """Compile the engine's bytecode as `pip install` does. An editable install does not,
    and with PYTHONDONTWRITEBYTECODE set every timed run would compile the sources again."""
    for package in ("engine", "adapters"):
        compileall.compile_dir(ROOT / package, quiet=1)


def ai_assure_command() -> list[str]:
    """The installed `ai-assure`, its bytecode compiled first (`compile_bytecode`)."""
    found = shutil.which("ai-assure", path=str(Path(sys.executable).parent)) or shutil.which(
        "ai-assure"
    )
    if not found:
        sys.exit("ai-assure is not installed in this environment (run scripts/bootstrap)")
    compile_bytecode()
    return [found]


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KiB and exit code of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, process.returncode


def measure(example: Path, runs: int, env: dict[str, str]) -> dict[str, float]:
    command = [
        *ai_assure_command(),
        "check",
        str(example),
        "--as-of",
        "2026-11-26",
        "--format",
        "json",
    ]
    run_once(command, env)
    samples = [run_once(command, env) for _ in range(runs)]
    codes = {code for _, _, code in samples}
    if codes - {0, 1}:
        sys.exit(f"{example.name}: ai-assure exited {sorted(codes)}; fix that before timing it")
    walls = [wall for wall, _, _ in samples]
    return {
        "median_s": statistics.median(walls),
        "max_s": max(walls),
        "peak_rss_mb": max(rss for _, rss, _ in samples) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("examples", nargs="*", type=Path)
    args = parser.parse_args()
    examples = args.examples or sorted(
        p.parent for p in (ROOT / "examples").glob("*/ai-manifest.yaml")
    )
    modes = {
        "cached": {  # the compiled-policy cache, not the result cache: every run evaluates
            **{k: v for k, v in os.environ.items() if k not in ("CI", "AI_ASSURE_NO_CACHE")},
            "AI_ASSURE_NO_RESULT_CACHE": "1",
        },
        "no cache": {**os.environ, "AI_ASSURE_NO_CACHE": "1"},
    }
    print(
        f"{'example':28} {'cache':9} {'median s':>9} {'max s':>7} {'peak RSS MB':>12}"
        f"   (runs={args.runs})"
    )
    for example in examples:
        for mode, env in modes.items():
            numbers = measure(example, args.runs, env)
            print(
                f"{example.name:28} {mode:9} {numbers['median_s']:9.3f} "
                f"{numbers['max_s']:7.3f} {numbers['peak_rss_mb']:12.1f}"
            )
    print("targets: median < 0.25 s, peak RSS < 80 MB")


if __name__ == "__main__":
    main()
