"""Assurance records: `check --attest` writes an in-toto Statement v1 in a DSSE envelope,
signed with Ed25519; `verify-record` accepts it unchanged and refuses any change."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from engine.assessment.run import CheckOptions, run_check
from engine.records.attestation import (
    PASSWORD_ENV,
    PREDICATE_TYPE,
    STATEMENT_TYPE,
    AttestationError,
    Attestor,
    canonical_json,
    envelope,
    key_id,
    pae,
    verify_record,
)

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
AS_OF = dt.date(2026, 11, 26)
FAILING, PASSING = "probation-risk-assistant", "document-search"

# The in-toto Statement v1 shape (in-toto/attestation spec/v1/statement.md), as we produce it:
# every subject a name and a sha256 digest.
STATEMENT_SCHEMA = {
    "type": "object",
    "required": ["_type", "subject", "predicateType", "predicate"],
    "properties": {
        "_type": {"const": "https://in-toto.io/Statement/v1"},
        "subject": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "digest"],
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    "digest": {
                        "type": "object",
                        "required": ["sha256"],
                        "properties": {"sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}},
                        "additionalProperties": {"type": "string"},
                    },
                },
            },
        },
        "predicateType": {"type": "string", "format": "uri"},
        "predicate": {"type": "object"},
    },
}


# Keys and records


def _pem_private(key: Any, password: bytes | None = None) -> bytes:
    encryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )


def _pem_public(key: Any) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> dict[str, Path]:
    """Two Ed25519 key pairs, an encrypted Ed25519 key and an RSA pair, as PEM files."""
    folder = tmp_path_factory.mktemp("keys")
    pairs = {"signer": ed25519.Ed25519PrivateKey.generate()}
    pairs["other"] = ed25519.Ed25519PrivateKey.generate()
    pairs["rsa"] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    files = {}
    for name, key in pairs.items():
        files[name] = folder / f"{name}.pem"
        files[name].write_bytes(_pem_private(key))
        files[f"{name}.pub"] = folder / f"{name}.pub.pem"
        files[f"{name}.pub"].write_bytes(_pem_public(key))
    files["encrypted"] = folder / "encrypted.pem"
    files["encrypted"].write_bytes(_pem_private(pairs["signer"], b"correct horse"))
    return files


def _public(keys: dict[str, Path], name: str) -> Any:
    return serialization.load_pem_public_key(keys[f"{name}.pub"].read_bytes())


def copy_example(name: str, destination: Path) -> Path:
    """A copy of an example system as its own repository (so files can be changed)."""
    target = destination / name
    shutil.copytree(EXAMPLES / name, target)
    (target / ".git").mkdir()
    return target


def attest(target: Path, key: Path | None) -> bytes:
    """What `check TARGET --as-of 2026-11-26 --attest FILE [--attest-key KEY]` writes."""
    attestor = Attestor.prepare(target, key)
    return attestor.record(run_check(target, CheckOptions(as_of=AS_OF)))


@pytest.fixture(scope="module")
def failing(tmp_path_factory, keys) -> tuple[Path, Path]:
    """The failing example's repository and its signed record."""
    repo = copy_example(FAILING, tmp_path_factory.mktemp("failing"))
    record = repo.parent / "record.json"
    record.write_bytes(attest(repo, keys["signer"]))
    return repo, record


def read_envelope(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text())


def payload_of(document: dict[str, Any]) -> dict[str, Any]:
    return json.loads(base64.b64decode(document["payload"]))


def write_envelope(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document))
    return path


def signed_envelope(statement_bytes: bytes, key_path: Path) -> dict[str, Any]:
    private = serialization.load_pem_private_key(key_path.read_bytes(), None)
    return json.loads(envelope(statement_bytes, private))


# PAE and the envelope


