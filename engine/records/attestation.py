"""Assurance records: a signed, verifiable statement of what one `check` assessed and found.

A record is an in-toto Statement v1 (docs/assurance-record.md) in a DSSE envelope:

* `subject`: the manifest and every evidence file the check read, by repository-relative
  path and SHA-256, sorted by name;
* `predicateType` `https://ai-assure.dev/assessment/v1`, `predicate`: the whole JSON report
  (`schema: ai-assure/report/v1`), the one model every output renders;
* the envelope's signature: Ed25519 over DSSE's pre-authentication encoding (PAE) of the
  payload type and the statement's canonical JSON bytes. Unsigned records carry an empty
  `signatures` list, so one reader handles both.

The statement bytes are canonical and Ed25519 is deterministic: the same run writes the same
file. Verification is strict and fails closed: every problem is an `AttestationError`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.core.errors import AssuranceError
from engine.core.files import (
    DEFAULT_MAX_FILE_BYTES,
    PathEscapeError,
    UnreadableFileError,
    check_declared_path,
    confine,
    find_repository_root,
    read_confined,
)
from engine.core.keys import key_kind, read_key
from engine.core.parsing import ParseError, load_json
from engine.render.jsondoc import compact as compact_json

if TYPE_CHECKING:
    from engine.assessment.model import Report

STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PAYLOAD_TYPE = "application/vnd.in-toto+json"
PREDICATE_TYPE = "https://ai-assure.dev/assessment/v1"
REPORT_SCHEMA = "ai-assure/report/v1"
PASSWORD_ENV = "AI_ASSURE_ATTEST_KEY_PASSWORD"

MAX_RECORD_BYTES = 32 * 2**20
MAX_SUBJECT_BYTES = DEFAULT_MAX_FILE_BYTES  # what `check` reads at most of any one file
_HEX = frozenset("0123456789abcdef")


class AttestationError(AssuranceError):
    """A record that cannot be written or does not verify; the message says why."""


@dataclass(frozen=True, order=True)
class Subject:
    name: str  # repository-relative POSIX path
    sha256: str  # hex


@dataclass(frozen=True)
class VerifiedRecord:
    statement: dict[str, Any]
    keyid: str | None  # the verifying key's id; None when accepted unsigned
    files_checked: bool  # every subject was re-hashed under --path

    def summary(self, repository: Path | None = None) -> str:
        """One line: who signed, what was assessed with which result, what was re-hashed."""
        report, count = self.statement["predicate"], len(self.statement["subject"])
        policy = report["policy"]
        signer = f"signed by key {self.keyid}" if self.keyid else "UNSIGNED (--allow-unsigned)"
        files = f"all {count} subject files match {repository}" if self.files_checked else None
        return (
            f"verified, {signer}: {report['system']['id']} {report['verdict']} "
            f"as of {report['as_of']}, policy {policy.get('source')} "
            f"revision {policy.get('revision')}; " + (files or f"{count} subjects")
        )


# The DSSE envelope


def pae(payload_type: str, body: bytes) -> bytes:
    """DSSE v1 pre-authentication encoding: the exact bytes a signature covers."""
    kind = payload_type.encode("utf-8")
    return b"DSSEv1 %d %s %d %s" % (len(kind), kind, len(body), body)


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8: one value, one byte string."""
    try:
        return compact_json(value).encode("utf-8")
    except UnicodeEncodeError:
        raise AttestationError("the report holds text that is not valid Unicode") from None


