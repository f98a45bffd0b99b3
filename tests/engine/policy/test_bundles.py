"""Signed OPA policy bundles: built reproducibly, hashed as OPA hashes them, and refused
(before any evaluation) whenever the signature, a file hash or the archive itself is wrong.
Real OPA must accept what we build and refuse what we refuse."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import io
import json
import subprocess
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from engine import __version__
from engine.assessment.evidence import gather
from engine.assessment.run import CheckOptions, build_input, run_check
from engine.core.files import find_repository_root
from engine.evaluators import get_evaluator
from engine.manifest import load_manifest, locate_manifest
from engine.policy.bundles import (
    BundleError,
    build_bundle,
    canonical_json,
    default_revision,
    file_hash,
    load_bundle,
    read_archive,
)
from engine.policy.sources import PolicyError, bundled_policy_dir, load_policies
from tests.cli import ai_assure
from tests.keys import write_pem

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "document-search"
AS_OF = dt.date(2026, 11, 26)
RULE = """\
# METADATA
# title: Owner named
# custom:
#   id: ACC-001
#   severity: high
#   controls: ["ISO42001:A.3.2"]
#   remediation: Name the owning team.
package ai_assure.rules.accountability.owner

deny contains {"msg": data.ai_assure.config.message} if not input.manifest.owner
"""


@pytest.fixture(scope="session")
def keys(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """(private, public) PEM pairs: the governance RSA key, another RSA key, an EC key."""
    folder = tmp_path_factory.mktemp("keys")
    return {
        "rsa": write_pem(folder / "gov.pem", rsa.generate_private_key(65537, 2048)),
        "other": write_pem(folder / "other.pem", rsa.generate_private_key(65537, 2048)),
        "ec": write_pem(folder / "ec.pem", ec.generate_private_key(ec.SECP256R1())),
    }


@pytest.fixture(scope="session")
def signed(keys, tmp_path_factory) -> Path:
    """The bundled policy library, built and signed with the governance key."""
    output = tmp_path_factory.mktemp("bundle") / "policy.tar.gz"
    build_bundle(bundled_policy_dir(), output, "2026.11-1", keys["rsa"][0], "governance-2026")
    return output


@pytest.fixture(scope="session")
def compiled(keys, tmp_path_factory) -> Path:
    """The bundled library with its compiled policy (/policy.wasm and machine code), signed."""
    output = tmp_path_factory.mktemp("compiled") / "policy.tar.gz"
    shipped = load_policies().compiled
    build_bundle(bundled_policy_dir(), output, "2026.11-1", keys["rsa"][0], None, shipped)
    return output


@pytest.fixture
def policy_dir(tmp_path) -> Path:
    """A small policy folder with YAML and JSON data in one folder."""
    folder = tmp_path / "policies"
    (folder / "rules").mkdir(parents=True)
    (folder / "rules" / "owner.rego").write_text(RULE)
    (folder / "rules" / "owner_test.rego").write_text("package ai_assure.rules.owner_test\n")
    (folder / "ai_assure" / "config").mkdir(parents=True)
    (folder / "ai_assure" / "config" / "data.yaml").write_text("message: name an owner\n")
    (folder / "ai_assure" / "config" / "data.json").write_text('{"limits": {"days": 365}}')
    return folder


def members(bundle: Path) -> list[tarfile.TarInfo]:
    with tarfile.open(bundle) as archive:
        return archive.getmembers()


def write_archive(path: Path, entries: list[tuple[tarfile.TarInfo, bytes]]) -> Path:
    """A tar.gz of arbitrary (possibly hostile) members."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for info, content in entries:
            info.size = len(content) if info.isreg() else 0
            archive.addfile(info, io.BytesIO(content) if info.isreg() else None)
    path.write_bytes(gzip.compress(buffer.getvalue()))
    return path


