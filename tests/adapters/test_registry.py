"""The adapter registry, and the promises every adapter keeps whatever it is given."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from adapters import KINDS, REGISTRY, adapter_class, get_adapter
from adapters.interface import Adapter, Parsed

ROOT = Path(__file__).resolve().parents[2]

# The fact keys of docs/input-document.md, per kind: present on every parse, even a failed one.
FACT_KEYS = {
    "model_cards": {
        "name", "license", "base_model", "sections", "metrics", "datasets", "metadata_keys",
    },
    "sbom": {"spec_version", "component_count", "components", "ml_models", "datasets"},
    "dpia": {
        "status", "approved_by", "approved_on", "review_by", "dpo_consulted", "processing",
        "necessity_and_proportionality", "risks", "measures", "missing_fields",
    },
    "fria": {
        "status", "approved_by", "approved_on", "review_by", "dpo_consulted", "processing",
        "necessity_and_proportionality", "risks", "measures", "affected_groups",
        "specific_risks", "oversight_measures", "complaint_mechanism", "missing_fields",
    },
    "evaluations": {
        "date", "tool", "target", "metrics", "failed_metrics", "tests", "categories",
        "strategies", "category_results",
    },
    "red_team": {
        "date", "tool", "target", "metrics", "failed_metrics", "tests", "categories",
        "strategies", "category_results",
    },
    "supplier_assessments": {
        "supplier", "models", "assessed_on", "assessed_by", "data_residency",
        "training_data_provenance", "incident_notification_hours", "audit_rights",
        "security_certifications", "subprocessors", "missing_fields",
    },
    "atrs_record": {"headings", "words", "front_matter"},
    "monitoring_plan": {"headings", "words", "front_matter"},
    "incident_response": {"headings", "words", "front_matter"},
    "threat_model": {"headings", "words", "front_matter"},
    "datasheets": {"headings", "words", "front_matter"},
}  # fmt: skip

# Content no adapter may accept, whatever the file is called.
UNREADABLE = {
    "empty": b"",
    "only whitespace": b" \n\t\n",
    "NUL bytes": b"status: approved\x00\x00",
    "invalid UTF-8": b"name: caf\xe9\n",
    "binary noise": bytes(range(256)),
}
_BOMB = b'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + b"".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n".encode()
    for i in range(8)
)
# Broken structure, in a file whose name says which format it claims to be.
BROKEN = {
    "JSON list at the top": ("evidence.json", b'[{"a": 1}]'),
    "JSON scalar": ("evidence.json", b"42"),
    "duplicate JSON keys": ("evidence.json", b'{"a": 1, "a": 2}'),
    "deeply nested JSON": ("evidence.json", b"[" * 5000 + b"]" * 5000),
    "number too large": ("evidence.json", b'{"a": ' + b"9" * 5000 + b"}"),
    "infinite JSON number": ("evidence.json", b'{"a": 1.0e+400}'),
    "infinite YAML number": ("evidence.yaml", b"a: .inf\n"),
    "truncated JSON": ("evidence.json", b'{"bomFormat": "CycloneDX", "components": ['),
    "YAML list at the top": ("evidence.yaml", b"- a\n- b\n"),
    "duplicate YAML keys": ("evidence.yaml", b"a: 1\na: 2\n"),
    "YAML alias bomb": ("evidence.yaml", _BOMB),
    "alias bomb in front matter": ("README.md", b"---\n" + _BOMB + b"---\n# Card\ntext\n"),
    "duplicate front-matter keys": ("README.md", b"---\na: 1\na: 2\n---\n# Card\ntext\n"),
    "front matter is a list": ("README.md", b"---\n[]\n---\n# Card\ntext\n"),
    "invalid YAML front matter": ("README.md", b"---\nstatus: [draft\n---\n# Card\n"),
}


def _assert_refused(kind: str, parsed: Parsed) -> None:
    assert isinstance(parsed, Parsed)
    assert parsed.errors, f"{kind} accepted it"
    assert all(isinstance(message, str) and message for message in parsed.errors)
    assert set(parsed.facts) == FACT_KEYS[kind]
    json.dumps(parsed.facts, allow_nan=False)


def test_kinds_follow_the_input_document_order() -> None:
    doc = (ROOT / "docs" / "input-document.md").read_text()
    evidence_block = re.search(r'"evidence": \{(.*?)\n  \}', doc, re.S)
    assert evidence_block
    assert tuple(re.findall(r'"(\w+)": \[ITEM\]', evidence_block.group(1))) == KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_has_an_adapter_that_names_it(kind: str) -> None:
    adapter = get_adapter(kind)
    assert isinstance(adapter, Adapter)
    assert adapter.kind == kind
    assert adapter_class(kind) is type(adapter)


def test_an_unknown_kind_is_refused_with_the_known_kinds() -> None:
    with pytest.raises(KeyError, match=r"unknown evidence kind 'sboms'.*model_cards"):
        get_adapter("sboms")


def test_registry_entries_are_module_colon_class() -> None:
    assert all(re.fullmatch(r"adapters\.\w+:\w+Adapter", path) for path in REGISTRY.values())


def test_importing_the_package_imports_no_adapter_module() -> None:
    code = (
        "import json, sys, adapters\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('adapters'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(loaded) == ["adapters", "adapters.interface"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", UNREADABLE)
@pytest.mark.parametrize("name", ["evidence.json", "evidence.yaml", "README.md", "evidence"])
def test_unreadable_content_gives_errors_and_every_fact_key(
    kind: str, case: str, name: str
) -> None:
    _assert_refused(kind, get_adapter(kind).parse(name, UNREADABLE[case]))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", BROKEN)
def test_broken_structure_gives_errors_and_every_fact_key(kind: str, case: str) -> None:
    name, content = BROKEN[case]
    _assert_refused(kind, get_adapter(kind).parse(name, content))


# Small valid documents of every format; mutated below into every wrong shape we can think of.
SEEDS: list[object] = [
    {"bomFormat": "CycloneDX", "specVersion": "1.6",
     "metadata": {"timestamp": "2026-01-01T00:00:00Z"},
     "components": [{"type": "machine-learning-model", "name": "m", "bom-ref": "m",
                     "licenses": [{"license": {"id": "MIT"}}, {"expression": "MIT OR X"}],
                     "hashes": [{"alg": "SHA-256", "content": "ab"}],
                     "pedigree": {"ancestors": [{"name": "base"}]},
                     "modelCard": {"modelParameters": {"datasets": [{"ref": "d"}], "task": "t"},
                                   "quantitativeAnalysis": {"performanceMetrics": [
                                       {"type": "f1", "value": "0.9", "slice": "s"}]},
                                   "considerations": {"users": ["u"]}},
                     "components": [{"type": "data", "name": "d", "bom-ref": "d"}]}]},
    {"spdxVersion": "SPDX-2.3", "packages": [
        {"name": "p", "versionInfo": "1", "licenseConcluded": "MIT",
         "primaryPackagePurpose": "LIBRARY",
         "checksums": [{"algorithm": "SHA1", "checksumValue": "ab"}],
         "externalRefs": [{"referenceType": "purl", "referenceLocator": "pkg:pypi/p@1"}]}]},
    {"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [
        {"type": "CreationInfo", "@id": "_:c", "specVersion": "3.0.1"},
        {"type": "ai_AIPackage", "spdxId": "x:m", "name": "m", "ai_domain": ["d"],
         "verifiedUsing": [{"type": "Hash", "algorithm": "sha256", "hashValue": "ab"}]},
        {"type": "Relationship", "from": "x:m", "relationshipType": "hasDeclaredLicense",
         "to": ["https://spdx.org/licenses/MIT"]}]},
    {"schema_version": "0.0.2", "model_details": {"name": "n", "licenses": [{"identifier": "MIT"}],
     "owners": [{"name": "o", "contact": "c"}]},
     "model_parameters": {"data": [{"name": "d"}]},
     "quantitative_analysis": {"performance_metrics": [{"type": "a", "value": "0.9"}]},
     "considerations": {"use_cases": [{"description": "u"}]}},
    {"license": "mit", "base_model": ["b"], "datasets": ["d"], "model-index": [
        {"name": "m", "results": [{"task": {"type": "t"}, "dataset": {"type": "d", "name": "D"},
                                   "metrics": [{"type": "acc", "value": 0.9}]}]}]},
    {"status": "approved", "approved_by": "a", "approved_on": "2026-01-01",
     "review_by": "2027-01-01",
     "dpo_consulted": True, "processing": "p", "necessity_and_proportionality": {"a": "b"},
     "risks": ["r"], "measures": [{"m": "n"}], "affected_groups": ["g"], "specific_risks": ["s"],
     "oversight_measures": ["o"], "complaint_mechanism": "c"},
    {"apiVersion": "ai-assure/supplier-assessment/v1", "supplier": "s", "models": ["m"],
     "assessed_on": "2026-01-01", "assessed_by": "a", "data_residency": "UK",
     "training_data_provenance": "p", "incident_notification_hours": 24, "audit_rights": True,
     "security_certifications": ["c"], "subprocessors": [{"name": "n"}]},
    {"schema": "ai-assure/evaluation/v1", "date": "2026-01-01", "tool": "t",
     "metrics": [{"name": "a", "value": 1, "threshold": 0.5, "direction": "higher", "group": "g"}],
     "tests": {"total": 3, "passed": 2, "failed": 1}, "categories": ["c"]},
    {"evalId": "e", "createdAt": 1790000000000, "metadata": {"evaluationCreatedAt": "2026-01-01"},
     "results": {"timestamp": "2026-01-01T00:00:00Z", "stats": {"successes": 1, "failures": 1},
                 "results": [
                     {"success": True, "testCase": {"metadata": {"pluginId": "p"}}},
                     {"success": False, "gradingResult": {"metadata": {"pluginId": "q"}}}]}},
]  # fmt: skip
ODD_VALUES: list[object] = [
    None, True, 0, -1, 2.5, "", "x", "2026-13-45", [], {}, [None], [[]], {"a": None},
    {"type": ["x"]}, {"spdxId": {}}, {"ref": 1}, 10**30,
]  # fmt: skip


def _mutate(value: object, rng: random.Random) -> object:
    """`value` with random parts dropped or replaced by values of the wrong type."""
    if rng.random() < 0.07:
        return rng.choice(ODD_VALUES)
    if isinstance(value, dict):
        return {k: _mutate(v, rng) for k, v in value.items() if rng.random() > 0.05}
    if isinstance(value, list):
        return [_mutate(v, rng) for v in value if rng.random() > 0.05]
    return value


def test_no_shape_of_data_makes_an_adapter_raise() -> None:
    rng = random.Random(20261126)
    adapters = [get_adapter(kind) for kind in KINDS]
    for _ in range(150):
        data = _mutate(rng.choice(SEEDS), rng)
        as_json = json.dumps(data).encode()
        as_card = b"---\n" + as_json + b"\n---\n# Card\n## Uses\ntext\n"
        for adapter in adapters:
            for name, content in (("x.json", as_json), ("README.md", as_card)):
                parsed = adapter.parse(name, content)
                assert set(parsed.facts) == FACT_KEYS[adapter.kind]
                json.dumps(parsed.facts, allow_nan=False)
