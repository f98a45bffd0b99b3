"""Versioned, signed OPA policy bundles: build them, and load one only once it verifies.

A bundle is OPA's format: a gzipped tar holding the Rego modules (tests left out), one
`data.json` per data folder, `.manifest` (revision, roots, rego_version, metadata, and the
`wasm` entry naming `/policy.wasm`), the compiled policy (`/policy.wasm`, OPA's WebAssembly
for the entry point, and `ai_assure/compiled/*.cwasm`, wasmtime machine code made from it
ahead of time, which OPA ignores) and, when signed, `.signatures.json`:
`{"signatures": [JWT]}` whose payload lists `{name, hash, algorithm: "SHA-256"}` for every
other file. OPA hashes `.rego` files as raw
bytes, but `data.json` and `.manifest` as their parsed JSON re-encoded canonically (object
keys sorted, no whitespace, numbers exactly as written), so whitespace does not matter and
`opa run --bundle B --verification-key K` accepts what `build_bundle` writes.

`load_bundle` refuses anything it cannot vouch for: unsafe archive members, a bad
signature, a file whose hash differs from its signed hash, an unsigned extra file or a
signed file that is missing. Every refusal is a `BundleError` carrying the file's digest.

A signature says who published a bundle, not that it is still current: an older, validly
signed bundle may carry an approval governance has since revoked. So a release may carry,
in `.manifest`'s signed `metadata`, a monotonic `revision` number and an `expires` date
(`Freshness`); `load_bundle` refuses an expired bundle, and one older than the caller's
`min_revision`, before anything is evaluated (docs/bundles.md, Rollback).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import io
import json
import re
import tarfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from engine import __version__
from engine.core.files import UnreadableFileError, find_repository_root, git_commit, read_confined
from engine.core.keys import read_key
from engine.core.output import write_atomic
from engine.core.parsing import ParseError, load_json
from engine.policy.compiled import CompiledPolicy
from engine.policy.sources import (
    PolicyError,
    PolicySet,
    data_files_in,
    is_test_module,
    load_data,
    package_of,
    policy_set,
    read_source,
    rego_files,
)

ROOT = "ai_assure"
MANIFEST = ".manifest"
SIGNATURES = ".signatures.json"
DATA_FILE = "data.json"
HASH_ALGORITHM = "SHA-256"
DEFAULT_PLUGIN = "_default"  # what `opa build --signing-key` records as the signer
WASM_MODULE = "policy.wasm"  # OPA's name for a bundle's compiled module
WASM_ENTRYPOINT = "ai_assure/main/result"
PRECOMPILED_DIR = f"{ROOT}/compiled"  # wasmtime machine code, per target; OPA ignores it
PRECOMPILED_SUFFIX = ".cwasm"
STRUCTURED_FILES = (DATA_FILE, "data.yaml", MANIFEST)  # OPA hashes these as parsed JSON

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

MAX_BUNDLE_BYTES = 16 * 2**20
MAX_UNPACKED_BYTES = 64 * 2**20
MAX_MEMBERS = 10_000

RSA_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512")
EC_ALGORITHMS = {"secp256r1": "ES256", "secp384r1": "ES384", "secp521r1": "ES512"}
MIN_RSA_BITS = 2048


class BundleError(PolicyError):
    """A bundle that must not be evaluated. `digest` is the refused file's, when it was read."""

    def __init__(self, message: str, digest: str = "unknown") -> None:
        super().__init__(message)
        self.digest = digest


@dataclass(frozen=True)
class Freshness:
    """What keeps an old release from being replayed: its monotonic revision number and the
    last day it may be used (both optional; `.manifest` `metadata.revision`/`.expires`)."""

    revision: int | None = None
    expires: dt.date | None = None

    def metadata(self) -> dict[str, Any]:
        """The `.manifest` metadata entries recording this."""
        entries: dict[str, Any] = {}
        if self.revision is not None:
            entries["revision"] = self.revision
        if self.expires is not None:
            entries["expires"] = self.expires.isoformat()
        return entries


@dataclass(frozen=True)
class BuiltBundle:
    path: Path
    revision: str
    digest: str
    files: tuple[str, ...]
    algorithm: str | None  # the signature's JWT algorithm; None when unsigned


