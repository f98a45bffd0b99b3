"""The canonical input document: the one form of the input every evaluator receives.

Evaluators disagree at the edges of Unicode and of numbers: rego-cpp's `trim_space` keeps
U+00A0, U+2003, U+0085 and U+3000 where OPA's removes them, integers beyond 2^53 and
subnormal doubles are held differently (or refused), and a lone surrogate is not text at
all. So the engine settles each of these once, in Python, before any evaluator sees the
document (docs/input-document.md, Canonical form):

- every string is NFC, without whitespace, control, format or separator characters at either
  end, and lone surrogates become visible escapes (`\\xff`, `\\ud800`);
- every object key is NFC (never trimmed); keys that become equal keep one value;
- integers beyond ±2^53, non-finite floats and subnormal floats become null.

What cannot be kept (a number made null, a key dropped) is a located problem, never an
error: on its evidence item (`errors`, status `invalid`, so EVID-001 reports it at the
item's declaration) or in `context.input_problems` for the manifest (INPUT-001).
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from engine.core.collection import paused_collection
from engine.core.parsing import may_hold_integer_literal
from engine.core.text import canonical_key, canonical_text

__all__ = [
    "MAX_EXACT_INTEGER",
    "SMALLEST_NORMAL",
    "Problem",
    "canonical_input",
    "canonical_item",
    "canonical_value",
]

MAX_EXACT_INTEGER = 2**53  # the largest integer every evaluator holds exactly
SMALLEST_NORMAL = sys.float_info.min  # 2.2250738585072014e-308
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_-]+")
_READ_AS_NULL = "not every evaluator holds it exactly, so rules see null"

InputPath = tuple[str | int, ...]
_Pending = tuple[Any, InputPath, Any, Any]  # a value, its path, and where its canonical form goes


@dataclass(frozen=True)
class Problem:
    """A value the canonical form could not keep: where it is and what happened to it."""

    path: InputPath  # keys and indexes from the document given to `canonical_value`
    msg: str  # what was wrong and what the evaluators see instead, without the location


def canonical_input(document: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The input document (`{manifest, evidence, context}`) in canonical form, with every
    problem also recorded where the rules read it; and the problems, located in `document`."""
    with paused_collection():
        canonical, problems = canonical_value(document)
    context = canonical.setdefault("context", {})
    context["input_problems"] = []
    for problem in problems:
        _record(canonical, problem)
    return canonical, problems