def test_pae_matches_the_dsse_specification_byte_for_byte():
    # DSSE protocol.md's own example, lengths counted by hand.
    assert pae("http://example.com/HelloWorld", b"hello world") == (
        b"DSSEv1 29 http://example.com/HelloWorld 11 hello world"
    )
    # LEN is the UTF-8 byte length (29 for 28 characters), an empty body is "0 ".
    assert pae("application/vnd.ex\u00e4mple+json", b"{}") == (
        b"DSSEv1 29 application/vnd.ex\xc3\xa4mple+json 2 {}"
    )
    assert pae("application/vnd.in-toto+json", b"") == (
        b"DSSEv1 28 application/vnd.in-toto+json 0 "
    )


def test_the_signature_covers_the_pae_of_the_in_toto_payload_type(failing, keys):
    document = read_envelope(failing[1])
    body = base64.b64decode(document["payload"])
    by_hand = b"DSSEv1 28 application/vnd.in-toto+json " + str(len(body)).encode() + b" " + body
    signature = base64.b64decode(document["signatures"][0]["sig"])
    _public(keys, "signer").verify(signature, by_hand)  # raises if it does not verify


def test_the_key_id_is_the_sha256_of_the_public_key_der(failing, keys):
    der = _public(keys, "signer").public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    keyid = read_envelope(failing[1])["signatures"][0]["keyid"]
    assert keyid == hashlib.sha256(der).hexdigest() == key_id(_public(keys, "signer"))


def test_the_envelope_holds_exactly_payload_type_payload_and_signatures(failing):
    document = read_envelope(failing[1])
    assert set(document) == {"payload", "payloadType", "signatures"}
    assert document["payloadType"] == "application/vnd.in-toto+json"
    assert [set(signature) for signature in document["signatures"]] == [{"keyid", "sig"}]


def test_the_payload_is_canonical_json(failing):
    body = base64.b64decode(read_envelope(failing[1])["payload"])
    assert body == canonical_json(json.loads(body))


# The statement


def test_the_statement_is_an_in_toto_statement_v1(failing):
    statement = payload_of(read_envelope(failing[1]))
    jsonschema.validate(statement, STATEMENT_SCHEMA, format_checker=jsonschema.FormatChecker())
    assert statement["_type"] == STATEMENT_TYPE
    assert statement["predicateType"] == PREDICATE_TYPE == "https://ai-assure.dev/assessment/v1"


def test_subjects_are_the_manifest_and_every_hashed_evidence_file_sorted(failing):
    repo, record = failing
    statement = payload_of(read_envelope(record))
    names = [subject["name"] for subject in statement["subject"]]
    evidence = {item["path"] for item in statement["predicate"]["evidence"] if item["sha256"]}
    assert names == sorted({"ai-manifest.yaml", *evidence})
    for subject in statement["subject"]:
        content = (repo / subject["name"]).read_bytes()
        assert subject["digest"] == {"sha256": hashlib.sha256(content).hexdigest()}


def test_the_predicate_is_the_whole_json_report(failing):
    repo, record = failing
    report = run_check(repo, CheckOptions(as_of=AS_OF))
    predicate = payload_of(read_envelope(record))["predicate"]
    assert predicate == json.loads(report.to_json())
    assert predicate["schema"] == "ai-assure/report/v1"
    assert predicate["verdict"] == "fail" and predicate["as_of"] == "2026-11-26"
    assert predicate["policy"]["digest"].startswith("sha256:")


def test_subject_names_are_relative_to_the_repository_root(tmp_path):
    repo = tmp_path / "monorepo"
    (repo / ".git").mkdir(parents=True)
    shutil.copytree(EXAMPLES / PASSING, repo / "systems" / PASSING)
    record = tmp_path / "record.json"
    record.write_bytes(attest(repo / "systems" / PASSING, None))
    names = [subject["name"] for subject in payload_of(read_envelope(record))["subject"]]
    assert f"systems/{PASSING}/ai-manifest.yaml" in names
    assert all(name.startswith(f"systems/{PASSING}/") for name in names)
    assert verify_record(record, None, allow_unsigned=True, repository=repo).files_checked