def repack(bundle: Path, output: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    """A copy of `bundle` with its files changed by `change` and NOT re-signed."""
    files = read_archive(bundle.read_bytes())
    change(files)
    return write_archive(output, [(tarfile.TarInfo(name), files[name]) for name in files])


def jwt_part(token: str, index: int) -> dict[str, Any]:
    part = token.split(".")[index]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def signatures(bundle: Path) -> list[str]:
    return json.loads(read_archive(bundle.read_bytes())[".signatures.json"])["signatures"]


# Building


def test_round_trip_gives_the_library_with_the_bundle_identity(signed, keys):
    policies = load_bundle(signed, keys["rsa"][1])
    library = load_policies()
    assert policies.modules == library.modules
    assert policies.rules == library.rules
    assert policies.data == library.data
    assert policies.source == "bundle:policy.tar.gz"
    assert policies.revision == "2026.11-1"
    assert policies.digest == "sha256:" + hashlib.sha256(signed.read_bytes()).hexdigest()


def test_same_sources_give_identical_bytes(signed, keys, tmp_path):
    again = tmp_path / "again.tar.gz"
    build_bundle(bundled_policy_dir(), again, "2026.11-1", keys["rsa"][0], "governance-2026")
    assert again.read_bytes() == signed.read_bytes()


def test_archive_is_normalised_and_leaves_tests_out(signed):
    infos = members(signed)
    names = [info.name for info in infos]
    assert names == sorted(names)
    assert not [name for name in names if name.endswith("_test.rego")]
    assert {(i.mtime, i.uid, i.gid, i.uname, i.gname, i.mode) for i in infos} == {
        (0, 0, 0, "", "", 0o644)
    }
    assert signed.read_bytes()[4:8] == b"\0\0\0\0"  # no gzip timestamp


COMMIT = "0123456789abcdef0123456789abcdef01234567"


def test_manifest_carries_revision_roots_version_and_commit(tmp_path, policy_dir):
    (tmp_path / ".git" / "refs" / "heads").mkdir(parents=True)
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / ".git" / "refs" / "heads" / "main").write_text(COMMIT + "\n")
    built = build_bundle(policy_dir, tmp_path / "b.tar.gz")
    manifest = json.loads(read_archive((tmp_path / "b.tar.gz").read_bytes())[".manifest"])
    assert built.revision == default_revision(policy_dir) == f"{__version__}+0123456789ab"
    assert manifest == {
        "revision": built.revision,
        "roots": ["ai_assure"],
        "rego_version": 1,
        "metadata": {"ai_assure_version": __version__, "commit": COMMIT},
    }
    assert built.algorithm is None and ".signatures.json" not in built.files


def test_data_files_of_a_folder_become_one_data_json(policy_dir, tmp_path, keys):
    built = build_bundle(policy_dir, tmp_path / "b.tar.gz", "r1", keys["rsa"][0])
    assert built.files == (
        ".manifest",
        ".signatures.json",
        "ai_assure/config/data.json",
        "rules/owner.rego",
    )
    policies = load_bundle(tmp_path / "b.tar.gz", keys["rsa"][1])
    assert policies.data == load_policies(policy_dir).data
    assert policies.data["ai_assure"]["config"] == {
        "limits": {"days": 365},
        "message": "name an owner",
    }


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rules/data.json", "{}", "data 'rules' is outside the bundle root"),
        ("data.json", '{"ai_assure": {}, "x": 1}', "data 'x' is outside the bundle root"),
        ("other.rego", "package elsewhere\n", "outside the bundle root"),
        ("rules/copy.rego", RULE.replace("owner\n\n", "copy\n\n"), "ACC-001 is also used"),
    ],
)
def test_build_refuses_what_opa_or_check_would_refuse(policy_dir, tmp_path, name, content, message):
    (policy_dir / name).write_text(content)
    with pytest.raises(PolicyError, match=message):
        build_bundle(policy_dir, tmp_path / "b.tar.gz", "r1")
    assert not (tmp_path / "b.tar.gz").exists()


def test_signature_lists_every_other_file_with_its_opa_hash(signed):
    files = read_archive(signed.read_bytes())
    (token,) = signatures(signed)
    assert jwt_part(token, 0) == {"alg": "RS256", "kid": "governance-2026", "typ": "JWT"}
    listed = jwt_part(token, 1)["files"]
    assert {entry["name"] for entry in listed} == set(files) - {".signatures.json"}
    assert {entry["algorithm"] for entry in listed} == {"SHA-256"}
    rego = next(entry for entry in listed if entry["name"] == "main.rego")
    assert rego["hash"] == hashlib.sha256(files["main.rego"]).hexdigest()


