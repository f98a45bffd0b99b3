"""OPA's own policy, compiled to WebAssembly by `opa build -t wasm`, run in this process by
wasmtime: the embedded evaluator's engine. It implements OPA's Wasm ABI 1.2 host side
(https://www.openpolicyagent.org/docs/wasm): a linear memory, `opa_abort`, `opa_println`
and the `opa_builtinN` calls for the builtins the module does not carry (`host_builtins`).

Limits come from wasmtime: the store's memory limit is `--max-memory`, and an epoch deadline
set by a timer is `--timeout`. A module is compiled to machine code once per wasmtime version
and configuration; `load_module` takes a precompiled form when one is given and compatible.
"""

from __future__ import annotations

import json
import math
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import wasmtime

from engine.evaluators.host_builtins import HOST_BUILTINS, BuiltinError, call_builtin
from engine.evaluators.interface import EvaluationError

_PAGE = 65536
_NUL = b"\x00"
_FIRST_CHUNK = 256
_I32 = wasmtime.ValType.i32()
_MAX_BUILTIN_ARGS = 4
_JSON_FORMAT = 0
_TICK_S = 0.05
_LONGEST_DEADLINE = [0]  # the most ticks any store waits for: what `interrupt` must pass


def new_engine() -> wasmtime.Engine:
    """The one wasmtime configuration every module is compiled for and run with: epoch
    interruption on (the timeout). Precompiled modules must match it exactly."""
    config = wasmtime.Config()
    config.epoch_interruption = True
    config.cranelift_opt_level = "speed"
    return wasmtime.Engine(config)


def portable_engine() -> wasmtime.Engine:
    """`new_engine`'s configuration without optional x86-64 instructions: machine code made
    with it runs on any x86-64 host, so it can ship precompiled."""
    config = wasmtime.Config()
    config.epoch_interruption = True
    config.cranelift_opt_level = "speed"
    for flag in _OPTIONAL_X86_FEATURES:
        config.cranelift_flag_set(flag, "false")
    return wasmtime.Engine(config)


_OPTIONAL_X86_FEATURES = (
    "has_sse3",
    "has_ssse3",
    "has_sse41",
    "has_sse42",
    "has_popcnt",
    "has_avx",
    "has_avx2",
    "has_fma",
    "has_bmi1",
    "has_bmi2",
    "has_lzcnt",
    "has_avx512bitalg",
    "has_avx512dq",
    "has_avx512f",
    "has_avx512vl",
    "has_avx512vbmi",
)


def load_module(engine: wasmtime.Engine, wasm: bytes, precompiled: bytes | None) -> wasmtime.Module:
    """The module from its `precompiled` machine code when that fits this engine and host,
    else compiled from `wasm`."""
    if precompiled is not None:
        try:
            return wasmtime.Module.deserialize(engine, precompiled)
        except wasmtime.WasmtimeError:
            pass  # another wasmtime version, configuration or CPU: compile it instead
    try:
        return wasmtime.Module(engine, wasm)
    except wasmtime.WasmtimeError as exc:
        message = f"the compiled policy is not a valid WebAssembly module: {exc}"
        raise EvaluationError(message) from None


@dataclass(frozen=True)
class Limits:
    timeout_s: float
    max_memory_bytes: int | None


