"""The builtins an OPA Wasm module leaves to its host (the "SDK-dependent" ones), with Go's
semantics, so a compiled policy answers exactly as `opa eval` does.

Only the builtins listed in `HOST_BUILTINS` are provided; `policy build` refuses a policy
that needs any other (`engine.policy.compile`). Each takes the arguments as JSON values and
returns a JSON value, or raises `BuiltinError`, which fails the evaluation as
`opa eval --strict-builtin-errors` does.
"""

from __future__ import annotations

import copy
import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

_NAMED_GROUP = re.compile(r"\(\?P?<(\w+)>")

#: the non-native builtins a compiled policy may call
HOST_BUILTINS = ("regex.replace",)

#: what compiled Rego unit tests may call besides: the fixtures edit documents with json.patch
#: (`ai-assure policy test`; never available to a check)
TEST_BUILTINS = (*HOST_BUILTINS, "json.patch")


class BuiltinError(Exception):
    """A builtin could not produce a value for these arguments."""


def call_builtin(name: str, arguments: list[Any], allowed: tuple[str, ...] = HOST_BUILTINS) -> Any:
    """The value of builtin `name` applied to `arguments` (one of `allowed`)."""
    implementation = _IMPLEMENTATIONS.get(name) if name in allowed else None
    if implementation is None:
        raise BuiltinError("not available in compiled policies")
    return implementation(*arguments)


def regex_replace(text: Any, pattern: Any, replacement: Any) -> str:
    """Go's `regexp.MustCompile(pattern).ReplaceAllString(text, replacement)`: RE2 syntax;
    an empty match right after another match is not replaced; `$1`, `${1}`, `$name`,
    `${name}` and `$$` are expanded in the replacement as `Regexp.Expand` does."""
    for value, what in ((text, "string"), (pattern, "pattern"), (replacement, "value")):
        if not isinstance(value, str):
            raise BuiltinError(f"operand {what} must be a string")
    compiled = _compile(pattern)
    out: list[str] = []
    last_end = search = 0
    while search <= len(text):
        match = compiled.search(text, search)
        if match is None:
            break
        start, end = match.span()
        out.append(text[last_end:start])
        if end > last_end or start == 0:
            out.append(_expand(replacement, match, compiled))
        last_end = end
        search = max(search + 1, end)
    out.append(text[last_end:])
    return "".join(out)


@functools.lru_cache(maxsize=64)
def _compile(pattern: str) -> Any:
    import re2

    try:
        return re2.compile(pattern)
    except re2.error as exc:
        raise BuiltinError(f"invalid regular expression {pattern!r}: {exc}") from None


def _expand(template: str, match: Any, compiled: Any) -> str:
    """Go's `Regexp.Expand` of `template` for one match."""
    out: list[str] = []
    rest = template
    while True:
        before, dollar, rest = rest.partition("$")
        out.append(before)
        if not dollar:
            return "".join(out)
        if rest.startswith("$"):
            out.append("$")
            rest = rest[1:]
            continue
        reference = _reference(rest)
        if reference is None:  # malformed: the `$` stays as text
            out.append("$")
            continue
        name, rest = reference
        out.append(_submatch(match, compiled, name))


def _reference(text: str) -> tuple[str, str] | None:
    """The name a `$` refers to, and the text after it: the longest run of letters, digits
    and `_`, or the same in braces; None when malformed."""
    braced = text.startswith("{")
    body = text[1:] if braced else text
    end = 0
    while end < len(body) and (body[end] == "_" or _letter_or_digit(body[end])):
        end += 1
    if end == 0:
        return None
    if braced:
        if not body.startswith("}", end):
            return None
        return body[:end], body[end + 1 :]
    return body[:end], body[end:]


def _letter_or_digit(char: str) -> bool:
    """Go's `unicode.IsLetter || unicode.IsDigit`: categories L* and Nd."""
    category = unicodedata.category(char)
    return category.startswith("L") or category == "Nd"


def _submatch(match: Any, compiled: Any, name: str) -> str:
    """Group `name` (a number without leading zeros, at most 9 digits, else a group name:
    the first group of that name that took part, as Go allows several); empty when there is
    no such group or it did not take part in the match."""
    number = _group_number(name)
    if number is not None:
        return (match.group(number) if number <= compiled.groups else None) or ""
    names = _group_names(compiled.pattern)
    if len(names) != compiled.groups:  # not understood: RE2's own (first) group of that name
        names = tuple(_name_of(compiled, index) for index in range(1, compiled.groups + 1))
    for index, group_name in enumerate(names, start=1):
        if group_name == name and match.group(index) is not None:
            return str(match.group(index))
    return ""