# Building


def build_bundle(
    policy_dir: Path,
    output: Path,
    revision: str | None = None,
    signing_key: Path | None = None,
    key_id: str | None = None,
    compiled: CompiledPolicy | None = None,
    freshness: Freshness = Freshness(),
) -> BuiltBundle:
    """Write the policies below `policy_dir` as an OPA bundle, signed when a key is given,
    with their `compiled` form (OPA's `/policy.wasm` for the entry point, and machine code
    made from it ahead of time) when given, and the release's `freshness` in `.manifest`.

    The same sources, revision and key give byte-identical archives (sorted members, mtime
    0, no owner names, no gzip timestamp; RSA signatures are deterministic, ECDSA ones not).
    """
    revision = revision or default_revision(policy_dir)
    files = _bundle_files(policy_dir, revision, compiled, freshness)
    algorithm = None
    if signing_key is not None:
        key, algorithm = _signing_key(signing_key)
        files[SIGNATURES] = _signatures_file(files, key, algorithm, key_id)
    archive = _archive(files)
    write_atomic(output, archive)
    return BuiltBundle(output, revision, _sha256(archive), tuple(sorted(files)), algorithm)


def default_revision(policy_dir: Path) -> str:
    """`<ai-assure version>+<short commit>` of the repository holding the policies."""
    commit = _commit(policy_dir)
    return f"{__version__}+{commit[:12]}" if commit else __version__


def _commit(policy_dir: Path) -> str | None:
    return git_commit(find_repository_root(policy_dir))


def _bundle_files(
    policy_dir: Path, revision: str, compiled: CompiledPolicy | None, freshness: Freshness
) -> dict[str, bytes]:
    """Every bundle member but the signatures: modules, data documents, the compiled policy
    and `.manifest`."""
    if not policy_dir.is_dir():
        raise PolicyError(f"{policy_dir}: policy directory not found")
    modules = tuple(read_source(path, policy_dir) for path in rego_files(policy_dir))
    documents = _data_documents(policy_dir)
    texts = tuple((name, content.decode()) for name, content in documents.items())
    policy_set(modules, texts, source=str(policy_dir), revision=revision, digest="")  # validates
    _check_roots(modules, documents)
    files = {name: text.encode() for name, text in modules}
    files.update(documents)
    if compiled is not None:
        files[WASM_MODULE] = compiled.wasm
        for tag, code in compiled.precompiled.items():
            files[f"{PRECOMPILED_DIR}/{tag}{PRECOMPILED_SUFFIX}"] = code
    manifest = _manifest(policy_dir, revision, compiled is not None)
    manifest["metadata"].update(freshness.metadata())
    files[MANIFEST] = _json_bytes(manifest)
    return files


def _data_documents(policy_dir: Path) -> dict[str, bytes]:
    """One `data.json` per folder holding data files (YAML becomes JSON: one hashing rule)."""
    folders: dict[PurePosixPath, list[tuple[str, str]]] = {}
    for path in data_files_in(policy_dir):
        name, text = read_source(path, policy_dir)
        folders.setdefault(PurePosixPath(name).parent, []).append((name, text))
    documents = {}
    for folder, sources in sorted(folders.items()):
        merged = load_data(tuple(sources))
        for part in folder.parts:
            merged = merged[part]
        documents[(folder / DATA_FILE).as_posix()] = _json_bytes(merged)
    return documents


def _check_roots(modules: tuple[tuple[str, str], ...], documents: dict[str, bytes]) -> None:
    """OPA refuses a bundle with packages or data outside its roots; refuse it first."""
    for name, source in modules:
        package = package_of(name, source)
        if package != ROOT and not package.startswith(ROOT + "."):
            raise PolicyError(f"{name}: package {package} is outside the bundle root {ROOT}")
    for name, content in documents.items():
        folder = PurePosixPath(name).parent.parts
        outside = [key for key in folder[:1] or json.loads(content) if key != ROOT]
        if outside:
            raise PolicyError(f"{name}: data {outside[0]!r} is outside the bundle root {ROOT}")


