"""The canonical input through the real command line, on the embedded evaluator and on
`opa eval`: a value of only invisible characters is empty to every rule, and a number no
evaluator can hold the same is a finding, never exit 2, with byte-identical reports
(docs/input-document.md, Canonical form; policies/CONFORMANCE.md #18)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.cli import ai_assure

ROOT = Path(__file__).resolve().parents[2]
AS_OF = ("--as-of", "2026-11-26")

#: values that look like nothing: each must count exactly as an empty value
INVISIBLE = {
    "no-break-space": "\u00a0",
    "em-space": "\u2003",
    "next-line": "\u0085",
    "ideographic-space": "\u3000",
    "zero-width-space": "\u200b",
    "byte-order-mark": "\ufeff",
    "tab": "\t",
    "mix": "\u00a0\u200b\t\u3000\ufeff\u2003\u0085",
}

#: (file, the line that fills the field in, the finding an empty value gives) in the
#: probation example: team, contact and SRO, a risk's owner, the model's licence, and the
#: approvers of the DPIA and the FRIA (a warning: the EU AI Act does not reach this UK-only
#: system, so Art. 27 is advisory and FRIA-001 never fails it)
FIELDS = [
    ("ai-manifest.yaml", "    team: HMPPS Risk Tools", ("ACC-001", "team is empty")),
    (
        "ai-manifest.yaml",
        "    contact: risk-tools@example.gov.uk",
        ("ACC-001", "contact is empty"),
    ),
    (
        "ai-manifest.yaml",
        "    senior_responsible_owner: Deputy Director, Probation Risk and Assessment",
        ("ACC-002", "senior_responsible_owner is empty"),
    ),
    (
        "ai-manifest.yaml",
        "    owner: Head of Probation Practice Quality",
        ("RISK-001", "Risk PRA-R-002 has no owner"),
    ),
    ("ai-manifest.yaml", "    licence: proprietary", ("SEC-004", "has no licence recorded")),
    (
        "docs/dpia.yaml",
        "approved_by: Data Protection Officer, Ministry of Justice",
        ("DPIA-001", "does not record who approved it"),
    ),
    (
        "docs/fria.yaml",
        "approved_by: Deputy Director, Probation Risk and Assessment",
        ("FRIA-001", "does not record who approved it"),
    ),
]


def copy_example(name: str, target: Path) -> Path:
    """The example as a repository of its own."""
    repo = target / name
    shutil.copytree(ROOT / "examples" / name, repo)
    (repo / ".git").mkdir()
    return repo


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def fill_in(repo: Path, value: str) -> None:
    """Give every field of FIELDS `value`, as a YAML double-quoted (escaped) string."""
    for file, line, _ in FIELDS:
        key = line.partition(": ")[0]
        edit(repo / file, line, f"{key}: {json.dumps(value)}")


def check_both(repo: Path, opa_binary: str) -> tuple[int, dict[str, Any]]:
    """`check --format json` on both evaluators: the same exit code and the same bytes."""
    embedded = ai_assure("check", repo, *AS_OF, "--format", "json")
    opa = ai_assure(
        "check", repo, *AS_OF, "--format", "json", "--evaluator", "opa", "--opa-binary", opa_binary
    )
    assert "Traceback" not in embedded.stderr + opa.stderr
    assert embedded.returncode == opa.returncode, embedded.stderr + opa.stderr
    assert embedded.stdout == opa.stdout
    return embedded.returncode, json.loads(embedded.stdout)


def failures(report: dict[str, Any], statuses=("fail",)) -> list[tuple[str, str, int]]:
    return [
        (f["rule_id"], f["message"], f["location"]["line"])
        for f in report["findings"]
        if f["status"] in statuses
    ]


def line_of(path: Path, text: str) -> int:
    """The line number of the one line of `path` that is `text`."""
    [number] = [n for n, line in enumerate(path.read_text().splitlines(), 1) if line == text]
    return number


@pytest.fixture(scope="module")
def empty_values(tmp_path_factory, opa_binary) -> tuple[int, dict[str, Any]]:
    """The probation example with every field of FIELDS empty."""
    repo = copy_example("probation-risk-assistant", tmp_path_factory.mktemp("empty"))
    fill_in(repo, "")
    return check_both(repo, opa_binary)


def test_empty_values_fail_the_rules_that_check_them(empty_values):
    code, report = empty_values
    assert code == 1
    flagged = failures(report, ("fail", "warn"))
    for _, _, (rule_id, message) in FIELDS:
        assert any(r == rule_id and message in m for r, m, _ in flagged), (rule_id, message)


@pytest.mark.parametrize("invisible", INVISIBLE.values(), ids=INVISIBLE)
def test_a_value_of_only_invisible_characters_counts_as_empty_on_both_evaluators(
    tmp_path, opa_binary, empty_values, invisible
):
    repo = copy_example("probation-risk-assistant", tmp_path)
    fill_in(repo, invisible)
    code, report = check_both(repo, opa_binary)
    empty_code, empty_report = empty_values
    assert code == empty_code
    assert report["findings"] == empty_report["findings"]


# --- numbers ---------------------------------------------------------------------------------

BEYOND = "not every evaluator holds it exactly, so rules see null"


@pytest.fixture
def search(tmp_path) -> Path:
    """The document-search example, which passes (exit 0) as it is."""
    return copy_example("document-search", tmp_path)


VERSION = "    version: 1.4.0"


def set_version(repo: Path, version: str) -> int:
    """Give the model `version`; the manifest line it is on."""
    line = line_of(repo / "ai-manifest.yaml", VERSION)
    edit(repo / "ai-manifest.yaml", VERSION, f"    version: {version}")
    return line


def edit_evaluation(repo: Path, change) -> None:
    path = repo / "reports" / "retrieval-eval-2026-09.json"
    report = json.loads(path.read_text())
    change(report)
    path.write_text(json.dumps(report))


def test_the_example_passes_as_it_is(search, opa_binary):
    assert check_both(search, opa_binary)[0] == 0


@pytest.mark.parametrize(
    "version, shown",
    [
        ("9007199254740993", "the integer 9007199254740993"),
        ("-9007199254740993", "the integer -9007199254740993"),
        ("18446744073709551616", "the integer 18446744073709551616"),
    ],
)
def test_a_manifest_integer_beyond_2_to_the_53_fails_input_001_at_its_line(
    search, opa_binary, version, shown
):
    line = set_version(search, version)
    code, report = check_both(search, opa_binary)
    assert code == 1
    message = f"models[0].version: {shown} is beyond ±2^53 (9007199254740992): {BEYOND}"
    assert failures(report) == [("INPUT-001", message, line)]


def test_a_subnormal_manifest_number_fails_input_001(search, opa_binary):
    version_line = set_version(search, "1.0e-310")
    code, report = check_both(search, opa_binary)
    assert code == 1
    [(rule_id, message, line)] = failures(report)
    assert (rule_id, line) == ("INPUT-001", version_line)
    assert message.startswith("models[0].version: the number 1e-310 is subnormal")


def test_a_manifest_integer_of_2_to_the_53_is_kept(search, opa_binary):
    set_version(search, "9007199254740992")
    code, report = check_both(search, opa_binary)
    assert code == 0
    assert [f["status"] for f in report["findings"] if f["rule_id"] == "INPUT-001"] == ["pass"]


def _total(value):
    return lambda report: report["tests"].update(total=value)


def _metric(value):
    return lambda report: report["metrics"][0].update(value=value)


@pytest.mark.parametrize(
    "change, said",
    [
        (_total(2**53 + 1), "tests.total: the integer 9007199254740993 is beyond ±2^53"),
        (_metric(2**64), "metrics[1].value: the integer 18446744073709551616 is beyond ±2^53"),
        (_metric(1e-310), "metrics[1].value: the number 1e-310 is subnormal"),
        (_metric(-5e-324), "metrics[1].value: the number -5e-324 is subnormal"),
    ],
    ids=["total-beyond-2^53", "metric-beyond-int64", "subnormal-metric", "smallest-subnormal"],
)
def test_an_evidence_number_no_evaluator_holds_the_same_fails_evid_001(
    search, opa_binary, change, said
):
    edit_evaluation(search, change)
    code, report = check_both(search, opa_binary)
    assert code == 1
    [(rule_id, message, line)] = failures(report)
    declared = line_of(
        search / "ai-manifest.yaml", "  evaluations: [reports/retrieval-eval-2026-09.json]"
    )
    assert (rule_id, line) == ("EVID-001", declared)
    assert re.fullmatch(
        r"The evaluations evidence file reports/retrieval-eval-2026-09\.json could not be "
        rf"read: {re.escape(said)} .*: {BEYOND}",
        message,
    ), message
    [evaluation] = [e for e in report["evidence"] if e["kind"] == "evaluations"]
    assert evaluation["status"] == "invalid"
    assert evaluation["errors"] == [message.split("could not be read: ")[1]]
