"""`ai-assure register`: the department-wide risk register, from a real `ai-assure` process.

The expected register of the examples is worked out here from the manifests' YAML with
PyYAML and arithmetic, not from the engine, so the test cannot agree with a bug.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import pty
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from engine.records.register.build import COLUMNS, build_register, find_manifests

ROOT = Path(__file__).resolve().parents[4]
EXAMPLES = ROOT / "examples"
AS_OF = "2027-02-01"


def ai_assure(*args: str | Path, cwd: Path = ROOT, **run: object) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from engine.cli import run; run()", *map(str, args)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    options = {"capture_output": True, "text": True, "cwd": cwd, "env": env, "timeout": 60}
    return subprocess.run(command, **{**options, **run})  # type: ignore[call-overload]


def manifest(system_id: str, risks: str = "", team: str = "Risk Tools") -> str:
    """A valid manifest for `system_id` with the given `risks:` YAML (indented by 2)."""
    text = textwrap.dedent(
        f"""\
        apiVersion: ai-assure/v1
        kind: AISystem
        metadata:
          id: {system_id}
          name: {system_id.replace("-", " ").title()}
          owner: {{team: {team}}}
        """
    )
    return text + ("risks:\n" + textwrap.indent(textwrap.dedent(risks), "  ") if risks else "")


def risk(risk_id: str, likelihood: int, impact: int, extra: str = "") -> str:
    line = f"- {{id: {risk_id}, title: Risk {risk_id}, category: bias, "
    line += f"likelihood: {likelihood}, impact: {impact}{extra}}}\n"
    return line


@pytest.fixture
def portfolio(tmp_path: Path):
    """`portfolio({"team-a/svc": manifest(...)})` writes repositories under one folder."""

    def make(systems: dict[str, str]) -> Path:
        root = tmp_path / "portfolio"
        for folder, text in systems.items():
            repo = root / folder
            repo.mkdir(parents=True, exist_ok=True)
            (repo / ".git").mkdir(exist_ok=True)
            (repo / "ai-manifest.yaml").write_text(text)
        root.mkdir(exist_ok=True)
        return root

    return make


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


# --- The examples: the CSV senior leaders open ----------------------------------------------


def expected_example_rows(as_of: dt.date) -> list[list[str]]:
    """The examples' register worked out from their YAML alone."""
    rows = []
    for path in sorted(EXAMPLES.glob("*/ai-manifest.yaml")):
        data = yaml.safe_load(path.read_text())
        meta = data["metadata"]
        for item in data.get("risks", []):
            residual = item.get("residual") or {}
            rl = residual.get("likelihood", item["likelihood"])
            ri = residual.get("impact", item["impact"])
            actions = [
                a for a in item.get("actions", []) if a["status"] not in ("done", "cancelled")
            ]
            dues = sorted(a["due"] for a in actions if a.get("due"))
            rows.append(
                [
                    meta["id"],
                    meta["name"],
                    meta["owner"]["team"],
                    item["id"],
                    item["title"],
                    item["category"],
                    str(item["likelihood"]),
                    str(item["impact"]),
                    str(item["likelihood"] * item["impact"]),
                    str(rl),
                    str(ri),
                    str(rl * ri),
                    "assessed" if residual else "inherent",
                    item.get("treatment", ""),
                    item.get("owner", ""),
                    str(len(actions)),
                    dues[0].isoformat() if dues else "",
                    str(sum(1 for due in dues if due < as_of)),
                    "; ".join(item.get("controls", [])),
                    path.relative_to(ROOT).as_posix(),
                ]
            )
    return sorted(rows, key=lambda row: (-int(row[11]), row[0], row[3]))


def test_register_over_the_examples_gives_the_expected_csv():
    result = ai_assure("register", "examples", "--as-of", AS_OF, "--format", "csv")
    assert result.returncode == 0, result.stderr
    records = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert records[0] == list(COLUMNS)
    assert records[1:] == expected_example_rows(dt.date.fromisoformat(AS_OF))
    assert len(records) == 12  # 11 risks across the three example systems, plus the header


def test_the_examples_have_overdue_actions_on_the_chosen_date():
    rows = read_csv(ai_assure("register", "examples", "--as-of", AS_OF, "--format", "csv").stdout)
    overdue = {
        row["risk_id"]: row["overdue_actions"] for row in rows if row["overdue_actions"] != "0"
    }
    assert overdue == {"PRA-R-001": "1", "PRA-R-005": "1", "PVA-R-001": "1", "PVA-R-002": "1"}