def key_id(public_key: Any) -> str:
    """Hex SHA-256 of the public key's DER SubjectPublicKeyInfo
    (`openssl pkey -pubin -in KEY.pub.pem -outform DER | sha256sum`)."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    der = public_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def envelope(statement_bytes: bytes, private_key: Any | None) -> bytes:
    """The record file: a DSSE JSON envelope, signed when a key is given."""
    signatures = []
    if private_key is not None:
        signature = private_key.sign(pae(PAYLOAD_TYPE, statement_bytes))
        signatures.append({"keyid": key_id(private_key.public_key()), "sig": _b64(signature)})
    document = {
        "payload": _b64(statement_bytes),
        "payloadType": PAYLOAD_TYPE,
        "signatures": signatures,
    }
    return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("ascii")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# Writing


def statement(report: Report, subjects: list[Subject]) -> dict[str, Any]:
    """The in-toto Statement v1 for `report` about `subjects`."""
    from engine.assessment.model import to_data

    return {
        "_type": STATEMENT_TYPE,
        "subject": [
            {"name": subject.name, "digest": {"sha256": subject.sha256}}
            for subject in sorted(subjects)
        ],
        "predicateType": PREDICATE_TYPE,
        "predicate": to_data(report),
    }


@dataclass(frozen=True)
class Attestor:
    """Writes the record of one check: the key, and the manifest as it was before the check."""

    target: Path
    private_key: Any | None
    manifest_before: Subject | None  # None: not readable; the check will say why

    @classmethod
    def prepare(cls, target: Path, key_path: Path | None) -> Attestor:
        """Load the signing key (refusing a bad one) and hash the manifest before the check."""
        key = load_signing_key(key_path) if key_path is not None else None
        try:
            before = _manifest_subject(target)[0]
        except AttestationError:
            before = None
        return cls(target, key, before)

    def record(self, report: Report) -> bytes:
        """The record file's bytes for `report`, the check's result for `target`."""
        manifest, base, root = _manifest_subject(self.target)
        if manifest != self.manifest_before:
            raise AttestationError(f"{manifest.name} changed during the check; run it again")
        subjects = record_subjects(manifest, report, base, root)
        return envelope(canonical_json(statement(report, subjects)), self.private_key)


def _manifest_subject(target: Path) -> tuple[Subject, Path, Path]:
    """The manifest as a subject, its folder and the repository root (as `check` finds them)."""
    from engine.manifest import MAX_MANIFEST_BYTES, ManifestError, locate_manifest

    try:
        path = locate_manifest(target)
    except ManifestError as exc:
        raise AttestationError("; ".join(exc.problems)) from None
    root = find_repository_root(path.parent)
    try:
        real = confine(path, root, str(path))
        content = read_confined(real, MAX_MANIFEST_BYTES, root)
    except (PathEscapeError, UnreadableFileError) as exc:
        raise AttestationError(f"{path}: {exc}") from None
    name = real.relative_to(root).as_posix()
    return Subject(name, content.sha256), path.parent.resolve(), root


def record_subjects(manifest: Subject, report: Report, base: Path, root: Path) -> list[Subject]:
    """The manifest and every evidence file the check hashed, named relative to the root."""
    subjects = {manifest.name: manifest.sha256}
    for item in report.evidence:
        if item.sha256 is None:
            continue
        name = _repository_name(item.path, item.sha256, base, root)
        if subjects.setdefault(name, item.sha256) != item.sha256:
            raise AttestationError(f"{name} changed while the check read it; run it again")
    return sorted(Subject(name, digest) for name, digest in subjects.items())


def _repository_name(shown: str, sha256: str, base: Path, root: Path) -> str:
    """A report path is relative to the manifest's folder when the file is inside it, else to
    the repository (engine.assessment.evidence); find which, preferring the file with the
    recorded hash."""
    inside, outside = base / shown, root / shown
    candidates = [inside] if _is_real_file(inside) else []
    if outside != inside and base not in outside.parents and _is_real_file(outside):
        candidates.append(outside)
    if len(candidates) > 1:
        candidates.sort(key=lambda path: _file_sha256(path) != sha256)
    return (candidates[0] if candidates else inside).relative_to(root).as_posix()


def _is_real_file(path: Path) -> bool:
    """A regular file reached through no symlink (the form `check` displays)."""
    try:
        return path.is_file() and path.resolve() == path
    except (OSError, RuntimeError):
        return False


def _file_sha256(path: Path) -> str | None:
    try:
        return read_confined(path, MAX_SUBJECT_BYTES).sha256
    except UnreadableFileError:
        return None


# Keys


def load_signing_key(path: Path) -> Any:
    """An Ed25519 private key from PEM, decrypted with $AI_ASSURE_ATTEST_KEY_PASSWORD if set."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    password = os.environ.get(PASSWORD_ENV) or None
    try:
        key = load_pem_private_key(
            read_key(path, AttestationError), password.encode() if password else None
        )
    except TypeError:  # a password for a plain key, or none for an encrypted one
        if password:
            raise AttestationError(
                f"key {path}: {PASSWORD_ENV} is set but the key is not encrypted"
            ) from None
        raise AttestationError(f"key {path}: the key is encrypted; set {PASSWORD_ENV}") from None
    except (ValueError, UnsupportedAlgorithm):
        raise AttestationError(
            f"key {path}: not a PEM private key, or {PASSWORD_ENV} is not its password"
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise AttestationError(f"key {path}: {key_kind(key)}, not Ed25519 ({_ED25519_ADVICE})")
    return key


def load_public_key(path: Path) -> Any:
    """An Ed25519 public key from PEM."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    try:
        key = load_pem_public_key(read_key(path, AttestationError))
    except (ValueError, UnsupportedAlgorithm):
        raise AttestationError(f"key {path}: not a PEM public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise AttestationError(f"key {path}: {key_kind(key)}, not Ed25519 ({_ED25519_ADVICE})")
    return key


_ED25519_ADVICE = "make one with: openssl genpkey -algorithm ed25519"


# Verifying


def verify_record(
    path: Path,
    public_key: Path | None,
    *,
    allow_unsigned: bool = False,
    repository: Path | None = None,
) -> VerifiedRecord:
    """The record at `path`, once its signature verifies with `public_key` (an unsigned one
    only with `allow_unsigned`) and, with `repository`, every subject file's hash matches."""
    document = _read_envelope(path)
    body = _decode(document["payload"], "payload")
    keyid = _verify_signatures(document["signatures"], body, public_key, allow_unsigned)
    parsed = _statement(body)
    if repository is not None:
        check_subjects(parsed["subject"], repository)
    return VerifiedRecord(parsed, keyid, files_checked=repository is not None)


def _read_envelope(path: Path) -> dict[str, Any]:
    try:
        content = read_confined(path, MAX_RECORD_BYTES).content
    except UnreadableFileError as exc:
        raise AttestationError(f"{path}: {exc}") from None
    try:
        document = load_json(content.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise AttestationError(f"{path}: not UTF-8 (byte {exc.start})") from None
    except ParseError as exc:
        raise AttestationError(f"{path}: not a DSSE envelope: {exc}") from None
    return _check_envelope(document, path)


def _check_envelope(document: Any, path: Path) -> dict[str, Any]:
    expected = {"payload", "payloadType", "signatures"}
    if not isinstance(document, dict) or set(document) != expected:
        raise AttestationError(
            f"{path}: not a DSSE envelope (an object with exactly payload, payloadType "
            "and signatures)"
        )
    if document["payloadType"] != PAYLOAD_TYPE:
        raise AttestationError(
            f"{path}: payloadType {document['payloadType']!r} is not {PAYLOAD_TYPE!r}"
        )
    if not isinstance(document["payload"], str) or not isinstance(document["signatures"], list):
        raise AttestationError(f"{path}: payload must be a string and signatures a list")
    return document


def _decode(text: Any, what: str) -> bytes:
    """Base64 in either alphabet (DSSE allows both), padded and canonical: any change to the
    text changes the bytes or fails, never decodes to the same bytes."""
    urlsafe = isinstance(text, str) and ("-" in text or "_" in text)
    try:
        if not isinstance(text, str) or (urlsafe and ("+" in text or "/" in text)):
            raise ValueError
        data = base64.b64decode(text.translate(str.maketrans("-_", "+/")), validate=True)
    except (binascii.Error, ValueError):
        raise AttestationError(f"the {what} is not valid base64") from None
    encode = base64.urlsafe_b64encode if urlsafe else base64.b64encode
    if encode(data).decode("ascii") != text:
        raise AttestationError(f"the {what} is not canonical base64")
    return data


def _verify_signatures(
    signatures: list[Any], body: bytes, public_key: Path | None, allow_unsigned: bool
) -> str | None:
    """The verifying key's id; None for an unsigned record accepted with `allow_unsigned`."""
    if not signatures:
        if allow_unsigned:
            return None
        raise AttestationError("the record is unsigned (pass --allow-unsigned to accept it)")
    if len(signatures) != 1:
        raise AttestationError(f"the record has {len(signatures)} signatures; expected one")
    entry = signatures[0]
    if not isinstance(entry, dict) or "sig" not in entry or set(entry) - {"keyid", "sig"}:
        raise AttestationError("the signature entry must be {keyid, sig}")
    if public_key is None:
        raise AttestationError("the record is signed: give --key to verify it")
    key = load_public_key(public_key)
    expected = key_id(key)
    claimed = entry.get("keyid")
    if claimed not in (None, "", expected):
        raise AttestationError(
            f"the record was signed by key {claimed!r}, not by {public_key} ({expected})"
        )
    _verify(key, _decode(entry["sig"], "signature"), pae(PAYLOAD_TYPE, body), public_key)
    return expected


def _verify(key: Any, signature: bytes, message: bytes, public_key: Path) -> None:
    from cryptography.exceptions import InvalidSignature

    try:
        key.verify(signature, message)
    except InvalidSignature:
        raise AttestationError(
            f"the signature does not verify with {public_key}: the record was changed "
            "or signed with another key"
        ) from None


def _statement(body: bytes) -> dict[str, Any]:
    """The payload as an in-toto Statement v1 with our predicate, checked field by field."""
    try:
        parsed = load_json(body.decode("utf-8"))
    except (UnicodeDecodeError, ParseError) as exc:
        raise AttestationError(f"the payload is not JSON: {exc}") from None
    if not isinstance(parsed, dict) or parsed.get("_type") != STATEMENT_TYPE:
        raise AttestationError(f"the payload is not an in-toto Statement ({STATEMENT_TYPE})")
    if parsed.get("predicateType") != PREDICATE_TYPE:
        raise AttestationError(
            f"predicateType {parsed.get('predicateType')!r} is not {PREDICATE_TYPE!r}"
        )
    _check_subjects_shape(parsed.get("subject"))
    _check_predicate(parsed.get("predicate"))
    return parsed


def _check_subjects_shape(subjects: Any) -> None:
    if not isinstance(subjects, list) or not subjects:
        raise AttestationError("the statement has no subjects")
    names = set()
    for subject in subjects:
        name = subject.get("name") if isinstance(subject, dict) else None
        digest = subject.get("digest") if isinstance(subject, dict) else None
        sha256 = digest.get("sha256") if isinstance(digest, dict) else None
        if not isinstance(name, str) or not name or not _is_sha256(sha256) or name in names:
            raise AttestationError(f"malformed or repeated subject {subject!r}")
        names.add(name)


def _check_predicate(predicate: Any) -> None:
    if not isinstance(predicate, dict) or predicate.get("schema") != REPORT_SCHEMA:
        raise AttestationError(f"the predicate is not an {REPORT_SCHEMA} report")
    system = predicate.get("system")
    fields = (predicate.get("verdict"), predicate.get("as_of"), predicate.get("policy"))
    if not isinstance(system, dict) or not isinstance(system.get("id"), str):
        raise AttestationError("the predicate's report names no system")
    if not isinstance(fields[0], str) or not isinstance(fields[1], str):
        raise AttestationError("the predicate's report has no verdict or as_of")
    if not isinstance(fields[2], dict):
        raise AttestationError("the predicate's report names no policy")


def _is_sha256(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 64 and set(value) <= _HEX


def check_subjects(subjects: list[dict[str, Any]], repository: Path) -> None:
    """Every subject file under `repository` still has its recorded SHA-256."""
    root = repository.resolve()
    if not root.is_dir():
        raise AttestationError(f"{repository}: not a directory")
    problems = [
        f"{subject['name']} ({problem})"
        for subject in subjects
        if (problem := _subject_problem(subject, root))
    ]
    if problems:
        raise AttestationError(
            f"{len(problems)} of {len(subjects)} subjects do not match {repository}: "
            + ", ".join(problems)
        )


def _subject_problem(subject: dict[str, Any], root: Path) -> str | None:
    """Why the subject's file under `root` does not match, or None when it does."""
    name = subject["name"]
    try:
        check_declared_path(name)
        candidate = root / name
        if not candidate.exists():
            return "missing"
        content = read_confined(confine(candidate, root, name), MAX_SUBJECT_BYTES, root)
    except PathEscapeError:
        return "outside the repository"
    except (UnreadableFileError, OSError) as exc:
        return f"unreadable: {exc}"
    return None if content.sha256 == subject["digest"]["sha256"] else "changed"
