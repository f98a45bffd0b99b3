"""A portfolio checked in one run: `ai-assure check --discover DIR` over 100, 300 and 1,000
generated systems (bench/corpus.py: the examples, varied the way real systems vary).

Targets (issue 18, on a 2-core machine): 1,000 systems in under 30 s, peak RSS under 500 MB,
cost growing linearly. Two runs per size, both with `--jobs` workers: `summary` writes the
text summary only (the check itself), `ci` is what a department's CI would keep (the JSON,
JUnit and SARIF summaries, and every system's JSON report in --reports-dir). Peak RSS is
that of the whole process tree (the run and its workers together), sampled from /proc. CPU
seconds are printed beside wall time: on a machine shared with other work, CPU / cores is
what the run would take alone. Also printed (issue 16, item 4): the in-process loop's cost
per system on the examples, evidence gathering included (target: at most 40 ms).

    python bench/portfolio.py [--sizes 100 300 1000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402

AS_OF = "2026-11-26"


def tree_rss_kib(pid: int) -> int:
    """The resident memory of `pid` and all its descendants, in KiB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            parent, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, []))
    return total


PROFILES = {
    "summary": lambda out: ["--format", f"text={out / 'summary.txt'}"],
    "ci": lambda out: [
        "--format", f"json={out / 'summary.json'}", "--format", f"junit={out / 'junit.xml'}",
        "--format", f"sarif={out / 'results.sarif'}", "--reports-dir", str(out / "reports"),
    ],
}  # fmt: skip


def run_portfolio(
    folder: Path, out: Path, jobs: int, profile: str
) -> tuple[float, int, int, float]:
    """Wall seconds, peak tree RSS (KiB), exit code and CPU seconds of one portfolio run."""
    command = [
        sys.executable, "-m", "engine.cli", "check", "--discover", str(folder),
        "--as-of", AS_OF, "--jobs", str(jobs), *PROFILES[profile](out),
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "true"}
    start = time.perf_counter()
    before = os.times()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss_kib(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    elapsed = time.perf_counter() - start
    sampler.join()
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return elapsed, peak[0], code, cpu


def in_process_loop_ms(rounds: int = 20) -> tuple[float, float]:
    """Median wall and CPU ms per system of the in-process loop over the examples (policies
    loaded once, evidence gathered, evaluated, summarised; nothing rendered). On a shared
    machine the CPU time is the steadier of the two."""
    from engine.assessment.run import CheckOptions
    from engine.portfolio.run import Plan, Target, assess

    examples = sorted(p.parent for p in (ROOT / "examples").glob("*/ai-manifest.yaml"))
    targets = [Target(p.name, p) for p in examples]
    options = CheckOptions(as_of=dt.date.fromisoformat(AS_OF))
    list(assess(targets, options, Plan()))  # warm: the compiled module, the file cache
    wall, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        list(assess(targets, options, Plan()))
        wall.append((time.perf_counter() - start) * 1000 / len(targets))
        cpu.append((time.process_time() - start_cpu) * 1000 / len(targets))
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--jobs", type=int, default=2)
    arguments = parser.parse_args()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"cores: {os.cpu_count()}, jobs: {arguments.jobs}, load average before: {load}")
    wall, cpu = in_process_loop_ms()
    print(f"in-process loop on the examples: {wall:.1f} ms wall, {cpu:.1f} ms CPU per system")
    print(f"{'profile':>8} {'systems':>8} {'wall s':>8} {'ms/system':>10} {'cpu s':>8} "
          f"{'cpu ms/system':>14} {'peak RSS MB':>12}  exit")  # fmt: skip
    cpu: dict[str, list[float]] = {profile: [] for profile in PROFILES}
    with tempfile.TemporaryDirectory(prefix="ai-assure-portfolio-") as scratch:
        for size in arguments.sizes:
            folder = Path(scratch) / f"systems-{size}"
            generate(folder, size, seed=size)
            for profile in PROFILES:
                out = Path(scratch) / f"out-{size}-{profile}"
                out.mkdir()
                elapsed, peak, code, seconds = run_portfolio(folder, out, arguments.jobs, profile)
                cpu[profile].append(seconds)
                print(
                    f"{profile:>8} {size:>8} {elapsed:>8.2f} {elapsed * 1000 / size:>10.1f} "
                    f"{seconds:>8.2f} {seconds * 1000 / size:>14.1f} {peak / 1024:>12.0f}  {code}"
                )
    sizes = arguments.sizes
    for profile, seconds in cpu.items():  # the start-up (interpreters, policies) cancels out
        marginal = [
            f"{sizes[i - 1]}->{sizes[i]}: "
            f"{(seconds[i] - seconds[i - 1]) * 1000 / (sizes[i] - sizes[i - 1]):.1f}"
            for i in range(1, len(sizes))
        ]
        if marginal:
            print(f"linearity ({profile}): CPU ms per added system, {', '.join(marginal)}")


if __name__ == "__main__":
    main()
