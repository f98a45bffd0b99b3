"""Model cards: Hugging Face README cards, Model Card Toolkit JSON and CycloneDX modelCard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adapters.model_card import ModelCardAdapter, canonical_sections

parse = ModelCardAdapter().parse

# What each real sample card must yield: (format, name, license, sections, metrics, datasets).
CARDS = {
    "EleutherAI_pythia-160m_README.md": (
        "huggingface", "Pythia-160M", "apache-2.0",
        ["evaluation", "how_to_get_started", "intended_use", "limitations", "model_details",
         "out_of_scope_use", "training_data"],
        [], ["the_pile"],
    ),
    "stabilityai_stable-diffusion-2-1_README.md": (
        "huggingface", "Stable Diffusion v2-1 Model Card", "openrail++",
        ["citation", "environmental_impact", "evaluation", "how_to_get_started", "intended_use",
         "limitations", "model_details", "out_of_scope_use", "training_data"],
        [], [],
    ),
    "abdalrahmanshahrour_questionanswering-v2_README.md": (
        "huggingface", "questionanswering-v2", "apache-2.0", [],
        [{"type": "exact_match", "value": 79.5998, "dataset": "squad"},
         {"type": "f1", "value": 86.9965, "dataset": "squad"}],
        ["squad"],
    ),
    "opennyaiorg_en_legal_ner_sm_README.md": (
        "huggingface", "en_legal_ner_sm", "mit", ["evaluation", "how_to_get_started"],
        [{"type": "F1-Score", "value": 74.87, "dataset": "InLegalNER"}], [],
    ),
    "imodels_figs-compas-recidivism_README.md": (
        "huggingface", None, "mit", ["how_to_get_started"], [], ["imodels/compas-recidivism"],
    ),
    "hfhub-fixture-sample_simple_model_index.md": (
        "huggingface", "my-cool-model", "mit", ["model_details"],
        [{"type": "accuracy", "value": 0.9, "dataset": "Beans"},
         {"type": "f1", "value": 0.66, "dataset": "Beans"}],
        ["beans"],
    ),
    "hfhub-fixture-sample_no_metadata.md": ("huggingface", "MyCoolModel", None, [], [], []),
    "hfhub-fixture-sample_windows_line_breaks.md": (
        "huggingface", "Hello old Windows line breaks", "mit", [], [], [],
    ),
    "hfhub-fixture-sample_datasetcard_simple.md": (
        "huggingface", "Dataset Card for Sample Segmentation", "bsd-3-clause", [], [], [],
    ),
    "mct-full-v0.0.2.json": (
        "model-card-toolkit", "name", "Apache-2.0",
        ["citation", "contact", "ethical_considerations", "evaluation", "intended_use",
         "limitations", "model_details", "technical_specifications", "training_data"],
        [{"type": "accuracy", "value": 0.9, "dataset": "overall"}], ["data name"],
    ),
}  # fmt: skip

BROKEN_CARDS = {
    "hfhub-fixture-sample_invalid_card_data.md": "front matter: expected a mapping",
    "hfhub-fixture-sample_invalid_model_index.md": (
        "line 15: model-index[0].results[0]: dataset with a type and a name is required by the Hub"
    ),
}
# A broken model-index is a part no rule reads: a warning, and the card is still read (as
# huggingface_hub loads it); front matter that is not a mapping voids the card.
TOLERATED = {"hfhub-fixture-sample_invalid_model_index.md"}

# CycloneDX BOMs read as model cards: (format, name, sections, metrics, datasets) or an error.
BOM_CARDS = {
    "mlbom-model-card-with-dataset-1.7.bom.json": (
        "support-ticket-classifier",
        ["ethical_considerations", "evaluation", "intended_use", "limitations", "model_details",
         "technical_specifications", "training_data"],
        [{"type": "macro-f1", "value": 0.91, "dataset": "held-out-evaluation"}],
        ["support-ticket-evaluation-data", "support-ticket-training-data"],
    ),
    "valid-machine-learning-1.6.json": (
        "stable-diffusion",
        ["ethical_considerations", "evaluation", "intended_use", "limitations", "model_details",
         "technical_specifications", "training_data"],
        # the fixture's metric value is descriptive text, so it is not a number
        [{"type": "The type of performance metric", "value": None,
          "dataset": "The name of the slice this metric was computed on. By default, assume "
                     "this metric is not sliced"}],
        ["Training Data"],
    ),
    "valid-machine-learning-considerations-env-1.6.json": (
        "Llama-2-7b", ["environmental_impact"], [], [],
    ),
    "mlbom-model-foundationmodels.bom.json": ("gpt-4o", ["technical_specifications"], [], []),
}  # fmt: skip


@pytest.mark.parametrize("filename", CARDS)
def test_real_cards_yield_their_facts(samples: Path, filename: str) -> None:
    fmt, name, licence, sections, metrics, datasets = CARDS[filename]
    parsed = parse(filename, (samples / "modelcards" / filename).read_bytes())
    assert parsed.errors == []
    assert parsed.format == fmt
    assert parsed.facts["name"] == name
    assert parsed.facts["license"] == licence
    assert parsed.facts["sections"] == sections
    assert parsed.facts["metrics"] == metrics
    assert parsed.facts["datasets"] == datasets


@pytest.mark.parametrize("filename", BROKEN_CARDS)
def test_broken_real_cards_report_what_is_wrong(samples: Path, filename: str) -> None:
    parsed = parse(filename, (samples / "modelcards" / filename).read_bytes())
    assert parsed.format == "huggingface"
    reported = parsed.warnings if filename in TOLERATED else parsed.errors
    assert any(BROKEN_CARDS[filename] in message for message in reported), parsed
    if filename in TOLERATED:
        assert parsed.errors == []


def test_every_model_card_sample_is_covered(samples: Path) -> None:
    on_disk = {p.name for p in (samples / "modelcards").iterdir()}
    assert on_disk == set(CARDS) | set(BROKEN_CARDS)


def test_the_sample_cards_keep_their_front_matter_keys(samples: Path) -> None:
    card = samples / "modelcards" / "abdalrahmanshahrour_questionanswering-v2_README.md"
    facts = parse(card.name, card.read_bytes()).facts
    assert facts["metadata_keys"] == ["datasets", "language", "license", "metrics", "model-index"]


@pytest.mark.parametrize("filename", BOM_CARDS)
def test_cyclonedx_model_cards_yield_their_facts(samples: Path, filename: str) -> None:
    name, sections, metrics, datasets = BOM_CARDS[filename]
    parsed = parse(filename, (samples / "cyclonedx" / filename).read_bytes())
    assert parsed.errors == []
    assert parsed.format == "cyclonedx"
    assert parsed.facts["name"] == name
    assert parsed.facts["sections"] == sections
    assert parsed.facts["metrics"] == metrics
    assert parsed.facts["datasets"] == datasets


def test_a_bom_without_a_model_card_is_not_a_model_card(samples: Path) -> None:
    bom = samples / "cyclonedx" / "sbom-cern-lhc-vdm-editor.bom.json"
    parsed = parse(bom.name, bom.read_bytes())
    assert parsed.format == "cyclonedx"
    assert parsed.errors == ["no component in the BOM carries a modelCard"]


def test_a_bom_that_is_not_json_is_reported_with_its_line(samples: Path) -> None:
    bom = samples / "cyclonedx" / "mlbom-model-opensource-INVALIDJSON.bom.json"
    parsed = parse(bom.name, bom.read_bytes())
    assert parsed.format is None
    assert parsed.errors == [
        "line 9: invalid JSON: Expecting property name enclosed in double quotes (column 5)"
    ]


CARD = b"""---
license: other
license_name: acme-model-licence
base_model: [org/base-a, org/base-b]
datasets: oasys-extract
---
# risk-scorer

