"""Compiling policies for the embedded evaluator: OPA (`opa build -t wasm`) turns Rego into
a WebAssembly module, and wasmtime turns that into machine code ahead of time.

OPA is needed here and only here: to build the bundled library (scripts/build-policies), a
governance bundle (`policy build`), a policy author's folder (`check --policy-dir`) or a
team's local rules. A module that needs a builtin the host does not provide
(`host_builtins.HOST_BUILTINS`) is refused with the builtin's name when it is loaded.
"""

from __future__ import annotations

import io
import json
import platform
import subprocess
import tarfile
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from engine.core.limits import DEFAULT_TIMEOUT_S
from engine.core.processes import run_process
from engine.evaluators import opa_wasm
from engine.evaluators.interface import ENTRYPOINT, EvaluationError
from engine.evaluators.opa_eval import find_opa
from engine.policy.compiled import CompiledPolicy, write_compiled
from engine.policy.sources import load_policies, policy_index

_MAX_WASM_BYTES = 64 * 2**20
_SOURCES = "policies"


def target_tag() -> str:
    """What a precompiled module is keyed by: the wasmtime version and this machine's
    architecture (`wasmtime-51.0.0-x86_64`)."""
    return f"wasmtime-{_wasmtime_version()}-{platform.machine().lower()}"


def _wasmtime_version() -> str:
    from importlib.metadata import version

    return version("wasmtime")


def compile_policy(
    modules: tuple[tuple[str, str], ...],
    data: dict[str, Any],
    entrypoints: tuple[str, ...],
    opa_binary: str | Path | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> bytes:
    """The modules compiled by OPA to one WebAssembly module with these entry points."""
    binary = find_opa(opa_binary)
    with tempfile.TemporaryDirectory(prefix="ai-assure-build-") as folder:
        _write_sources(Path(folder) / _SOURCES, modules, data)
        command = [binary, "build", "-t", "wasm", "-o", "bundle.tar.gz"]
        for entrypoint in entrypoints:
            command += ["-e", entrypoint]
        # relative paths: the module records file names, which must not name the folder
        _run([*command, _SOURCES], timeout, folder)
        return _policy_wasm((Path(folder) / "bundle.tar.gz").read_bytes())


def precompile(wasm: bytes) -> CompiledPolicy:
    """`wasm` checked (it instantiates, and needs no builtin the host lacks) and, on x86-64,
    with machine code made for every x86-64 machine (no optional instructions), which any
    such host with this wasmtime version loads instead of compiling."""
    portable = platform.machine().lower() in ("x86_64", "amd64")
    engine = opa_wasm.portable_engine() if portable else opa_wasm.new_engine()
    module = opa_wasm.load_module(engine, wasm, None)
    opa_wasm.OpaWasmPolicy(engine, module, {}, opa_wasm.Limits(DEFAULT_TIMEOUT_S, None))
    if not portable:
        return CompiledPolicy(wasm=wasm)
    return CompiledPolicy(wasm=wasm, precompiled={target_tag(): bytes(module.serialize())})


def opa_version(opa_binary: str | Path | None = None) -> str:
    """`v1.10.1`: the version of the OPA that compiles."""
    completed = _run([find_opa(opa_binary), "version"], DEFAULT_TIMEOUT_S, None)
    for line in completed.stdout.splitlines():
        if line.startswith("Version:"):
            return "v" + line.split(":", 1)[1].strip().removeprefix("v")
    return "unknown"


def _write_sources(root: Path, modules: tuple[tuple[str, str], ...], data: dict[str, Any]) -> None:
    for name, source in modules:
        path = (root / name).resolve()
        if root.resolve() not in path.parents:
            raise EvaluationError(f"policy module name {name!r} leaves the policy folder")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    root.mkdir(parents=True, exist_ok=True)
    if data:
        (root / "data.json").write_text(json.dumps(data), encoding="utf-8")


def _run(command: list[str], timeout: float, cwd: str | None) -> subprocess.CompletedProcess[str]:
    try:
        completed = run_process(command, timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired:
        raise EvaluationError(f"OPA did not compile the policies within {timeout:g} s") from None
    except OSError as exc:
        raise EvaluationError(f"cannot run {command[0]}: {exc.strerror or exc}") from None
    if completed.returncode != 0:
        detail = (completed.stderr or completed.stdout).strip()
        if cwd:
            detail = detail.replace(f"{cwd}/{_SOURCES}/", "").replace(f"{_SOURCES}/", "")
        raise EvaluationError(f"policy error: OPA could not compile the policies: {_short(detail)}")
    return completed


def _short(text: str, lines: int = 12, width: int = 240) -> str:
    """OPA's message cut to a size a terminal can show (it quotes the offending source line,
    which may be megabytes long)."""
    kept = [line if len(line) <= width else line[:width] + "…" for line in text.splitlines()]
    return "\n".join(
        kept[:lines] + ([f"… ({len(kept) - lines} more lines)"] if len(kept) > lines else [])
    )


def _policy_wasm(bundle: bytes) -> bytes:
    """`/policy.wasm` from the bundle `opa build -t wasm` wrote."""
    with tarfile.open(fileobj=io.BytesIO(bundle), mode="r:gz") as archive:
        for member in archive.getmembers():
            if member.name.lstrip("/") == "policy.wasm" and member.isfile():
                if member.size > _MAX_WASM_BYTES:
                    break
                extracted = archive.extractfile(member)
                if extracted is not None:
                    return extracted.read()
    raise EvaluationError("OPA wrote no policy.wasm (is the OPA binary older than 1.0?)")


def build_folder(policy_dir: Path, opa_binary: str | Path | None = None) -> Path:
    """Compile the policy folder and keep the result beside it, in `compiled/`
    (scripts/build-policies does this for the bundled library)."""
    policies = load_policies(policy_dir)
    wasm = compile_policy(policies.modules, policies.data, (ENTRYPOINT,), opa_binary)
    compiled = replace(precompile(wasm), index=policy_index(policies))
    return write_compiled(policy_dir, compiled, policies.digest, opa_version(opa_binary))


def compiled_form(policy_dir: Path, opa_binary: str | Path | None = None) -> CompiledPolicy:
    """The folder's compiled policy: the one kept beside it when it matches the sources
    (the bundled library), else compiled now."""
    policies = load_policies(policy_dir)
    if policies.compiled is not None:
        return policies.compiled
    return precompile(compile_policy(policies.modules, policies.data, (ENTRYPOINT,), opa_binary))
