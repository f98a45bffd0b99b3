"""SECURITY.md ties every threat to the test that proves its mitigation. This keeps it honest:
every test, test file and path the document names must exist, so a renamed or deleted test
cannot leave the document pointing at nothing."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
DOCUMENT = ROOT / "SECURITY.md"
_CODE = re.compile(r"`([^`]+)`")
_TEST_NAME = re.compile(r"test_\w+")
_SECTION = re.compile(r"\bsection \d+\b")


def proof_cells() -> list[tuple[int, str]]:
    """(line number, last cell) of every table row: the "proved by" column."""
    cells = []
    for number, line in enumerate(DOCUMENT.read_text(encoding="utf-8").splitlines(), 1):
        cells_of_row = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("|") or set(line) <= set("|-: ") or cells_of_row[-1] == "proved by":
            continue
        cells.append((number, cells_of_row[-1]))
    return cells


def resolve(reference: str) -> list[Path]:
    """The files a path, a glob or a bare test-file name (`test_cli.py`) names."""
    if any(char in reference for char in "*?["):
        return sorted(ROOT.glob(reference))
    if "/" in reference:
        return [ROOT / reference] if (ROOT / reference).exists() else []
    return sorted(TESTS.rglob(reference))


def defines(path: Path, name: str) -> bool:
    """Whether `path` (Python or Rego) defines the test `name`."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".rego":
        return re.search(rf"^{re.escape(name)}\b", text, re.M) is not None
    tree = ast.parse(text)
    return any(
        isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name
        for node in ast.walk(tree)
    )


def problems_in(cell: str) -> list[str]:
    """What in one "proved by" cell does not exist. `::name` and a bare `test_name` refer to
    the file named last in the cell; `[...]` after a test name is a parameter id."""
    problems: list[str] = []
    current: Path | None = None
    for reference in _CODE.findall(cell):
        file_part, _, test_part = reference.partition("::")
        if file_part and not _TEST_NAME.fullmatch(file_part):
            found = resolve(file_part)
            if not found or (len(found) > 1 and "*" not in file_part):
                problems.append(f"{file_part}: {'ambiguous' if found else 'no such file'}")
                current = None
                continue
            current = found[0]
        name = test_part.split("[")[0] or (file_part if _TEST_NAME.fullmatch(file_part) else "")
        if name:
            if current is None:
                problems.append(f"{reference}: no file named before it")
            elif not defines(current, name):
                problems.append(f"{reference}: {current.relative_to(ROOT)} has no {name}")
    return problems


def test_the_document_has_threat_tables():
    assert len(proof_cells()) >= 30


@pytest.mark.parametrize(("line", "cell"), proof_cells(), ids=lambda value: str(value)[:40])
def test_every_test_the_document_names_exists(line, cell):
    assert _CODE.search(cell) or _SECTION.search(cell), f"SECURITY.md:{line}: proves nothing"
    assert problems_in(cell) == [], f"SECURITY.md:{line}"


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("`tests/engine/core/test_files.py::test_not_there`", "has no test_not_there"),
        ("`test_no_such_file.py::test_x`", "no such file"),
        ("`::test_orphan`", "no file named before it"),
        ("`tests/engine/core/test_files.py`, `::test_not_there_either`", "has no"),
        ("`tests/engine/core/test_files.py` (`test_missing_by_bare_name`)", "has no"),
    ],
)
def test_a_reference_to_nothing_is_caught(cell, problem):
    assert any(problem in message for message in problems_in(cell))


def test_references_that_exist_pass():
    cell = (
        "`tests/engine/core/test_files.py::test_fifo_is_never_opened`, "
        "`::test_directory_is_not_evidence`, `test_parsing.py::test_yaml_depth_limit`, "
        "`tests/adapters/*`, `policies/rules/risk/appetite_test.rego`"
    )
    assert problems_in(cell) == []