## Model Details
<!-- Provide a longer summary of what this model is. -->
- **Developed by:** HMPPS Risk Tools

## Uses
### Direct Use
[More Information Needed]
### Out-of-Scope Use
Sentencing decisions without a practitioner.

## Bias, Risks, and Limitations
{{ bias_risks_limitations | default("[More Information Needed]", true)}}

## Training Details
### Training Data
<!-- This should link to a Dataset Card. -->
[More Information Needed]

## Intended uses & limitations
Scores support practitioners' judgement.

## Citation
```
[CITATION DETAILS]
```

## Environmental Impact
- **Hardware Type:** [More Information Needed]
- **Hours used:** [More Information Needed]
"""


def test_only_sections_with_real_text_count() -> None:
    facts = parse("README.md", CARD).facts
    # "Uses" counts through its out-of-scope subsection; template placeholders count for nothing
    assert facts["sections"] == ["intended_use", "limitations", "model_details", "out_of_scope_use"]


def test_front_matter_facts_are_normalised() -> None:
    facts = parse("README.md", CARD).facts
    assert facts["name"] == "risk-scorer"
    assert facts["license"] == "acme-model-licence"
    assert facts["base_model"] == "org/base-a"
    assert facts["datasets"] == ["oasys-extract"]
    assert facts["metadata_keys"] == ["base_model", "datasets", "license", "license_name"]


def test_headings_inside_code_blocks_are_not_sections() -> None:
    card = b"# card\n\n```python\n# Evaluation\nprint('hi')\n```\n\n~~~\n## Limitations\n~~~\n"
    assert parse("README.md", card).facts["sections"] == []


@pytest.mark.parametrize(
    ("heading", "sections"),
    [
        ("Uses", {"intended_use"}),
        ("Intended uses & limitations", {"intended_use", "limitations"}),
        ("Direct Use", {"intended_use"}),
        ("Out-of-Scope Use", {"out_of_scope_use"}),
        ("Bias, Risks, and Limitations", {"limitations"}),
        ("Training Details", {"training_data"}),
        ("Training Data", {"training_data"}),
        ("Evaluation results", {"evaluation"}),
        ("3. Environmental Impact", {"environmental_impact"}),
        ("How to Get Started with the Model", {"how_to_get_started"}),
        ("Model Card Contact", {"contact"}),
        ("Changelog", set()),
    ],
)
def test_headings_map_to_canonical_sections(heading: str, sections: set[str]) -> None:
    assert canonical_sections(heading) == sections


def test_a_model_index_without_metrics_or_task_warns_and_the_card_is_read() -> None:
    card = b"---\nmodel-index:\n- name: m\n  results:\n  - dataset: {type: d, name: D}\n---\n# m\n"
    parsed = parse("README.md", card)
    assert parsed.errors == []
    assert parsed.facts["name"] == "m"
    assert parsed.warnings == [
        "line 5: model-index[0].results[0]: task with a type is required",
        "line 5: model-index[0].results[0]: metrics are required",
    ]


def test_a_model_index_that_is_not_a_list_warns() -> None:
    card = b"---\nmodel-index: {name: m}\n---\n# m\n"
    parsed = parse("README.md", card)
    assert parsed.warnings == ["line 2: model-index: expected a list of models"]
    assert parsed.errors == []


def test_a_spacy_model_index_entry_without_a_dataset_type_warns_on_that_entry() -> None:
    """spaCy's generated cards give a dataset name without a type (399 of 25,109 Hub cards)."""
    card = (
        b"---\ntags: [spacy, token-classification]\nlanguage: [en]\nmodel-index:\n"
        b"- name: en_core_web_sm\n  results:\n  - task: {name: NER, type: token-classification}\n"
        b"    dataset: {name: OntoNotes}\n    metrics:\n"
        b"    - {name: NER Precision, type: precision, value: 0.84}\n"
        b"---\n# en_core_web_sm\n\n## Uses\n\nEnglish pipeline.\n"
    )
    parsed = parse("README.md", card)
    assert parsed.errors == []
    assert parsed.warnings == [
        "line 7: model-index[0].results[0]: dataset with a type and a name is required by the Hub"
    ]
    assert parsed.facts["metrics"] == [{"type": "precision", "value": 0.84, "dataset": "OntoNotes"}]
    assert parsed.facts["sections"] == ["intended_use"]


