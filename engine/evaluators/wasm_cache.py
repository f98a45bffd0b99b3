"""Where compiled policies are kept so that a check does not compile on its critical path.

Two things are kept, in this process and (outside CI) on disk under the user's cache folder:

- machine code wasmtime made from a WebAssembly module (`Module.serialize`), keyed by the
  module's sha256, this host's architecture and ai-assure's version (which fixes the engine
  configuration). Wasmtime itself refuses machine code another wasmtime version made, so an
  upgraded wasmtime compiles once more and replaces it;
- WebAssembly modules OPA built from policy sources that did not ship compiled (a policy
  author's folder, a team's local rules), keyed by the sha256 of everything compiled.

Each file is stored with its sha256, so a damaged one is rebuilt, never loaded. The disk cache
is off in CI and with `AI_ASSURE_NO_CACHE=1` (`engine.core.cache_store`). Machine code shipped
with a policy (the bundled library, a signed bundle) is used whenever it fits this host, cache
or not.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import platform
import threading
from collections.abc import Callable
from pathlib import Path

import wasmtime

from engine import __version__
from engine.core.cache_store import cache_folder, keep, read_kept
from engine.core.interrupts import on_interrupt
from engine.evaluators import opa_wasm
from engine.policy.compiled import CompiledPolicy

_MODULES: dict[str, wasmtime.Module] = {}
_BUILT: dict[str, bytes] = {}
_LOCK = threading.Lock()
_ENGINE: list[wasmtime.Engine] = []


def engine() -> wasmtime.Engine:
    """The process's one wasmtime engine (engines and modules may be shared by threads). An
    interrupt (SIGINT, SIGTERM) stops its evaluations at once (`opa_wasm.interrupt`)."""
    with _LOCK:
        if not _ENGINE:
            created = opa_wasm.new_engine()
            on_interrupt(functools.partial(opa_wasm.interrupt, created))
            _ENGINE.append(created)
        return _ENGINE[0]


def cache_dir() -> Path | None:
    return cache_folder("compiled")


def module(compiled: CompiledPolicy) -> wasmtime.Module:
    """The compiled policy as a wasmtime module: from this process, the machine code it
    shipped with, the disk cache, or (last) compiled here and kept."""
    key = f"{compiled.sha256}-{_machine()}-{__version__}"
    with _LOCK:
        found = _MODULES.get(key)
    if found is not None:
        return found
    found = _load_module(compiled, key)
    with _LOCK:
        _MODULES[key] = found
    return found


def _load_module(compiled: CompiledPolicy, key: str) -> wasmtime.Module:
    cached = _read(key + ".cwasm")
    for code in (*_shipped_for_this_machine(compiled), cached):
        if code is not None:
            with contextlib.suppress(wasmtime.WasmtimeError):
                return wasmtime.Module.deserialize(engine(), code)
    loaded = opa_wasm.load_module(engine(), compiled.wasm, None)
    if cache_dir() is not None:
        _write(key + ".cwasm", bytes(loaded.serialize()))
    return loaded


def _machine() -> str:
    return platform.machine().lower()


def _shipped_for_this_machine(compiled: CompiledPolicy) -> list[bytes]:
    """The machine code shipped for this host's architecture (tags end `-x86_64`, say),
    whichever wasmtime made it: wasmtime refuses code that another version or configuration
    made (`WasmtimeError`), so its version, which costs importlib.metadata's imports to look
    up, is never needed to choose."""
    suffix = f"-{_machine()}"
    return [code for tag, code in sorted(compiled.precompiled.items()) if tag.endswith(suffix)]


def built_wasm(key_parts: tuple[str, ...], build: Callable[[], bytes]) -> bytes:
    """The WebAssembly module `build` makes (OPA compiling sources), kept under a key made
    of `key_parts` (everything the module depends on)."""
    key = hashlib.sha256("\0".join((__version__, *key_parts)).encode()).hexdigest()
    with _LOCK:
        found = _BUILT.get(key)
    if found is None:
        found = _read(key + ".wasm")
    if found is None:
        found = build()
        _write(key + ".wasm", found)
    with _LOCK:
        _BUILT[key] = found
    return found


def _read(name: str) -> bytes | None:
    folder = cache_dir()
    return None if folder is None else read_kept(folder, name)


def _write(name: str, content: bytes) -> None:
    folder = cache_dir()
    if folder is not None:
        keep(folder, name, content)