def test_csv_is_rfc_4180_with_crlf_line_ends_and_quoted_commas(tmp_path):
    out = tmp_path / "register.csv"
    ai_assure("register", "examples", "--as-of", AS_OF, "--format", f"csv={out}")
    content = out.read_bytes()
    assert content.count(b"\r\n") == 12 and content.endswith(b"\r\n")
    assert b"\n" not in content.replace(b"\r\n", b"")
    assert b'"Head of Data Science, HMPPS Risk Tools"' in content


def test_the_register_of_the_same_portfolio_is_byte_identical(tmp_path):
    outputs = []
    for run in range(2):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        specs = [f"--format={name}={folder / name}" for name in ("csv", "json", "markdown", "html")]
        assert ai_assure("register", "examples", "--as-of", AS_OF, *specs).returncode == 0
        outputs.append({path.name: path.read_bytes() for path in folder.iterdir()})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 4


# --- Rows: scores, residual fallback, actions -------------------------------------------------


def test_rows_are_sorted_by_residual_score_then_system_then_risk(portfolio):
    root = portfolio(
        {
            "b": manifest("bravo", risk("B-2", 2, 2) + risk("B-1", 3, 3)),
            "a": manifest(
                "alpha",
                risk("A-9", 2, 2) + risk("A-1", 5, 5, ", residual: {likelihood: 1, impact: 4}"),
            ),
        }
    )
    register = build_register(*_found(root))
    order = [(row.residual_score, row.system_id, row.risk_id) for row in register.rows]
    assert order == [
        (9, "bravo", "B-1"),
        (4, "alpha", "A-1"),
        (4, "alpha", "A-9"),
        (4, "bravo", "B-2"),
    ]


def _found(root: Path, as_of: dt.date = dt.date(2027, 2, 1)):
    manifests, problems = find_manifests([root])
    return manifests, as_of, problems


def test_without_a_residual_score_the_inherent_score_stands_and_the_row_says_so(portfolio):
    root = portfolio({"a": manifest("alpha", risk("A-1", 4, 3))})
    (row,) = build_register(*_found(root)).rows
    assert (row.residual_likelihood, row.residual_impact, row.residual_score) == (4, 3, 12)
    assert row.residual_basis == "inherent"


def test_open_actions_next_due_and_overdue_count_on_the_as_of_date(portfolio):
    actions = (
        ", actions: ["
        "{description: late, due: 2027-01-31, status: open},"
        "{description: due today, due: 2027-02-01, status: in-progress},"
        "{description: undated, status: open},"
        "{description: finished late, due: 2026-01-01, status: done},"
        "{description: dropped, due: 2026-01-01, status: cancelled}]"
    )
    root = portfolio({"a": manifest("alpha", risk("A-1", 2, 2, actions))})
    (row,) = build_register(*_found(root)).rows
    assert (row.open_actions, row.next_due, row.overdue_actions) == (3, "2027-01-31", 1)


def test_a_system_without_risks_is_counted_with_zeros(portfolio):
    root = portfolio({"a": manifest("alpha"), "b": manifest("bravo", risk("B-1", 1, 1))})
    register = build_register(*_found(root))
    assert [(s.system_id, s.risks, s.highest_residual) for s in register.systems] == [
        ("bravo", 1, 1),
        ("alpha", 0, 0),
    ]


def test_overdue_actions_are_counted_from_today_when_no_date_is_given(portfolio):
    late = ", actions: [{description: long ago, due: 2000-01-01, status: open}]"
    root = portfolio({"a": manifest("alpha", risk("A-1", 2, 2, late))})
    rows = read_csv(ai_assure("register", root, "--format", "csv").stdout)
    assert rows[0]["overdue_actions"] == "1"


# --- Finding the manifests ------------------------------------------------------------------


def test_portfolio_search_skips_git_node_modules_and_venv_folders(portfolio):
    root = portfolio(
        {
            "svc": manifest("svc"),
            "svc/node_modules/dep": manifest("dep"),
            "svc/.venv/lib": manifest("venv"),
            "other/.git/modules/x": manifest("git-module"),
            "deep/down/below": manifest("deep"),
        }
    )
    manifests, problems = find_manifests([root])
    assert [path.parent.relative_to(root).as_posix() for path in manifests] == [
        "deep/down/below",
        "svc",
    ]
    assert problems == []


def test_a_folder_holding_a_manifest_is_one_system_and_a_manifest_file_works_too(portfolio):
    root = portfolio({"svc": manifest("svc"), "svc/fixtures/copy": manifest("copy")})
    assert find_manifests([root / "svc"])[0] == [root / "svc" / "ai-manifest.yaml"]
    assert find_manifests([root / "svc" / "ai-manifest.yaml"])[0] == [
        root / "svc" / "ai-manifest.yaml"
    ]


