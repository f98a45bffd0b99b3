"""Defensive decoding of YAML, JSON and Markdown front matter.

Everything a repository holds is treated as hostile: text must decode, YAML is built from
the composed node graph with a node budget (alias bombs), a depth limit, duplicate keys as
errors, and dates kept as the strings they were written as (so the policies and reports see
exactly what the author wrote and nothing depends on local time zones). The YAML loader also
records the line of every mapping key and sequence item, which is how findings point at a
manifest line.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from engine.core.errors import AssuranceError
from engine.core.limits import DEFAULT_MAX_YAML_DEPTH, DEFAULT_MAX_YAML_NODES

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is in the PyYAML wheels we support
    # type: ignore: the pure-Python loader is a different class with the same interface
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# (max nodes, max depth) for YAML loaded without explicit limits; see `yaml_limits`
_YAML_LIMITS = contextvars.ContextVar(
    "yaml_limits", default=(DEFAULT_MAX_YAML_NODES, DEFAULT_MAX_YAML_DEPTH)
)
_NUL_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")

PathKey = tuple[str | int, ...]


class ParseError(AssuranceError):
    """Content that could not be decoded; `line` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class YamlDocument:
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)
    #: paths of non-finite numbers read as null (only with `nonfinite_as_null`)
    nonfinite: list[PathKey] = field(default_factory=list)

    def line_of(self, path: PathKey) -> int:
        """The line of `path`, else of its nearest ancestor that has one, else 1."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:end]))
            if line:
                return line
        return 1


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_text(content: bytes) -> str:
    """Decode UTF-8 (or BOM-marked UTF-16); refuse binary content."""
    encoding = "utf-8"
    for bom, name in _BOMS:
        if content.startswith(bom):
            content, encoding = content[len(bom) :], name
            break
    if encoding == "utf-8" and b"\x00" in content:  # a NUL byte is a NUL character in UTF-8
        raise ParseError("binary content (NUL byte) where text was expected")
    try:
        text = content.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _not_text(content, encoding, exc.start) from None
    if encoding != "utf-8" and "\x00" in text:
        raise ParseError("binary content (NUL byte) where text was expected")
    return text


def _not_text(content: bytes, encoding: str, offset: int) -> ParseError:
    """Where undecodable bytes start: their line, and column counted in bytes from 1 (for
    UTF-16, the byte offset: its line breaks are not single bytes)."""
    if encoding != "utf-8":
        return ParseError(f"not valid {encoding.upper()} text (byte offset {offset})")
    line_start = content.rfind(b"\n", 0, offset) + 1
    line = content.count(b"\n", 0, offset) + 1
    byte = content[offset]
    return ParseError(
        f"not valid {encoding.upper()} text at column {offset - line_start + 1} "
        f"(byte 0x{byte:02x})",
        line,
    )


class _Builder:
    """Turns a composed YAML node graph into plain data, with limits and key lines."""

    def __init__(self, max_nodes: int, max_depth: int, nonfinite_as_null: bool = False) -> None:
        self.budget = max_nodes
        self.max_depth = max_depth
        self.lines: dict[PathKey, int] = {}
        self.constructor = yaml.constructor.SafeConstructor()
        self.nonfinite_as_null = nonfinite_as_null
        self.nonfinite: list[PathKey] = []

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise ParseError("document too large or alias expansion too deep (alias bomb?)")
        if len(path) > self.max_depth:
            raise ParseError(f"nesting deeper than {self.max_depth} levels", _line(node))
        if isinstance(node, yaml.MappingNode):
            _plain_tag(node, "tag:yaml.org,2002:map")
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            _plain_tag(node, "tag:yaml.org,2002:seq")
            return self._sequence(node, path)
        try:
            return self._scalar(node)
        except NonFiniteError:
            if not self.nonfinite_as_null:
                raise
            self.nonfinite.append(path)
            return None

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise ParseError("YAML merge keys (<<) are not supported", _line(key_node))
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int, float, bool)) or isinstance(key, bool):
                raise ParseError("mapping keys must be plain strings or numbers", _line(key_node))
            key = str(key)
            if key in result:
                raise ParseError(f"duplicate key {key!r}", _line(key_node))
            child = (*path, key)
            self.lines[child] = _line(key_node)
            result[key] = self.build(value_node, child)
        return result

    def _sequence(self, node: yaml.SequenceNode, path: PathKey) -> list[Any]:
        items = []
        for index, item in enumerate(node.value):
            child = (*path, index)
            self.lines[child] = _line(item)
            items.append(self.build(item, child))
        return items

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value
        if node.tag == "tag:yaml.org,2002:binary":
            raise ParseError("binary (!!binary) values are not accepted", _line(node))
        constructor = self.constructor.yaml_constructors.get(node.tag)
        if constructor is None:
            raise ParseError(f"unsupported YAML tag {node.tag}", _line(node))
        try:
            value = constructor(self.constructor, node)
        except (ValueError, yaml.YAMLError) as exc:
            raise ParseError(f"bad value: {exc}", _line(node)) from None
        if isinstance(value, str) and "\x00" in value:  # a "\0" escape: regopy cuts text there
            raise ParseError("NUL character in a text value", _line(node))
        if isinstance(value, float) and not math.isfinite(value):
            raise NonFiniteError(f"non-finite number {node.value!r} is not accepted", _line(node))
        return value


class NonFiniteError(ParseError):
    """A number that is not finite (`.nan`, `.inf`, `1e400`)."""


def _plain_tag(node: yaml.Node, expected: str) -> None:
    """Refuse a tag on a mapping or list (`!!python/object/apply:…`, `!!set`): never ignore it."""
    if node.tag != expected:
        raise ParseError(f"unsupported YAML tag {node.tag}", _line(node))


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


@contextlib.contextmanager
def yaml_limits(max_nodes: int, max_depth: int) -> Iterator[None]:
    """Within this block, YAML loaded without explicit limits uses these (`check` sets them
    from its command line, so adapters need not pass them along)."""
    token = _YAML_LIMITS.set((max_nodes, max_depth))
    try:
        yield
    finally:
        _YAML_LIMITS.reset(token)


def load_yaml(
    text: str,
    *,
    max_nodes: int | None = None,
    max_depth: int | None = None,
    first_line: int = 1,
    nonfinite_as_null: bool = False,
) -> YamlDocument:
    """Load one YAML document safely. `first_line` offsets lines (front matter in a file);
    limits not given come from the enclosing `yaml_limits` block, else the defaults. A
    non-finite number is an error, or with `nonfinite_as_null` a null whose path is listed
    in `nonfinite` (for formats where such a number sits in a part no rule reads)."""
    default_nodes, default_depth = _YAML_LIMITS.get()
    max_nodes = default_nodes if max_nodes is None else max_nodes
    max_depth = default_depth if max_depth is None else max_depth
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        raise ParseError(f"invalid YAML: {exc.problem or exc.context}", line) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise ParseError(f"invalid YAML: {exc.__class__.__name__}") from None
    if len(nodes) > 1:
        raise ParseError("expected one YAML document, found several", _line(nodes[1]))
    if not nodes or nodes[0] is None:
        return YamlDocument(data=None)
    builder = _Builder(max_nodes, max_depth, nonfinite_as_null)
    try:
        data = builder.build(nodes[0], ())
    except ParseError as exc:
        if exc.line:
            exc.line += first_line - 1
        raise
    except RecursionError:
        raise ParseError(f"nesting deeper than {max_depth} levels") from None
    lines = {path: line + first_line - 1 for path, line in builder.lines.items()}
    return YamlDocument(data=data, lines=lines, nonfinite=builder.nonfinite)


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):  # the fast path: no key repeats
        return result
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise ParseError(f"duplicate key {key!r}")
        seen.add(key)
    raise AssertionError("unreachable: a key repeats")  # pragma: no cover


def load_json(text: str, *, nonfinite: list[str] | None = None) -> Any:
    """Load JSON, refusing duplicate keys, NaN/Infinity, runaway nesting and `\\u0000`
    escapes (a NUL character, refused as in YAML: regopy cuts text there). Given a
    `nonfinite` list, a number that is not finite (`NaN`, `Infinity`, `1e400`) is read as
    null instead and its literal appended to the list: for tools that write such numbers
    where no rule reads them (Python's json module writes `NaN` by default)."""
    value = _load_plain_json(text)
    if value is not _DECLINED:
        return value
    constant: Callable[[str], Any] = _reject_constant
    number: Callable[[str], float | None] = _finite_float
    if nonfinite is not None:
        constant, number = _null_for(nonfinite), _finite_or_null_for(nonfinite)
    try:
        value = json.loads(
            text,
            object_pairs_hook=_reject_duplicates,
            parse_constant=constant,
            parse_float=number,
        )
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc.msg} (column {exc.colno})", exc.lineno) from None
    except RecursionError:
        raise ParseError("JSON nested too deeply") from None
    except ParseError:
        raise
    except ValueError as exc:  # e.g. an integer literal longer than Python accepts
        raise ParseError(f"invalid JSON: {exc}") from None
    _refuse_nul_escapes(text)
    _refuse_lone_surrogates(text, value)
    return value