def canonical_item(item: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """One evidence item in canonical form, each problem recorded on it as `canonical_input`
    records it; and the problems, located in the item. Settling items one by one, where each
    is read, gives what settling them within the whole document gives."""
    canonical, problems = canonical_value(item)  # evidence.gather pauses the collector
    for problem in problems:
        _record_on_item(canonical, problem.path, problem.msg)
    return canonical, problems


def canonical_value(value: Any) -> tuple[Any, list[Problem]]:
    """`value` (plain JSON-like data) in canonical form, and what could not be kept. Works
    without recursion, so any depth a parser accepted is fine; problems are in document
    order."""
    copy = _plain_copy(value)
    if copy is not _NOT_PLAIN:
        return copy, []
    return _walked(value)


_NOT_PLAIN = object()
# In orjson's compact output, a string's first or last character as a blank, DEL or escape.
_INVISIBLE_AT_AN_END = (b'" ', b' "', b'"\x7f', b'\x7f"', b'"\\')
_ESCAPE_AT_THE_END = re.compile(rb'\\(?:[bfnrt]|u00[0-9a-fA-F]{2})"')


def _plain_copy(value: Any) -> Any:
    """A copy of `value` when it is plainly canonical already, else `_NOT_PLAIN`; decided at C
    speed from its JSON, and only where the walk could not decide otherwise: the value comes
    back from its JSON equal (so every key is text, every container a dict or list, every
    number finite and within 64 bits), every string is ASCII (so NFC) with nothing invisible
    at either end, and no integer has 16 digits (±2^53 has 16) nor any number an exponent
    from -300 down (subnormals are below 2.2e-308)."""
    import orjson

    try:
        written = orjson.dumps(value)
    except orjson.JSONEncodeError:
        return _NOT_PLAIN
    if (
        not written.isascii()
        or b"e-3" in written
        or any(mark in written for mark in _INVISIBLE_AT_AN_END)
        or (b"\\" in written and _ESCAPE_AT_THE_END.search(written))
        or may_hold_integer_literal(written, 16)
    ):
        return _NOT_PLAIN
    copy = orjson.loads(written)
    return copy if copy == value else _NOT_PLAIN


def _walked(value: Any) -> tuple[Any, list[Problem]]:
    """`canonical_value` node by node."""
    problems: list[Problem] = []
    root: list[Any] = [value]
    pending: list[_Pending] = [(value, (), root, 0)]
    while pending:
        item, path, parent, slot = pending.pop()
        parent[slot], members = _canonical_node(item, path, problems)
        pending.extend(reversed(members))
    return root[0], problems


def _canonical_node(
    value: Any, path: InputPath, problems: list[Problem]
) -> tuple[Any, list[_Pending]]:
    """One value in canonical form. A container comes back with its text members done and
    the members still to do (containers, and numbers that are a problem) in order."""
    if isinstance(value, dict):
        copy = _canonical_members(value, path, problems)
        return copy, _settle(copy, copy.items(), path)
    if isinstance(value, (list, tuple)):
        items = list(value)
        return items, _settle(items, enumerate(items), path)
    if isinstance(value, str):
        return canonical_text(value), []
    if _is_number(value):
        return _canonical_number(value, path, problems), []
    return value, []


def _settle(container: Any, members: Iterable[tuple[Any, Any]], path: InputPath) -> list[_Pending]:
    """Make the text members of `container` canonical in place (the common case, kept fast);
    return the members that need more."""
    pending: list[_Pending] = []
    for slot, member in members:
        if isinstance(member, str):
            container[slot] = canonical_text(member)
        elif isinstance(member, (dict, list, tuple)) or (
            _is_number(member) and _unrepresentable(member) is not None
        ):
            pending.append((member, (*path, slot), container, slot))
    return pending


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _canonical_members(
    value: dict[Any, Any], path: InputPath, problems: list[Problem]
) -> dict[Any, Any]:
    """The members under canonical keys. Keys that become equal keep the value of the one
    already written in canonical form, else of the first in code point order, whatever
    order the object had."""
    keys = [canonical_key(key) if isinstance(key, str) else key for key in value]
    if len(set(keys)) == len(keys):  # no two keys became one: the common case
        return dict(zip(keys, value.values(), strict=True))
    spellings: dict[Any, list[Any]] = {}
    for key, original in zip(keys, value, strict=True):
        spellings.setdefault(key, []).append(original)
    members: dict[Any, Any] = {}
    for key, originals in spellings.items():
        kept = min(originals, key=lambda original: (original != key, original))
        members[key] = value[kept]
        if len(originals) > 1:
            problems.append(Problem((*path, key), _collision(originals, kept)))
    return members


def _collision(originals: list[Any], kept: Any) -> str:
    spelled = ", ".join(f"{original!a}" for original in sorted(originals))
    return (
        f"the keys {spelled} are the same text once normalised (Unicode NFC); "
        f"only the value of {kept!a} is used"
    )


def _canonical_number(value: int | float, path: InputPath, problems: list[Problem]) -> Any:
    """The number, or None (with a problem) when not every evaluator can hold it the same."""
    why = _unrepresentable(value)
    if why is None:
        return value
    problems.append(Problem(path, f"{why}: {_READ_AS_NULL}"))
    return None


def _unrepresentable(value: int | float) -> str | None:
    if isinstance(value, int):
        if -MAX_EXACT_INTEGER <= value <= MAX_EXACT_INTEGER:
            return None
        return f"{_integer_text(value)} is beyond ±2^53 ({MAX_EXACT_INTEGER})"
    if not math.isfinite(value):
        return f"the number {value!r} is not finite"
    if value != 0 and abs(value) < SMALLEST_NORMAL:
        return f"the number {value!r} is subnormal (closer to 0 than {SMALLEST_NORMAL!r})"
    return None


def _integer_text(value: int) -> str:
    """The integer in decimal, or its size when too long to read (or for Python to write)."""
    if abs(value) < 10**30:
        return f"the integer {value}"
    digits = int(value.bit_length() * math.log10(2))
    return f"{'a negative' if value < 0 else 'an'} integer of about {digits} digits"


def _record(document: dict[str, Any], problem: Problem) -> None:
    """Put `problem` where the rules read it: on its evidence item, else (the manifest, or
    anything else) in `context.input_problems` with its manifest path."""
    item, inside = _evidence_item(document, problem.path)
    if item is not None:
        _record_on_item(item, inside, problem.msg)
        return
    in_manifest = problem.path[:1] == ("manifest",)
    where = problem.path[1:] if in_manifest else ()
    shown = _dotted(where if in_manifest else problem.path)
    entry = {"path": list(where), "msg": f"{shown}: {problem.msg}"}
    document["context"]["input_problems"].append(entry)


def _record_on_item(item: dict[str, Any], path: InputPath, msg: str) -> None:
    """The problem at `path` in the item (within its facts: the path inside them) as one
    more error, which makes the item invalid."""
    inside = path[1:] if path[:1] == ("facts",) and len(path) > 1 else path
    item["errors"] = [*item.get("errors", []), f"{_dotted(inside)}: {msg}"]
    item["status"] = "invalid"


def _evidence_item(
    document: dict[str, Any], path: InputPath
) -> tuple[dict[str, Any] | None, InputPath]:
    """The evidence item `path` is inside (`evidence.KIND[i]...`) and the path within the
    item, or (None, path)."""
    if len(path) < 4 or path[0] != "evidence" or not isinstance(path[2], int):
        return None, path
    items = document["evidence"].get(path[1])
    item = items[path[2]] if isinstance(items, list) else None
    if not isinstance(item, dict):
        return None, path
    return item, path[3:]


def _dotted(path: InputPath) -> str:
    """`metrics[0].value`; keys that are not plain names are quoted."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif isinstance(part, str) and _PLAIN_NAME.fullmatch(part):
            text += f".{part}" if text else part
        else:
            text += f"[{part!a}]"
    return text or "(top level)"