def test_missing_evidence_is_in_the_report_but_not_a_subject(make_repo):
    repo = make_repo(files={"sbom.cdx.json": '{"bomFormat": "CycloneDX", "specVersion": "1.6"}'})
    statement = payload_of(json.loads(attest(repo, None)))
    assert [subject["name"] for subject in statement["subject"]] == [
        "ai-manifest.yaml",
        "sbom.cdx.json",
    ]
    missing = [e for e in statement["predicate"]["evidence"] if e["status"] == "missing"]
    assert [item["path"] for item in missing] == ["docs/model-card.md"]


def test_the_same_run_writes_the_same_bytes(tmp_path, keys):
    repo = copy_example(FAILING, tmp_path)
    assert attest(repo, keys["signer"]) == attest(repo, keys["signer"])
    assert attest(repo, None) == attest(repo, None)


def test_a_manifest_changed_during_the_check_gets_no_record(tmp_path):
    repo = copy_example(PASSING, tmp_path)
    attestor = Attestor.prepare(repo, None)
    report = run_check(repo, CheckOptions(as_of=AS_OF))
    with (repo / "ai-manifest.yaml").open("a") as manifest:
        manifest.write("# edited\n")
    with pytest.raises(AttestationError, match=r"ai-manifest\.yaml changed during the check"):
        attestor.record(report)


# Verifying


def test_a_signed_record_verifies_with_its_public_key(failing, keys):
    repo, record = failing
    verified = verify_record(record, keys["signer.pub"], repository=repo)
    assert verified.keyid == key_id(_public(keys, "signer"))
    assert verified.files_checked
    assert verified.summary(repo).startswith(
        f"verified, signed by key {verified.keyid}: {FAILING} fail as of 2026-11-26"
    )