class OpaWasmPolicy:
    """One instance of a compiled policy with its data loaded, ready to evaluate inputs.

    Not thread-safe: each thread (or process) needs its own instance.
    """

    def __init__(
        self,
        engine: wasmtime.Engine,
        module: wasmtime.Module,
        data: Any,
        limits: Limits,
        builtins: tuple[str, ...] = HOST_BUILTINS,
    ) -> None:
        self._engine, self._limits, self._allowed = engine, limits, builtins
        self.broken = False  # set when an evaluation was cut short: the instance is unusable
        self._store = wasmtime.Store(engine)
        if limits.max_memory_bytes is not None:
            self._store.set_limits(memory_size=limits.max_memory_bytes)
        self._arm_timeout()
        self._memory, self._exports = self._instantiate_with_room(module)
        self._builtin_names = self._builtin_ids()
        missing = sorted(set(self._builtin_names.values()) - set(builtins))
        if missing:
            raise EvaluationError(
                "the policies use builtins that compiled (WebAssembly) policies cannot run: "
                f"{', '.join(missing)} (the host provides {', '.join(builtins)})"
            )
        self.entrypoints: dict[str, int] = self._dump(self._call("entrypoints"))
        self._data = self._load_json(json.dumps(data, ensure_ascii=False).encode())
        self._heap = self._call("opa_heap_ptr_get")

    def evaluate(self, input_json: bytes, entrypoint: str) -> Any:
        """The entry point's value for the input (JSON text); `EvaluationError` when the
        policy is undefined there or cannot be evaluated within the limits."""
        results = self.results(input_json, entrypoint)
        if not results:
            raise EvaluationError(f"data.{entrypoint.replace('/', '.')} is undefined")
        return results[0].get("result") if isinstance(results[0], dict) else None

    def results(self, input_json: bytes, entrypoint: str) -> list[Any]:
        """The entry point's result set for the input: [] where it is undefined."""
        if entrypoint not in self.entrypoints:
            raise EvaluationError(f"the compiled policy has no entry point {entrypoint}")
        self._arm_timeout()
        results = self._evaluate(input_json, self.entrypoints[entrypoint])
        return results if isinstance(results, list) else []

    def _arm_timeout(self) -> None:
        """Interrupt whatever runs in this store from now on after `--timeout`."""
        _keep_time(self._engine)
        ticks = _deadline_ticks(self._limits.timeout_s)
        _LONGEST_DEADLINE[0] = max(_LONGEST_DEADLINE[0], ticks)
        self._store.set_epoch_deadline(ticks)

    def _evaluate(self, input_json: bytes, entrypoint_id: int) -> Any:
        self._call("opa_heap_ptr_set", self._heap)
        address = self._heap
        self._write(address, input_json)
        result = self._call(
            "opa_eval",
            0,
            entrypoint_id,
            self._data,
            address,
            len(input_json),
            address + len(input_json),
            _JSON_FORMAT,
        )
        return json.loads(self._read_string(result))

    # --- the module's exports -----------------------------------------------------------

    def _instantiate_with_room(
        self, module: wasmtime.Module
    ) -> tuple[wasmtime.Memory, dict[str, Any]]:
        """The module instantiated with a memory its data segments fit in. OPA declares the
        minimum its runtime needs, but a larger policy's constants (its strings) are data
        segments placed beyond it, and instantiating then traps ("out of bounds memory
        access"): start from the declared minimum and double until they fit, as far as
        `--max-memory` allows."""
        pages = _memory_limits(module).min
        while True:
            memory = wasmtime.Memory(self._store, wasmtime.MemoryType(wasmtime.Limits(pages, None)))
            try:
                return memory, self._instantiate(module, memory)
            except wasmtime.Trap as trap:
                if not _data_did_not_fit(trap) or not self._room_for(pages * 2):
                    raise EvaluationError(
                        f"the compiled policy cannot be instantiated: {trap.message}"
                    ) from None
                pages *= 2

    def _room_for(self, pages: int) -> bool:
        limit = self._limits.max_memory_bytes
        return limit is None or pages * _PAGE <= limit

    def _instantiate(self, module: wasmtime.Module, memory: wasmtime.Memory) -> dict[str, Any]:
        linker = wasmtime.Linker(self._engine)
        linker.define(self._store, "env", "memory", memory)
        linker.define_func("env", "opa_abort", wasmtime.FuncType([_I32], []), self._abort)
        linker.define_func("env", "opa_println", wasmtime.FuncType([_I32], []), self._println)
        for count in range(_MAX_BUILTIN_ARGS + 1):
            signature = wasmtime.FuncType([_I32] * (count + 2), [_I32])
            linker.define_func("env", f"opa_builtin{count}", signature, self._builtin)
        try:
            instance = linker.instantiate(self._store, module)
        except wasmtime.WasmtimeError as exc:
            raise EvaluationError(f"the compiled policy cannot be instantiated: {exc}") from None
        exports = instance.exports(self._store)
        major, minor = (_global(exports, name, self._store) for name in _ABI_VERSION)
        if (major, minor) < (1, 2) or major != 1:
            raise EvaluationError(f"the compiled policy uses OPA Wasm ABI {major}.{minor}; 1.2+")
        return {name: exports[name] for name in _EXPORTS}

    def _call(self, name: str, *arguments: int) -> Any:
        try:
            return self._exports[name](self._store, *arguments)
        except wasmtime.Trap as trap:
            self.broken = True
            raise self._trap_error(trap) from None
        except wasmtime.WasmtimeError as exc:
            self.broken = True
            raise EvaluationError(f"policy evaluation failed: {exc}") from None
        except EvaluationError:  # from a host function, through the module
            self.broken = True
            raise

    def _trap_error(self, trap: wasmtime.Trap) -> EvaluationError:
        if trap.trap_code == wasmtime.TrapCode.INTERRUPT:
            return EvaluationError(
                f"policy evaluation did not finish within {self._limits.timeout_s:g} s "
                "(the limit is --timeout)"
            )
        cause = _cause(trap)
        if isinstance(cause, EvaluationError):
            return cause
        if self._out_of_memory():
            limit = (self._limits.max_memory_bytes or 0) // 2**20
            return EvaluationError(
                f"policy evaluation used more than {limit} MiB of memory "
                "(the limit is --max-memory)"
            )
        return EvaluationError(f"policy evaluation failed: {trap.message.splitlines()[0]}")

    def _out_of_memory(self) -> bool:
        limit = self._limits.max_memory_bytes
        return limit is not None and self._memory.data_len(self._store) + 16 * _PAGE > limit

    # --- host functions -----------------------------------------------------------------

    def _abort(self, address: int) -> None:
        message = self._read_string(address)
        if self._out_of_memory():
            raise self._trap_error(wasmtime.Trap("out of memory"))
        if message.startswith("opa_malloc"):  # the store could grow, the process could not
            raise EvaluationError(
                "policy evaluation ran out of memory: the check as a whole needed more than "
                "--max-memory allows"
            )
        raise EvaluationError(f"policy evaluation aborted: {message}")

    def _println(self, address: int) -> None:
        """Rego `print()`: to stderr, never onto stdout, where a report may be going."""
        sys.stderr.write(self._read_string(address) + "\n")

    def _builtin(self, builtin_id: int, _context: int, *arguments: int) -> int:
        name = self._builtin_names.get(builtin_id, f"#{builtin_id}")
        values = [self._dump(argument) for argument in arguments]
        try:
            value = call_builtin(name, values, self._allowed)
        except BuiltinError as exc:
            raise EvaluationError(f"policy error: {name}: {exc}") from None
        return self._load_json(json.dumps(value, ensure_ascii=False).encode())

    def _builtin_ids(self) -> dict[int, str]:
        required: dict[str, int] = self._dump(self._call("builtins"))
        return {number: name for name, number in required.items()}

    # --- memory ---------------------------------------------------------------------------

    def _load_json(self, text: bytes) -> int:
        address = self._call("opa_malloc", len(text))
        self._write(address, text)
        value = self._call("opa_json_parse", address, len(text))
        if value == 0:
            raise EvaluationError("the policy runtime could not parse a JSON value")
        return int(value)

    def _dump(self, value_address: int) -> Any:
        return json.loads(self._read_string(self._call("opa_json_dump", value_address)))

    def _write(self, address: int, data: bytes) -> None:
        end = address + len(data)
        size = self._memory.data_len(self._store)
        if end > size:
            pages = -(-(end - size) // _PAGE)
            try:
                self._memory.grow(self._store, pages)
            except wasmtime.WasmtimeError:
                raise self._trap_error(wasmtime.Trap("out of memory")) from None
        self._memory.write(self._store, data, address)

    def _read_string(self, address: int) -> str:
        """The NUL-terminated UTF-8 string at `address` (read in growing chunks: most are
        short, and a copy of the whole memory per read would dominate an evaluation)."""
        size = self._memory.data_len(self._store)
        chunks: list[bytes] = []
        start, step = address, _FIRST_CHUNK
        while start < size:
            chunk = bytes(self._memory.read(self._store, start, min(start + step, size)))
            end = chunk.find(_NUL)
            if end >= 0:
                chunks.append(chunk[:end])
                break
            chunks.append(chunk)
            start, step = start + len(chunk), step * 4
        return b"".join(chunks).decode("utf-8", "surrogatepass")


_EXPORTS = (
    "opa_eval",
    "opa_malloc",
    "opa_json_parse",
    "opa_json_dump",
    "opa_heap_ptr_get",
    "opa_heap_ptr_set",
    "builtins",
    "entrypoints",
)


def interrupt(engine: wasmtime.Engine) -> None:
    """Make every evaluation on `engine` trap now: move its epoch past every deadline set
    (about a microsecond per tick: a millisecond for the default one-minute timeout)."""
    for _ in range(_LONGEST_DEADLINE[0]):
        engine.increment_epoch()


def _deadline_ticks(timeout_s: float) -> int:
    return max(1, math.ceil(timeout_s / _TICK_S))


def _keep_time(engine: wasmtime.Engine) -> None:
    """Start, once per engine, a daemon thread that advances its epoch every `_TICK_S`: each
    store's deadline counts ticks from its own start, so evaluations in several threads
    each get their own `--timeout`."""
    with _TICKING_LOCK:
        if any(running is engine for running in _TICKING):
            return
        _TICKING.append(engine)
    threading.Thread(target=_tick, args=(engine,), daemon=True, name="ai-assure-epoch").start()


def _tick(engine: wasmtime.Engine) -> None:
    while True:
        time.sleep(_TICK_S)
        engine.increment_epoch()


_TICKING: list[wasmtime.Engine] = []
_TICKING_LOCK = threading.Lock()


_ABI_VERSION = ("opa_wasm_abi_version", "opa_wasm_abi_minor_version")


def _global(exports: Any, name: str, store: wasmtime.Store) -> int:
    value = exports[name]
    if not isinstance(value, wasmtime.Global):
        raise EvaluationError(f"the compiled policy's {name} is not a global")
    return int(value.value(store))


def _data_did_not_fit(trap: wasmtime.Trap) -> bool:
    return "out of bounds memory access" in trap.message


def _memory_limits(module: wasmtime.Module) -> wasmtime.Limits:
    for item in module.imports:
        if item.module == "env" and item.name == "memory":
            minimum = item.type.limits.min  # type: ignore[union-attr]
            return wasmtime.Limits(minimum, None)
    raise EvaluationError("the compiled policy imports no memory: not an OPA Wasm module")


def _cause(trap: wasmtime.Trap) -> BaseException | None:
    """The Python exception a host function raised inside the trap, if any."""
    cause = trap.__cause__ or trap.__context__
    return cause


Callback = Callable[..., Any]
