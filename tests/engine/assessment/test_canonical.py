"""The canonical input document: one form of the input, whichever evaluator reads it, and
every value it cannot keep a located problem (docs/input-document.md, Canonical form)."""

from __future__ import annotations

import datetime as dt
import json
import math
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.assessment import canonical as canonical_module
from engine.assessment import run
from engine.assessment.canonical import (
    MAX_EXACT_INTEGER,
    SMALLEST_NORMAL,
    Problem,
    canonical_input,
    canonical_value,
)
from engine.evaluators.interface import Evaluation
from tests.strategies import json_values

BEYOND = "not every evaluator holds it exactly, so rules see null"


def problems_of(value):
    return canonical_value(value)[1]


def item(facts, **fields):
    """An evidence item as `engine.assessment.evidence` makes it."""
    return {
        "kind": "evaluations",
        "declared": "reports/*.json",
        "path": "reports/eval.json",
        "sha256": "0" * 64,
        "size": 10,
        "format": "ai-assure",
        "status": "ok",
        "errors": [],
        "facts": facts,
        **fields,
    }


def document(manifest=None, evidence=None):
    return {
        "manifest": manifest or {"metadata": {"id": "x"}},
        "evidence": evidence or {"evaluations": []},
        "context": {"as_of": "2026-11-26", "repo": "repo", "commit": None},
    }


# --- strings and keys ------------------------------------------------------------------------


def test_every_string_value_is_canonical_text_at_any_depth():
    value = {"a": ["\u200bx\u00a0", {"b": [["Cafe\u0301\t"]]}], "c": "\ufeff"}
    assert canonical_value(value) == ({"a": ["x", {"b": [["Café"]]}], "c": ""}, [])


def test_keys_are_nfc_and_not_trimmed():
    value = {"Cafe\u0301": 1, " padded ": 2, "\u200b": 3}
    assert canonical_value(value) == ({"Café": 1, " padded ": 2, "\u200b": 3}, [])


def test_a_file_name_that_is_not_utf8_is_kept_as_its_escape():
    path = b"reports/\xffeval.json".decode("utf-8", "surrogateescape")
    canonical, problems = canonical_value({"path": path, path: path})
    assert canonical == {
        "path": "reports/\\xffeval.json",
        "reports/\\xffeval.json": canonical["path"],
    }
    assert problems == []
    json.dumps(canonical, ensure_ascii=False).encode("utf-8")


def test_keys_that_become_equal_keep_the_one_written_in_nfc_and_say_so():
    composed, decomposed = "caf\u00e9", "cafe\u0301"
    for value in ({composed: "nfc", decomposed: "nfd"}, {decomposed: "nfd", composed: "nfc"}):
        canonical, problems = canonical_value({"owner": value})
        assert canonical == {"owner": {"café": "nfc"}}
        assert problems == [
            Problem(
                ("owner", "café"),
                "the keys 'cafe\\u0301', 'caf\\xe9' are the same text once normalised "
                "(Unicode NFC); only the value of 'caf\\xe9' is used",
            )
        ]


def test_when_no_colliding_key_is_nfc_the_first_in_code_point_order_is_kept():
    # U+212B (angstrom sign) and A + U+030A (ring) both normalise to U+00C5
    for value in ({"\u212b": "sign", "A\u030a": "ring"}, {"A\u030a": "ring", "\u212b": "sign"}):
        canonical, problems = canonical_value(value)
        assert canonical == {"\u00c5": "ring"}
        assert len(problems) == 1


# --- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [0, 1, -1, MAX_EXACT_INTEGER, -MAX_EXACT_INTEGER, 0.5, -0.0, 1e300, -1e300, SMALLEST_NORMAL],
)
def test_numbers_every_evaluator_holds_exactly_are_kept(number):
    assert canonical_value({"n": number}) == ({"n": number}, [])


@pytest.mark.parametrize("number", [MAX_EXACT_INTEGER + 1, -MAX_EXACT_INTEGER - 1, 2**63, 10**40])
def test_an_integer_beyond_2_to_the_53_is_null_and_a_problem(number):
    canonical, problems = canonical_value({"tests": {"total": number}})
    assert canonical == {"tests": {"total": None}}
    [problem] = problems
    assert problem.path == ("tests", "total")
    assert problem.msg.endswith(f"is beyond ±2^53 (9007199254740992): {BEYOND}")


def test_the_integer_is_named_when_short_enough_to_read():
    [problem] = problems_of([MAX_EXACT_INTEGER + 1])
    assert problem.msg.startswith("the integer 9007199254740993 is beyond")
    [problem] = problems_of([-(10**4000)])
    assert problem.msg.startswith("a negative integer of about 4000 digits is beyond")