def test_ec_keys_sign_with_es256(policy_dir, tmp_path, keys):
    built = build_bundle(policy_dir, tmp_path / "b.tar.gz", "r1", keys["ec"][0])
    assert built.algorithm == "ES256"
    assert load_bundle(tmp_path / "b.tar.gz", keys["ec"][1]).revision == "r1"


# Hashing as OPA does (vectors computed by OPA 1.10.1 `opa build --signing-key`)


def test_structured_files_hash_like_opa():
    data = b'{"ai_assure":{"x":{"a":"x\\u2028y\\u0001\\b","b":1.50,"n":1e2}}}\n'
    assert file_hash("data.json", data) == (
        "1e4d60bc70bf3dc59462760cad92bc29ffd37eb2a99e60e07f427d7d7c657c3a"
    )
    manifest = b'{"revision":"rev1","roots":[""],"rego_version":1}'
    assert file_hash(".manifest", manifest) == (
        "2a9e6ebfa2279af26c5b5b4c1c0526e439dff6acb65a0fdddbfe055bb7ec89b1"
    )


def test_canonical_json_ignores_layout_but_keeps_number_literals():
    spaced = b'{ "z": [1, 2.50, {"b": null, "a": true}],\n  "a": "\\u00e9\\u2029" }'
    assert canonical_json(spaced, "data.json") == (
        '{"a":"\u00e9\\u2029","z":[1,2.50,{"a":true,"b":null}]}'.encode()
    )
    assert file_hash("x/data.json", spaced) == file_hash("x/data.json", spaced.replace(b" ", b""))
    assert file_hash("x.rego", b"a ") != file_hash("x.rego", b"a")


@pytest.mark.parametrize("content", [b'{"a": 1, "a": 2}', b"{'a': 1}", b'{"a": NaN}'])
def test_canonical_json_refuses_ambiguous_documents(content):
    with pytest.raises(PolicyError, match="not valid JSON"):
        canonical_json(content, "data.json")


# Refusals


def tampered_rego(files: dict[str, bytes]) -> None:
    files["main.rego"] = files["main.rego"].replace(b"result", b"resulT", 1)


def tampered_manifest(files: dict[str, bytes]) -> None:
    files[".manifest"] = files[".manifest"].replace(b"2026.11-1", b"2026.11-2")


def added_file(files: dict[str, bytes]) -> None:
    files["rules/extra.rego"] = b"package ai_assure.rules.extra\n"


def removed_file(files: dict[str, bytes]) -> None:
    del files["rules/dpia/approved.rego"]


def unsigned(files: dict[str, bytes]) -> None:
    del files[".signatures.json"]


def two_signatures(files: dict[str, bytes]) -> None:
    token = json.loads(files[".signatures.json"])["signatures"][0]
    files[".signatures.json"] = json.dumps({"signatures": [token, token]}).encode()


def tampered_wasm(files: dict[str, bytes]) -> None:
    files["policy.wasm"] = files["policy.wasm"].replace(b"ai_assure", b"ai_assurf", 1)


REPACKED = {
    "tampered-rego": (tampered_rego, "main.rego: its hash does not match the signed hash"),
    "tampered-manifest": (tampered_manifest, ".manifest: its hash does not match"),
    "added-file": (added_file, "not covered by the signature: rules/extra.rego"),
    "removed-file": (removed_file, "missing from the archive: rules/dpia/approved.rego"),
    "unsigned": (unsigned, "it is not signed"),
    "two-signatures": (two_signatures, "exactly one JWT"),
}


@pytest.mark.parametrize("case", sorted(REPACKED))
def test_changed_bundles_are_refused(signed, keys, tmp_path, case):
    change, message = REPACKED[case]
    bundle = repack(signed, tmp_path / f"{case}.tar.gz", change)
    with pytest.raises(BundleError, match=message) as refused:
        load_bundle(bundle, keys["rsa"][1])
    assert refused.value.digest == "sha256:" + hashlib.sha256(bundle.read_bytes()).hexdigest()


