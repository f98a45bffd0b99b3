"""The compiled form of a policy folder, kept beside it in `compiled/`: what OPA compiled to
WebAssembly, the wasmtime machine code made from that ahead of time, and `build.json`, which
records the digest of the sources they were built from and the sha256 of every file.

The bundled library ships this way (scripts/build-policies writes it), so a check never
compiles on its critical path. `index.json` holds the rules' METADATA and the merged policy
data, so loading the library parses no YAML either. A folder whose sources changed since it
was compiled, or whose files do not match their recorded digests, has no compiled form: it
is compiled again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

COMPILED_DIR = "compiled"
BUILD_FILE = "build.json"
WASM_FILE = "policy.wasm"
INDEX_FILE = "index.json"
BUILD_SCHEMA = "ai-assure/compiled/v1"
_PRECOMPILED_SUFFIX = ".cwasm"


@dataclass(frozen=True)
class CompiledPolicy:
    """The governance policies as OPA compiled them to WebAssembly (entry point
    `ai_assure/main/result`), with wasmtime machine code made from it ahead of time, keyed
    by the target it runs on (`engine.evaluators.wasm_build.target_tag`)."""

    wasm: bytes
    precompiled: dict[str, bytes] = field(default_factory=dict)
    #: the sources' rules (METADATA) and merged data, so loading needs no YAML parsing
    index: dict[str, Any] | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.wasm).hexdigest()


@dataclass(frozen=True)
class BuildRecord:
    sources_digest: str
    opa_version: str
    files: dict[str, str]  # file name -> sha256

    def to_json(self) -> str:
        record = {
            "schema": BUILD_SCHEMA,
            "sources_digest": self.sources_digest,
            "opa_version": self.opa_version,
            "files": dict(sorted(self.files.items())),
        }
        return json.dumps(record, indent=2, sort_keys=True) + "\n"


def read_compiled(policy_dir: Path, sources_digest: str) -> CompiledPolicy | None:
    """The compiled form of `policy_dir`, when it was built from these very sources and
    every file matches its recorded digest; None otherwise."""
    folder = policy_dir / COMPILED_DIR
    record = read_build_record(folder)
    if record is None or record.sources_digest != sources_digest:
        return None
    contents: dict[str, bytes] = {}
    for name, expected in record.files.items():
        try:
            content = (folder / name).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(content).hexdigest() != expected:
            return None
        contents[name] = content
    if WASM_FILE not in contents:
        return None
    precompiled = {
        name.removesuffix(_PRECOMPILED_SUFFIX): content
        for name, content in contents.items()
        if name.endswith(_PRECOMPILED_SUFFIX)
    }
    index = json.loads(contents[INDEX_FILE]) if INDEX_FILE in contents else None
    return CompiledPolicy(wasm=contents[WASM_FILE], precompiled=precompiled, index=index)


def read_build_record(folder: Path) -> BuildRecord | None:
    try:
        data: Any = json.loads((folder / BUILD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("schema") != BUILD_SCHEMA:
        return None
    files = data.get("files")
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        return None
    return BuildRecord(str(data.get("sources_digest")), str(data.get("opa_version")), files)


def write_compiled(
    policy_dir: Path, compiled: CompiledPolicy, sources_digest: str, opa_version: str
) -> Path:
    """Replace `policy_dir/compiled/` with `compiled` and its build record."""
    folder = policy_dir / COMPILED_DIR
    folder.mkdir(exist_ok=True)
    for stale in folder.glob(f"*{_PRECOMPILED_SUFFIX}"):
        stale.unlink()
    files = {WASM_FILE: compiled.wasm}
    files.update({tag + _PRECOMPILED_SUFFIX: code for tag, code in compiled.precompiled.items()})
    if compiled.index is not None:
        index = json.dumps(compiled.index, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        files[INDEX_FILE] = index.encode()
    for name, content in files.items():
        (folder / name).write_bytes(content)
    digests = {name: hashlib.sha256(content).hexdigest() for name, content in files.items()}
    record = BuildRecord(sources_digest, opa_version, digests)
    (folder / BUILD_FILE).write_text(record.to_json(), encoding="utf-8")
    return folder
