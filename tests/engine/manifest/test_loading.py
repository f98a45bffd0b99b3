"""The manifest contract: unknown keys are errors, and every error names file, line and field."""

import pytest

from engine.manifest import ManifestError, load_manifest, locate_manifest


def load(tmp_path, text):
    path = tmp_path / "ai-manifest.yaml"
    path.write_text(text)
    return load_manifest(path, "ai-manifest.yaml")


def problems(tmp_path, text):
    with pytest.raises(ManifestError) as caught:
        load(tmp_path, text)
    return caught.value.problems


def test_a_complete_manifest_loads(tmp_path, minimal_manifest):
    loaded = load(tmp_path, minimal_manifest)
    assert loaded.model.metadata.id == "tiny-search"
    assert loaded.model.models[0].model_card == "docs/model-card.md"
    assert loaded.raw["metadata"]["name"] == "Tiny Search"


def test_a_typo_in_a_key_is_an_error_with_its_line(tmp_path, minimal_manifest):
    text = minimal_manifest.replace("  lifecycle_stage: alpha", "  lifecycle_stag: alpha")
    assert problems(tmp_path, text) == [
        "ai-manifest.yaml:10: metadata.lifecycle_stag: unknown key "
        "(check the spelling; unknown keys are not allowed)"
    ]


def test_a_wrong_value_names_the_field_and_line(tmp_path, minimal_manifest):
    text = minimal_manifest.replace("deployment: internal", "deployment: intranet")
    [problem] = problems(tmp_path, text)
    assert problem.startswith("ai-manifest.yaml:15: system.deployment: Input should be")


def test_every_problem_is_reported_in_line_order(tmp_path, minimal_manifest):
    text = minimal_manifest.replace("id: tiny-search", "id: Tiny Search!").replace(
        "type: in-house", "type: homemade"
    )
    found = problems(tmp_path, text)
    assert [p.split(":")[1] for p in found] == ["4", "23"]
    assert "metadata.id" in found[0] and "models.0.type" in found[1]


def test_unknown_api_version_is_refused(tmp_path, minimal_manifest):
    text = minimal_manifest.replace("ai-assure/v1", "ai-assure/v9")
    assert problems(tmp_path, text) == [
        "ai-manifest.yaml:1: apiVersion: expected 'ai-assure/v2' or 'ai-assure/v1',"
        " got 'ai-assure/v9'"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- a\n- b\n", "ai-manifest.yaml:1: the manifest must be a YAML mapping"),
        ("", "ai-manifest.yaml:1: the manifest must be a YAML mapping"),
        ("a: [1\n", "ai-manifest.yaml:2: invalid YAML"),
        ("apiVersion: x\napiVersion: y\n", "ai-manifest.yaml:2: duplicate key 'apiVersion'"),
    ],
)
def test_unusable_yaml_is_one_clear_message(tmp_path, text, expected):
    [problem] = problems(tmp_path, text)
    assert problem.startswith(expected)


def test_binary_manifest_is_refused(tmp_path):
    path = tmp_path / "ai-manifest.yaml"
    path.write_bytes(b"\x00\x01binary")
    with pytest.raises(ManifestError, match="binary"):
        load_manifest(path)


def test_dates_and_scores_are_validated(tmp_path, minimal_manifest):
    text = minimal_manifest + (
        "risks:\n  - {id: R-1, title: t, category: bias, likelihood: 6, impact: 2}\n"
        "exceptions:\n  - {rule: DPIA-001, reason: r, expires: 31/01/2027}\n"
    )
    found = problems(tmp_path, text)
    assert any("risks.0.likelihood" in p and "less than or equal to 5" in p for p in found)
    assert any("exceptions.0.expires" in p for p in found)


def test_locate_accepts_a_folder_or_the_file(tmp_path, minimal_manifest):
    (tmp_path / "ai-manifest.yaml").write_text(minimal_manifest)
    assert locate_manifest(tmp_path) == tmp_path / "ai-manifest.yaml"
    assert locate_manifest(tmp_path / "ai-manifest.yaml") == tmp_path / "ai-manifest.yaml"
    with pytest.raises(ManifestError, match=r"elsewhere: no such file or folder"):
        locate_manifest(tmp_path / "elsewhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ManifestError, match=r"no ai-manifest\.yaml here"):
        locate_manifest(tmp_path / "empty")


@pytest.mark.parametrize("value", ["'no'", "'true'", "0", "1"])
def test_true_false_fields_take_only_true_or_false(tmp_path, minimal_manifest, value):
    text = minimal_manifest.replace(
        "  deployment: internal", f"  deployment: internal\n  interacts_with_public: {value}"
    )
    [problem] = problems(tmp_path, text)
    assert "system.interacts_with_public: Input should be a valid boolean" in problem


@pytest.mark.parametrize(
    ("section", "first", "second", "message"),
    [
        (
            "models",
            "  - {name: Ranker, type: in-house}",
            "  - {name: ranker , type: third-party}",
            "models: Value error, model 1 has the name 'ranker' of model 0",
        ),
        (
            "risks",
            "  - {id: R-1, title: a, category: bias, likelihood: 2, impact: 2}",
            "  - {id: r-1, title: b, category: bias, likelihood: 5, impact: 5}",
            "risks: Value error, risk 1 has the id 'r-1' of risk 0",
        ),
        (
            "exceptions",
            "  - {rule: MC-002, reason: a, expires: 2027-01-01}",
            "  - {rule: MC-002, reason: b, expires: 2027-02-01}",
            "exceptions: Value error, exception 1 has the rule 'MC-002' of exception 0",
        ),
    ],
)
def test_identifiers_governance_matches_on_are_unique(
    tmp_path, minimal_manifest, section, first, second, message
):
    without_models = minimal_manifest.replace(
        "models:\n  - name: embedder\n    version: 1.0.0\n    type: in-house\n"
        "    model_card: docs/model-card.md\n",
        "",
    )
    text = f"{without_models}{section}:\n{first}\n{second}\n"
    assert any(message in problem for problem in problems(tmp_path, text))


def test_dataset_names_are_unique(tmp_path, minimal_manifest):
    text = minimal_manifest + "data:\n  datasets:\n    - {name: Cases}\n    - {name: CASES}\n"
    assert any("dataset 1 has the name 'CASES' of dataset 0" in p for p in problems(tmp_path, text))