def _manifest(policy_dir: Path, revision: str, with_wasm: bool) -> dict[str, Any]:
    metadata = {"ai_assure_version": __version__}
    commit = _commit(policy_dir)
    if commit:
        metadata["commit"] = commit
    manifest: dict[str, Any] = {
        "revision": revision,
        "roots": [ROOT],
        "rego_version": 1,
        "metadata": metadata,
    }
    if with_wasm:
        manifest["wasm"] = [{"entrypoint": WASM_ENTRYPOINT, "module": "/" + WASM_MODULE}]
    return manifest


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _signatures_file(
    files: dict[str, bytes], key: Any, algorithm: str, key_id: str | None
) -> bytes:
    """`.signatures.json` for `files`: one JWT listing each file's OPA hash."""
    import jwt

    listed = [
        {"name": name, "hash": file_hash(name, content), "algorithm": HASH_ALGORITHM}
        for name, content in sorted(files.items())
    ]
    headers = {"kid": key_id} if key_id else None
    token = jwt.encode({"files": listed}, key, algorithm=algorithm, headers=headers)
    return _json_bytes({"signatures": [token]})


def _signing_key(path: Path) -> tuple[Any, str]:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        key = load_pem_private_key(read_key(path, PolicyError), password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise PolicyError(
            f"signing key {path}: not an unencrypted PEM private key ({exc})"
        ) from None
    return key, _key_algorithms(key, path)[0]


def _archive(files: dict[str, bytes]) -> bytes:
    """A reproducible tar.gz of `files`: same contents, same bytes."""
    tar_bytes = io.BytesIO()
    with tarfile.open(fileobj=tar_bytes, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name in sorted(files):
            # OPA finds the module named in the manifest's `wasm` entry only under this name
            info = tarfile.TarInfo("/" + name if name == WASM_MODULE else name)
            info.size, info.mode, info.mtime = len(files[name]), 0o644, 0
            archive.addfile(info, io.BytesIO(files[name]))
    gz_bytes = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=gz_bytes, compresslevel=9, mtime=0) as gz:
        gz.write(tar_bytes.getvalue())
    return gz_bytes.getvalue()


# Hashing, as OPA does


def file_hash(name: str, content: bytes) -> str:
    """The hex SHA-256 OPA signs for bundle member `name`."""
    if PurePosixPath(name).name in STRUCTURED_FILES:
        content = canonical_json(content, name)
    return hashlib.sha256(content).hexdigest()


class _Number(str):
    """A JSON number exactly as written: OPA hashes the literal, not a re-formatted value."""


def canonical_json(content: bytes, name: str) -> bytes:
    """OPA's hashing form of a JSON document: sorted keys, no whitespace, literal numbers."""
    try:
        value = json.loads(
            content.decode("utf-8"),
            parse_int=_Number,
            parse_float=_Number,
            parse_constant=_refuse_constant,
            object_pairs_hook=_unique_keys,
        )
        return _encode(value).encode("utf-8")
    except (ValueError, RecursionError) as exc:
        raise PolicyError(f"{name}: not valid JSON ({exc})") from None


def _encode(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ",".join(f"{_string(k)}:{_encode(value[k])}" for k in sorted(value)) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_encode(item) for item in value) + "]"
    if isinstance(value, _Number):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    return json.dumps(value)  # true, false, null


def _string(text: str) -> str:
    """A string as Go's JSON encoder writes it (HTML escaping off): Python's, plus U+2028/9."""
    encoded = json.dumps(text, ensure_ascii=False)
    return encoded.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate object key")
    return result


def _sha256(content: bytes) -> str:
    return "sha256:" + hashlib.sha256(content).hexdigest()


# Loading


def load_bundle(
    path: Path,
    verify_key: Path | None = None,
    *,
    digest: str | None = None,
    allow_unverified: bool = False,
    as_of: dt.date | None = None,
    min_revision: int | None = None,
) -> PolicySet:
    """The policies in bundle `path`, only once they verify and are current.

    With `verify_key` the signature and every file hash must verify; with `digest` the
    file's SHA-256 must equal it. With neither, the bundle is refused unless
    `allow_unverified`, and its source then says `(unverified)`. A bundle that expired
    before `as_of` (default: today, UTC), or whose revision number is below `min_revision`
    (or that has none when one is asked for), is refused too.
    """
    content = _read_bundle(path)
    actual = _sha256(content)
    try:
        if digest is not None and _normalise_digest(digest) != actual:
            raise PolicyError(f"its digest {actual} is not the pinned {digest}")
        if verify_key is None and digest is None and not allow_unverified:
            raise PolicyError(
                "it is not verified: pass --verify-key (the governance public key) or "
                "--bundle-digest, or --allow-unverified to evaluate it anyway"
            )
        files = read_archive(content)
        if verify_key is not None:
            verify_signatures(files, verify_key)
        manifest = _read_manifest(files)
        check_current(manifest, as_of or dt.datetime.now(dt.timezone.utc).date(), min_revision)
        verified = verify_key is not None or digest is not None
        source = f"bundle:{path.name}" + ("" if verified else " (unverified)")
        return _policy_set(files, manifest, source, actual, trusted_code=verified)
    except PolicyError as exc:
        raise BundleError(f"bundle {path.name}: {exc}", actual) from None


def _read_bundle(path: Path) -> bytes:
    try:
        return read_confined(path, MAX_BUNDLE_BYTES).content
    except UnreadableFileError as exc:
        raise BundleError(f"bundle {path}: {exc}") from None


def _normalise_digest(digest: str) -> str:
    return "sha256:" + digest.strip().lower().removeprefix("sha256:")


def read_archive(content: bytes) -> dict[str, bytes]:
    """The regular files of a bundle, by name. Refuses unsafe or unexpected members."""
    stream = io.BytesIO(_gunzip(content))
    files: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=stream, mode="r:") as archive:
            for count, member in enumerate(archive, start=1):
                if count > MAX_MEMBERS:
                    raise PolicyError(f"more than {MAX_MEMBERS} archive members")
                if member.isdir():
                    continue
                name = _member_name(member)
                if name in files:
                    raise PolicyError(f"{name} appears twice in the archive")
                extracted = archive.extractfile(member)
                files[name] = extracted.read() if extracted else b""
    except (tarfile.TarError, EOFError) as exc:
        raise PolicyError(f"not a valid tar archive ({exc})") from None
    return files


