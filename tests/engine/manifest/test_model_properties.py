"""Properties of the manifest model and loader (issue 7): whatever a repository holds, loading
ends in a model or in a `ManifestError` whose every problem is one visible line naming the
file and a line, never in another exception; and every valid manifest, version 1 or 2,
survives model → YAML → model unchanged.

Inputs: manifests generated from the models' own fields, the shipped examples, both with one
to three random edits (keys dropped, values replaced by junk or hostile text, stray keys),
YAML-ish text and arbitrary bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from engine.core.parsing import load_yaml
from engine.manifest import LoadedManifest, ManifestError, load_manifest
from engine.manifest.model import Manifest
from engine.manifest.model_v2 import ManifestV2
from engine.manifest.schema import manifest_schema
from tests.strategies import Texts, hostile_text, model_values, mutated

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
SHOWN = "ai-manifest.yaml"
#: `file:LINE: field.path: what is wrong` (an unreadable file has no line)
PROBLEM = re.compile(rf"{re.escape(SHOWN)}(:[1-9][0-9]*)?: \S")
EXAMPLE_TEXTS = [
    path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*/ai-manifest.yaml"))
]
EXAMPLE_MANIFESTS = [load_yaml(text).data for text in EXAMPLE_TEXTS]

SCHEMA = Draft202012Validator(manifest_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


#: what a team can write in a manifest: anything UTF-8 can carry except NUL
MANIFEST_CHARACTERS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
MODELS: dict[str, type[Manifest] | type[ManifestV2]] = {
    "ai-assure/v1": Manifest,
    "ai-assure/v2": ManifestV2,
}
TEXTS = Texts(st.text(MANIFEST_CHARACTERS), alphabet=MANIFEST_CHARACTERS)
valid_manifests = st.one_of(*(model_values(model, TEXTS) for model in MODELS.values()))
near_valid_manifests = st.one_of(st.sampled_from(EXAMPLE_MANIFESTS), valid_manifests).flatmap(
    mutated
)
with_hostile_text = st.sampled_from(EXAMPLE_MANIFESTS).flatmap(
    lambda document: mutated(document, junk=hostile_text())
)
#: YAML's own punctuation and the manifest's words, so the parser sees flows, anchors, tags,
#: block scalars and indentation in every combination
YAML_TOKENS = st.one_of(
    st.sampled_from(list("\n :-?,[]{}&*!|>'\"%@`#~.\t\\")),
    st.sampled_from(["apiVersion", "ai-assure/v1", "kind", "metadata", "id", "&a", "*a", "  "]),
    st.characters(exclude_categories=("Cs",)),
)
yaml_ish_text = st.lists(YAML_TOKENS, max_size=120).map("".join)


@st.composite
def spliced_example_text(draw: st.DrawFn) -> str:
    """A real manifest's text with a random stretch replaced by YAML-ish text."""
    text = draw(st.sampled_from(EXAMPLE_TEXTS))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 200)))
    return text[:start] + draw(yaml_ish_text) + text[end:]


@pytest.fixture(scope="module")
def manifest_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("manifest") / SHOWN


def load(path: Path, content: bytes) -> LoadedManifest | ManifestError:
    path.write_bytes(content)
    try:
        return load_manifest(path, SHOWN)
    except ManifestError as refused:
        return refused


def as_yaml(document: object, raw_unicode: bool = True) -> bytes:
    """YAML as a team would write it: non-ASCII text raw (`raw_unicode`), or escaped."""
    text = yaml.safe_dump(document, allow_unicode=raw_unicode, sort_keys=False)
    return text.encode("utf-8")


def assert_loaded_or_refused_with_located_problems(outcome: LoadedManifest | ManifestError):
    if isinstance(outcome, ManifestError):
        assert outcome.problems
        for problem in outcome.problems:
            assert PROBLEM.match(problem), problem
            assert problem.isprintable(), f"not one visible line: {problem!r}"
        return
    # whichever path read it (engine/manifest/plain.py or pydantic), it holds the model's values
    judged = MODELS[outcome.api_version].model_validate(outcome.raw)
    assert outcome.model.model_dump() == judged.model_dump()


@given(document=near_valid_manifests)
@example(document={**EXAMPLE_MANIFESTS[0], " ": 1, "\x1b[2J": 2})  # keys shown quoted
def test_a_mutated_manifest_loads_or_is_refused_with_located_problems(manifest_file, document):
    assert_loaded_or_refused_with_located_problems(load(manifest_file, as_yaml(document)))


@given(text=st.one_of(yaml_ish_text, spliced_example_text()))
def test_yaml_ish_text_loads_or_is_refused_with_located_problems(manifest_file, text):
    assert_loaded_or_refused_with_located_problems(load(manifest_file, text.encode("utf-8")))


@given(content=st.binary(max_size=400))
def test_arbitrary_bytes_load_or_are_refused_with_located_problems(manifest_file, content):
    assert_loaded_or_refused_with_located_problems(load(manifest_file, content))


@given(document=with_hostile_text)
def test_hostile_text_anywhere_in_a_real_manifest_is_loaded_or_refused(manifest_file, document):
    assert_loaded_or_refused_with_located_problems(load(manifest_file, as_yaml(document)))


@given(document=valid_manifests)
def test_a_valid_manifest_round_trips_through_yaml_unchanged(manifest_file, document):
    model = MODELS[document["apiVersion"]].model_validate(document)
    # escaped: PyYAML writes NEL (U+0085) raw into quoted scalars, where YAML reads a line break
    outcome = load(manifest_file, as_yaml(model.model_dump(mode="json"), raw_unicode=False))
    assert isinstance(outcome, LoadedManifest), outcome
    assert outcome.model.model_dump() == model.model_dump()


@given(document=valid_manifests)
def test_the_exported_json_schema_accepts_every_valid_manifest(document):
    data = MODELS[document["apiVersion"]].model_validate(document).model_dump(mode="json")
    errors = list(SCHEMA.iter_errors(data))
    assert not errors, errors[0].message
