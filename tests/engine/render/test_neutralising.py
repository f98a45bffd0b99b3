"""The neutralisers every human-facing output uses (engine/render): what each guarantees,
payload by payload. The whole CLI is checked against a payload corpus in
tests/hardening/test_injection.py."""

from __future__ import annotations

import json

import pytest

from engine.render.html import text as html_text
from engine.render.jsondoc import dumps
from engine.render.markdown import cell, code
from engine.render.spreadsheet import neutralise
from engine.render.text import inert, inert_lines, visible, without_commands


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("\x9b31m", "\\x9b31m"),
        ("a\x00b", "a\\x00b"),
        ("\u202eevil", "\\u202eevil"),
        ("p\u2028q\u2029", "p\\u2028q\\u2029"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("lone \udcff byte", "lone \\udcff byte"),
        ("tag \U000e0041", "tag \\U000e0041"),
        ("plain text, accents é and emoji 😀", "plain text, accents é and emoji 😀"),
    ],
)
def test_visible_writes_control_and_invisible_characters_as_escapes(raw, shown):
    assert visible(raw) == shown


def test_visible_keeps_what_it_is_told_to():
    assert visible("a\nb\tc", keep="\n") == "a\nb\\x09c"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("ok\n::error::pwned", "ok\\x0a::error::pwned"),
        ("::add-mask::x", "\\x3a:add-mask::x"),
        ("  ::stop-commands::t", "  \\x3a:stop-commands::t"),
        ("text ##[error]x", "text \\x23#[error]x"),
        ("###[", "#\\x23#["),
        ("a: b :: c", "a: b :: c"),  # colons elsewhere are text
    ],
)
def test_inert_text_is_one_line_that_begins_no_workflow_command(raw, shown):
    assert inert(raw) == shown


def test_inert_bounds_a_long_line_and_says_how_much_was_left_out():
    assert inert("x" * 2_010) == "x" * 2_000 + "… (10 more characters)"
    assert inert("x" * 2_010, limit=None) == "x" * 2_010


def test_inert_lines_splits_only_where_a_ci_runner_does():
    assert inert_lines("a\r\n::b\rc\x85d\u2028e") == ["a", "\\x3a:b", "c\\x85d\\u2028e"]


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("![i](http://evil/p.png)", "!\\[i\\](http\\://evil/p.png)"),
        ("<img src=x onerror=a()>", "&lt;img src=x onerror=a()&gt;"),
        ("**b** _e_ ~~s~~ `c`", "\\*\\*b\\*\\* \\_e\\_ \\~\\~s\\~\\~ \\`c\\`"),
        ("a | b", "a \\| b"),
        ("$x$ # h", "\\$x\\$ \\# h"),
        ("www.evil.example", "www\\.evil.example"),
        ("me@evil.example", "me`@`evil.example"),
        ("one\ntwo", "one<br>two"),
        ("\x1b[2J\u202e", "\\\\x1b\\[2J\\\\u202e"),
    ],
)
def test_markdown_cells_render_as_the_text_they_hold(raw, escaped):
    assert cell(raw) == escaped


def test_a_code_span_cannot_be_closed_by_its_own_backticks():
    assert code("a`b") == "``a`b``"
    assert code("`x") == "`` `x ``"
    assert code("v1\n::error::x") == "`v1\\x0a::error::x`"


def test_html_text_is_escaped_and_each_line_inert():
    assert html_text("<b>\x1b[2J</b>\n::error::x") == "&lt;b&gt;\\x1b[2J&lt;/b&gt;\n\\x3a:error::x"


def test_json_documents_escape_what_drives_a_terminal_and_parse_back_the_same():
    value = {"m": "x\u202ey\x9b##[error]\u2028\udcff é"}
    text = dumps(value)
    assert text == '{\n  "m": "x\\u202ey\\u009b\\u0023#[error]\\u2028\\udcff é"\n}\n'
    assert json.loads(text) == value


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("a\n  ::error::x\r::warning::y", "a\n  \\x3a:error::x\r\\x3a:warning::y"),
        ("\u200b::error::x", "\u200b\\x3a:error::x"),  # .NET's comparisons skip U+200B
        ("#\u200b#[error]", "\\x23\u200b#[error]"),
        ("a :: b", "a :: b"),
    ],
)
def test_without_commands_breaks_only_what_a_ci_log_would_run(raw, kept):
    assert without_commands(raw) == kept


def test_a_csv_cell_neither_starts_a_formula_nor_holds_a_workflow_command():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("ok\n::add-mask::x") == "ok\n\\x3a:add-mask::x"