def test_booleans_are_not_numbers():
    assert canonical_value([True, False]) == ([True, False], [])


@pytest.mark.parametrize(
    "number, said",
    [
        (math.inf, "the number inf is not finite"),
        (-math.inf, "the number -inf is not finite"),
        (math.nan, "the number nan is not finite"),
        (5e-324, "the number 5e-324 is subnormal (closer to 0 than 2.2250738585072014e-308)"),
        (-1e-310, "the number -1e-310 is subnormal (closer to 0 than 2.2250738585072014e-308)"),
        (
            SMALLEST_NORMAL / 2,
            "the number 1.1125369292536007e-308 is subnormal "
            "(closer to 0 than 2.2250738585072014e-308)",
        ),
    ],
)
def test_non_finite_and_subnormal_floats_are_null_and_a_problem(number, said):
    assert canonical_value({"value": number}) == (
        {"value": None},
        [Problem(("value",), f"{said}: {BEYOND}")],
    )


def test_the_smallest_normal_float_is_the_bound():
    assert SMALLEST_NORMAL == 2.2250738585072014e-308 == sys.float_info.min
    assert problems_of([SMALLEST_NORMAL, -SMALLEST_NORMAL]) == []
    assert len(problems_of([math.nextafter(SMALLEST_NORMAL, 0)])) == 1


def test_problems_come_in_document_order_with_their_paths():
    value = {"a": [1, 2**60, {"b": math.inf}], "c": 5e-324}
    assert [p.path for p in problems_of(value)] == [("a", 1), ("a", 2, "b"), ("c",)]


# --- everything else -------------------------------------------------------------------------


def test_everything_else_is_unchanged():
    value = {"null": None, "true": True, "list": [], "object": {}, "text": "ok", "n": 42}
    assert canonical_value(value) == (value, [])


def test_the_input_is_never_changed():
    value = {"a": [" x ", 2**60], "Cafe\u0301": {}}
    before = json.dumps(value)
    canonical_value(value)
    assert json.dumps(value) == before


def test_any_depth_a_parser_accepts_works():
    deep: object = "\u200bleaf"
    for _ in range(5_000):
        deep = [deep]
    canonical, _ = canonical_value(deep)
    for _ in range(5_000):
        canonical = canonical[0]
    assert canonical == "leaf"


@given(json_values())
def test_canonical_form_is_deterministic_and_idempotent(value):
    canonical, _ = canonical_value(value)
    assert json.dumps(canonical) == json.dumps(canonical_value(value)[0])
    assert canonical_value(canonical) == (canonical, [])
    json.dumps(canonical, ensure_ascii=False, allow_nan=False).encode("utf-8")


# --- where the problems go -------------------------------------------------------------------


def test_a_clean_document_gets_an_empty_problem_list():
    canonical, problems = canonical_input(document())
    assert problems == []
    assert canonical["context"]["input_problems"] == []


def test_a_problem_in_an_evidence_item_makes_it_invalid_naming_the_field():
    facts = {"tests": {"total": 2**60}, "metrics": [{"name": "recall", "value": 5e-324}]}
    canonical, problems = canonical_input(document(evidence={"evaluations": [item(facts)]}))
    [evaluation] = canonical["evidence"]["evaluations"]
    assert evaluation["status"] == "invalid"
    assert evaluation["facts"]["tests"]["total"] is None
    assert evaluation["errors"] == [
        "tests.total: the integer 1152921504606846976 is beyond ±2^53 "
        f"(9007199254740992): {BEYOND}",
        "metrics[0].value: the number 5e-324 is subnormal "
        f"(closer to 0 than 2.2250738585072014e-308): {BEYOND}",
    ]
    assert [p.path[:4] for p in problems] == [("evidence", "evaluations", 0, "facts")] * 2
    assert canonical["context"]["input_problems"] == []


def test_an_evidence_problem_comes_after_the_items_own_errors():
    invalid = item({"front_matter": {"e\u0301": 1, "\u00e9": 2}}, status="invalid", errors=["x"])
    canonical, _ = canonical_input(document(evidence={"evaluations": [invalid]}))
    [evaluation] = canonical["evidence"]["evaluations"]
    assert evaluation["errors"] == [
        "x",
        "front_matter['\\xe9']: the keys 'e\\u0301', '\\xe9' are the same text once "
        "normalised (Unicode NFC); only the value of '\\xe9' is used",
    ]