_DECLINED = object()
# An escaped colon would hide from the colon count in `_load_plain_json`.
_COLON_ESCAPE = re.compile(r"\\u003[aA]")
_DIGITS_AS_ZERO = bytes.maketrans(b"0123456789", b"0" * 10)
_BEFORE_A_VALUE = frozenset(b"[:,")
_SPACE_OR_SIGN = frozenset(b" \t\r\n-")


def _load_plain_json(text: str) -> Any:
    """The common case, at C speed: orjson reads the text, and the result is taken only where
    it is provably what the checked path gives; anything else is `_DECLINED` (and the checked
    path then decides, with its exact messages). orjson refuses what that path refuses (NaN,
    Infinity, numbers out of range, lone surrogates, runaway nesting) but keeps the last of
    repeated keys, so repeats are found by counting: outside strings a colon separates each
    member, and inside strings orjson writes colons unescaped, so re-serialising the value
    loses a colon exactly when a member was dropped."""
    import orjson

    if "\\u0000" in text or _COLON_ESCAPE.search(text) or _may_hold_a_long_integer(text):
        return _DECLINED
    try:
        value = orjson.loads(text)
        written = orjson.dumps(value)  # refuses nesting deeper than loads accepts
    except (orjson.JSONDecodeError, orjson.JSONEncodeError):
        return _DECLINED
    if text.count(":") != written.count(b":"):
        return _DECLINED  # a repeated key
    return value