def _gunzip(content: bytes) -> bytes:
    """Decompress one gzip stream, never past MAX_UNPACKED_BYTES (gzip bombs)."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        tar_bytes = inflater.decompress(content, MAX_UNPACKED_BYTES)
    except zlib.error as exc:
        raise PolicyError(f"not a gzip file ({exc})") from None
    if inflater.unconsumed_tail:
        raise PolicyError(f"unpacks to more than {MAX_UNPACKED_BYTES} bytes")
    if not inflater.eof or inflater.unused_data:
        raise PolicyError("the gzip stream is truncated or followed by extra data")
    return tar_bytes


def _member_name(member: tarfile.TarInfo) -> str:
    """The member's bundle path (OPA drops one leading `/`); unsafe or unknown names refused."""
    name = member.name.removeprefix("/")
    parts = name.split("/")
    if "\\" in name or "\0" in name or any(part in ("", ".", "..") for part in parts):
        raise PolicyError(f"unsafe archive member name {member.name!r}")
    if member.type not in (tarfile.REGTYPE, tarfile.AREGTYPE):
        raise PolicyError(f"{name}: not a regular file (links and devices are refused)")
    if name not in (MANIFEST, SIGNATURES, WASM_MODULE) and not (
        name.endswith(".rego") or parts[-1] == DATA_FILE or _is_precompiled(name)
    ):
        raise PolicyError(
            f"{name}: unexpected file (a bundle holds .rego modules, data.json files, "
            f"{WASM_MODULE}, {PRECOMPILED_DIR}/*{PRECOMPILED_SUFFIX}, .manifest and "
            ".signatures.json)"
        )
    return name