def _flip_payload_byte(document: dict[str, Any], keys: dict[str, Path]) -> None:
    body = bytearray(base64.b64decode(document["payload"]))
    body[len(body) // 2] ^= 0x01
    document["payload"] = base64.b64encode(bytes(body)).decode()


def _change_verdict(document: dict[str, Any], keys: dict[str, Path]) -> None:
    statement = payload_of(document)
    statement["predicate"]["verdict"] = "pass"
    document["payload"] = base64.b64encode(canonical_json(statement)).decode()


def _change_signature(document: dict[str, Any], keys: dict[str, Path]) -> None:
    signature = bytearray(base64.b64decode(document["signatures"][0]["sig"]))
    signature[0] ^= 0x80
    document["signatures"][0]["sig"] = base64.b64encode(bytes(signature)).decode()


def _resign_with_other_key(document: dict[str, Any], keys: dict[str, Path]) -> None:
    body = base64.b64decode(document["payload"])
    document["signatures"] = signed_envelope(body, keys["other"])["signatures"]


def _drop_keyid_and_resign(document: dict[str, Any], keys: dict[str, Path]) -> None:
    _resign_with_other_key(document, keys)
    del document["signatures"][0]["keyid"]


def _set_spare_base64_bits(document: dict[str, Any], keys: dict[str, Path]) -> None:
    # A 64-byte signature is 86 base64 characters and "==": the last character's low 4 bits
    # are unused, so a lenient decoder reads the same signature from a different text.
    sig = document["signatures"][0]["sig"]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    assert sig.endswith("==") and alphabet.index(sig[-3]) & 0b1111 == 0
    document["signatures"][0]["sig"] = sig[:-3] + alphabet[alphabet.index(sig[-3]) | 1] + "=="
    assert base64.b64decode(document["signatures"][0]["sig"]) == base64.b64decode(sig)


TAMPERING = {
    "one payload byte flipped": (_flip_payload_byte, "does not verify"),
    "verdict changed to pass": (_change_verdict, "does not verify"),
    "signature changed": (_change_signature, "does not verify"),
    "re-signed by another key": (_resign_with_other_key, "signed by key"),
    "another key's signature without keyid": (_drop_keyid_and_resign, "does not verify"),
    "payloadType changed": (
        lambda d, _k: d.update(payloadType="application/vnd.in-toto.other+json"),
        "payloadType",
    ),
    "signature removed": (lambda d, _k: d.update(signatures=[]), "unsigned"),
    "signature repeated": (lambda d, _k: d["signatures"].append(d["signatures"][0]), "2 sig"),
    "unknown envelope field": (lambda d, _k: d.update(note="trust me"), "not a DSSE envelope"),
    "unknown signature field": (lambda d, _k: d["signatures"][0].update(x=1), "signature entry"),
    "payload not base64": (lambda d, _k: d.update(payload=d["payload"] + "!"), "base64"),
    "signature base64 with spare bits set": (_set_spare_base64_bits, "canonical base64"),
    "payload not a string": (lambda d, _k: d.update(payload=7), "must be a string"),
}


@pytest.mark.parametrize("change", TAMPERING.values(), ids=TAMPERING.keys())
def test_any_change_to_a_signed_record_fails(failing, keys, tmp_path, change):
    mutate, message = change
    document = read_envelope(failing[1])
    mutate(document, keys)
    changed = write_envelope(tmp_path / "changed.json", document)
    with pytest.raises(AttestationError, match=message):
        verify_record(changed, keys["signer.pub"])


def test_the_wrong_public_key_fails(failing, keys):
    with pytest.raises(AttestationError, match="signed by key"):
        verify_record(failing[1], keys["other.pub"])


def _statement_bytes(**fields: Any) -> bytes:
    statement = {
        "_type": STATEMENT_TYPE,
        "subject": [{"name": "ai-manifest.yaml", "digest": {"sha256": "0" * 64}}],
        "predicateType": PREDICATE_TYPE,
        "predicate": {
            "schema": "ai-assure/report/v1",
            "system": {"id": "x", "name": "X"},
            "verdict": "pass",
            "as_of": "2026-11-26",
            "policy": {"source": "bundled", "revision": "1", "digest": "sha256:0"},
        },
    }
    statement.update(fields)
    return canonical_json({k: v for k, v in statement.items() if v is not None})


SIGNED_BUT_MALFORMED = {
    "not JSON": (b"not json", "not JSON"),
    "not a statement": (_statement_bytes(_type="https://in-toto.io/Statement/v0.1"), "in-toto"),
    "another predicate": (
        _statement_bytes(predicateType="https://slsa.dev/provenance/v1"),
        "predicateType",
    ),
    "no subjects": (_statement_bytes(subject=[]), "no subjects"),
    "subject without sha256": (
        _statement_bytes(subject=[{"name": "a", "digest": {"sha1": "0" * 40}}]),
        "malformed",
    ),
    "repeated subject": (
        _statement_bytes(subject=[{"name": "a", "digest": {"sha256": "0" * 64}}] * 2),
        "repeated",
    ),
    "not our report": (_statement_bytes(predicate={"verdict": "pass"}), "ai-assure/report/v1"),
}


@pytest.mark.parametrize("body, message", SIGNED_BUT_MALFORMED.values(), ids=SIGNED_BUT_MALFORMED)
def test_a_validly_signed_payload_must_still_be_our_statement(keys, tmp_path, body, message):
    record = write_envelope(tmp_path / "r.json", signed_envelope(body, keys["signer"]))
    with pytest.raises(AttestationError, match=message):
        verify_record(record, keys["signer.pub"])


def test_url_safe_base64_is_accepted_as_dsse_requires(keys, tmp_path):
    document = signed_envelope(_statement_bytes(), keys["signer"])
    for field in (document, document["signatures"][0]):
        key = "payload" if field is document else "sig"
        field[key] = base64.urlsafe_b64encode(base64.b64decode(field[key])).decode()
    record = write_envelope(tmp_path / "r.json", document)
    assert verify_record(record, keys["signer.pub"]).keyid == key_id(_public(keys, "signer"))


@pytest.mark.parametrize(
    "content, message",
    [
        (b"{", "not a DSSE envelope"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[]", "not a DSSE envelope"),
        (b'{"payload": "", "payload": "", "payloadType": "", "signatures": []}', "duplicate"),
    ],
)
def test_unreadable_records_fail(tmp_path, keys, content, message):
    record = tmp_path / "r.json"
    record.write_bytes(content)
    with pytest.raises(AttestationError, match=message):
        verify_record(record, keys["signer.pub"])


def test_an_unsigned_record_verifies_only_when_allowed(tmp_path):
    repo = copy_example(PASSING, tmp_path)
    record = tmp_path / "unsigned.json"
    record.write_bytes(attest(repo, None))
    assert read_envelope(record)["signatures"] == []
    with pytest.raises(AttestationError, match="unsigned"):
        verify_record(record, None)
    verified = verify_record(record, None, allow_unsigned=True, repository=repo)
    assert verified.keyid is None
    assert "UNSIGNED" in verified.summary(repo)


def test_allowing_unsigned_records_still_checks_a_signature(failing, keys, tmp_path):
    document = read_envelope(failing[1])
    _change_verdict(document, keys)
    changed = write_envelope(tmp_path / "changed.json", document)
    with pytest.raises(AttestationError, match="does not verify"):
        verify_record(changed, keys["signer.pub"], allow_unsigned=True)
    with pytest.raises(AttestationError, match="give --key"):
        verify_record(changed, None, allow_unsigned=True)


# Subject files on disk (--path)


def test_a_changed_evidence_file_fails_against_the_repository(tmp_path, keys):
    repo = copy_example(FAILING, tmp_path)
    record = tmp_path / "record.json"
    record.write_bytes(attest(repo, keys["signer"]))
    with (repo / "docs" / "dpia.yaml").open("a") as dpia:
        dpia.write("# approved after all\n")
    (repo / "docs" / "model-card.md").unlink()
    count = len(verify_record(record, keys["signer.pub"]).statement["subject"])  # intact
    with pytest.raises(AttestationError) as raised:
        verify_record(record, keys["signer.pub"], repository=repo)
    assert str(raised.value) == (
        f"2 of {count} subjects do not match {repo}: "
        "docs/dpia.yaml (changed), docs/model-card.md (missing)"
    )


def test_subjects_cannot_name_files_outside_the_repository(keys, tmp_path):
    (tmp_path / "secret").write_text("x")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "link").symlink_to(tmp_path / "secret")
    subjects = [
        {"name": "../secret", "digest": {"sha256": "0" * 64}},
        {"name": "/etc/hostname", "digest": {"sha256": "1" * 64}},
        {"name": "link", "digest": {"sha256": "2" * 64}},
    ]
    body = _statement_bytes(subject=subjects)
    record = write_envelope(tmp_path / "r.json", signed_envelope(body, keys["signer"]))
    with pytest.raises(AttestationError) as raised:
        verify_record(record, keys["signer.pub"], repository=repo)
    assert str(raised.value).count("(outside the repository)") == 3


# Keys


def test_an_encrypted_key_signs_with_the_password_from_the_environment(keys, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "correct horse")
    assert Attestor.prepare(EXAMPLES / PASSING, keys["encrypted"]).private_key is not None


@pytest.mark.parametrize(
    "key, password, message",
    [
        ("encrypted", None, f"the key is encrypted; set {PASSWORD_ENV}"),
        ("encrypted", "wrong", f"or {PASSWORD_ENV} is not its password"),
        ("signer", "unneeded", "is set but the key is not encrypted"),
        ("rsa", None, "RSA, not Ed25519"),
        ("signer.pub", None, "not a PEM private key"),
    ],
)
def test_bad_signing_keys_are_refused(keys, monkeypatch, key, password, message):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    if password:
        monkeypatch.setenv(PASSWORD_ENV, password)
    with pytest.raises(AttestationError, match=message):
        Attestor.prepare(EXAMPLES / PASSING, keys[key])


@pytest.mark.parametrize(
    "key, message", [("rsa.pub", "RSA, not Ed25519"), ("signer", "not a PEM public key")]
)
def test_bad_verification_keys_are_refused(failing, keys, key, message):
    with pytest.raises(AttestationError, match=message):
        verify_record(failing[1], keys[key])


# The command line


def ai_assure(*args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from engine.cli import run; run()", *map(str, args)]
    environment = {name: value for name, value in os.environ.items() if name != PASSWORD_ENV}
    environment.update(PYTHONPATH=str(ROOT), NO_COLOR="1", **env)
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)


def assert_clean_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


@pytest.mark.parametrize("example, code, verdict", [(FAILING, 1, "fail"), (PASSING, 0, "pass")])
def test_check_attest_then_verify_record(tmp_path, keys, example, code, verdict):
    repo = copy_example(example, tmp_path)
    record = tmp_path / "record.json"
    checked = ai_assure(
        "check", repo, "--as-of", "2026-11-26", "--attest", record, "--attest-key", keys["signer"]
    )
    assert checked.returncode == code, checked.stderr
    assert "PRIVATE KEY" not in checked.stdout + checked.stderr
    verified = ai_assure("verify-record", record, "--key", keys["signer.pub"], "--path", repo)
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.count("\n") == 1
    assert f"{example} {verdict} as of 2026-11-26" in verified.stdout
    assert "subject files match" in verified.stdout


def test_check_attest_with_an_encrypted_key(tmp_path, keys):
    record = tmp_path / "record.json"
    args = ("check", EXAMPLES / PASSING, "--as-of", "2026-11-26", "--format", "json=/dev/null")
    result = ai_assure(
        *args,
        "--attest",
        record,
        "--attest-key",
        keys["encrypted"],
        **{PASSWORD_ENV: "correct horse"},
    )
    assert result.returncode == 0, result.stderr
    assert verify_record(record, keys["signer.pub"]).keyid == key_id(_public(keys, "signer"))


def test_verify_record_exits_2_with_one_line_on_a_changed_record(failing, keys, tmp_path):
    document = read_envelope(failing[1])
    _change_verdict(document, keys)
    changed = write_envelope(tmp_path / "changed.json", document)
    result = ai_assure("verify-record", changed, "--key", keys["signer.pub"])
    assert_clean_error(result, "the signature does not verify")
    assert result.stderr.count("\n") == 1 and result.stdout == ""


@pytest.mark.parametrize(
    "args, message",
    [
        (("--attest-key", "{signer}"), "--attest-key needs --attest"),
        (("--attest", "{out}", "--attest-key", "{rsa}"), "RSA, not Ed25519"),
        (("--attest", "{out}", "--attest-key", "{encrypted}"), "the key is encrypted"),
        (("--attest", "{out}", "--attest-key", "{tmp}/absent.pem"), "cannot read key"),
        (("--attest", "{signer}/record.json"), "cannot write"),  # a file, not a folder
    ],
)
def test_check_attest_errors_exit_2(keys, tmp_path, args, message):
    names = {name: path for name, path in keys.items() if "." not in name}
    filled = [arg.format(out=tmp_path / "r.json", tmp=tmp_path, **names) for arg in args]
    result = ai_assure("check", EXAMPLES / PASSING, "--as-of", "2026-11-26", *filled)
    assert_clean_error(result, message)
    assert not (tmp_path / "r.json").exists()


def test_no_record_is_written_when_the_system_could_not_be_assessed(make_repo, tmp_path):
    repo = make_repo(manifest="apiVersion: ai-assure/v1\nkind: AISystem\n")
    result = ai_assure("check", repo, "--attest", tmp_path / "r.json")
    assert_clean_error(result, "no assurance record written")
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        ((), "give --key"),
        (("--key", "{tmp}/absent.pem"), "cannot read key"),
        (("--key", "{pub}", "--path", "{tmp}/absent"), "not a directory"),
    ],
)
def test_verify_record_errors_exit_2(failing, keys, tmp_path, args, message):
    filled = [arg.format(tmp=tmp_path, pub=keys["signer.pub"]) for arg in args]
    result = ai_assure("verify-record", failing[1], *filled)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert message in result.stderr
