"""The catalogue's index (controls_catalogue/index.json): each control's framework, so that a
check needs no YAML for control coverage; used only while it matches the catalogue's files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from engine.core.assets import bundled_catalogue_dir
from engine.policy import catalogue
from engine.policy.catalogue import load_catalogue
from engine.policy.catalogue_index import INDEX_FILE, control_frameworks, index_text, write_index

FIX = "controls_catalogue/index.json is stale: run scripts/build-policies"


def frameworks_read_from_the_files(directory: Path) -> dict[str, str]:
    return {cid: control.framework for cid, control in load_catalogue(directory).items()}


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    """A copy of the bundled catalogue, index included."""
    return Path(shutil.copytree(bundled_catalogue_dir(), tmp_path / "catalogue"))


@pytest.fixture
def no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("the catalogue's YAML was read")

    monkeypatch.setattr(catalogue, "load_catalogue", refuse)


def test_the_committed_index_is_current():
    committed = (bundled_catalogue_dir() / INDEX_FILE).read_text(encoding="utf-8")
    assert committed == index_text(bundled_catalogue_dir()), FIX


def test_the_index_holds_every_control_with_its_framework():
    directory = bundled_catalogue_dir()
    assert control_frameworks(directory) == frameworks_read_from_the_files(directory)


def test_a_current_index_is_read_instead_of_the_catalogue(copied, no_yaml):
    expected = json.loads((copied / INDEX_FILE).read_text())["frameworks"]
    assert control_frameworks(copied) == expected


def test_an_index_the_catalogue_has_moved_on_from_is_not_used(copied):
    iso = copied / "iso42001.yaml"
    iso.write_text(iso.read_text().replace('"ISO42001:A.2.2"', '"ISO42001:A.2.2x"', 1))
    frameworks = control_frameworks(copied)
    assert "ISO42001:A.2.2x" in frameworks and "ISO42001:A.2.2" not in frameworks
    assert frameworks == frameworks_read_from_the_files(copied)


@pytest.mark.parametrize(
    "index",
    ["", "{", "[]", '{"schema": "other"}', '{"schema": "ai-assure/catalogue-index/v1"}'],
)
def test_a_malformed_index_is_not_used(copied, index):
    (copied / INDEX_FILE).write_text(index)
    assert control_frameworks(copied) == frameworks_read_from_the_files(copied)


def test_an_index_whose_frameworks_are_not_text_is_not_used(copied):
    document = json.loads((copied / INDEX_FILE).read_text())
    document["frameworks"] = {"ISO42001:A.2.2": 7}
    (copied / INDEX_FILE).write_text(json.dumps(document))
    assert control_frameworks(copied) == frameworks_read_from_the_files(copied)


def test_writing_the_index_makes_it_current(copied, monkeypatch):
    (copied / INDEX_FILE).unlink()
    write_index(copied)
    expected = frameworks_read_from_the_files(copied)
    monkeypatch.setattr(catalogue, "load_catalogue", lambda *_args: pytest.fail("YAML read"))
    assert control_frameworks(copied) == expected
