"""Canonical text: NFC, nothing invisible at either end, lone surrogates as escapes."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.core.text import canonical_key, canonical_text, is_invisible, natural_key
from tests.strategies import hostile_text

#: characters that look like nothing, and that evaluators used to disagree about
INVISIBLE = {
    "no-break space": "\u00a0",
    "em space": "\u2003",
    "next line": "\u0085",
    "ideographic space": "\u3000",
    "zero width space": "\u200b",
    "byte order mark": "\ufeff",
    "word joiner": "\u2060",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
    "tab": "\t",
    "newline": "\n",
    "escape": "\x1b",
    "delete": "\x7f",
    "a mix": "\u00a0\u200b\t\u3000\ufeff\u2003\u0085",
}


@pytest.mark.parametrize("invisible", INVISIBLE.values(), ids=INVISIBLE)
def test_a_value_of_only_invisible_characters_is_empty(invisible):
    assert canonical_text(invisible) == ""
    assert canonical_text(invisible * 3) == ""


@pytest.mark.parametrize("invisible", INVISIBLE.values(), ids=INVISIBLE)
def test_invisible_characters_go_at_both_ends_and_stay_inside(invisible):
    assert canonical_text(f"{invisible}HMPPS{invisible}Risk{invisible}") == (
        f"HMPPS{invisible}Risk"
    )


def test_visible_text_is_kept_as_written():
    for text in ("HMPPS Risk Tools", "Zoë", "中文", "\U0001f600", "a\u00a0b", "-", "0"):
        assert canonical_text(text) == text


def test_text_is_nfc():
    decomposed = "Zoe\u0308 Cafe\u0301"
    assert canonical_text(decomposed) == "Zoë Café"
    assert canonical_text("\u212b") == "\u00c5"  # the angstrom sign is the letter Å


def test_a_byte_that_was_not_utf8_in_a_file_name_is_kept_as_its_escape():
    name = b"model-\xff.md".decode("utf-8", "surrogateescape")
    assert canonical_text(name) == "model-\\xff.md"
    assert canonical_text(name).encode("utf-8")  # valid UTF-8 now


def test_other_lone_surrogates_are_kept_as_their_escape():
    assert canonical_text("bad \ud800 and \udfff") == "bad \\ud800 and \\udfff"


def test_a_surrogate_pair_is_the_character_it_encodes():
    assert canonical_text("\ud83d\ude00 smile") == "\U0001f600 smile"


def test_keys_are_nfc_but_never_trimmed():
    assert canonical_key("Cafe\u0301") == "Café"
    assert canonical_key(" a\u200b") == " a\u200b"
    assert canonical_key("x\udcff") == "x\\xff"


def test_what_counts_as_invisible():
    assert all(is_invisible(c) for c in "\u00a0\u2003\u0085\u3000\u200b\ufeff\u2060\t \x00")
    assert not any(is_invisible(c) for c in "a.-_0é\u0301\U0001f600\ue000")


@given(hostile_text())
def test_canonical_text_is_idempotent_nfc_and_valid_utf8(text):
    once = canonical_text(text)
    assert canonical_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    once.encode("utf-8")  # never a lone surrogate


@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=30))
def test_nothing_visible_is_lost(text):
    kept = canonical_text(text)
    normalised = unicodedata.normalize("NFC", text)
    assert kept in normalised
    assert normalised.strip("".join(c for c in set(normalised) if is_invisible(c))) == kept


def test_natural_order_compares_numbers_as_numbers():
    ids = ["A.10.2", "A.2.2", "P12", "P4", "A.2.10"]
    assert sorted(ids, key=natural_key) == ["A.2.2", "A.2.10", "A.10.2", "P4", "P12"]
