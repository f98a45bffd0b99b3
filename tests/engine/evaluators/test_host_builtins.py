"""The builtins the host provides to compiled policies answer exactly as OPA does: each case
is evaluated by `opa eval --strict-builtin-errors` and by the host, and must agree (value, or
an error on both sides)."""

from __future__ import annotations

import json
import subprocess

import pytest

from engine.evaluators.host_builtins import HOST_BUILTINS, BuiltinError, call_builtin

REPLACE_CASES = [
    ("baaac", "a*", "-"),  # an empty match right after a match is not replaced
    ("abc", "x*", "-"),
    ("", "x*", "-"),
    ("", "", "-"),
    ("hello, WORLD é", "[^a-z0-9]+", " "),
    ("ab", "(a)(b)", "$2$1$$$x${1}z$1x"),
    ("ab", "(a)(b)", "${2}${1"),
    ("ab", "(a)(b)", "$"),
    ("ab", "(a)(b)", "$-$"),
    ("ab", "(a)(b)", "$01 $10 $3"),
    ("2026-11-26", r"(?P<y>\d+)-(?P<m>\d+)-(?P<d>\d+)", "$d/$m/$y ${y}x $yx"),
    ("a\nb\nc", "(?m)^", ">"),
    ("a\nb\nc", "^", ">"),
    ("one two  three", r"\b", "|"),
    ("données ÉTÉ", r"\p{Lu}+", "_"),
    ("日本語テキスト", ".", "x"),
    ("aaa", "a|aa", "b"),
    ("abcabc", "(a)|(b)", "[$1$2]"),
    ("x", "(?i)X", "y"),
    ("tab\there", r"\s", "_"),
    ("a.b.c", r"\.", "$$"),
    (
        "abc",
        "(?P<x>a)|(?P<x>b)",
        "[$x]",
    ),  # Go allows two groups of one name: the first that took part
    ("a(b)c", r"\((?P<in>[^)]*)\)|[]x](?P<n>y)", "<$in>"),
    ("q(x)", r"\Q(\E(x)", "[$1]"),
]


def opa_value(opa_binary: str, expression: str) -> tuple[bool, object]:
    """(True, value) when OPA evaluates `expression`, (False, message) when it errors."""
    completed = subprocess.run(
        [opa_binary, "eval", "--format", "json", "--strict-builtin-errors", expression],
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = json.loads(completed.stdout)
    if output.get("errors") or completed.returncode:
        return False, output.get("errors")
    return True, output["result"][0]["expressions"][0]["value"]


def host_value(name: str, arguments: list[object]) -> tuple[bool, object]:
    try:
        return True, call_builtin(name, arguments)
    except BuiltinError as exc:
        return False, str(exc)


@pytest.mark.parametrize(("text", "pattern", "replacement"), REPLACE_CASES)
def test_regex_replace_agrees_with_opa(opa_binary, text, pattern, replacement):
    expression = (
        f"regex.replace({json.dumps(text)}, {json.dumps(pattern)}, {json.dumps(replacement)})"
    )
    expected = opa_value(opa_binary, expression)
    assert host_value("regex.replace", [text, pattern, replacement]) == expected


@pytest.mark.parametrize("pattern", ["(", "[a-", "a{2,1}", "\\"])
def test_an_invalid_pattern_is_an_error_on_both_sides(opa_binary, pattern):
    ok, _ = opa_value(opa_binary, f'regex.replace("abc", {json.dumps(pattern)}, "")')
    assert not ok
    assert host_value("regex.replace", ["abc", pattern, ""])[0] is False


@pytest.mark.parametrize("arguments", [[1, "a", "b"], ["a", None, "b"], ["a", "b", ["c"]]])
def test_operands_of_the_wrong_type_are_errors(arguments):
    with pytest.raises(BuiltinError, match="must be a string"):
        call_builtin("regex.replace", arguments)


def test_a_builtin_the_host_does_not_provide_is_an_error():
    assert "time.parse_ns" not in HOST_BUILTINS
    with pytest.raises(BuiltinError, match="not available"):
        call_builtin("time.parse_ns", ["2006-01-02", "2026-11-26"])
