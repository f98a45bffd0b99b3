"""`load_json` reads with orjson where it provably gives Python's own answer: on any text,
the value (types included) or the refusal is what the checked standard-library reading gives."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.core.parsing import ParseError, load_json

# Keys and strings that collide, hold colons (plain and escaped), quotes and non-ASCII.
KEYS = st.sampled_from(["a", "b", "a:b", ":", "é", "\\u003a", "\\u003A", "x\\\\u003a", '\\"'])
NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(
        [
            "1e400",
            "-1e400",
            "2.4703282292062328e-324",
            "1E2",
            "-0",
            "-0.0",
            "NaN",
            "0.30000000000000004",
            "123456789012345678901234567890.5",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775809",
            "-0000000000000000000001",
        ]
    ),
)
SCALARS = st.one_of(
    NUMBERS,
    st.sampled_from(["true", "false", "null", '"\\u0000"', '"\\ud800"', '"\\ud83d\\ude00"']),
    KEYS.map(lambda key: f'"{key}"'),
    st.text(max_size=8).map(lambda text: json.dumps(text, ensure_ascii=False)),
)
SPACE = st.sampled_from(["", " ", "\n", "\t", "\r\n"])


def _render(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    array = st.lists(children, max_size=4).map(lambda items: "[" + ",".join(items) + "]")
    member = st.tuples(KEYS, SPACE, children).map(lambda kv: f'"{kv[0]}"{kv[1]}:{kv[2]}')
    obj = st.lists(member, max_size=4).map(lambda items: "{" + ",".join(items) + "}")
    return st.one_of(array, obj)


JSON_TEXT = st.tuples(SPACE, st.recursive(SCALARS, _render, max_leaves=12), SPACE).map("".join)


def _checked(text: str) -> Any:
    """The reference reading: the standard library with every check spelled out."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        if len({key for key, _ in items}) != len(items):
            raise ValueError("duplicate key")
        return dict(items)

    def number(literal: str) -> float:
        value = float(literal)
        if not math.isfinite(value):
            raise ValueError("out of range")
        return value

    def constant(name: str) -> None:
        raise ValueError(name)

    value = json.loads(text, object_pairs_hook=pairs, parse_float=number, parse_constant=constant)
    if _has_char(value, lambda code: code == 0 or 0xD800 <= code <= 0xDFFF):
        raise ValueError("NUL or lone surrogate")
    return value


def _has_char(value: Any, refused: Callable[[int], bool]) -> bool:
    if isinstance(value, str):
        return any(refused(ord(char)) for char in value)
    if isinstance(value, dict):
        return any(_has_char(key, refused) or _has_char(v, refused) for key, v in value.items())
    if isinstance(value, list):
        return any(_has_char(item, refused) for item in value)
    return False


def _typed(value: Any) -> Any:
    """The value with every scalar's type attached, so 1 and 1.0 (and -0.0) differ."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return (type(value).__name__, repr(value))


@settings(max_examples=1000)  # each example takes microseconds
@given(JSON_TEXT)
def test_load_json_gives_the_checked_reading_or_refuses_as_it_does(text):
    try:
        expected = _typed(_checked(text))
    except (ValueError, RecursionError):
        expected = "refused"
    try:
        actual = _typed(load_json(text))
    except ParseError:
        actual = "refused"
    assert actual == expected