def _may_hold_a_long_integer(text: str) -> bool:
    """Whether an integer literal of 19 digits or more may be there: such a number can exceed
    64 bits, which orjson reads as a float where Python keeps an int."""
    return may_hold_integer_literal(text.encode(), 19)


def may_hold_integer_literal(encoded: bytes, digits: int) -> bool:
    """Whether JSON text may hold an integer literal of `digits` digits or more. Runs of
    digits are found by byte search (a regular expression costs ten times more); one that a
    value could start with (after `[`, `:`, `,` or nothing, then blanks and a sign) counts,
    so a run inside a string may count too, never the other way round."""
    run = b"0" * digits
    zeros = encoded.translate(_DIGITS_AS_ZERO)
    start = zeros.find(run)
    while start != -1:
        before = start - 1
        while before >= 0 and encoded[before] in _SPACE_OR_SIGN:
            before -= 1
        if before < 0 or encoded[before] in _BEFORE_A_VALUE:
            return True
        start = zeros.find(run, start + digits)
    return False


def _refuse_nul_escapes(text: str) -> None:
    """Valid JSON holds backslashes only inside strings, so an unescaped `\\u0000` is a NUL."""
    if "\\u0000" not in text:  # the fast path: almost every file
        return
    match = _NUL_ESCAPE.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise ParseError("NUL character (\\u0000) in a JSON string", line)


def _refuse_lone_surrogates(text: str, value: Any) -> None:
    """A `\\udXXX` escape that is not half of a pair decodes to a lone surrogate: not text,
    and UTF-8 (so every evaluator) cannot carry it."""
    if not _SURROGATE_ESCAPE.search(text):  # the fast path: almost every file
        return
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and _SURROGATE.search(item):
            raise ParseError("a \\u escape in a JSON string is half a character (lone surrogate)")
        if isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _reject_constant(name: str) -> Any:
    raise ParseError(f"invalid JSON constant {name}")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise ParseError(f"invalid JSON: number {literal} is out of range")
    return value


def _null_for(found: list[str]) -> Callable[[str], None]:
    def constant(name: str) -> None:
        found.append(name)

    return constant


def _finite_or_null_for(found: list[str]) -> Callable[[str], float | None]:
    def number(literal: str) -> float | None:
        value = float(literal)
        if math.isfinite(value):
            return value
        found.append(literal)
        return None

    return number


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)


@dataclass
class FrontMatterDocument:
    front_matter: YamlDocument | None
    body: str
    body_first_line: int


def split_front_matter(
    text: str, *, nonfinite_as_null: bool = False, **limits: int
) -> FrontMatterDocument:
    """Split Markdown into its YAML front matter (if any) and body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatterDocument(None, text, 1)
    front = load_yaml(match.group(1), first_line=2, nonfinite_as_null=nonfinite_as_null, **limits)
    body_first_line = text.count("\n", 0, match.end()) + 1
    return FrontMatterDocument(front, text[match.end() :], body_first_line)
