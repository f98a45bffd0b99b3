"""Gathering evidence: from the manifest's declarations to normalised items for the policies.

Each declared path or glob is confined to the repository, read with a size limit, hashed and
handed to the adapter for its kind. Bad content is recorded on the item (`invalid`), absent
files too (`missing`), so rules turn them into findings; a path that escapes the repository
raises `PathEscapeError` and the run fails closed.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from adapters import KINDS, get_adapter
from engine.assessment.canonical import canonical_item
from engine.assessment.model import EvidenceRecord
from engine.core.collection import paused_collection
from engine.core.errors import AssuranceError
from engine.core.files import UnreadableFileError, expand, read_confined, resolved
from engine.core.limits import Limits, format_size
from engine.core.observed import spoil
from engine.render.jsondoc import compact as compact_json

if TYPE_CHECKING:
    from engine.manifest.model_v2 import AnyManifest

__all__ = [
    "MAX_REPORTED_FACTS_BYTES",
    "Limits",
    "TooMuchEvidenceError",
    "bounded_facts",
    "declarations",
    "gather",
    "records",
]

#: the most facts one evidence record carries into the report, as compact JSON (docs/report.md)
MAX_REPORTED_FACTS_BYTES = 16 * 1024
_CUT_TEXT = 200  # characters kept of a long text when facts must be cut


class TooMuchEvidenceError(AssuranceError):
    """The declarations name more files than one check may read (`--max-evidence-files`)."""


def declarations(manifest: AnyManifest) -> dict[str, list[str]]:
    """Declared paths per evidence kind, in manifest order, without repeats."""
    declared: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for kind, value in manifest.evidence.model_dump(exclude_none=True).items():
        declared[kind].extend([value] if isinstance(value, str) else value)
    declared["model_cards"].extend(m.model_card for m in manifest.models if m.model_card)
    declared["datasheets"].extend(d.datasheet for d in manifest.data.datasets if d.datasheet)
    return {kind: list(dict.fromkeys(paths)) for kind, paths in declared.items()}


def gather(
    manifest: AnyManifest, base: Path, root: Path, limits: Limits | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Evidence items per kind, every kind present (see docs/input-document.md). No file is
    read once the declarations together name more than `limits.max_evidence_files`."""
    with paused_collection():
        return _gather(manifest, base, root, limits or Limits())


_Declaration = tuple[str, str, list[Path]]  # kind, the path as declared, the files it names
_Task = tuple[str, str, Path, Path, Path, Limits]  # what `_read` needs for one file


def _gather(
    manifest: AnyManifest, base: Path, root: Path, limits: Limits
) -> dict[str, list[dict[str, Any]]]:
    """Read every declaration's files in manifest order; the limits are checked, and a path
    that cannot be expanded refused, at the declaration where today's serial order meets
    them, however the files are read."""
    planned, refusal = _plan(manifest, base, root, limits)
    tasks = [
        (kind, declared, path, base, root, limits)
        for kind, declared, paths in planned
        for path in paths
    ]
    gathered: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in KINDS}
    read = 0
    with _files_read(tasks) as results:
        for kind, declared, paths in planned:
            found = [next(results) for _ in paths] or [_missing(kind, declared)]
            for raw_path, item in found:
                gathered[kind].setdefault(raw_path, item)
                read += item["size"] or 0
            if read > limits.max_evidence_bytes:
                raise TooMuchEvidenceError(
                    f"the evidence files hold more than {format_size(limits.max_evidence_bytes)} "
                    f"together (reached at {declared}); the limit is --max-evidence-size"
                )
    if refusal is not None:
        raise refusal
    return {kind: list(items.values()) for kind, items in gathered.items()}


def _plan(
    manifest: AnyManifest, base: Path, root: Path, limits: Limits
) -> tuple[list[_Declaration], AssuranceError | None]:
    """The declarations and their files, up to the first that is refused (a path escaping
    the repository, or more files than `--max-evidence-files`), and that refusal."""
    planned: list[_Declaration] = []
    budget = limits.max_evidence_files
    for kind, declared_paths in declarations(manifest).items():
        for declared in declared_paths:
            try:
                paths = expand(declared, base, root, limits.max_evidence_files)
            except AssuranceError as exc:
                return planned, exc
            budget -= len(paths)
            if budget < 0:
                return planned, TooMuchEvidenceError(
                    f"the evidence declarations name more than {limits.max_evidence_files} "
                    f"files (reached at {declared}); the limit is --max-evidence-files"
                )
            planned.append((kind, declared, paths))
    return planned, None


#: evidence bigger than this together is read by several processes (where there are cores)
PARALLEL_FROM_BYTES = 32 * 1024 * 1024
_MAX_READERS = 4


@contextlib.contextmanager
def _files_read(tasks: list[_Task]) -> Iterator[Iterator[tuple[str, dict[str, Any]]]]:
    """Each file's item, in order. Much evidence is parsed in worker processes (parsing is
    CPU-bound); whoever reads a file, the item is the same. Leaving the block early (a limit
    reached, an interrupt) stops the workers."""
    readers = min(_cores(), _MAX_READERS, len(tasks))
    if readers < 2 or _declared_bytes(tasks) < PARALLEL_FROM_BYTES:
        yield map(_read, tasks)
        return
    import multiprocessing

    spoil("evidence was read in worker processes")  # their reads are not observed here
    # Forked workers start at once with everything imported; they only parse and return.
    with multiprocessing.get_context("fork").Pool(readers, initializer=_quiet_reader) as pool:
        yield pool.imap(_read, tasks)


