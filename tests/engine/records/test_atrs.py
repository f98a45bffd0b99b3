"""`ai-assure report atrs`: an ATRS v4.0 record built from the manifest and the evidence.

Every filled field names its source and says what that source says; a field with no source
is empty and listed with the reason; where the manifest and the team's record disagree the
manifest's value is kept and the conflict listed. The section and field list is the policy
data TRN-003 checks records against.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from engine import cli
from engine.policy.sources import (
    bundled_policy_dir,
    data_files_in,
    load_data,
    read_source,
    rego_files,
)
from engine.records.atrs import AtrsError, AtrsRecord, generate, load_template, render
from engine.records.atrs.formats.markdown import cell
from engine.records.atrs.sources import PHASES
from engine.records.atrs.template import norm
from tests.cli import ai_assure
from tests.engine.conftest import MINIMAL_MANIFEST

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
AS_OF = "2026-11-26"
EXAMPLE_NAMES = ("document-search", "probation-risk-assistant", "public-llm-assistant")


def fields(record: AtrsRecord) -> dict[tuple[str, str | None, str], object]:
    """Every field by (section id, model, attribute)."""
    return {
        (section.id, section.model, f.attribute): f
        for tier in record.tiers
        for section in tier.sections
        for f in section.fields
    }


def value(record: AtrsRecord, section: str, attribute: str, model: str | None = None):
    return fields(record)[(section, model, attribute)].value  # type: ignore[attr-defined]


def source(record: AtrsRecord, section: str, attribute: str, model: str | None = None):
    return fields(record)[(section, model, attribute)].source  # type: ignore[attr-defined]


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=EXAMPLE_NAMES)
def example(request) -> tuple[str, dict, AtrsRecord]:
    manifest = yaml.safe_load((EXAMPLES / request.param / "ai-manifest.yaml").read_text())
    return request.param, manifest, generate(EXAMPLES / request.param, AS_OF)


# --- the examples round-trip ------------------------------------------------------------------


def test_each_example_carries_the_manifest_facts_it_states(example):
    _, manifest, record = example
    owner = manifest["metadata"]["owner"]
    system = manifest["system"]
    expected = {
        ("summary_information", "name"): manifest["metadata"]["name"],
        ("summary_information", "description"): folded(system["description"]),
        ("summary_information", "contact_email"): owner["contact"],
        ("summary_information", "phase"): PHASES[manifest["metadata"]["lifecycle_stage"]],
        ("owner_and_responsibility", "team"): owner["team"],
        ("owner_and_responsibility", "senior_responsible_owner"): owner["senior_responsible_owner"],
        ("deployment_context", "human_review"): folded(system["human_oversight"]["description"]),
    }
    for (section, attribute), wanted in expected.items():
        assert folded(value(record, section, attribute)) == wanted, attribute
        assert source(record, section, attribute).startswith("manifest: ")


def states(record: AtrsRecord, where: tuple[str, str], fact: str, path: str, model=None) -> bool:
    """The field says the manifest's fact: the manifest's own value, or the record's fuller
    wording that mentions it (its source then names the manifest path it agrees with)."""
    found = fields(record)[(where[0], model, where[1])]
    quoted = found.source == f"manifest: {path}" and found.value == fact  # type: ignore[attr-defined]
    agreeing = found.source.endswith(f", agreeing with manifest: {path}")  # type: ignore[attr-defined]
    return quoted or (agreeing and fact in found.value)  # type: ignore[attr-defined]


def test_each_example_lists_its_models_and_describes_each_in_house_model(example):
    _, manifest, record = example
    models = value(record, "tool_specification", "models")
    assert all(m["name"] in models for m in manifest["models"])
    in_house = [m for m in manifest["models"] if m["type"] == "in-house"]
    for index, model in enumerate(manifest["models"]):
        if model["type"] != "in-house":
            continue
        name = model["name"]
        for attribute in ("name", "version", "task"):
            where = ("model_specification", f"model_{attribute}")
            path = f"models[{index}].{attribute}"
            assert states(record, where, str(model[attribute]), path, name), attribute
    copies = [s for t in record.tiers for s in t.sections if s.id == "model_specification"]
    assert [s.model for s in copies if s.fields] == [m["name"] for m in in_house]


def test_fields_from_the_teams_record_say_what_the_record_says_under_that_heading(example):
    name, _, record = example
    quoted = [f for f in fields(record).values() if f.source and ".md:" in f.source]  # type: ignore[attr-defined]
    if name == "document-search":
        assert not quoted
        return
    lines = (EXAMPLES / name / "transparency" / "atrs-record.md").read_text().splitlines()
    assert len(quoted) >= 15
    for found in quoted:
        line = int(re.search(r"\.md:(\d+)", found.source).group(1))  # type: ignore[attr-defined]
        if "front matter" in found.source:  # type: ignore[attr-defined]
            key, _, raw = lines[line - 1].partition(":")
            assert found.value == raw.strip(), key  # type: ignore[attr-defined]
            continue
        assert lines[line - 1].startswith("#")
        body = []
        for text in lines[line:]:
            if text.startswith("#"):
                break
            body.append(text)
        assert folded(found.value) == folded(" ".join(body))  # type: ignore[attr-defined]


def test_the_probation_record_gives_what_the_manifest_cannot():
    record = generate(EXAMPLES / "probation-risk-assistant", AS_OF)
    assert value(record, "summary_information", "website_url") == (
        "https://www.example.gov.uk/probation-risk-assistant"
    )
    assert value(record, "summary_information", "region") == "england-and-wales"
    assert value(record, "owner_and_responsibility", "organisation_or_department") == (
        "HM Prison and Probation Service (example)"
    )
    assert [s.kind for s in record.sources] == ["manifest", "atrs_record", "dpia", "fria"]


# --- unfilled fields and conflicts ------------------------------------------------------------


def test_unfilled_fields_are_exactly_the_empty_ones_each_with_a_reason(example):
    _, _, record = example
    empty = {
        (section.title, section.model, f.ref, f.attribute)
        for tier in record.tiers
        for section in tier.sections
        for f in section.fields
        if f.value is None
    }
    listed = {(u.section, u.model, u.ref, u.attribute) for u in record.unfilled}
    assert empty == listed
    assert all(u.reason for u in record.unfilled)
    assert all(f.source is None for f in fields(record).values() if f.value is None)  # type: ignore[attr-defined]


def test_without_a_record_only_the_manifest_and_evidence_fill_fields():
    record = generate(EXAMPLES / "document-search", AS_OF)
    filled = [f for f in fields(record).values() if f.value is not None]  # type: ignore[attr-defined]
    assert filled
    assert all(f.source.startswith(("manifest: ", "evidence: ")) for f in filled)  # type: ignore[attr-defined]
    reasons = {u.attribute: u.reason for u in record.unfilled}
    assert reasons["website_url"] == (
        "the manifest has no field for it; no ATRS record is declared (evidence.atrs_record)"
    )
    assert "Website URL" not in value(record, "summary_information", "name")


def test_a_conflict_keeps_the_manifest_value_and_lists_the_record_value():
    record = generate(EXAMPLES / "probation-risk-assistant", AS_OF)
    conflict = next(c for c in record.conflicts if c.attribute == "description")
    assert conflict.kept.source == "manifest: system.description"
    assert conflict.other.value.startswith("A tool inside the probation case management system")
    assert conflict.other.source == "atrs_record: transparency/atrs-record.md:21"
    assert value(record, "summary_information", "description") == conflict.kept.value


def test_a_record_that_agrees_and_says_more_is_quoted_with_the_manifest_fact_it_agrees_with():
    record = generate(EXAMPLES / "public-llm-assistant", AS_OF)
    involvement = value(record, "owner_and_responsibility", "third_party_involvement")
    assert involvement.startswith("Yes. Northwind Models Ltd provides the language model")
    assert source(record, "owner_and_responsibility", "third_party_involvement").endswith(
        ", agreeing with manifest: models[].type"
    )
    assert value(record, "owner_and_responsibility", "third_party") == "Northwind Models Ltd"
    assert not [c for c in record.conflicts if c.section == "Owner and responsibility"]


def test_off_the_shelf_tools_leave_model_and_development_data_sections_blank():
    record = generate(EXAMPLES / "public-llm-assistant", AS_OF)
    blank = {s.id: s for t in record.tiers for s in t.sections if s.not_applicable}
    assert set(blank) == {"model_specification", "development_data_specification"}
    assert all(not s.fields for s in blank.values())
    assert not [u for u in record.unfilled if u.section.startswith(("Model", "Development"))]


# --- a team's record in other shapes ----------------------------------------------------------

IN_HOUSE_PAIR = (
    MINIMAL_MANIFEST.replace(
        "  - name: embedder\n    version: 1.0.0\n    type: in-house\n"
        "    model_card: docs/model-card.md\n",
        "  - {name: embedder, version: 1.0.0, type: in-house, task: retrieval}\n"
        "  - {name: reranker, version: 0.3.0, type: in-house, task: ranking}\n",
    )
    + "  atrs_record: transparency/atrs.md\n"
)


def test_a_markdown_record_maps_model_sections_in_order_and_reports_unknown_headings(make_repo):
    record_md = textwrap.dedent(
        """\
        # Tiny Search

        ### Website URL

        <!-- internal note, not content -->
        https://example.gov.uk/tiny-search

        ## Tier 2 - Model specification

        ### 2.4.2.1 Model name

        embedder 1.0.0

        ### 2.4.2.6 - Model architecture

        A sentence-embedding model:
        - 384 dimensions
        - cosine similarity

        ## Tier 2 - Model specification

        ### Model architecture

        A cross-encoder.

        ### Colour scheme

        Blue.
        """
    )
    repo = make_repo(IN_HOUSE_PAIR, {"transparency/atrs.md": record_md})
    record = generate(repo, AS_OF)
    assert (
        value(record, "summary_information", "website_url") == "https://example.gov.uk/tiny-search"
    )
    embedder = value(record, "model_specification", "model_architecture", "embedder")
    assert embedder == "A sentence-embedding model:\n- 384 dimensions\n- cosine similarity"
    assert value(record, "model_specification", "model_architecture", "reranker") == (
        "A cross-encoder."
    )
    assert source(record, "model_specification", "model_name", "embedder") == (
        "atrs_record: transparency/atrs.md:10, agreeing with manifest: models[0].name"
    )
    assert record.notes == [
        "transparency/atrs.md:26: 'Colour scheme' under 'Model specification' is not an ATRS"
        " v4.0 field of that section; it is not used"
    ]


def test_a_yaml_record_gives_fields_by_key_and_by_section_and_notes_what_it_cannot_place(make_repo):
    record_yaml = textwrap.dedent(
        """\
        website_url: https://example.gov.uk/tiny
        region: UK
        sensitive_attributes: None
        owner_and_responsibility:
          organisation_or_department: Department for Examples
          third_party_involvement: false
        model_specification:
          - {model_architecture: Bi-encoder}
          - {model_architecture: Cross-encoder, favourite_colour: blue}
        """
    )
    manifest = IN_HOUSE_PAIR.replace("transparency/atrs.md", "transparency/atrs.yaml")
    record = generate(make_repo(manifest, {"transparency/atrs.yaml": record_yaml}), AS_OF)
    assert value(record, "summary_information", "region") == "UK"
    assert source(record, "summary_information", "region") == (
        "atrs_record: transparency/atrs.yaml (key region)"
    )
    assert value(record, "owner_and_responsibility", "organisation_or_department") == (
        "Department for Examples"
    )
    assert value(record, "owner_and_responsibility", "third_party_involvement") == "No"
    assert value(record, "model_specification", "model_architecture", "reranker") == (
        "Cross-encoder"
    )
    assert record.notes == [
        "transparency/atrs.yaml (key sensitive_attributes): 'sensitive_attributes' is a field"
        " of 'Development data specification' and 'Operational data specification'; put it"
        " under its section heading or key; it is not used",
        "transparency/atrs.yaml (key model_specification.1.favourite_colour):"
        " 'favourite_colour' under 'Model specification' is not an ATRS v4.0 field of that"
        " section; it is not used",
    ]


def test_a_record_denying_a_third_party_the_manifest_names_is_a_conflict(make_repo):
    manifest = (
        MINIMAL_MANIFEST.replace("type: in-house", "type: third-party\n    provider: Acme AI Ltd")
        + "  atrs_record: atrs.md\n"
    )
    record_md = "## Owner and responsibility\n\n### Third party involvement\n\nNo.\n"
    record = generate(make_repo(manifest, {"atrs.md": record_md}), AS_OF)
    [conflict] = record.conflicts
    assert (conflict.attribute, conflict.kept.value, conflict.other.value) == (
        "third_party_involvement",
        "Yes",
        "No.",
    )


def test_an_in_house_only_manifest_never_claims_no_third_party(repo):
    record = generate(repo, AS_OF)
    assert value(record, "owner_and_responsibility", "third_party_involvement") is None
    reason = next(u.reason for u in record.unfilled if u.attribute == "third_party_involvement")
    assert reason.startswith("no third-party or foundation model in the manifest")


def test_an_unreadable_record_is_noted_and_not_read(make_repo):
    manifest = MINIMAL_MANIFEST + "  atrs_record: transparency/missing.md\n"
    record = generate(make_repo(manifest), AS_OF)
    assert record.notes == ["transparency/missing.md: not read (missing: file not found)"]
    reason = next(u.reason for u in record.unfilled if u.attribute == "website_url")
    assert reason.endswith("the ATRS record cannot be read (transparency/missing.md)")


def test_a_record_that_changes_while_being_read_is_refused(make_repo, monkeypatch):
    from engine.records.atrs import build

    manifest = MINIMAL_MANIFEST + "  atrs_record: atrs.md\n"
    repo = make_repo(manifest, {"atrs.md": "# Name\n\nTiny Search\n"})
    real_gather = build.gather

    def stale_gather(*args, **kwargs):
        gathered = real_gather(*args, **kwargs)
        gathered["atrs_record"][0]["sha256"] = "0" * 64
        return gathered

    monkeypatch.setattr(build, "gather", stale_gather)
    with pytest.raises(AtrsError, match=r"atrs\.md: changed while it was being read"):
        generate(repo, AS_OF)


# --- the template is the rule's ---------------------------------------------------------------


def test_the_generator_writes_the_fields_and_sections_rule_trn_003_checks():
    import regopy

    directory = bundled_policy_dir()
    interpreter = regopy.Interpreter()
    for path in rego_files(directory):
        interpreter.add_module(path.relative_to(directory).as_posix(), path.read_text())
    interpreter.add_data(
        load_data(tuple(read_source(p, directory) for p in data_files_in(directory)))
    )
    package = "data.ai_assure.rules.transparency.atrs_content"
    output = interpreter.query(f"x := {package}.tier_1_fields; y := {package}._tier_2_base")
    bindings = output.results[0].bindings
    template = load_template()
    tier_1 = [norm(f.name) for s in template.sections if s.tier == 1 for f in s.fields]
    base = [norm(s.title) for s in template.sections if s.tier == 2 and not s.own_models_only]
    assert (list(bindings["x"]), list(bindings["y"])) == (tier_1, base)
    assert tier_1 == ["name", "description", "website url", "contact email", "phase", "region"]


def test_the_template_follows_atrs_v4_numbering_and_names():
    template = load_template()
    assert [(s.ref, s.title) for s in template.sections] == [
        ("1", "Summary information"),
        ("2.1", "Owner and responsibility"),
        ("2.2", "Description and rationale"),
        ("2.3", "Deployment context"),
        ("2.4.1", "Tool specification"),
        ("2.4.2", "Model specification"),
        ("2.4.3", "Development data specification"),
        ("2.4.4", "Operational data specification"),
        ("2.5", "Risks, mitigations and impact assessments"),
    ]
    for section in template.sections:
        numbered = [f.ref for f in section.fields if f.ref]
        assert all(ref.startswith(section.ref + ".") for ref in numbered), section.id
        assert len({f.attribute for f in section.fields}) == len(section.fields)
    names = {f.name for s in template.sections for f in s.fields}
    assert {"Third party data access terms", "System-level input", "Human review"} <= names
    assert not {"Scope", "Provided information", "External supplier", "Dataset purposes"} & names
    tool = next(s for s in template.sections if s.id == "tool_specification")
    assert "Phase" not in [f.name for f in tool.fields]


def test_a_broken_template_is_an_error_not_an_empty_record(tmp_path):
    (tmp_path / "ai_assure" / "atrs").mkdir(parents=True)
    (tmp_path / "ai_assure" / "atrs" / "data.yaml").write_text("version: '4.0'\nsections: 3\n")
    with pytest.raises(AtrsError, match="invalid ATRS template: sections"):
        load_template(tmp_path)
    with pytest.raises(AtrsError, match="cannot read the ATRS template"):
        load_template(tmp_path / "nowhere")


# --- output -----------------------------------------------------------------------------------


def test_json_has_the_schema_marker_tool_version_and_date():
    data = json.loads(render(generate(EXAMPLES / "public-llm-assistant", AS_OF), "json"))
    assert data["schema"] == "ai-assure/atrs/v4.0"
    assert data["standard"]["version"] == "4.0"
    assert data["tool"]["name"] == "ai-assure"
    assert data["as_of"] == AS_OF
    assert [t["title"] for t in data["tiers"]] == ["Tier 1", "Tier 2"]


def test_the_record_carries_both_axes_of_the_classification_and_whether_the_atrs_binds():
    record = generate(EXAMPLES / "probation-risk-assistant", AS_OF)
    assert record.classification is not None
    assert record.classification.eu_ai_act.category == "high"
    assert record.classification.eu_ai_act.in_scope is False
    assert record.classification.assurance_level.level == "high"
    assert record.classification.atrs is not None
    assert record.classification.atrs.status == "binds"  # a public-sector body's tool
    text = render(record, "markdown")
    assert "## Classification (ai-assure; not an ATRS field)" in text
    assert (
        "| EU AI Act category | high on its facts; the Act does not apply to this system |" in text
    )


def test_markdown_has_a_heading_per_section_and_the_unfilled_fields():
    text = render(generate(EXAMPLES / "probation-risk-assistant", AS_OF), "markdown")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:2] == [
        "## Tier 1 - Summary information",
        "## Tier 2 - Owner and responsibility",
    ]
    assert "## Tier 2 - Model specification: supervision-band-classifier" in headings
    assert headings[-4:] == ["## Conflicts", "## Unfilled fields", "## Notes", "## Sources"]
    # shown as text: the URL is not turned into a link (autolinks are broken on purpose)
    assert "| 1.3 | Website URL | https\\://www\\.example.gov.uk/probation-risk-assistant |" in text


def test_markdown_cells_cannot_break_the_table_or_inject_markup():
    hostile = "a | b\n<script>alert(1)</script> *x* [l](http://e) `c` &amp; \x1b[31m"
    assert cell(hostile) == (
        "a \\| b<br>&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\[l\\](http\\://e) \\`c\\`"
        " &amp;amp; \\\\x1b\\[31m"
    )


def test_a_hostile_manifest_name_stays_inside_its_cell(make_repo):
    manifest = MINIMAL_MANIFEST.replace("name: Tiny Search", 'name: "Tiny | <b>Search</b>"')
    text = render(generate(make_repo(manifest), AS_OF), "markdown")
    assert "| 1.1 | Name | Tiny \\| &lt;b&gt;Search&lt;/b&gt; | manifest: metadata.name |" in text
    assert "<b>" not in text


# --- the command line -------------------------------------------------------------------------


def invoke(*args: str | Path):
    return CliRunner().invoke(cli.main, ["report", "atrs", *map(str, args)])


def test_the_command_writes_each_format_and_counts_the_unfilled_fields(tmp_path):
    target = EXAMPLES / "public-llm-assistant"
    result = invoke(
        target, "--as-of", AS_OF, "--format", f"json={tmp_path / 'a.json'}", "--format", "markdown"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Prison Visits Help Assistant: ATRS v4.0 record\n")
    assert json.loads((tmp_path / "a.json").read_text())["system"]["id"] == "public-llm-assistant"
    assert result.stderr == (
        "ai-assure: ATRS v4.0 record for public-llm-assistant: 27 of 34 fields filled,"
        " 7 unfilled (0 in Tier 1), 2 conflicts with the record\n"
    )


def test_fail_on_unfilled_exits_1_only_when_tier_1_is_incomplete():
    complete = invoke(EXAMPLES / "probation-risk-assistant", "--as-of", AS_OF, "--fail-on-unfilled")
    incomplete = invoke(EXAMPLES / "document-search", "--as-of", AS_OF, "--fail-on-unfilled")
    assert (complete.exit_code, incomplete.exit_code) == (0, 1)
    assert "(2 in Tier 1)" in incomplete.stderr
    assert invoke(EXAMPLES / "document-search", "--as-of", AS_OF).exit_code == 0


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (
            "apiVersion: ai-assure/v1\nkind: AISystem\nmetadata: {id: Bad Id, name: x}\n",
            "metadata.id",
        ),
        (MINIMAL_MANIFEST + "  atrs_record: ../outside.md\n", "'..' is not allowed"),
        (": : not yaml [\n", "invalid YAML"),
    ],
    ids=["invalid-manifest", "evidence-path-escape", "not-yaml"],
)
def test_a_system_that_cannot_be_read_exits_2_with_one_message(make_repo, manifest, message):
    result = invoke(make_repo(manifest), "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("ai-assure: error: ") and message in line


def test_an_unknown_format_is_a_usage_error():
    result = invoke(EXAMPLES / "document-search", "--format", "pdf")
    assert result.exit_code == 2
    assert "unknown format 'pdf'; choose from markdown, json" in result.stderr


def test_the_real_command_gives_byte_identical_output_on_each_run(tmp_path):
    outputs = []
    for run in ("one", "two"):
        files = {fmt: tmp_path / f"{run}.{fmt}" for fmt in ("json", "markdown")}
        specs = [arg for fmt, file in files.items() for arg in ("--format", f"{fmt}={file}")]
        completed = ai_assure(
            "report", "atrs", str(EXAMPLES / "probation-risk-assistant"), "--as-of", AS_OF, *specs
        )
        assert completed.returncode == 0, completed.stderr
        assert "Traceback" not in completed.stderr
        outputs.append({fmt: file.read_bytes() for fmt, file in files.items()})
    assert outputs[0] == outputs[1]
