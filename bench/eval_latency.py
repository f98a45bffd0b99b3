"""Policy evaluation time alone, in process, on each example's input document.

Compares the embedded evaluator (OPA's policy compiled to WebAssembly, run by wasmtime) with
the engine it replaced (rego-cpp through regopy, compile and query, as the old embedded
evaluator ran it) and, with --opa, `opa eval` on the same input. Also prints how long
loading the compiled policy takes: from the shipped machine code, and compiling the module.

    python bench/eval_latency.py [--runs 20] [--opa .tools/bin/opa] [EXAMPLE_DIR ...]

Target: evaluation under 30 ms per check.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.assessment.run import CheckOptions, _gather, build_input, load_system  # noqa: E402
from engine.evaluators import opa_wasm  # noqa: E402
from engine.evaluators.embedded import EmbeddedEvaluator, input_json  # noqa: E402
from engine.evaluators.interface import ENTRYPOINT  # noqa: E402
from engine.evaluators.wasm_build import target_tag  # noqa: E402
from engine.policy.sources import load_policies  # noqa: E402

AS_OF = dt.date(2026, 11, 26)
QUERY = "data." + ENTRYPOINT.replace("/", ".")


def input_document(example: Path) -> dict:
    manifest, _shown, root = load_system(example)
    evidence = _gather(manifest, root, CheckOptions())
    return build_input(manifest, evidence, AS_OF, root)


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def rego_cpp(policies, text: str) -> Callable[[], object]:
    """The replaced engine: rego-cpp compiles the policies once, then queries the input."""
    import regopy

    interpreter = regopy.Interpreter()
    interpreter.strict_built_in_errors = True
    for name, source in policies.modules:
        interpreter.add_module(name, source)
    interpreter.add_data(policies.data)
    bundle = interpreter.build(QUERY, [])

    def query() -> object:
        evaluation = regopy.Interpreter()
        evaluation.strict_built_in_errors = True
        evaluation.set_input_term(json.dumps(json.loads(text), ensure_ascii=True))
        return evaluation.query_bundle(bundle)

    return query


def opa_eval(binary: str, text: str) -> Callable[[], object]:
    folder = tempfile.mkdtemp(prefix="bench-")
    Path(folder, "input.json").write_text(text)
    command = [binary, "eval", "--strict-builtin-errors", "-d", str(ROOT / "policies")]
    command += ["-i", str(Path(folder, "input.json")), "--format", "json", QUERY]
    return lambda: subprocess.run(command, capture_output=True, check=True)


def load_times(policies, runs: int) -> tuple[float, float]:
    compiled = policies.compiled
    if compiled is None:
        raise SystemExit("the bundled policies are not compiled: run scripts/build-policies")
    engine = opa_wasm.new_engine()
    code = compiled.precompiled.get(target_tag())
    shipped = median_ms(lambda: opa_wasm.load_module(engine, compiled.wasm, code), runs)
    fresh = median_ms(lambda: opa_wasm.load_module(engine, compiled.wasm, None), 3)
    return shipped, fresh


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("examples", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--opa", help="also time `opa eval` with this binary")
    args = parser.parse_args()
    examples = args.examples or sorted(
        p.parent for p in (ROOT / "examples").glob("*/ai-manifest.yaml")
    )
    policies = load_policies()
    shipped, fresh = load_times(policies, args.runs)
    print(
        f"load compiled policy: {shipped:.1f} ms from shipped machine code, "
        f"{fresh:.0f} ms compiling the module"
    )
    print(f"{'example':28} {'embedded ms':>12} {'rego-cpp ms':>12} {'opa eval ms':>12}")
    evaluator = EmbeddedEvaluator()
    for example in examples:
        document = input_document(example)
        text = input_json(document)
        embedded = median_ms(lambda d=document: evaluator.evaluate(policies, d), args.runs)
        old = median_ms(rego_cpp(policies, text), max(3, args.runs // 4))
        opa = f"{median_ms(opa_eval(args.opa, text), 5):12.1f}" if args.opa else f"{'-':>12}"
        print(f"{example.name:28} {embedded:12.1f} {old:12.1f} {opa}")
    print("target: embedded evaluation < 30 ms")


if __name__ == "__main__":
    main()