def verify_signatures(files: dict[str, bytes], key_path: Path) -> None:
    """The JWT verifies with the key and lists exactly the bundle's files, hashes equal."""
    if SIGNATURES not in files:
        raise PolicyError(f"it is not signed (no {SIGNATURES})")
    signed = _signed_hashes(_verified_payload(files[SIGNATURES], key_path))
    present = set(files) - {SIGNATURES}
    if missing := sorted(signed.keys() - present):
        raise PolicyError(f"signed file(s) missing from the archive: {', '.join(missing)}")
    if unsigned := sorted(present - signed.keys()):
        raise PolicyError(f"file(s) not covered by the signature: {', '.join(unsigned)}")
    for name in sorted(present):
        if file_hash(name, files[name]) != signed[name]:
            raise PolicyError(f"{name}: its hash does not match the signed hash (tampered)")


def _verified_payload(signatures: bytes, key_path: Path) -> dict[str, Any]:
    import jwt

    token = _single_token(signatures)
    key, algorithms = _verification_key(key_path)
    try:
        return jwt.decode(token, key, algorithms=list(algorithms))
    except (jwt.InvalidSignatureError, jwt.InvalidAlgorithmError):
        raise PolicyError(f"its signature does not verify with {key_path.name}") from None
    except jwt.InvalidTokenError as exc:
        raise PolicyError(f"its signature is not a valid JWT: {exc}") from None


def _single_token(signatures: bytes) -> str:
    try:
        document = load_json(signatures.decode("utf-8"))
    except (UnicodeDecodeError, ParseError) as exc:
        raise PolicyError(f"{SIGNATURES}: {exc}") from None
    tokens = document.get("signatures") if isinstance(document, dict) else None
    if not isinstance(tokens, list) or len(tokens) != 1 or not isinstance(tokens[0], str):
        raise PolicyError(f"{SIGNATURES}: expected exactly one JWT in `signatures`")
    if document.get("plugin") not in (None, "", DEFAULT_PLUGIN):
        raise PolicyError(f"{SIGNATURES}: signing plugin {document['plugin']!r} is not supported")
    return tokens[0]


def _verification_key(path: Path) -> tuple[Any, tuple[str, ...]]:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    try:
        key = load_pem_public_key(read_key(path, PolicyError))
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise PolicyError(f"verification key {path}: not a PEM public key ({exc})") from None
    return key, _key_algorithms(key, path)


def _key_algorithms(key: Any, path: Path) -> tuple[str, ...]:
    """JWT algorithms for an RSA (>= 2048 bits) or P-256/384/521 key; first is the default."""
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        if key.key_size < MIN_RSA_BITS:
            raise PolicyError(f"key {path}: RSA keys need at least {MIN_RSA_BITS} bits")
        return RSA_ALGORITHMS
    if isinstance(key, (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey)):
        algorithm = EC_ALGORITHMS.get(key.curve.name)
        if algorithm:
            return (algorithm,)
    raise PolicyError(f"key {path}: use an RSA or an EC P-256/P-384/P-521 key")


def _signed_hashes(payload: dict[str, Any]) -> dict[str, str]:
    if payload.get("scope"):  # OPA, run without --scope, refuses scoped signatures too
        raise PolicyError(f"its signature has scope {payload['scope']!r}; scopes are not used")
    entries = payload.get("files")
    if not isinstance(entries, list):
        raise PolicyError("the signature payload has no `files` list")
    hashes: dict[str, str] = {}
    for entry in entries:
        fields = entry if isinstance(entry, dict) else {}
        name, digest = fields.get("name"), fields.get("hash")
        if not isinstance(name, str) or not isinstance(digest, str) or name in hashes:
            raise PolicyError(f"malformed or repeated signed file entry {entry!r}")
        if fields.get("algorithm") != HASH_ALGORITHM:
            raise PolicyError(f"{name}: signed with {fields.get('algorithm')!r}, not SHA-256")
        hashes[name] = digest.lower()
    return hashes


def check_current(manifest: dict[str, Any], as_of: dt.date, min_revision: int | None) -> None:
    """Refuse a release that expired before `as_of`, or that is older than `min_revision`
    (or carries no revision number when one is required)."""
    freshness = read_freshness(manifest)
    if freshness.expires is not None and as_of > freshness.expires:
        raise PolicyError(
            f"it expired on {freshness.expires} (the check runs as of {as_of}): use the "
            "governance team's current release"
        )
    if min_revision is None:
        return
    if freshness.revision is None:
        raise PolicyError(
            f"it carries no revision number (`policy build --revision N`), so it cannot meet "
            f"--min-revision {min_revision}"
        )
    if freshness.revision < min_revision:
        raise PolicyError(
            f"its revision {freshness.revision} is older than --min-revision {min_revision} "
            "(an earlier release): use the governance team's current release"
        )


