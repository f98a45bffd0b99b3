"""Whole AI systems for differential fuzzing: a manifest, its evidence files and an assessment
date, generated with hypothesis and biased towards what evaluators have disagreed on.

A system starts from one of the shipped examples (so most are valid and reach the policies)
and is then edited, keeping each value's type so the manifest mostly stays valid:

- text becomes Unicode that engines treat differently: invisible characters and Unicode
  whitespace around or instead of a value, decomposed (NFD) letters, case mappings that
  change length, astral-plane characters, escapes, control characters, text that looks like
  a date or a number;
- numbers become extremes: beyond 2^53 and 2^63, subnormal and huge doubles, negative zero;
- dates move around the assessment date and past year 2262;
- lists are emptied, or get duplicate entries; optional keys are dropped;
- evidence files are edited the same way (and now and then corrupted).

`System.write(folder)` lays it out as a repository for `ai-assure check`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.strategies import DataPath, Seed, _delete, _replace, paths, seed

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/ai-manifest.yaml"))
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

INVISIBLE = ("\u00a0", "\u2003", "\u0085", "\u3000", "\u200b", "\ufeff", "\u2060", "\t", "\u180e")
TRICKY_TEXT = (
    "e\u0301cole",  # NFD: e + combining acute
    "DONNÉES personnelles",
    "Straße",  # ß upper-cases to SS
    "İstanbul",  # dotted capital I lower-cases to two code points
    "ǅ titlecase",
    "\U0001f600 \U0001d54f astral",
    "back\\slash \\u00e9 not an escape",
    "quote \" and ' marks",
    "tab\tinside, new\nline",
    "العربية \u202e right-to-left",
    "中文 텍스트 日本語",
    "a.b*c+d?[e]",
    "9" * 40,
    "1e400",
    "-0",
    "0x1F",
    "NaN",
    "true",
    "null",
    "",
)
EDGE_NUMBERS = (
    0,
    -0.0,
    2**53,
    2**53 + 1,
    -(2**53) - 1,
    2**63,
    -(2**63) - 1,
    10**30,
    5e-324,
    2.2250738585072014e-308,
    1.7976931348623157e308,
    0.1 + 0.2,
    1e-7,
    123456789.123456789,
    -1,
    6,
)


@dataclass(frozen=True)
class System:
    manifest: dict[str, Any]
    files: dict[str, bytes]  # path relative to the manifest -> content
    as_of: dt.date

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ".git").mkdir(exist_ok=True)
        text = yaml.safe_dump(self.manifest, sort_keys=False, allow_unicode=True, width=1000)
        (folder / "ai-manifest.yaml").write_text(text, encoding="utf-8")
        for name, content in self.files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        return folder


def example_seeds() -> list[tuple[dict[str, Any], dict[str, Seed]]]:
    """Each example's manifest and its evidence files (as seeds), read once."""
    found = []
    for example in EXAMPLES:
        manifest = yaml.safe_load((example / "ai-manifest.yaml").read_text(encoding="utf-8"))
        files = {
            path.relative_to(example).as_posix(): seed(path)
            for path in sorted(example.rglob("*"))
            if path.is_file() and path.name != "ai-manifest.yaml"
        }
        found.append((manifest, files))
    return found


SEEDS = example_seeds()


def edge_text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(INVISIBLE),
        st.sampled_from(TRICKY_TEXT),
        st.text(st.sampled_from(INVISIBLE), min_size=1, max_size=4),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
    )


@st.composite
def edited_text(draw: st.DrawFn, original: str, as_of: dt.date) -> str:
    """A new text for a string value: around, instead of, or (for a date) near the original."""
    if _DATE.match(original) and draw(st.booleans()):
        return draw(nearby_date(as_of)).isoformat()
    choice = draw(st.integers(0, 3))
    if choice == 0:
        return draw(st.sampled_from(INVISIBLE)) + original + draw(st.sampled_from(INVISIBLE))
    if choice == 1:
        return original.upper() if draw(st.booleans()) else original.lower()
    return draw(edge_text())


def nearby_date(as_of: dt.date) -> st.SearchStrategy[dt.date]:
    offsets = st.sampled_from((0, 1, -1, 29, 30, 31, -30, 365, -365, 366))
    near = offsets.map(lambda days: as_of + dt.timedelta(days=days))
    far = st.sampled_from((dt.date(2262, 4, 12), dt.date(2263, 1, 1), dt.date(9999, 12, 31)))
    return st.one_of(near, far, st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))


@st.composite
def edited_value(draw: st.DrawFn, original: Any, as_of: dt.date) -> Any:
    """A new value of the same type as `original`, biased to the engines' weak spots."""
    if isinstance(original, bool):
        return not original
    if isinstance(original, (int, float)):
        return draw(st.one_of(st.sampled_from(EDGE_NUMBERS), st.just(original + 1)))
    if isinstance(original, str):
        return draw(edited_text(original, as_of))
    if isinstance(original, list):
        if original and draw(st.booleans()):
            return [*original, original[0]]  # a duplicate entry
        return []
    return original


@st.composite
def edited_document(
    draw: st.DrawFn,
    document: Any,
    as_of: dt.date,
    most: int,
    valid: Callable[[Any], bool] = lambda _document: True,
) -> Any:
    """`document` with up to `most` values replaced (same type) or optional keys dropped.
    An edit that makes it fail `valid` is mostly undone, so most documents reach the
    policies and only some test the refusals."""
    for _ in range(draw(st.integers(0, most))):
        path: DataPath = draw(st.sampled_from(paths(document)))
        if not path:
            continue
        if draw(st.integers(0, 5)) == 0 and isinstance(path[-1], str):
            edited = _delete(document, path)
        else:
            value = draw(edited_value(_at(document, path), as_of))
            edited = _replace(document, path, lambda _old, new=value: new)
        if valid(edited) or draw(st.integers(0, 9)) == 0:
            document = edited
    return document


def valid_manifest(document: Any) -> bool:
    """Whether the manifest model accepts `document` (the same check `check` makes)."""
    from pydantic import ValidationError

    from engine.manifest.model import Manifest

    try:
        Manifest.model_validate(document)
    except ValidationError:
        return False
    return True


def _at(document: Any, path: DataPath) -> Any:
    for part in path:
        document = document[part]
    return document


@st.composite
def edited_file(draw: st.DrawFn, original: Seed, as_of: dt.date) -> bytes:
    """An evidence file's new bytes: its structure edited, now and then corrupted."""
    if original.data is not None and draw(st.integers(0, 9)) > 0:
        return original.written(draw(edited_document(original.data, as_of, 4)))
    if draw(st.integers(0, 4)) == 0:
        return original.content[: len(original.content) // 2]
    return original.content


@st.composite
def systems(draw: st.DrawFn) -> System:
    """A system made from one example, edited."""
    manifest, files = draw(st.sampled_from(SEEDS))
    as_of = draw(
        st.one_of(
            st.sampled_from((dt.date(2026, 11, 26), dt.date(2027, 6, 30))),
            st.dates(dt.date(2024, 1, 1), dt.date(2031, 12, 31)),
        )
    )
    manifest = draw(edited_document(manifest, as_of, 8, valid_manifest))
    written = {}
    for name, original in files.items():
        if draw(st.integers(0, 2)) == 0:
            written[name] = draw(edited_file(original, as_of))
        else:
            written[name] = original.content
    return System(manifest=manifest, files=written, as_of=as_of)


def describe(system: System) -> str:
    """A short, reproducible description of a system for a failure message."""
    return json.dumps({"as_of": system.as_of.isoformat(), "manifest": system.manifest})[:4000]