def _name_of(compiled: Any, index: int) -> str | None:
    return next((name for name, number in compiled.groupindex.items() if number == index), None)


@functools.lru_cache(maxsize=64)
def _group_names(pattern: str) -> tuple[str | None, ...]:
    """The name (or None) of each capturing group of an RE2 pattern, in order."""
    names: list[str | None] = []
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("\\Q", index):
            end = pattern.find("\\E", index + 2)
            index = len(pattern) if end < 0 else end + 2
            continue
        if char == "\\":
            index += 2
            continue
        if in_class:
            bracket = pattern.find(":]", index) if pattern.startswith("[:", index) else -1
            in_class = char != "]"
            index = bracket + 2 if bracket >= 0 else index + 1
            continue
        if char == "[":  # a class; a `]` right after `[` or `[^` is a literal
            in_class = True
            index += 1
            index += pattern.startswith("^", index)
            index += pattern.startswith("]", index)
            continue
        if char == "(":
            named = _NAMED_GROUP.match(pattern, index)
            if named:
                names.append(named.group(1))
            elif not pattern.startswith("(?", index):
                names.append(None)
        index += 1
    return tuple(names)


def _group_number(name: str) -> int | None:
    if not all("0" <= char <= "9" for char in name) or len(name) > 9:
        return None
    if name.startswith("0") and len(name) > 1:
        return None
    return int(name)


def json_patch(document: Any, patches: Any) -> Any:
    """OPA's `json.patch` (RFC 6902) for the operations the tests use: `add`, `remove`,
    `replace` and `test`, each path an array of keys and indexes or a `/a/b` pointer; the
    document is never changed in place."""
    if not isinstance(patches, list):
        raise BuiltinError("operand 2 must be an array of patches")
    result = copy.deepcopy(document)
    for patch in patches:
        result = _apply(result, patch)
    return result


def _apply(document: Any, patch: Any) -> Any:
    if not isinstance(patch, dict) or patch.get("op") not in ("add", "remove", "replace", "test"):
        raise BuiltinError(f"unsupported patch {patch!r}")
    path = _pointer(patch.get("path"))
    if not path:
        if patch["op"] == "test":
            return _tested(document, document, patch)
        return patch.get("value") if patch["op"] != "remove" else None
    parent = _walk(document, path[:-1])
    key = path[-1]
    if patch["op"] == "test":
        return _tested(document, _member(parent, key), patch)
    if patch["op"] in ("remove", "replace"):
        _member(parent, key)  # must exist
    if isinstance(parent, dict):
        if patch["op"] == "remove":
            del parent[str(key)]
        else:
            parent[str(key)] = patch.get("value")
        return document
    if not isinstance(parent, list):
        raise BuiltinError(f"path {path!r} does not lead into an object or array")
    index = len(parent) if key == "-" else _index(key, len(parent) + (patch["op"] == "add"))
    if patch["op"] == "add":
        parent.insert(index, patch.get("value"))
    elif patch["op"] == "remove":
        del parent[index]
    else:
        parent[index] = patch.get("value")
    return document


def _tested(document: Any, actual: Any, patch: dict[str, Any]) -> Any:
    if actual != patch.get("value"):
        raise BuiltinError(f"test failed at {patch.get('path')!r}")
    return document


def _pointer(path: Any) -> list[Any]:
    if isinstance(path, list):
        return path
    if isinstance(path, str) and (path == "" or path.startswith("/")):
        parts = path.split("/")[1:] if path else []
        return [part.replace("~1", "/").replace("~0", "~") for part in parts]
    raise BuiltinError(f"invalid patch path {path!r}")


def _walk(document: Any, path: list[Any]) -> Any:
    for key in path:
        document = _member(document, key)
    return document


def _member(container: Any, key: Any) -> Any:
    if isinstance(container, dict) and str(key) in container:
        return container[str(key)]
    if isinstance(container, list):
        return container[_index(key, len(container))]
    raise BuiltinError(f"no member {key!r}")


def _index(key: Any, size: int) -> int:
    text = str(key)
    if not text.isdigit() or int(text) >= size:
        raise BuiltinError(f"index {key!r} out of range")
    return int(text)


_IMPLEMENTATIONS: dict[str, Callable[..., Any]] = {
    "regex.replace": regex_replace,
    "json.patch": json_patch,
}
