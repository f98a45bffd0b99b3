"""DPIA and FRIA records as documents (Markdown and Word), laid out as the ICO DPIA template:
facts from headings, tables and labelled lines; what is not there is missing, never invented."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from adapters._impact_document import find_date
from adapters.assessment import DpiaAdapter, FriaAdapter
from tests.cli import ai_assure
from tests.engine.conftest import MINIMAL_MANIFEST

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "dpia"

VISITS_DPIA = {
    "status": "approved",
    "approved_by": "Data Protection Officer, Ministry of Justice",
    "approved_on": "2026-06-24",
    "review_by": "2027-07-01",
    "dpo_consulted": True,
    "missing_fields": [],
}


@pytest.mark.parametrize("name", ["visits-assistant-dpia.md", "visits-assistant-dpia.docx"])
def test_an_ico_layout_dpia_gives_its_facts(name: str) -> None:
    parsed = DpiaAdapter().parse(name, (FIXTURES / name).read_bytes())
    assert parsed.errors == [] and parsed.warnings == []
    assert {key: parsed.facts[key] for key in VISITS_DPIA} == VISITS_DPIA
    assert parsed.facts["processing"].startswith("Questions are sent with retrieved GOV.UK")
    assert parsed.facts["risks"][1] == {
        "description": "The supplier keeps or uses conversations beyond the contract",
        "likelihood": "Remote", "severity": "Significant", "overall": "Low",
    }  # fmt: skip
    assert [m["risk"] for m in parsed.facts["measures"]] == [
        "Disclosure of sensitive data", "Supplier misuse",
    ]  # fmt: skip


def test_a_fria_document_lists_what_it_lacks_and_where_it_looked() -> None:
    name = "probation-fria.md"
    parsed = FriaAdapter().parse(name, (FIXTURES / name).read_bytes())
    assert parsed.errors == []
    facts = parsed.facts
    assert facts["status"] == "draft"
    assert facts["review_by"] == "2027-10-31"  # 31/10/2027, day first
    assert facts["affected_groups"] == [
        "People on probation in England and Wales", "Victims named in case records",
        "Probation practitioners",
    ]  # fmt: skip
    assert facts["oversight_measures"].startswith("Every suggestion is reviewed")
    assert facts["complaint_mechanism"].startswith("People on probation can complain")
    assert facts["missing_fields"] == [
        "approved_by", "approved_on", "dpo_consulted", "measures",
        "necessity_and_proportionality", "risks",
    ]  # fmt: skip
    assert (
        "risks: not found (looked for a heading such as 'Step 5: Identify and assess risks')"
        in parsed.warnings
    )


def test_dpia_documents_through_the_command_line(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    shutil.copyfile(FIXTURES / "visits-assistant-dpia.docx", repo / "docs" / "dpia.docx")
    shutil.copyfile(FIXTURES / "probation-fria.md", repo / "docs" / "fria.md")
    text = MINIMAL_MANIFEST.replace(
        "  sbom: [sbom.cdx.json]\n", "  dpia: docs/dpia.docx\n  fria: docs/fria.md\n"
    )
    (repo / "ai-manifest.yaml").write_text(text)
    result = ai_assure("evidence", repo, "--format", "json")
    assert result.returncode == 1, result.stderr  # the model card is missing
    found = {e["kind"]: e for e in json.loads(result.stdout)["evidence"]}
    assert found["dpia"]["format"] == "docx"
    assert found["dpia"]["status"] == "ok"
    assert found["dpia"]["facts"]["approved_on"] == "2026-06-24"
    assert found["fria"]["format"] == "markdown-document"
    assert found["fria"]["status"] == "ok"  # missing fields are facts for the policies
    assert any(w.startswith("approved_by: not found") for w in found["fria"]["warnings"])


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2026-05-01", "2026-05-01"),
        ("1 May 2026", "2026-05-01"),
        ("Signed 21st June, 2026", "2026-06-21"),
        ("01/05/2026", "2026-05-01"),
        ("31/02/2026", None),
        ("someday", None),
    ],
)
def test_dates_are_read_as_written_in_uk_documents(text: str, date: str | None) -> None:
    assert find_date(text) == date


def _docx(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", document_xml)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


_ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"""
_EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_docx(_ENTITY_BOMB), "not well-formed or unsafe XML"),
        (_docx(_EXTERNAL), "not well-formed or unsafe XML"),
        (_docx(b"<w:document"), "not well-formed or unsafe XML"),
        (_docx(b"<x/>", {"../../evil.txt": b"x"}), "leaves the archive (path traversal)"),
        (_docx(b"<x/>", {"word/media/big.bin": b"\0" * (8 * 1024 * 1024)}), "zip bomb"),
        (b"PK\x03\x04 truncated", "not a readable ZIP archive"),
    ],
)
def test_a_hostile_word_document_is_refused_with_a_reason(content: bytes, message: str) -> None:
    parsed = DpiaAdapter().parse("dpia.docx", content)
    assert parsed.format == "docx"
    assert len(parsed.errors) == 1 and message in parsed.errors[0], parsed.errors
    assert "/etc/passwd" not in json.dumps(parsed.facts)


