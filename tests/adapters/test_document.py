"""Documents (ATRS records, monitoring and incident-response plans, datasheets)."""

from __future__ import annotations

import pytest

from adapters import get_adapter
from adapters.document import DocumentAdapter, detect_format

parse = get_adapter("monitoring_plan").parse

PLAN = b"""---
owner: Risk Tools
review_by: 2027-01-31
---
# Monitoring plan

## Metrics
We track calibration and false-positive rates monthly.

```
# not a heading: inside a code block
```

## Drift
Population stability index, alert at 0.2.
"""


def test_markdown_gives_headings_words_and_front_matter() -> None:
    parsed = parse("monitoring.md", PLAN)
    assert parsed.errors == []
    assert parsed.format == "markdown"
    assert parsed.facts == {
        "headings": ["Monitoring plan", "Metrics", "Drift"],
        "words": 24,
        "front_matter": {"owner": "Risk Tools", "review_by": "2027-01-31"},
    }


def test_markdown_without_front_matter_has_an_empty_one() -> None:
    facts = parse("plan.md", b"# Plan\n\nWatch the **metrics**.\n").facts
    assert facts == {"headings": ["Plan"], "words": 4, "front_matter": {}}


def test_yaml_documents_are_their_own_front_matter() -> None:
    content = b"name: Probation Risk Assistant\ntier_1:\n  description: Scores risk of harm.\n"
    parsed = get_adapter("atrs_record").parse("atrs.yaml", content)
    assert parsed.errors == []
    assert parsed.format == "yaml"
    assert parsed.facts == {
        "headings": [],
        "words": 7,
        "front_matter": {
            "name": "Probation Risk Assistant",
            "tier_1": {"description": "Scores risk of harm."},
        },
    }


def test_json_documents_are_read_as_mappings() -> None:
    parsed = get_adapter("atrs_record").parse("atrs.json", b'{"name": "Risk tool", "tier": 2}')
    assert parsed.format == "json"
    assert parsed.facts["front_matter"] == {"name": "Risk tool", "tier": 2}
    assert parsed.facts["words"] == 2


def test_plain_text_counts_words_only() -> None:
    parsed = get_adapter("incident_response").parse("ir.txt", b"Call the duty officer first.\n")
    assert parsed.format == "text"
    assert parsed.facts == {"headings": [], "words": 5, "front_matter": {}}


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("DATASHEET", "# Datasheet\n", "markdown"),
        ("DATASHEET", "---\na: 1\n---\nbody\n", "markdown"),
        ("DATASHEET", '{"a": 1}', "json"),
        ("DATASHEET", "Just words.", "text"),
        ("sheet.YML", "a: 1", "yaml"),
    ],
)
def test_format_comes_from_the_extension_else_the_content(name: str, text: str, fmt: str) -> None:
    assert detect_format(name, text) == fmt


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("atrs.yaml", b"- a\n- b\n", "expected a mapping at the top level, found a list"),
        ("atrs.yaml", b"a: 1\na: 2\n", "line 2: duplicate key 'a'"),
        ("atrs.json", b'{"a": 1,}', "line 1: invalid JSON: Expecting property name"),
        (
            "plan.md",
            b"---\n- a\n---\n# Plan\n",
            "expected a mapping at the top of the front matter",
        ),
        ("plan.md", b"", "empty file"),
    ],
)
def test_broken_documents_report_why(name: str, content: bytes, message: str) -> None:
    parsed = get_adapter("datasheets").parse(name, content)
    assert parsed.errors and parsed.errors[0].startswith(message), parsed.errors
    assert parsed.facts == {"headings": [], "words": 0, "front_matter": {}}


@pytest.mark.parametrize(
    "kind", ["atrs_record", "monitoring_plan", "incident_response", "threat_model", "datasheets"]
)
def test_every_document_kind_shares_the_document_adapter(kind: str) -> None:
    assert isinstance(get_adapter(kind), DocumentAdapter)