def test_scoped_signatures_are_refused(signed, keys, tmp_path):
    """Signed with the right key, but scoped: OPA run without --scope refuses it too."""
    import jwt

    def scoped(files: dict[str, bytes]) -> None:
        (token,) = json.loads(files[".signatures.json"])["signatures"]
        key = serialization.load_pem_private_key(keys["rsa"][0].read_bytes(), None)
        token = jwt.encode({**jwt_part(token, 1), "scope": "write"}, key, algorithm="RS256")
        files[".signatures.json"] = json.dumps({"signatures": [token]}).encode()

    bundle = repack(signed, tmp_path / "scoped.tar.gz", scoped)
    with pytest.raises(BundleError, match="its signature has scope 'write'"):
        load_bundle(bundle, keys["rsa"][1])


@pytest.mark.parametrize("key", ["other", "ec"])
def test_a_wrong_key_is_refused(signed, keys, key):
    with pytest.raises(BundleError, match="signature does not verify with"):
        load_bundle(signed, keys[key][1])


def test_a_private_key_is_not_a_verification_key(signed, keys):
    with pytest.raises(BundleError, match="not a PEM public key"):
        load_bundle(signed, keys["rsa"][0])


def hostile(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    return info


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([(hostile("../x.rego"), b"package x\n")], "unsafe archive member name '../x.rego'"),
        ([(hostile("a/./x.rego"), b"package x\n")], "unsafe archive member name"),
        ([(hostile("x.rego", tarfile.SYMTYPE, "/etc/passwd"), b"")], "not a regular file"),
        ([(hostile("x.rego", tarfile.LNKTYPE, "main.rego"), b"")], "not a regular file"),
        ([(hostile("notes.txt"), b"hi")], "notes.txt: unexpected file"),
        ([(hostile("x.rego"), b"a"), (hostile("/x.rego"), b"b")], "x.rego appears twice"),
        ([(hostile("x.rego"), b"package ai_assure.x\n")], "no .manifest"),
        ([(hostile(".manifest"), b'{"revision": " "}')], "the revision is empty"),
        ([(hostile(".manifest"), b'{"revision": "r", "rego_version": 0}')], "only Rego v1"),
    ],
)
def test_hostile_archives_are_refused(tmp_path, entries, message):
    bundle = write_archive(tmp_path / "hostile.tar.gz", entries)
    with pytest.raises(BundleError, match=message):
        load_bundle(bundle, allow_unverified=True)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a bundle", "not a gzip file"),
        (gzip.compress(b"garbage" * 100), "not a valid tar archive"),
        (b"", "truncated"),
    ],
)
def test_corrupt_files_are_refused(tmp_path, content, message):
    (tmp_path / "corrupt.tar.gz").write_bytes(content)
    with pytest.raises(BundleError, match=message):
        load_bundle(tmp_path / "corrupt.tar.gz", allow_unverified=True)


def test_truncated_bundles_are_refused(signed, keys, tmp_path):
    (tmp_path / "cut.tar.gz").write_bytes(signed.read_bytes()[:-100])
    with pytest.raises(BundleError, match="truncated"):
        load_bundle(tmp_path / "cut.tar.gz", keys["rsa"][1])


def test_gzip_bombs_stop_at_the_unpacked_limit(tmp_path, monkeypatch):
    monkeypatch.setattr("engine.policy.bundles.MAX_UNPACKED_BYTES", 1 << 20)
    (tmp_path / "bomb.tar.gz").write_bytes(gzip.compress(b"\0" * (8 << 20)))
    with pytest.raises(BundleError, match="unpacks to more than 1048576 bytes"):
        load_bundle(tmp_path / "bomb.tar.gz", allow_unverified=True)


def test_unverified_bundles_are_refused_unless_allowed(signed):
    with pytest.raises(BundleError, match="it is not verified: pass --verify-key"):
        load_bundle(signed)
    assert load_bundle(signed, allow_unverified=True).source == "bundle:policy.tar.gz (unverified)"