def test_non_finite_numbers_in_widget_examples_warn_and_the_card_is_read() -> None:
    """skops writes tabular widget examples from pandas, where a missing value is `.nan`."""
    card = (
        b"---\nlicense: mit\nlibrary_name: sklearn\nwidget:\n- structuredData:\n"
        b"    age: [39, .nan, 50]\n    income: [.inf, 1.0, 2.0]\n---\n# Model\n\n"
        b"## Intended uses & limitations\n\nScores loan risk for testing only.\n"
    )
    parsed = parse("README.md", card)
    assert parsed.errors == []
    assert parsed.facts["license"] == "mit"
    assert parsed.warnings == [
        "line 6: widget[0].structuredData.age[1]: a number that is not finite, read as null",
        "line 7: widget[0].structuredData.income[0]: a number that is not finite, read as null",
    ]


def test_a_markdown_card_starting_with_a_bracket_is_markdown_not_json() -> None:
    card = b"[![badge](https://img.shields.io/x)](https://example.org)\n\n# m\n\n## Uses\n\nText.\n"
    parsed = parse("README.md", card)
    assert parsed.format == "huggingface"
    assert parsed.errors == []
    assert parsed.facts["sections"] == ["intended_use"]


def test_format_is_detected_by_content_not_extension(samples: Path) -> None:
    mct = (samples / "modelcards" / "mct-full-v0.0.2.json").read_bytes()
    assert parse("model-card.txt", mct).format == "model-card-toolkit"
    assert parse("MODEL_CARD", b"---\nlicense: mit\n---\n# m\ntext\n").format == "huggingface"


