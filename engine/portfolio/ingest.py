"""What `ai-assure store ingest` accepts from CI artifacts, read and checked before a byte of
it reaches the store.

* a JSON report (`schema: ai-assure/report/v1`, `check --format json=FILE`): validated by the
  report model (unknown fields, wrong values refused);
* an assurance record (`check --attest FILE`, a DSSE envelope): its signature verified with
  the given public key by the same code as `ai-assure verify-record`, then its report (the
  statement's predicate) validated as above. A record that does not verify is refused; an
  unsigned one only with `allow_unsigned`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.assessment.model import REPORT_SCHEMA, Report, parse_report
from engine.core.errors import AssuranceError
from engine.core.files import UnreadableFileError, read_confined
from engine.core.parsing import ParseError, load_json
from engine.records.attestation import MAX_RECORD_BYTES, AttestationError, verify_record


class IngestError(AssuranceError):
    """A file that is not a valid report or a verified record; refused."""


@dataclass(frozen=True)
class Incoming:
    report: Report
    source: str  # "report" or "record"
    signer: str | None  # the key id a record verified with


def read_run(path: Path, key: Path | None, *, allow_unsigned: bool = False) -> Incoming:
    """The run `path` holds, checked (see the module docstring); `IngestError` otherwise."""
    document = _document(path)
    if isinstance(document, dict) and "payloadType" in document:
        return _record(path, key, allow_unsigned)
    if isinstance(document, dict) and document.get("schema") == REPORT_SCHEMA:
        return Incoming(_report(document, path), "report", None)
    raise IngestError(f"{path}: neither a JSON report ({REPORT_SCHEMA}) nor an assurance record")


def _document(path: Path) -> Any:
    try:
        content = read_confined(path, MAX_RECORD_BYTES).content
        return load_json(content.decode("utf-8"))
    except UnreadableFileError as exc:
        raise IngestError(f"{path}: {exc}") from None
    except (ParseError, UnicodeDecodeError) as exc:
        raise IngestError(f"{path}: not JSON ({exc})") from None


def _record(path: Path, key: Path | None, allow_unsigned: bool) -> Incoming:
    if key is None and not allow_unsigned:
        raise IngestError(f"{path}: an assurance record: give --key to verify its signature")
    try:
        verified = verify_record(path, key, allow_unsigned=allow_unsigned)
    except AttestationError as exc:
        raise IngestError(f"{path}: refused, the record does not verify: {exc}") from None
    return Incoming(_report(verified.statement["predicate"], path), "record", verified.keyid)


def _report(document: Any, path: Path) -> Report:
    from pydantic import ValidationError

    try:
        report = parse_report(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "report"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise IngestError(f"{path}: not a valid report: {where}: {first['msg']}{more}") from None
    try:  # the store orders and ages runs by this date
        dt.date.fromisoformat(report.as_of)
    except ValueError:
        raise IngestError(f"{path}: not a valid report: as_of: not a YYYY-MM-DD date") from None
    return report
