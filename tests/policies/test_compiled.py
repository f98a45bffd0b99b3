"""The bundled library ships compiled (policies/compiled/): the committed module is what the
pinned OPA makes of the committed policies, byte for byte, and the machine code is what this
wasmtime makes of that module. Change a policy without running scripts/build-policies and
this fails."""

from __future__ import annotations

import hashlib
import platform

import pytest

from engine.core.assets import bundled_policy_dir
from engine.evaluators.interface import ENTRYPOINT
from engine.evaluators.wasm_build import compile_policy, precompile, target_tag
from engine.policy.compiled import COMPILED_DIR, read_build_record
from engine.policy.sources import load_policies

FOLDER = bundled_policy_dir() / COMPILED_DIR
FIX = "run scripts/build-policies and commit policies/compiled/"


def test_the_shipped_module_matches_the_policies():
    record = read_build_record(FOLDER)
    assert record is not None, FIX
    policies = load_policies()
    assert record.sources_digest == policies.digest, f"the policies changed: {FIX}"
    assert policies.compiled is not None, f"a compiled file does not match build.json: {FIX}"


def test_the_pinned_opa_rebuilds_the_same_module(opa_binary):
    record = read_build_record(FOLDER)
    assert record is not None and record.opa_version == "v1.10.1"
    policies = load_policies()
    rebuilt = compile_policy(policies.modules, policies.data, (ENTRYPOINT,), opa_binary)
    assert hashlib.sha256(rebuilt).hexdigest() == record.files["policy.wasm"], FIX


@pytest.mark.skipif(
    platform.machine().lower() not in ("x86_64", "amd64"),
    reason="machine code ships for x86-64 only; elsewhere it is compiled on first use",
)
def test_the_shipped_machine_code_is_this_wasmtime_s_for_that_module():
    policies = load_policies()
    assert policies.compiled is not None, FIX
    shipped = policies.compiled.precompiled.get(target_tag())
    assert shipped is not None, f"no machine code for {target_tag()}: {FIX}"
    assert precompile(policies.compiled.wasm).precompiled[target_tag()] == shipped, FIX


def test_the_index_holds_what_parsing_the_sources_gives():
    """The library loads its rules and data from index.json; they must be exactly what
    reading the METADATA blocks and data files gives."""
    from engine.policy.sources import data_files_in, policy_set, read_source, rego_files

    shipped = load_policies()
    assert shipped.compiled is not None and shipped.compiled.index is not None, FIX
    folder = bundled_policy_dir()
    parsed = policy_set(
        tuple(read_source(path, folder) for path in rego_files(folder)),
        tuple(read_source(path, folder) for path in data_files_in(folder)),
        source="bundled",
        revision=shipped.revision,
        digest=shipped.digest,
    )
    assert shipped.rules == parsed.rules
    assert shipped.data == parsed.data