def test_a_pinned_digest_verifies_the_file(signed):
    digest = hashlib.sha256(signed.read_bytes()).hexdigest()
    assert load_bundle(signed, digest=digest).source == "bundle:policy.tar.gz"
    assert load_bundle(signed, digest=f"sha256:{digest.upper()}").revision == "2026.11-1"
    with pytest.raises(BundleError, match="is not the pinned"):
        load_bundle(signed, digest="sha256:" + "0" * 64)


def test_refused_bundles_are_never_evaluated(signed, keys, tmp_path, monkeypatch):
    evaluated = []
    monkeypatch.setattr("engine.assessment.run.get_evaluator", lambda *a, **k: evaluated.append(a))
    bundle = repack(signed, tmp_path / "t.tar.gz", tampered_rego)
    options = CheckOptions(as_of=AS_OF, bundle=bundle, verify_key=keys["rsa"][1])
    report = run_check(EXAMPLE, options)
    assert report.verdict == "error" and not evaluated
    assert report.errors == [
        "bundle t.tar.gz: main.rego: its hash does not match the signed hash (tampered)"
    ]
    assert report.policy.source == "bundle:t.tar.gz" and report.policy.revision == "unknown"
    assert report.policy.digest == "sha256:" + hashlib.sha256(bundle.read_bytes()).hexdigest()


def test_every_report_names_the_bundle_revision_and_digest(signed, keys):
    report = run_check(EXAMPLE, CheckOptions(as_of=AS_OF, bundle=signed, verify_key=keys["rsa"][1]))
    assert report.verdict != "error", report.errors
    assert (report.policy.source, report.policy.revision) == ("bundle:policy.tar.gz", "2026.11-1")
    assert report.policy.digest == load_bundle(signed, keys["rsa"][1]).digest


# Real OPA


def example_input() -> dict[str, Any]:
    manifest_path = locate_manifest(EXAMPLE)
    root = find_repository_root(manifest_path.parent)
    manifest = load_manifest(manifest_path)
    evidence = gather(manifest.model, manifest_path.parent, root)
    return build_input(manifest, evidence, AS_OF, root)


