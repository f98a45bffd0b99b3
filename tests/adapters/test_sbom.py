"""SBOMs: CycloneDX JSON, SPDX 2.x JSON and SPDX 3.0 JSON-LD, all normalised to one shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adapters.sbom import SbomAdapter

parse = SbomAdapter().parse

# (folder/file): (format, spec_version, component_count, ml_models, datasets)
VALID = {
    "cyclonedx/valid-machine-learning-1.5.json": ("cyclonedx", "1.5", 1, ["stable-diffusion"], []),
    "cyclonedx/valid-machine-learning-1.6.json": ("cyclonedx", "1.6", 1, ["stable-diffusion"], []),
    "cyclonedx/valid-machine-learning-considerations-env-1.6.json": (
        "cyclonedx", "1.6", 1, ["Llama-2-7b"], [],
    ),
    "cyclonedx/valid-component-data-1.6.json": ("cyclonedx", "1.6", 1, [], ["my-configs"]),
    "cyclonedx/mlbom-model-foundationmodels.bom.json": ("cyclonedx", "1.6", 1, ["gpt-4o"], []),
    "cyclonedx/mlbom-model-card-with-dataset-1.7.bom.json": (
        "cyclonedx", "1.7", 3, ["support-ticket-classifier"],
        ["support-ticket-evaluation-data", "support-ticket-training-data"],
    ),
    "cyclonedx/sbom-cern-lhc-vdm-editor.bom.json": ("cyclonedx", "1.2", 43, [], []),
    "spdx3/ai-example01-simplehtr.spdx3.json": (
        "spdx-3.0", "3.0.1", 13, ["line-model", "word-model"], ["IAMdataset"],
    ),
    "spdx3/ai-example02-sbom.spdx3.json": (
        "spdx-3.0", "3.0.1", 2, ["Sentiment Demo: A Simple AI Application and its AI BOM Example"],
        ["Data after preprocessing"],
    ),
    "spdx3/dataset-example01.spdx3.json": (
        "spdx-3.0", "3.0.1", 1, [], ["Our World in Data CO2 and Greenhouse Gas Emissions dataset"],
    ),
    "spdx3/dataset-example04.spdx3.json": ("spdx-3.0", "3.0.1", 1, [], ["PumpHealth-Sensors"]),
    "spdx3/core-package1.spdx3.json": ("spdx-3.0", "3.0.0", 1, [], []),
}  # fmt: skip

INVALID = {
    "cyclonedx/mlbom-model-opensource-INVALIDJSON.bom.json": (
        None, "line 9: invalid JSON: Expecting property name enclosed in double quotes (column 5)"
    ),
    "cyclonedx/mlbom-dataset-INVALID-trailing-comma.bom.json": (
        None, "line 9: invalid JSON: Expecting property name enclosed in double quotes (column 5)"
    ),
    "cyclonedx/invalid-metadata-timestamp-1.6.json": (
        "cyclonedx", "metadata.timestamp: expected a date-time, found text '2020-04-13'"
    ),
}  # fmt: skip


def _sample(samples: Path, key: str) -> tuple[str, bytes]:
    path = samples / key
    return path.name, path.read_bytes()


@pytest.mark.parametrize("key", VALID)
def test_real_sboms_yield_their_facts(samples: Path, key: str) -> None:
    fmt, spec_version, count, ml_models, datasets = VALID[key]
    parsed = parse(*_sample(samples, key))
    assert parsed.errors == []
    assert parsed.format == fmt
    assert parsed.facts["spec_version"] == spec_version
    assert parsed.facts["component_count"] == count == len(parsed.facts["components"])
    assert parsed.facts["ml_models"] == ml_models
    assert parsed.facts["datasets"] == datasets


@pytest.mark.parametrize("key", INVALID)
def test_broken_real_sboms_report_what_is_wrong(samples: Path, key: str) -> None:
    fmt, message = INVALID[key]
    parsed = parse(*_sample(samples, key))
    assert parsed.format == fmt
    assert parsed.errors == [message]


def test_every_sbom_sample_is_covered(samples: Path) -> None:
    on_disk = {f"{d}/{p.name}" for d in ("cyclonedx", "spdx3") for p in (samples / d).iterdir()}
    assert on_disk == set(VALID) | set(INVALID)


def test_cyclonedx_components_carry_licences_hashes_and_purls(samples: Path) -> None:
    facts = parse(*_sample(samples, "cyclonedx/sbom-cern-lhc-vdm-editor.bom.json")).facts
    puppeteer = next(c for c in facts["components"] if c["name"] == "puppeteer")
    assert puppeteer["version"] == "1.19.0"
    assert puppeteer["type"] == "library"
    assert puppeteer["licenses"] == ["Apache-2.0"]
    assert puppeteer["purl"] == "pkg:npm/puppeteer@1.19.0"
    assert [h["alg"] for h in puppeteer["hashes"]] == ["SHA-512"]
    assert puppeteer["has_model_card"] is False


def test_ml_components_say_they_have_a_model_card(samples: Path) -> None:
    facts = parse(*_sample(samples, "cyclonedx/mlbom-model-card-with-dataset-1.7.bom.json")).facts
    cards = {c["name"]: c["has_model_card"] for c in facts["components"]}
    assert cards == {
        "support-ticket-classifier": True,
        "support-ticket-training-data": False,
        "support-ticket-evaluation-data": False,
    }


def test_spdx3_licences_come_from_relationships(samples: Path) -> None:
    facts = parse(*_sample(samples, "spdx3/ai-example01-simplehtr.spdx3.json")).facts
    licences = {(c["name"], c["type"]): c["licenses"] for c in facts["components"]}
    assert licences[("tensorflow", "library")] == ["OLDAP-2.8"]
    assert licences[("IAMdataset", "data")] == [
        "CustomLicense-c63547c2-62e0-48ec-b98d-ff1b917d67db"
    ]
    # the model appears twice: as the ai_AIPackage (licensed MIT) and as a plain package
    word_models = [c for c in facts["components"] if c["name"] == "word-model"]
    assert sorted(c["licenses"] for c in word_models) == [[], ["MIT"]]
    assert {c["type"] for c in word_models} == {"machine-learning-model"}
    expression = parse(*_sample(samples, "spdx3/dataset-example04.spdx3.json")).facts
    assert expression["components"][0]["licenses"] == ["LicenseRef-PumpHealth-Research"]


def test_spdx3_ai_packages_are_models_with_cards(samples: Path) -> None:
    facts = parse(*_sample(samples, "spdx3/ai-example02-sbom.spdx3.json")).facts
    model = next(c for c in facts["components"] if c["type"] == "machine-learning-model")
    assert model["has_model_card"] is True
    assert model["licenses"] == ["CC0-1.0"]


def test_spdx3_hashes_use_cyclonedx_algorithm_names(samples: Path) -> None:
    facts = parse(*_sample(samples, "spdx3/core-package1.spdx3.json")).facts
    (package,) = facts["components"]
    assert package["name"] == "packageName"
    assert package["version"] == "12.2"
    assert package["purl"] == "https://some.purl"
    assert [h["alg"] for h in package["hashes"]] == ["SHA-1", "SHA-256"]


SPDX2 = {
    "spdxVersion": "SPDX-2.3",
    "SPDXID": "SPDXRef-DOCUMENT",
    "name": "risk-scorer",
    "packages": [
        {
            "SPDXID": "SPDXRef-torch",
            "name": "torch",
            "versionInfo": "2.4.0",
            "primaryPackagePurpose": "LIBRARY",
            "licenseConcluded": "BSD-3-Clause",
            "licenseDeclared": "NOASSERTION",
            "checksums": [{"algorithm": "SHA256", "checksumValue": "ab12"}],
            "externalRefs": [
                {
                    "referenceCategory": "PACKAGE-MANAGER",
                    "referenceType": "purl",
                    "referenceLocator": "pkg:pypi/torch@2.4.0",
                }
            ],
        },
        {"SPDXID": "SPDXRef-app", "name": "app", "primaryPackagePurpose": "APPLICATION"},
        {"SPDXID": "SPDXRef-src", "name": "src", "primaryPackagePurpose": "SOURCE"},
    ],
}


def test_spdx2_packages_become_components() -> None:
    parsed = parse("app.spdx.json", json.dumps(SPDX2).encode())
    assert parsed.errors == []
    assert parsed.format == "spdx-2.3"
    assert parsed.facts["spec_version"] == "2.3"
    assert parsed.facts["components"] == [
        {"name": "src", "version": None, "type": None, "licenses": [], "hashes": [],
         "purl": None, "has_model_card": False},
        {"name": "app", "version": None, "type": "application", "licenses": [], "hashes": [],
         "purl": None, "has_model_card": False},
        {"name": "torch", "version": "2.4.0", "type": "library", "licenses": ["BSD-3-Clause"],
         "hashes": [{"alg": "SHA-256", "value": "ab12"}], "purl": "pkg:pypi/torch@2.4.0",
         "has_model_card": False},
    ]  # fmt: skip


def _bom(components: list[object], **extra: object) -> bytes:
    return json.dumps(
        {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": components, **extra}
    ).encode()


def test_nested_components_are_counted_and_sorted() -> None:
    bom = _bom(
        [
            {"type": "application", "name": "svc", "components": [
                {"type": "machine-learning-model", "name": "scorer", "modelCard": {}},
                {"type": "library", "name": "numpy", "version": "2.0",
                 "licenses": [{"expression": "BSD-3-Clause OR MIT"}]},
            ]},
            {"type": "library", "name": "attrs", "licenses": [{"license": {"name": "MIT"}}]},
        ]
    )  # fmt: skip
    facts = parse("bom.json", bom).facts
    assert [c["name"] for c in facts["components"]] == ["svc", "attrs", "numpy", "scorer"]
    assert facts["components"][1]["licenses"] == ["MIT"]
    assert facts["components"][2]["licenses"] == ["BSD-3-Clause OR MIT"]
    assert facts["ml_models"] == ["scorer"]


def test_component_order_in_the_file_does_not_change_the_facts() -> None:
    a = {"type": "library", "name": "a", "version": "1"}
    b = {"type": "library", "name": "b", "version": "1"}
    assert parse("x.json", _bom([a, b])).facts == parse("x.json", _bom([b, a])).facts


def test_a_hostile_nesting_of_components_does_not_exhaust_the_stack() -> None:
    component: dict[str, object] = {"type": "library", "name": "leaf"}
    for depth in range(400):
        component = {"type": "library", "name": f"c{depth}", "components": [component]}
    assert parse("x.json", _bom([component])).facts["component_count"] == 401


def test_components_without_names_or_of_the_wrong_shape_are_errors() -> None:
    parsed = parse("x.json", _bom([{"type": "library"}, "numpy"]))
    assert parsed.errors == ["components[0]: name is missing", "components[1]: expected a mapping"]
    assert parsed.facts["component_count"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.6">',
         "CycloneDX XML: not well-formed or unsafe XML"),
        (b'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
         b'<bom xmlns="http://cyclonedx.org/schema/bom/1.6"><components><component '
         b'type="library"><name>&x;</name></component></components></bom>',
         "CycloneDX XML: not well-formed or unsafe XML"),
        (b"SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n",
         "SPDX tag-value is not supported: export the SBOM as SPDX JSON"),
        (b'{"name": "not an sbom"}', "not a recognised SBOM"),
        (b'{"bomFormat": "CycloneDX", "specVersion": "1.6", "x": NaN}',
         "invalid JSON constant NaN"),
        (b'{"bomFormat": "CycloneDX", "components": []}', "specVersion is missing"),
    ],
)  # fmt: skip
def test_unsupported_or_unrecognised_sboms_say_why(content: bytes, message: str) -> None:
    parsed = parse("sbom", content)
    assert parsed.errors and parsed.errors[0].startswith(message)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "cyclonedx"


def test_a_cyclonedx_xml_sbom_from_cyclonedx_py_is_read() -> None:
    path = FIXTURES / "environment-1.6.cdx.xml"
    parsed = parse(path.name, path.read_bytes())
    assert parsed.format == "cyclonedx-xml"
    assert parsed.errors == []
    assert parsed.facts["spec_version"] == "1.6"
    names = [c["name"] for c in parsed.facts["components"]]
    assert "python-docx" in names and "cyclonedx-py" not in names  # tools are not components
    docx = next(c for c in parsed.facts["components"] if c["name"] == "python-docx")
    assert docx["purl"] == "pkg:pypi/python-docx@1.2.0"
    assert docx["type"] == "library" and docx["licenses"] == ["MIT"]


def test_cyclonedx_xml_gives_the_same_facts_as_the_json_form() -> None:
    xml = b"""<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">
  <metadata><timestamp>2026-10-01T10:00:00Z</timestamp></metadata>
  <components>
    <component type="machine-learning-model" bom-ref="m">
      <name>risk-scorer</name><version>2.3.1</version>
      <hashes><hash alg="SHA-256">abc123</hash></hashes>
      <licenses><expression>Apache-2.0 OR MIT</expression></licenses>
      <modelCard><modelParameters><task>classification</task></modelParameters></modelCard>
      <components>
        <component type="data"><name>oasys-extract</name>
          <licenses><license><name>Proprietary</name></license></licenses></component>
      </components>
    </component>
  </components>
</bom>"""
    as_json = _bom([
        {"type": "machine-learning-model", "name": "risk-scorer", "version": "2.3.1",
         "hashes": [{"alg": "SHA-256", "content": "abc123"}],
         "licenses": [{"expression": "Apache-2.0 OR MIT"}], "modelCard": {},
         "components": [{"type": "data", "name": "oasys-extract",
                         "licenses": [{"license": {"name": "Proprietary"}}]}]},
    ], specVersion="1.5")  # fmt: skip
    from_xml, from_json = parse("bom.xml", xml), parse("bom.json", as_json)
    assert from_xml.errors == [] == from_json.errors
    assert from_xml.facts == from_json.facts