def read_freshness(manifest: dict[str, Any]) -> Freshness:
    """The revision number and expiry date in `.manifest` `metadata` (each may be absent)."""
    metadata = manifest.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise PolicyError(f"{MANIFEST}: `metadata` must be an object")
    revision, expires = metadata.get("revision"), metadata.get("expires")
    if revision is not None and (type(revision) is not int or revision < 1):
        raise PolicyError(f"{MANIFEST}: metadata.revision must be a positive whole number")
    return Freshness(revision, None if expires is None else _expiry(expires))


def _expiry(value: Any) -> dt.date:
    """`metadata.expires` as a date; anything but a real YYYY-MM-DD date is refused."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    raise PolicyError(f"{MANIFEST}: metadata.expires must be a date (YYYY-MM-DD)")


def _policy_set(
    files: dict[str, bytes],
    manifest: dict[str, Any],
    source: str,
    digest: str,
    trusted_code: bool,
) -> PolicySet:
    """The bundle's policies; its machine code only when `trusted_code` (the bundle
    verified: native code from an unverified bundle would run outside the Wasm sandbox)."""
    texts = {name: _text(name, content) for name, content in files.items() if _is_text(name)}
    modules = tuple(
        (name, text)
        for name, text in sorted(texts.items())
        if name.endswith(".rego") and not is_test_module(Path(name))
    )
    data = tuple((n, t) for n, t in sorted(texts.items()) if PurePosixPath(n).name == DATA_FILE)
    policies = policy_set(
        modules, data, source=source, revision=manifest["revision"], digest=digest
    )
    return replace(policies, compiled=_compiled(files, manifest, trusted_code))


def _is_text(name: str) -> bool:
    return name not in (SIGNATURES, WASM_MODULE) and not _is_precompiled(name)


def _is_precompiled(name: str) -> bool:
    return name.startswith(PRECOMPILED_DIR + "/") and name.endswith(PRECOMPILED_SUFFIX)


def _compiled(
    files: dict[str, bytes], manifest: dict[str, Any], trusted_code: bool
) -> CompiledPolicy | None:
    """The bundle's compiled policy, when its manifest names `/policy.wasm` for the entry
    point (OPA's own convention for Wasm in bundles)."""
    entries = manifest.get("wasm") or []
    wanted = {"entrypoint": WASM_ENTRYPOINT, "module": "/" + WASM_MODULE}
    if WASM_MODULE not in files:
        if entries:
            raise PolicyError(f"{MANIFEST} names a Wasm module the bundle does not hold")
        return None
    if entries != [wanted]:
        raise PolicyError(f"{MANIFEST}: `wasm` must be exactly [{json.dumps(wanted)}]")
    precompiled = {
        PurePosixPath(name).name.removesuffix(PRECOMPILED_SUFFIX): content
        for name, content in files.items()
        if trusted_code and _is_precompiled(name)
    }
    return CompiledPolicy(wasm=files[WASM_MODULE], precompiled=precompiled)


def _read_manifest(files: dict[str, bytes]) -> dict[str, Any]:
    if MANIFEST not in files:
        raise PolicyError(f"no {MANIFEST} (its revision identifies the policies in reports)")
    try:
        manifest = load_json(_text(MANIFEST, files[MANIFEST]))
    except ParseError as exc:
        raise PolicyError(f"{MANIFEST}: {exc}") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("revision"), str):
        raise PolicyError(f"{MANIFEST}: needs a string `revision`")
    if not manifest["revision"].strip():
        raise PolicyError(f"{MANIFEST}: the revision is empty")
    if manifest.get("rego_version", 1) != 1 or manifest.get("file_rego_versions"):
        raise PolicyError(f"{MANIFEST}: only Rego v1 bundles are supported")
    return manifest


def _text(name: str, content: bytes) -> str:
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PolicyError(f"{name}: not UTF-8 text (byte {exc.start})") from None