def _quiet_reader() -> None:
    """A reader's start: it inherited the CLI's handlers, which turn SIGTERM into an
    interruption with a report; a reader has nothing to report, so the SIGTERM that stops it
    (the pool's, at the end or on a refusal) ends it quietly, and the parent alone answers
    SIGINT."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _declared_bytes(tasks: list[_Task]) -> int:
    """Roughly how much the files hold (their sizes, without reading or following links)."""
    total = 0
    for task in tasks:
        with contextlib.suppress(OSError):
            total += task[2].lstat().st_size
    return total


def _missing(kind: str, declared: str) -> tuple[str, dict[str, Any]]:
    item = _item(kind, declared, declared, status="missing", errors=["file not found"])
    return declared, canonical_item(item)[0]


def _read(task: _Task) -> tuple[str, dict[str, Any]]:
    """One file as its item in canonical form, keyed by its path as read (before the canonical
    form, so two files are never taken for one)."""
    kind, declared, path, base, root, limits = task
    item = _parse(kind, declared, path, base, root, limits)
    return item["path"], canonical_item(item)[0]


def _parse(
    kind: str, declared: str, path: Path, base: Path, root: Path, limits: Limits
) -> dict[str, Any]:
    shown = _display(path, base, root)
    try:
        read = read_confined(path, limits.max_file_bytes, root)
    except UnreadableFileError as exc:
        return _item(kind, declared, shown, status="invalid", errors=[str(exc)])
    parsed = get_adapter(kind).parse(path.name, read.content)
    return _item(
        kind,
        declared,
        shown,
        status="invalid" if parsed.errors else "ok",
        errors=list(parsed.errors),
        warnings=list(parsed.warnings),
        sha256=read.sha256,
        size=len(read.content),
        format=parsed.format,
        facts=parsed.facts,
    )


def _display(path: Path, base: Path, root: Path) -> str:
    """POSIX path relative to the manifest's folder when inside it, else to the repository."""
    base = resolved(base)
    anchor = base if base in path.parents else root
    return path.relative_to(anchor).as_posix()


MAX_ERRORS_PER_FILE = 20


def _capped(errors: list[str]) -> list[str]:
    """The first errors of a file, then how many more: one bad file cannot flood a report."""
    if len(errors) <= MAX_ERRORS_PER_FILE:
        return errors
    more = len(errors) - MAX_ERRORS_PER_FILE
    return [*errors[:MAX_ERRORS_PER_FILE], f"... and {more} more errors in this file"]


def _item(kind: str, declared: str, path: str, **fields: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "kind": kind,
        "declared": declared,
        "path": path,
        "sha256": None,
        "size": None,
        "format": None,
        "status": "ok",
        "errors": [],
        "warnings": [],
        "facts": {},
    }
    item.update(fields)
    item["errors"] = _capped(item["errors"])
    return item


def records(
    evidence: dict[str, list[dict[str, Any]]],
    max_facts_bytes: int | None = MAX_REPORTED_FACTS_BYTES,
) -> list[EvidenceRecord]:
    """The report's view of the evidence, sorted by kind then path: what each file is, and
    the facts the policies saw in it (bounded: `bounded_facts`; None: all of them)."""
    fields = ("kind", "path", "sha256", "size", "format", "status", "errors")
    flat = [item for items in evidence.values() for item in items]
    return sorted(
        (_record(item, fields, max_facts_bytes) for item in flat),
        key=lambda record: (record.kind, record.path),
    )


def _record(
    item: dict[str, Any], fields: tuple[str, ...], max_facts_bytes: int | None
) -> EvidenceRecord:
    facts, truncated = item.get("facts") or {}, False
    if max_facts_bytes is not None:
        facts, truncated = bounded_facts(facts, max_facts_bytes)
    return EvidenceRecord(
        **{name: item[name] for name in fields},
        warnings=item.get("warnings", []),
        facts=facts,
        facts_truncated=truncated,
    )


def bounded_facts(
    facts: dict[str, Any], limit: int = MAX_REPORTED_FACTS_BYTES
) -> tuple[dict[str, Any], bool]:
    """`facts` when their compact JSON fits in `limit` bytes; else a copy with long texts
    cut to 200 characters and every list cut to its first N items, N halving until it fits
    (the same facts always give the same cut), and True."""
    if _size(facts) <= limit:
        return facts, False
    keep = max((len(v) for v in _walk(facts) if isinstance(v, list)), default=0)
    while 2 * keep + 1 > limit:  # the longest list alone, cut to `keep` items, cannot fit
        keep //= 2
    while True:
        cut = _cut(facts, keep)
        if _size(cut) <= limit or keep == 0:
            return cut, True
        keep //= 2


def _size(value: Any) -> int:
    return len(compact_json(value))


def _walk(value: Any) -> list[Any]:
    found, stack = [], [value]
    while stack:
        item = stack.pop()
        found.append(item)
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _cut(value: Any, keep: int) -> Any:
    if isinstance(value, dict):
        return {key: _cut(member, keep) for key, member in value.items()}
    if isinstance(value, list):
        return [_cut(member, keep) for member in value[:keep]]
    if isinstance(value, str) and len(value) > _CUT_TEXT:
        return value[:_CUT_TEXT] + "…"
    return value
