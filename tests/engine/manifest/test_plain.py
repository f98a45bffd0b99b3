"""The fast path for plainly valid manifests (engine/manifest/plain.py) against pydantic, the
judge: whatever the fast path accepts, the model accepts too and holds exactly the same
values; whatever else it meets, it hands to pydantic."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from engine.core.parsing import load_yaml
from engine.manifest import load_manifest
from engine.manifest.model import Manifest
from engine.manifest.model_v2 import ManifestV2
from engine.manifest.plain import PlainRecord, plain_manifest
from tests.strategies import Texts, hostile_text, json_values, model_values, mutated

REPOSITORY = Path(__file__).resolve().parents[3]
MANIFEST_FILES = sorted(
    path
    for folder in ("examples", "tests")
    for path in (REPOSITORY / folder).glob("**/ai-manifest*.yaml")
)
MODELS: dict[str, type[Manifest] | type[ManifestV2]] = {
    "ai-assure/v1": Manifest,
    "ai-assure/v2": ManifestV2,
}
EXAMPLES = [
    load_yaml(path.read_text("utf-8")).data
    for path in sorted((REPOSITORY / "examples").glob("*/ai-manifest.yaml"))
]
TEXTS = Texts(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00")))
valid_documents = st.one_of(*(model_values(model, TEXTS) for model in MODELS.values()))
edited_documents = st.one_of(st.sampled_from(EXAMPLES), valid_documents).flatmap(
    lambda document: mutated(document, junk=st.one_of(json_values(), hostile_text(), st.dates()))
)


def judged(document: Any) -> dict[str, Any] | None:
    """What pydantic makes of the document: the model's dump, or None when it refuses it."""
    model = MODELS.get(document.get("apiVersion")) if isinstance(document, dict) else None
    if model is None:
        return None
    try:
        return model.model_validate(document).model_dump()
    except ValidationError:
        return None


def assert_never_more_lenient_than_pydantic(document: Any) -> None:
    plain = plain_manifest(document)
    if plain is not None:
        assert plain == judged(document)


@pytest.mark.parametrize("path", MANIFEST_FILES, ids=lambda p: str(p.relative_to(REPOSITORY)))
def test_every_manifest_in_the_repository_reads_as_its_model_would(path):
    document = load_yaml(path.read_text("utf-8")).data
    assert_never_more_lenient_than_pydantic(document)


def test_the_examples_take_the_fast_path():
    assert all(plain_manifest(document) is not None for document in EXAMPLES)


@given(document=valid_documents)
def test_a_generated_manifest_reads_as_its_model_would(document):
    assert_never_more_lenient_than_pydantic(document)


@given(document=edited_documents)
def test_an_edited_manifest_is_never_accepted_where_pydantic_refuses_it(document):
    assert_never_more_lenient_than_pydantic(document)


def example_with(**changes: Any) -> dict[str, Any]:
    """The first example (version 2) with top-level sections replaced."""
    return {**EXAMPLES[0], **changes}


def with_model(**fields: Any) -> dict[str, Any]:
    return example_with(models=[{"name": "m", "type": "in-house", **fields}])


@pytest.mark.parametrize(
    "document",
    [
        pytest.param(with_model(version=2.3), id="a version YAML reads as a number"),
        pytest.param(with_model(name=" m "), id="text with surrounding space (the model strips)"),
        pytest.param(
            example_with(
                risks=[{"id": "R1", "title": "t", "category": "c", "likelihood": "3", "impact": 2}]
            ),
            id="a score written as text",
        ),
        pytest.param(
            example_with(
                models=[
                    {"name": "Model", "type": "in-house"},
                    {"name": "model ", "type": "in-house"},
                ]
            ),
            id="two models named alike",
        ),
        pytest.param(
            example_with(
                exceptions=[{"rule": "EV-001", "reason": "r", "expires": dt.datetime(2027, 1, 1)}]
            ),
            id="a timestamp where a date goes",
        ),
        pytest.param(
            example_with(uk_data_protection={"art_9": {"sch1_part": True}}),
            id="true where the number 1 goes",
        ),
        pytest.param(example_with(metadata={"id": "x", "name": "\ud800"}), id="a lone surrogate"),
        pytest.param(example_with(organisation={"nme": "x"}), id="an unknown key"),
        pytest.param(example_with(apiVersion="ai-assure/v3"), id="an unknown version"),
    ],
)
def test_what_is_not_plain_is_left_to_pydantic(document):
    assert plain_manifest(document) is None


def test_a_quoted_date_is_read_as_a_date():
    document = example_with(exceptions=[{"rule": "EV-001", "reason": "r", "expires": "2027-01-31"}])
    plain = plain_manifest(document)
    assert plain is not None
    assert (
        plain["exceptions"][0]["expires"]
        == dt.date(2027, 1, 31)
        == judged(document)["exceptions"][0]["expires"]
    )


def test_a_date_that_does_not_exist_is_left_to_pydantic():
    document = example_with(exceptions=[{"rule": "EV-001", "reason": "r", "expires": "2027-02-30"}])
    assert plain_manifest(document) is None


def test_a_loaded_manifest_reads_the_same_on_either_path(tmp_path):
    for index, source in enumerate(sorted((REPOSITORY / "examples").glob("*/ai-manifest.yaml"))):
        loaded = load_manifest(source)
        assert isinstance(loaded.model, PlainRecord)
        model = MODELS[loaded.api_version].model_validate(loaded.raw)
        assert loaded.model.model_dump() == model.model_dump()
        assert loaded.model.model_dump(mode="json") == model.model_dump(mode="json")
        assert loaded.model.evidence.model_dump(exclude_none=True) == model.evidence.model_dump(
            exclude_none=True
        )
        assert loaded.model.metadata.id == model.metadata.id
        assert [m.model_card for m in loaded.model.models] == [m.model_card for m in model.models]
        padded = {**loaded.raw, "metadata": {**loaded.raw["metadata"], "name": " padded "}}
        coerced = tmp_path / f"{index}.yaml"
        coerced.write_text(yaml.safe_dump(padded, sort_keys=False))
        reloaded = load_manifest(coerced).model
        assert not isinstance(reloaded, PlainRecord)
        assert reloaded.metadata.name == "padded"


def test_a_part_of_the_manifest_has_no_attribute_the_model_lacks():
    record = PlainRecord({"id": "x"})
    with pytest.raises(AttributeError):
        _ = record.name