def sorted_sets(value: Any) -> Any:
    """Rego sets have no order: compare arrays as sorted."""
    if isinstance(value, dict):
        return {key: sorted_sets(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((sorted_sets(item) for item in value), key=_canonical)
    return value


def _canonical(value: Any) -> str:
    """One text per value, whatever order its objects' keys came in."""
    return json.dumps(value, sort_keys=True)


def test_real_opa_serves_our_signed_bundle_like_the_embedded_evaluator(
    signed, keys, run_opa_server
):
    import requests

    document = example_input()
    arguments = ["--verification-key", str(keys["rsa"][1]), "--verification-key-id"]
    with run_opa_server("--bundle", str(signed), *arguments, "governance-2026") as url:
        response = requests.post(
            f"{url}/v1/data/ai_assure/main/result", json={"input": document}, timeout=30
        )
    opa_result = response.json()["result"]
    embedded = get_evaluator("embedded").evaluate(load_bundle(signed, keys["rsa"][1]), document)
    assert opa_result["tier"] == embedded["tier"]
    assert sorted_sets(opa_result) == sorted_sets(embedded)


def test_real_opa_accepts_es256_bundles_with_unusual_data(
    policy_dir, keys, tmp_path, run_opa_server
):
    import requests

    tricky = {"text": "line\u2028sep\u2029\x01\x7f é 😀 <&>", "big": 12345678901234567890, "f": 0.1}
    (policy_dir / "ai_assure" / "config" / "data.json").write_text(json.dumps(tricky))
    bundle = tmp_path / "ec.tar.gz"
    build_bundle(policy_dir, bundle, "r-ec", keys["ec"][0])
    arguments = ["--verification-key", str(keys["ec"][1]), "--signing-alg", "ES256"]
    with run_opa_server("--bundle", str(bundle), *arguments) as url:
        served = requests.get(f"{url}/v1/data/ai_assure/config", timeout=10).json()["result"]
    assert served == {**tricky, "message": "name an owner"}


@pytest.mark.parametrize("case", ["tampered-rego", "added-file", "removed-file", "unsigned"])
def test_real_opa_refuses_what_we_refuse(signed, keys, tmp_path, run_opa_server, case):
    change, _ = REPACKED[case]
    bundle = repack(signed, tmp_path / f"{case}.tar.gz", change)
    with (
        pytest.raises(RuntimeError, match="OPA exited 1"),
        run_opa_server("--bundle", str(bundle), "--verification-key", str(keys["rsa"][1])),
    ):
        pass
    with pytest.raises(BundleError):
        load_bundle(bundle, keys["rsa"][1])


def test_real_opa_refuses_a_wrong_key(signed, keys, run_opa_server):
    with (
        pytest.raises(RuntimeError, match=r"OPA exited 1.*verif"),
        run_opa_server("--bundle", str(signed), "--verification-key", str(keys["other"][1])),
    ):
        pass


def test_we_verify_bundles_signed_by_opa_build(policy_dir, keys, tmp_path, opa_binary):
    bundle = tmp_path / "opa-built.tar.gz"
    command = [opa_binary, "build", "--bundle", str(policy_dir), "--signing-key"]
    command += [str(keys["rsa"][0]), "--revision", "opa-1", "--output", str(bundle)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    policies = load_bundle(bundle, keys["rsa"][1])
    assert policies.revision == "opa-1"
    assert policies.data["ai_assure"]["config"]["message"] == "name an owner"
    with pytest.raises(BundleError, match="does not verify"):
        load_bundle(bundle, keys["other"][1])


# Command line


def test_policy_build_prints_revision_and_digest(keys, tmp_path, policy_dir):
    output = tmp_path / "b.tar.gz"
    result = ai_assure(
        "policy", "build", "-o", output, "--policy-dir", policy_dir, "--revision", "9",
        "--expires", "2027-03-31", "--signing-key", keys["rsa"][0], "--key-id", "gov", "--no-wasm",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    digest = "sha256:" + hashlib.sha256(output.read_bytes()).hexdigest()
    expected = (
        f"{output}: revision 9, expires 2027-03-31, 4 files, Rego only, signed RS256\n"
        f"digest {digest}\n"
    )
    assert result.stdout == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--key-id", "gov"], "--key-id needs --signing-key"),
        (["--signing-key", "missing.pem"], "cannot read key missing.pem"),
        (["--policy-dir", "nowhere"], "nowhere: policy directory not found"),
        (["--revision", "2026.11.1"], "'2026.11.1' is not a valid integer"),
        (["--revision", "0"], "0 is not in the range x>=1"),
        (["--expires", "soon"], "'soon' is not a date in YYYY-MM-DD form"),
    ],
)
def test_policy_build_errors_exit_2(tmp_path, args, message):
    result = ai_assure("policy", "build", "-o", tmp_path / "b.tar.gz", *args)
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr


def check_bundle(bundle: Path, tmp_path: Path, *args: str | Path) -> tuple[int, dict, str]:
    report = tmp_path / "report.json"
    result = ai_assure(
        "check", EXAMPLE, "--as-of", AS_OF.isoformat(), "--format", f"json={report}",
        "--bundle", bundle, *args,
    )  # fmt: skip
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(report.read_text()), result.stderr


def test_check_with_a_verified_bundle(signed, keys, tmp_path):
    code, report, _ = check_bundle(signed, tmp_path, "--verify-key", keys["rsa"][1])
    assert code in (0, 1) and report["verdict"] != "error"
    assert report["policy"] == {
        "source": "bundle:policy.tar.gz",
        "revision": "2026.11-1",
        "digest": "sha256:" + hashlib.sha256(signed.read_bytes()).hexdigest(),
        "local_digest": None,
        "local_engine": None,
    }


@pytest.mark.parametrize(
    ("case", "key", "message"),
    [
        ("tampered-rego", "rsa", "main.rego: its hash does not match the signed hash"),
        ("added-file", "rsa", "not covered by the signature"),
        ("removed-file", "rsa", "missing from the archive"),
        ("unsigned", "rsa", "it is not signed"),
        (None, "other", "its signature does not verify with other.pub.pem"),
        (None, None, "it is not verified: pass --verify-key"),
    ],
)
def test_check_refuses_bad_bundles_with_exit_2(signed, keys, tmp_path, case, key, message):
    bundle = repack(signed, tmp_path / "b.tar.gz", REPACKED[case][0]) if case else signed
    key_args = ["--verify-key", keys[key][1]] if key else []
    code, report, stderr = check_bundle(bundle, tmp_path, *key_args)
    assert code == 2 and report["verdict"] == "error"
    assert message in stderr and report["errors"] == [
        stderr.strip().removeprefix("ai-assure: error: ")
    ]
    assert report["findings"] == [] and report["tier"]["level"] == "unknown"
    assert report["policy"]["revision"] == "unknown"


def test_check_with_allow_unverified_says_so(signed, tmp_path):
    code, report, _ = check_bundle(signed, tmp_path, "--allow-unverified")
    assert code in (0, 1) and report["policy"]["source"] == "bundle:policy.tar.gz (unverified)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--verify-key", "k.pem"], "need --bundle"),
        (["--min-revision", "3"], "need --bundle"),
        (["--bundle", "b.tar.gz", "--min-revision", "0"], "0 is not in the range x>=1"),
        (
            ["--bundle", "b.tar.gz", "--governance-policies", "."],
            "--bundle and --governance-policies",
        ),
    ],
)
def test_check_bundle_option_misuse_exits_2(args, message):
    result = ai_assure("check", EXAMPLE, *args)
    assert result.returncode == 2 and message in result.stderr