_BODY = "<w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body>"
_WORD = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{}</w:document>'


def test_a_word_document_that_is_no_assessment_is_refused() -> None:
    body = _BODY.format("Minutes of the project board, 3 March 2026")
    (error,) = DpiaAdapter().parse("minutes.docx", _docx(_WORD.format(body).encode())).errors
    assert error.startswith("the Word document does not say it is a DPIA or FRIA")


def test_a_dpia_is_no_model_card_and_a_model_card_no_dpia() -> None:
    """Both are Markdown: a document names itself an assessment, or it is not one."""
    from adapters.model_card import ModelCardAdapter

    dpia = (FIXTURES / "visits-assistant-dpia.md").read_bytes()
    (error,) = ModelCardAdapter().parse("visits-assistant-dpia.md", dpia).errors
    assert "it looks like a DPIA/FRIA document (Markdown headings and tables) (read as " in error
    card = b"# Visits Assistant\n\n## Intended use\n\nAnswers questions about visits.\n"
    (error,) = DpiaAdapter().parse("README.md", card).errors
    assert error.startswith("not a DPIA in a format ai-assure reads (")
    assert "a Hugging Face model card (Markdown) (read as evidence.model_cards)" in error


def test_a_yaml_record_needs_a_field_of_a_record() -> None:
    (error,) = DpiaAdapter().parse("dpia.json", b'{"status": "success", "eval": {}}').errors
    assert error.endswith(
        "it looks like a JSON object of no known format (top-level keys: eval, status)"
    )
    parsed = DpiaAdapter().parse("dpia.yaml", b"status: draft\n")
    assert parsed.format == "yaml"
    assert "approved_by" in parsed.facts["missing_fields"]


# Laid out as generated DPIAs are (a document-control table, numbered sections with bold
# sub-titles, statuses of other things further down); our own words.
_GENERATED = b"""# Data Protection Impact Assessment (DPIA)

| Field | Value |
|---|---|
| **Status** | DRAFT |
| **Next Review Date** | 2027-03-01 |
| **Data Protection Officer** | Departmental DPO |

### DPIA Necessity - Screening

| Criterion | Met? |
|---|---|
| Large scale | Yes |

### ICO Prior Consultation

**Status**: REQUIRED if high risks remain

## 2. Description of Processing

### 2.1 Nature of Processing

**Processing operations**

Staff upload case notes; the service returns a summary.

## 4. Necessity and Proportionality

The summaries save staff time; no less intrusive way gives the same result.
"""


def test_a_generated_dpia_is_read_for_what_it_says_and_no_more() -> None:
    parsed = DpiaAdapter().parse("dpia.md", _GENERATED)
    facts = parsed.facts
    assert facts["status"] == "draft"  # the document's status, not the consultation's
    assert facts["review_by"] == "2027-03-01"
    assert facts["processing"] == "Staff upload case notes; the service returns a summary."
    assert "no less intrusive way" in facts["necessity_and_proportionality"]
    # naming the DPO is not consulting them: missing, with what was looked for
    assert facts["dpo_consulted"] is None
    assert "dpo_consulted" in facts["missing_fields"]
    assert any(w.startswith("dpo_consulted: not found") for w in parsed.warnings)
