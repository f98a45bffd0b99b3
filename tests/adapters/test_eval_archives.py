"""Inspect AI `.eval` logs are ZIP archives from a repository the gate does not trust: they
are read in memory, member by member, within limits, and an archive that breaks one is
refused whole with a reason, never extracted, never a traceback (adapters/_zip.py)."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from adapters import _zip
from adapters.evaluation import EvaluationAdapter
from tests.cli import ai_assure

REAL = (
    Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "inspect" / "refusal-check.eval"
)
_CENTRAL = b"PK\x01\x02"


def _archive(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _central_entry(archive: bytes, name: str) -> int:
    """Where the central directory describes member `name`."""
    at = archive.find(_CENTRAL)
    while at >= 0:
        (name_length,) = struct.unpack_from("<H", archive, at + 28)
        if archive[at + 46 : at + 46 + name_length] == name.encode():
            return at
        at = archive.find(_CENTRAL, at + 4)
    raise AssertionError(f"{name} is not in the archive")


def _patched(
    archive: bytes, name: str, *, size: int | None = None, crc: int | None = None
) -> bytes:
    """The archive with what its central directory declares of `name` changed."""
    patched = bytearray(archive)
    at = _central_entry(archive, name)
    if crc is not None:
        struct.pack_into("<I", patched, at + 16, crc)
    if size is not None:
        struct.pack_into("<I", patched, at + 24, size)
    return bytes(patched)


def _refused(content: bytes) -> str:
    parsed = EvaluationAdapter().parse("run.eval", content)
    assert parsed.format == "inspect-ai-eval"
    (error,) = parsed.errors
    assert error.startswith("Inspect .eval log: ")
    return error


def test_a_member_whose_name_leaves_a_folder_refuses_the_archive() -> None:
    for name in ("../../.ssh/authorized_keys", "/etc/cron.d/x", "C:/x", "logs\\..\\x"):
        content = _archive({"header.json": b"{}", name: b"x"})
        assert "leaves the archive (path traversal)" in _refused(content)


def test_more_members_than_the_limit_refuse_the_archive() -> None:
    content = _archive({f"samples/{n}.json": b"{}" for n in range(_zip.MAX_MEMBERS + 1)},
                       zipfile.ZIP_STORED)  # fmt: skip
    assert f"lists {_zip.MAX_MEMBERS + 1} members; the limit is {_zip.MAX_MEMBERS}" in _refused(
        content
    )


def test_a_member_that_inflates_like_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    content = _archive({"header.json": b"{}", "summaries.json": b"\0" * (8 * 1024 * 1024)})
    assert "(zip bomb?)" in _refused(content)


def test_a_zstandard_member_is_cut_at_the_limit_whatever_it_declares(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Declared sizes can lie: inflating stops at the limit (Inspect's members are Zstandard,
    inflated by our own loop before Python 3.14)."""
    monkeypatch.setattr(_zip, "MAX_MEMBER_BYTES", 64)
    content = REAL.read_bytes()
    for name in zipfile.ZipFile(REAL).namelist():
        content = _patched(content, name, size=10)  # every member claims 10 bytes
    assert "header.json: inflates past 64 bytes" in _refused(content)


def test_a_member_that_does_not_match_its_checksum_is_refused() -> None:
    content = _patched(REAL.read_bytes(), "header.json", crc=0)
    assert "header.json: CRC mismatch" in _refused(content)


def test_an_archive_without_an_inspect_header_is_no_log() -> None:
    content = _archive({"word/document.xml": b"<w:document/>"})
    assert "neither header.json nor _journal/start.json" in _refused(content)


def test_a_truncated_archive_is_refused() -> None:
    assert "not a readable ZIP archive" in _refused(REAL.read_bytes()[:2000])


def test_a_hostile_eval_log_through_the_command_line_fails_evid_001(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "run.eval").write_bytes(_archive({"header.json": b"{}", "../escape": b"x"}))
    (repo / "ai-manifest.yaml").write_text(
        "apiVersion: ai-assure/v1\nkind: AISystem\nmetadata:\n  id: s\n  name: S\n"
        "  owner: {team: T, senior_responsible_owner: O, contact: t@example.gov.uk}\n"
        "  lifecycle_stage: alpha\nsystem:\n  description: d\n  purpose: p\n  users: [u]\n"
        "  deployment: internal\n  decision_role: information-retrieval\n"
        "  human_oversight: {mode: human-in-the-loop, description: d}\n"
        "evidence:\n  evaluations: [run.eval]\n"
    )
    result = ai_assure("check", repo, "--format", "json", "--as-of", "2026-12-10")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "escape").exists()
    assert '"rule_id": "EVID-001"' in result.stdout and "path traversal" in result.stdout