# The compiled policy in a bundle


def test_policy_build_of_the_library_carries_its_compiled_policy_without_opa(keys, tmp_path):
    """The bundled library ships compiled, so building its bundle needs no OPA."""
    output = tmp_path / "b.tar.gz"
    result = ai_assure(
        "policy", "build", "-o", output, "--signing-key", keys["rsa"][0],
        "--opa-binary", tmp_path / "no-opa-here",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "with policy.wasm" in result.stdout
    files = read_archive(output.read_bytes())
    assert files["policy.wasm"] == load_policies().compiled.wasm
    assert [name for name in files if name.endswith(".cwasm")]
    manifest = json.loads(files[".manifest"])
    assert manifest["wasm"] == [{"entrypoint": "ai_assure/main/result", "module": "/policy.wasm"}]


def test_a_verified_compiled_bundle_is_evaluated_without_opa(compiled, keys, tmp_path):
    no_opa = tmp_path / "no-opa-here"
    code, report, stderr = check_bundle(
        compiled, tmp_path, "--verify-key", keys["rsa"][1], "--opa-binary", no_opa
    )
    assert code in (0, 1), stderr
    library = json.loads(run_check(EXAMPLE, CheckOptions(as_of=AS_OF)).to_json())
    assert {**report, "policy": None} == {**library, "policy": None}


def test_machine_code_from_an_unverified_bundle_is_never_used(compiled):
    """Native code runs outside the WebAssembly sandbox: only a verified bundle's counts."""
    unverified = load_bundle(compiled, allow_unverified=True)
    assert unverified.compiled is not None and unverified.compiled.precompiled == {}


def test_a_changed_compiled_policy_is_refused(compiled, keys, tmp_path):
    bundle = repack(compiled, tmp_path / "wasm.tar.gz", tampered_wasm)
    with pytest.raises(BundleError, match=r"policy\.wasm: its hash does not match"):
        load_bundle(bundle, keys["rsa"][1])


def test_real_opa_verifies_the_signature_over_the_compiled_policy(
    compiled, keys, tmp_path, opa_binary
):
    """`opa build --bundle --verification-key` checks every signed file, the Wasm module and
    the machine code included; changing the module makes it refuse."""
    command = [opa_binary, "build", "--bundle", "--verification-key", str(keys["rsa"][1])]
    done = subprocess.run(
        [*command, "-o", str(tmp_path / "out.tar.gz"), str(compiled)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    changed = repack(compiled, tmp_path / "changed.tar.gz", tampered_wasm)
    done = subprocess.run(
        [*command, "-o", str(tmp_path / "out2.tar.gz"), str(changed)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0


# Rollback: a validly signed but older or expired release


@pytest.fixture(scope="module")
def release(keys, tmp_path_factory) -> Path:
    """Release 12 of the library, signed, usable until 2026-11-25 (the day before AS_OF)."""
    output = tmp_path_factory.mktemp("release") / "policy-12.tar.gz"
    result = ai_assure(
        "policy", "build", "-o", output, "--signing-key", keys["rsa"][0],
        "--revision", "12", "--expires", "2026-11-25",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return output


def test_a_release_signs_its_revision_number_and_expiry_into_the_manifest(release):
    manifest = json.loads(read_archive(release.read_bytes())[".manifest"])
    assert manifest["revision"] == "12"
    assert manifest["metadata"]["revision"] == 12
    assert manifest["metadata"]["expires"] == "2026-11-25"


def test_a_changed_revision_number_is_refused_as_tampering(release, keys, tmp_path):
    def newer(files: dict[str, bytes]) -> None:
        files[".manifest"] = files[".manifest"].replace(b'"revision": 12', b'"revision": 99')

    bundle = repack(release, tmp_path / "newer.tar.gz", newer)
    with pytest.raises(BundleError, match=r"\.manifest: its hash does not match the signed hash"):
        load_bundle(bundle, keys["rsa"][1], as_of=dt.date(2026, 1, 1), min_revision=99)


@pytest.mark.parametrize("evaluator", ["embedded", "opa"])
def test_check_refuses_an_expired_release_before_evaluating_it(
    release, keys, tmp_path, evaluator, opa_binary
):
    code, report, stderr = check_bundle(
        release, tmp_path, "--verify-key", keys["rsa"][1], "--evaluator", evaluator,
        "--opa-binary", opa_binary,
    )  # fmt: skip
    message = (
        "bundle policy-12.tar.gz: it expired on 2026-11-25 (the check runs as of 2026-11-26): "
        "use the governance team's current release"
    )
    assert code == 2 and stderr == f"ai-assure: error: {message}\n"
    assert report["errors"] == [message] and report["findings"] == []


def test_a_release_is_usable_on_its_last_day(release, keys, tmp_path):
    report_file = tmp_path / "report.json"
    result = ai_assure(
        "check", EXAMPLE, "--as-of", "2026-11-25", "--format", f"json={report_file}",
        "--bundle", release, "--verify-key", keys["rsa"][1], "--min-revision", "12",
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(report_file.read_text())["policy"]["revision"] == "12"


@pytest.mark.parametrize("evaluator", ["embedded", "opa"])
def test_check_refuses_a_release_older_than_min_revision(
    release, keys, tmp_path, evaluator, opa_binary
):
    result = ai_assure(
        "check", EXAMPLE, "--as-of", "2026-11-01", "--bundle", release,
        "--verify-key", keys["rsa"][1], "--min-revision", "13", "--evaluator", evaluator,
        "--opa-binary", opa_binary,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        "ai-assure: error: bundle policy-12.tar.gz: its revision 12 is older than "
        "--min-revision 13 (an earlier release): use the governance team's current release\n"
    )


def test_min_revision_refuses_a_release_without_a_revision_number(signed, keys, tmp_path):
    code, _, stderr = check_bundle(
        signed, tmp_path, "--verify-key", keys["rsa"][1], "--min-revision", "1"
    )
    assert code == 2 and "it carries no revision number (`policy build --revision N`)" in stderr


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ({"revision": "12"}, "metadata.revision must be a positive whole number"),
        ({"revision": 0}, "metadata.revision must be a positive whole number"),
        ({"revision": True}, "metadata.revision must be a positive whole number"),
        ({"expires": "2026-02-30"}, "metadata.expires must be a date"),
        ({"expires": 20261125}, "metadata.expires must be a date"),
    ],
)
def test_malformed_freshness_metadata_is_refused(signed, tmp_path, metadata, message):
    def rewrite(files: dict[str, bytes]) -> None:
        manifest = json.loads(files[".manifest"])
        manifest["metadata"].update(metadata)
        files[".manifest"] = json.dumps(manifest).encode()
        del files[".signatures.json"]

    bundle = repack(signed, tmp_path / "odd.tar.gz", rewrite)
    with pytest.raises(BundleError, match=message):
        load_bundle(bundle, allow_unverified=True, as_of=AS_OF)