def test_json_that_is_no_kind_of_card_is_refused() -> None:
    parsed = parse("card.json", b'{"hello": "world"}')
    assert parsed.format is None
    (error,) = parsed.errors
    assert error.startswith("not a model card in a format ai-assure reads (")
    assert error.endswith("it looks like a JSON object of no known format (top-level keys: hello)")


def test_text_with_neither_front_matter_nor_headings_is_not_a_card() -> None:
    assert parse("README.md", b"just some words\n").errors


def test_a_cyclonedx_model_card_resolves_dataset_refs_and_licences() -> None:
    bom = b"""{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
      {"type": "data", "bom-ref": "d1", "name": "oasys-extract"},
      {"type": "machine-learning-model", "name": "risk-scorer",
       "licenses": [{"license": {"name": "Proprietary"}}],
       "pedigree": {"ancestors": [{"name": "xgboost-base"}]},
       "modelCard": {"modelParameters": {"datasets": [{"ref": "d1"}, {"ref": "unknown"}]}}}]}"""
    facts = parse("bom.json", bom).facts
    assert facts["license"] == "Proprietary"
    assert facts["base_model"] == "xgboost-base"
    assert facts["datasets"] == ["oasys-extract", "unknown"]
    assert facts["sections"] == ["training_data"]


MCT_001 = {
    "schema_version": "0.0.1",
    "model_details": {
        "name": "census-income",
        "overview": "Predicts whether income exceeds 50K a year.",
        "owners": [{"name": "Model team", "contact": "team@example.org"}],
        "version": {"name": "1", "date": "2020-01-01"},
        "license": "Apache-2.0",
        "references": ["https://archive.ics.uci.edu/ml/datasets/census+income"],
        "citation": "Kohavi 1996",
    },
    "model_parameters": {
        "model_architecture": "boosted trees",
        "data": {"train": {"name": "census-train"}, "eval": {"name": "census-eval"}},
    },
    "quantitative_analysis": {"performance_metrics": [{"type": "accuracy", "value": 0.86}]},
    "considerations": {"users": ["analysts"], "limitations": ["US data only"]},
}


def test_a_model_card_toolkit_0_0_1_card_keeps_its_licence_and_datasets() -> None:
    parsed = parse("model_card.json", json.dumps(MCT_001).encode())
    assert parsed.format == "model-card-toolkit"
    assert parsed.errors == [] and parsed.warnings == []
    assert parsed.facts["license"] == "Apache-2.0"
    assert parsed.facts["datasets"] == ["census-eval", "census-train"]
    assert parsed.facts["sections"] == [
        "citation", "contact", "evaluation", "intended_use", "limitations", "model_details",
        "technical_specifications", "training_data",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("licences", "licence", "warned"),
    [
        ([{"identifier": "MIT"}], "MIT", False),
        ([{"custom_text": "Apache-2.0"}], "Apache-2.0", False),
        ([{"custom_text": "Permission is hereby granted, free of charge, to any person " * 3}],
         "custom", True),
    ],
)  # fmt: skip
def test_a_model_card_toolkit_0_0_2_licence_is_its_identifier_or_named_text(
    licences: list[dict[str, str]], licence: str, warned: bool
) -> None:
    card = {"schema_version": "0.0.2", "model_details": {"name": "m", "licenses": licences}}
    parsed = parse("model_card.json", json.dumps(card).encode())
    assert parsed.facts["license"] == licence
    assert bool(parsed.warnings) is warned


def test_an_unknown_model_card_toolkit_schema_is_refused_by_name() -> None:
    card = {"schema_version": "0.1.0", "model_details": {"name": "m"}}
    assert parse("model_card.json", json.dumps(card).encode()).errors == [
        "schema_version: Model Card Toolkit schema text '0.1.0' is not one ai-assure reads "
        "(0.0.1, 0.0.2)"
    ]


def test_an_spdx_3_ai_package_serves_as_a_model_card(samples: Path) -> None:
    path = samples / "spdx3" / "ai-example01-simplehtr.spdx3.json"
    parsed = parse(path.name, path.read_bytes())
    assert parsed.format == "spdx-3.0"
    assert parsed.errors == []
    assert parsed.facts["name"]
    assert "intended_use" in parsed.facts["sections"]
    assert "training_data" in parsed.facts["sections"]
    assert parsed.facts["datasets"]
    assert parsed.warnings and "AI packages" in parsed.warnings[0]