def test_a_manifest_named_twice_is_read_once(portfolio):
    root = portfolio({"svc": manifest("svc", risk("S-1", 1, 1))})
    result = ai_assure("register", root, root / "svc", "--as-of", AS_OF, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert len(read_csv(result.stdout)) == 1


# --- Errors: exit 2, every problem named, the rest still written ----------------------------


def test_a_bad_manifest_exits_2_naming_the_file_and_the_good_rows_are_still_written(
    portfolio, tmp_path
):
    root = portfolio(
        {
            "good": manifest("good", risk("G-1", 2, 2)),
            "bad": manifest("bad", risk("X-1", 9, 2)),
            "broken": "apiVersion: ai-assure/v1\nkind: [unclosed\n",
        }
    )
    out = tmp_path / "register.csv"
    result = ai_assure("register", root, "--as-of", AS_OF, "--format", f"csv={out}")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "bad/ai-manifest.yaml:" in result.stderr and "risks.0.likelihood" in result.stderr
    assert "broken/ai-manifest.yaml:" in result.stderr
    assert [row["risk_id"] for row in read_csv(out.read_text())] == ["G-1"]


def test_a_bad_manifest_is_listed_in_the_documents_as_not_included(portfolio):
    root = portfolio({"good": manifest("good", risk("G-1", 2, 2)), "bad": "kind: AISystem\n"})
    result = ai_assure("register", root, "--as-of", AS_OF, "--format", "json")
    assert result.returncode == 2
    errors = json.loads(result.stdout)["errors"]
    assert len(errors) == 1 and "bad/ai-manifest.yaml" in errors[0]


def test_duplicate_system_ids_across_the_portfolio_are_an_error_naming_both_files(portfolio):
    root = portfolio({"one": manifest("same-id"), "two": manifest("same-id")})
    result = ai_assure("register", root, "--as-of", AS_OF)
    assert result.returncode == 2
    assert "system id 'same-id' is used by more than one manifest" in result.stderr
    assert "one/ai-manifest.yaml" in result.stderr and "two/ai-manifest.yaml" in result.stderr


def test_a_missing_path_or_a_folder_without_manifests_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    result = ai_assure("register", tmp_path / "nowhere", tmp_path / "empty")
    assert result.returncode == 2
    assert "nowhere: no such file or folder" in result.stderr
    assert "empty: no ai-manifest.yaml found" in result.stderr


def test_a_manifest_symlinked_from_outside_its_repository_is_refused(portfolio, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text(manifest("outsider"))
    root = portfolio({"svc": manifest("svc")})
    (root / "svc" / "ai-manifest.yaml").unlink()
    (root / "svc" / "ai-manifest.yaml").symlink_to(outside)
    register = build_register(*_found(root))
    assert register.systems == ()
    link = (root / "svc" / "ai-manifest.yaml").as_posix()
    assert register.errors == (f"{link}: resolves outside the repository (symlink?)",)


def test_an_unknown_format_is_a_usage_error():
    result = ai_assure("register", "examples", "--format", "xlsx")
    assert result.returncode == 2
    assert "unknown format 'xlsx'" in result.stderr


def test_help_names_every_register_format():
    from engine.records.register.formats import FORMATS

    help_text = ai_assure("register", "--help").stdout
    assert all(name in help_text for name in FORMATS)


# --- Progress: on a terminal only ------------------------------------------------------------


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    out = tmp_path / "register.csv"
    result = ai_assure("register", "examples", "--as-of", AS_OF, "--format", f"csv={out}")
    assert result.returncode == 0
    assert result.stderr == ""
    assert "Reading manifests" not in out.read_text()


def test_a_progress_bar_is_drawn_on_stderr_when_it_is_a_terminal(tmp_path):
    leader, follower = pty.openpty()
    try:
        result = ai_assure(
            "register",
            "examples",
            "--as-of",
            AS_OF,
            "--format",
            "csv",
            capture_output=False,
            stdout=subprocess.PIPE,
            stderr=follower,
        )
    finally:
        os.close(follower)
    drawn = _drain(leader)
    assert result.returncode == 0
    assert "Reading manifests" in drawn
    assert "Reading manifests" not in result.stdout


def _drain(descriptor: int) -> str:
    chunks = []
    try:
        while chunk := os.read(descriptor, 4096):
            chunks.append(chunk)
    except OSError:  # EIO: the terminal's other end is closed and everything has been read
        pass
    finally:
        os.close(descriptor)
    return b"".join(chunks).decode(errors="replace")