def test_a_problem_in_the_manifest_is_listed_with_its_manifest_path():
    manifest = {"metadata": {"id": "x"}, "models": [{"name": "m", "version": 2**53 + 1}]}
    canonical, problems = canonical_input(document(manifest=manifest))
    assert canonical["manifest"]["models"] == [{"name": "m", "version": None}]
    assert canonical["context"]["input_problems"] == [
        {
            "path": ["models", 0, "version"],
            "msg": f"models[0].version: the integer 9007199254740993 is beyond ±2^53 "
            f"(9007199254740992): {BEYOND}",
        }
    ]
    assert problems[0].path == ("manifest", "models", 0, "version")


def test_the_whole_document_is_canonical():
    evidence = {"dpia": [item({"approved_by": "\u3000"}, kind="dpia", path="docs/dpia.yaml ")]}
    manifest = {"metadata": {"owner": {"team": "\u00a0\u200b", "contact": "a@b.c\u2003"}}}
    canonical, problems = canonical_input(document(manifest, evidence))
    assert problems == []
    assert canonical["manifest"]["metadata"]["owner"] == {"team": "", "contact": "a@b.c"}
    [dpia] = canonical["evidence"]["dpia"]
    assert (dpia["facts"], dpia["path"], dpia["status"]) == (
        {"approved_by": ""},
        "docs/dpia.yaml",
        "ok",
    )


# --- what the evaluators receive -------------------------------------------------------------


class _Recorded(Evaluation):
    """The real evaluation, with the input it was given kept in `received`."""

    def __init__(self, inner: Evaluation, received: list) -> None:
        self.inner, self.received = inner, received

    def finish(self, input_document):
        self.received.append(json.dumps(input_document, ensure_ascii=False))
        return self.inner.finish(input_document)

    def cancel(self):
        self.inner.cancel()


def test_the_evaluator_receives_the_canonical_document(make_repo, minimal_manifest, monkeypatch):
    files = {
        "docs/model-card.md": "---\nlicense: mit\n---\n# Model card\n",
        "sbom.cdx.json": json.dumps(
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": []}
        ),
    }
    manifest = minimal_manifest.replace("team: Knowledge Tools", 'team: "\\u200b\\u00a0"')
    repo = make_repo(manifest.replace("version: 1.0.0", "version: 9007199254740993"), files)
    received: list[str] = []
    real = run.get_evaluator

    class Recording:
        def __init__(self, name, **options):
            self.evaluator = real(name, **options)

        def start(self, policies):
            return _Recorded(self.evaluator.start(policies), received)

    monkeypatch.setattr(run, "get_evaluator", Recording)
    report = run.run_check(repo, run.CheckOptions(as_of=dt.date(2026, 11, 26)))
    [document] = map(json.loads, received)
    assert document["manifest"]["metadata"]["owner"]["team"] == ""
    assert document["manifest"]["models"][0]["version"] is None
    assert [p["path"] for p in document["context"]["input_problems"]] == [["models", 0, "version"]]
    assert canonical_value(document)[0] == document
    assert {f.rule_id for f in report.findings if f.status == "fail"} >= {"ACC-001", "INPUT-001"}


# --- the plain fast path ---------------------------------------------------------------------

ASCII_EDGES = st.text(
    st.sampled_from(["a", "Z", "0", " ", "\t", "\n", "\x00", "\x1f", "\x7f", '"', "\\", "e", "-"]),
    max_size=6,
)
NON_ASCII_EDGES = st.sampled_from(["é", "e\u0301", "\u00a0x", "x\u200b", "\u3000"])
NUMBER_EDGES = st.one_of(
    st.integers(min_value=-(2**65), max_value=2**65),
    st.sampled_from([2**53, 2**53 + 1, -(2**53) - 1, 10**15, 10**16, 2.5e-308, 5e-324, 1e-300]),
    st.floats(),  # NaN and infinities included
)
PLAIN_OR_NEARLY = st.recursive(
    st.one_of(st.none(), st.booleans(), NUMBER_EDGES, ASCII_EDGES, NON_ASCII_EDGES),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.one_of(ASCII_EDGES, NON_ASCII_EDGES), inner, max_size=4),
        st.dictionaries(st.integers(0, 3), inner, max_size=2),
    ),
    max_leaves=10,
)


def typed(value):
    """The value with each scalar's and container's type attached (1 and 1.0 and True differ,
    as do a list and a tuple)."""
    if isinstance(value, dict):
        return ("dict", [(typed(key), typed(item)) for key, item in value.items()])
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [typed(item) for item in value])
    return (type(value).__name__, repr(value))


@settings(max_examples=1000)  # each example takes microseconds
@given(PLAIN_OR_NEARLY)
def test_the_plain_fast_path_gives_what_the_walk_gives(value):
    fast, fast_problems = canonical_value(value)
    walked, walked_problems = canonical_module._walked(value)
    assert typed(fast) == typed(walked)
    assert fast_problems == walked_problems
