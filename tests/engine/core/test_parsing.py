"""Defensive decoding: hostile text becomes a `ParseError` with a line, never a crash."""

import pytest

from engine.core.parsing import (
    ParseError,
    decode_text,
    load_json,
    load_yaml,
    split_front_matter,
    yaml_limits,
)


def test_yaml_records_the_line_of_every_key_and_item():
    document = load_yaml("a: 1\nb:\n  - x: 2\n    y: 3\n")
    assert document.lines[("b", 0, "y")] == 4
    assert document.line_of(("b", 0, "missing")) == 3
    assert document.line_of(("nowhere",)) == 1


def test_yaml_keeps_dates_as_written():
    assert load_yaml("due: 2027-03-31\n").data == {"due": "2027-03-31"}


def test_yaml_duplicate_keys_are_errors_not_last_one_wins():
    with pytest.raises(ParseError, match="duplicate key 'a'") as caught:
        load_yaml("a: 1\nb: 2\na: 3\n")
    assert caught.value.line == 3


def test_yaml_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    with pytest.raises(ParseError, match="alias"):
        load_yaml("\n".join(lines))


def test_yaml_self_referencing_alias_is_refused():
    with pytest.raises(ParseError, match="nesting"):
        load_yaml("a: &x [*x]\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [1\n", "invalid YAML"),
        ("a: 1\n---\nb: 2\n", "one YAML document"),
        ("<<: {a: 1}\n", "merge keys"),
        ("? [1, 2]\n: x\n", "keys must be plain"),
        ("a: !!python/object:os.system x\n", "unsupported YAML tag"),
        ("a: !!binary aGVsbG8=\n", "binary"),
    ],
)
def test_yaml_refuses_what_it_cannot_represent_safely(text, message):
    with pytest.raises(ParseError, match=message):
        load_yaml(text)


def test_yaml_depth_limit():
    deep = "a: " + "[" * 100 + "]" * 100
    with pytest.raises(ParseError, match="nesting"):
        load_yaml(deep)


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (b"\xef\xbb\xbfa: 1", "a: 1"),
        ("a: 1".encode("utf-16-le").join([b"\xff\xfe", b""]), "a: 1"),
    ],
)
def test_decode_understands_byte_order_marks(content, text):
    assert decode_text(content) == text


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\xff\xfe\x00", "UTF-16"), (b"ok\x00", "NUL"), (b"\xc3\x28", "UTF-8")],
)
def test_decode_refuses_binary_and_invalid_text(content, message):
    with pytest.raises(ParseError, match=message):
        decode_text(content)


def test_json_duplicate_keys_and_constants_are_errors():
    with pytest.raises(ParseError, match="duplicate"):
        load_json('{"a": 1, "a": 2}')
    with pytest.raises(ParseError, match="NaN"):
        load_json('{"a": NaN}')
    with pytest.raises(ParseError, match="invalid JSON") as caught:
        load_json('{\n"a": 1,\n}')
    assert caught.value.line == 3


def test_json_runaway_nesting_is_an_error():
    with pytest.raises(ParseError, match="deeply"):
        load_json("[" * 100_000 + "]" * 100_000)


def test_front_matter_lines_are_file_lines():
    document = split_front_matter("---\nlicense: mit\ntags: [a]\n---\n# Title\n")
    assert document.front_matter.data == {"license": "mit", "tags": ["a"]}
    assert document.front_matter.lines[("tags",)] == 3
    assert document.body.startswith("# Title")
    assert document.body_first_line == 5


def test_front_matter_absent_means_body_only():
    document = split_front_matter("# Just a heading\n")
    assert document.front_matter is None
    assert document.body == "# Just a heading\n"


def test_front_matter_errors_report_file_lines():
    with pytest.raises(ParseError) as caught:
        split_front_matter("---\na: 1\na: 2\n---\nbody\n")
    assert caught.value.line == 3


@pytest.mark.parametrize("text", ['name: "a\\0b"\n', '"k\\x00": v\n', 'list: [ok, "\\u0000"]\n'])
def test_yaml_nul_escapes_are_errors(text):
    with pytest.raises(ParseError, match="NUL character"):
        load_yaml(text)


@pytest.mark.parametrize(
    "text",
    [
        "x: !!python/object/apply:os.system [echo]\n",
        "x: !!python/object:os.Foo {a: 1}\n",
        "x: !!set {a, b}\n",
        "!custom {a: 1}\n",
    ],
)
def test_yaml_tags_on_lists_and_mappings_are_errors_not_ignored(text):
    with pytest.raises(ParseError, match="unsupported YAML tag"):
        load_yaml(text)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('{"name": "a\\u0000b"}', 1),
        ('{\n  "ok": "x",\n  "k\\u0000": 1\n}', 3),
        ('["fine", "\\\\\\u0000"]', 1),  # an escaped backslash, then a NUL escape
    ],
)
def test_json_nul_escapes_are_errors_as_in_yaml(text, line):
    with pytest.raises(ParseError, match=r"NUL character \(\\u0000\)") as caught:
        load_json(text)
    assert caught.value.line == line


def test_json_text_that_only_looks_like_a_nul_escape_is_kept():
    assert load_json('{"path": "C:\\\\u0000"}') == {"path": "C:\\u0000"}


def test_yaml_limits_apply_within_their_block_and_explicit_limits_win():
    deep = "a: " + "[" * 10 + "]" * 10
    assert load_yaml(deep).data
    with yaml_limits(max_nodes=1_000, max_depth=5):
        with pytest.raises(ParseError, match="nesting deeper than 5 levels"):
            load_yaml(deep)
        with pytest.raises(ParseError, match="alias bomb"):
            load_yaml("[" + ", ".join(["x"] * 2_000) + "]")
        assert load_yaml(deep, max_depth=20).data
    assert load_yaml(deep).data
