"""A module's package is read as OPA reads it, or refused: never a different package."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.policy.package_decl import MalformedPackageError, read_package


def test_the_package_follows_metadata_comments_and_blank_lines():
    source = "# METADATA\n# title: x\n\n\t\r\npackage ai_assure_local.rules.team.x\n"
    declared = read_package(source)
    assert declared.path == ("ai_assure_local", "rules", "team", "x")
    assert declared.line == 4


@pytest.mark.parametrize(
    "source",
    [
        "package a.b # why\nimport rego.v1\n",
        "package a.b\r\n",
        "package\ta.b",
    ],
)
def test_a_trailing_comment_crlf_or_tab_is_read(source):
    assert read_package(source).name == "a.b"


@pytest.mark.parametrize(
    ("source", "why"),
    [
        ("import rego.v1\npackage a\n", "first statement"),
        ("x := `\npackage a\n`\n", "first statement"),
        ("\ufeffpackage a\n", "first statement"),
        ("\u00a0package a\n", "first statement"),
        ("packagea.b\n", "first statement"),
        ('package a["b"]\n', "unexpected '['"),
        ("package a\n\t.b\n", None),
        ("package a. b\n", "cannot read the package name"),
        ("package a.b import rego.v1\n", "unexpected 'i'"),
        ("package été\n", "cannot read the package name"),
        ("", "first statement"),
    ],
)
def test_anything_else_is_refused_or_read_as_opa_reads_it(source, why):
    if why is None:  # OPA reads `a` and then fails on the next line: a parse error either way
        assert read_package(source).name == "a"
        return
    with pytest.raises(MalformedPackageError, match=re.escape(why)):
        read_package(source)


def test_a_comment_ends_only_at_a_line_feed():
    hidden = "# note\u2028package decoy\n# note\rpackage decoy\n# \x85package decoy\npackage real\n"
    assert read_package(hidden).name == "real"


def _opa_package(opa: str, source: str, tmp_path) -> tuple[str, ...] | None:
    """The package path OPA parses from `source`, or None when OPA refuses the module."""
    module = tmp_path / "m.rego"
    module.write_bytes(source.encode("utf-8", "surrogatepass"))
    done = subprocess.run(
        [opa, "parse", "--format", "json", str(module)], capture_output=True, timeout=30
    )
    if done.returncode != 0:
        return None
    terms = json.loads(done.stdout)["package"]["path"][1:]  # the first term is `data`
    return tuple(term["value"] for term in terms)


PREFIXES = st.lists(
    st.sampled_from(
        [
            "",
            "\n",
            "\r\n",
            "\t",
            " ",
            "# c\n",
            "# c\u2028",
            "# c\r",
            "# c\x85",
            "# c\x0b",
            "#\n",
            "\ufeff",
            "\u00a0",
            "\x0c",
            "x := 1\n",
            "`\n",
            '"\n',
        ]
    ),
    max_size=4,
).map("".join)
NAMES = st.lists(
    st.sampled_from(["ai_assure_local", "rules", "a", "_b", "B9", "é", "1x", 'x["y"]', "x y"]),
    min_size=1,
    max_size=4,
).map(".".join)
SEPARATORS = st.sampled_from([" ", "\t", "  ", "\n", "\r", "", " \t"])
ENDINGS = st.sampled_from(
    ["", "\n", "\r\n", " # c\n", "\t\n", ".\n", " x\n", "\u2028", "\n\nimport rego.v1\n\nx := 1\n"]
)


@settings(
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(prefix=PREFIXES, separator=SEPARATORS, name=NAMES, ending=ENDINGS)
def test_what_is_read_is_what_opa_parses(opa_binary, tmp_path, prefix, separator, name, ending):
    source = f"{prefix}package{separator}{name}{ending}"
    try:
        ours = read_package(source).path
    except MalformedPackageError:
        return  # refused: stricter than OPA is safe
    assert _opa_package(opa_binary, source, tmp_path) in (ours, None), source
