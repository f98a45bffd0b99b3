"""The controls catalogue and its crosswalks (issue 3, part 1): complete, strict and sourced."""

from __future__ import annotations

import csv
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from engine.core.assets import bundled_catalogue_dir
from engine.policy.catalogue import (
    CatalogueError,
    load_catalogue,
    load_catalogue_file,
    load_crosswalk_file,
    load_crosswalks,
)

CATALOGUE = load_catalogue()


def _ids(framework: str) -> list[str]:
    return [cid for cid, control in CATALOGUE.items() if control.framework == framework]


def test_every_framework_file_loads_with_its_own_prefix():
    files = sorted(bundled_catalogue_dir().glob("*.yaml"))
    frameworks = {load_catalogue_file(path).framework.id for path in files}
    assert frameworks == {
        "ISO42001",
        "NIST-AI-RMF",
        "EU-AI-ACT",
        "UK-GDPR",
        "UK-DPA-2018",
        "UK-ATRS",
        "UK-AI-PLAYBOOK",
        "UK-AI-CYBER-COP",
    }


def test_iso42001_has_all_38_annex_a_controls_under_9_objectives_and_no_standard_text():
    ids = _ids("ISO42001")
    assert len(ids) == 38
    objectives = Counter(CATALOGUE[cid].group.split(" ")[0] for cid in ids)
    assert objectives == {
        "A.2": 3, "A.3": 2, "A.4": 5, "A.5": 4, "A.6": 9, "A.7": 5, "A.8": 4, "A.9": 3, "A.10": 3,
    }  # fmt: skip
    for cid in ids:
        control = CATALOGUE[cid]
        assert control.summary and control.text is None, cid  # our words only, never ISO's


def test_nist_ai_rmf_has_4_functions_19_categories_and_72_subcategories():
    ids = [cid.split(":")[1] for cid in _ids("NIST-AI-RMF")]
    functions = [i for i in ids if "-" not in i]
    categories = [i for i in ids if re.fullmatch(r"[A-Z]+-\d+", i)]
    subcategories = [i for i in ids if re.fullmatch(r"[A-Z]+-\d+\.\d+", i)]
    assert sorted(functions) == ["GOVERN", "MANAGE", "MAP", "MEASURE"]
    assert len(categories) == 19 and len(subcategories) == 72
    per_function = Counter(i.split("-")[0] for i in subcategories)
    assert per_function == {"GOVERN": 19, "MAP": 18, "MEASURE": 22, "MANAGE": 13}


def test_nist_titles_are_the_core_text(shared_dir):
    rows = csv.DictReader((shared_dir / "reference/catalogues/nist_ai_rmf_1.0_core.csv").open())
    for row in rows:
        control = CATALOGUE["NIST-AI-RMF:" + row["id"].replace(" ", "-")]
        # The reference CSV keeps one extraction typo ("contextrelevant") that NIST's text has not.
        assert control.title.replace("context-relevant", "contextrelevant") == row["text"]


REQUIRED_ARTICLES = [4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 17, 26, 27, 49, 50, 53, 55, 72, 73, 86]


@pytest.mark.parametrize("article", REQUIRED_ARTICLES)
def test_eu_ai_act_articles_say_whom_they_bind_and_from_when(article):
    control = CATALOGUE[f"EU-AI-ACT:Art.{article}"]
    assert control.binds and control.applies_from and control.summary


def test_eu_ai_act_roles_and_dates_are_the_acts():
    assert CATALOGUE["EU-AI-ACT:Art.26"].binds == ["deployer"]
    assert CATALOGUE["EU-AI-ACT:Art.53"].binds == ["gpai-provider"]
    assert CATALOGUE["EU-AI-ACT:Art.55"].binds == ["gpai-provider"]
    assert CATALOGUE["EU-AI-ACT:Art.5"].applies_from == "2025-02-02"
    assert CATALOGUE["EU-AI-ACT:Art.53"].applies_from == "2025-08-02"
    assert CATALOGUE["EU-AI-ACT:Art.9"].applies_from == "2026-08-02"


def test_eu_ai_act_titles_match_the_official_journal(shared_dir):
    path = shared_dir / "reference/catalogues/eu_ai_act_2024_1689_articles.csv"
    titles = {row["article"]: row["title"] for row in csv.DictReader(path.open())}
    for cid in _ids("EU-AI-ACT"):
        if ":Art." in cid:
            assert CATALOGUE[cid].title == titles[cid.split(":Art.")[1]], cid


def test_annex_iii_has_all_eight_areas_binding_providers_and_deployers():
    areas = [cid for cid in _ids("EU-AI-ACT") if ":AnnexIII." in cid]
    assert sorted(areas) == [f"EU-AI-ACT:AnnexIII.{n}" for n in range(1, 9)]
    assert all(CATALOGUE[a].binds == ["provider", "deployer"] for a in areas)


def test_moving_dates_are_held_as_data_not_applied():
    art_9 = CATALOGUE["EU-AI-ACT:Art.9"]
    assert art_9.applies_from == "2026-08-02"  # the law as published
    [change] = art_9.date_changes
    assert change.applies_from == "2027-12-02" and change.status != "adopted"
    assert "Omnibus" in change.source


def test_uk_frameworks_are_complete():
    assert {"UK-GDPR:Art.5", "UK-GDPR:Art.22", "UK-GDPR:Art.35"} <= set(_ids("UK-GDPR"))
    assert [f"UK-AI-PLAYBOOK:P{n}" for n in range(1, 11)] == sorted(
        _ids("UK-AI-PLAYBOOK"), key=lambda i: int(i.split(":P")[1])
    )
    assert len(_ids("UK-AI-CYBER-COP")) == 13
    atrs = set(_ids("UK-ATRS"))
    assert {"UK-ATRS:Tier1", "UK-ATRS:Tier2"} <= atrs
    sections = {"2.1", "2.2", "2.3", "2.4", "2.4.2", "2.4.3", "2.4.4", "2.5"}
    assert {f"UK-ATRS:Tier{s}" for s in sections} <= atrs
    assert CATALOGUE["UK-ATRS:Tier2.3"].title == "Deployment context"  # v4.0's name


def _copy_catalogue(tmp_path: Path) -> Path:
    target = tmp_path / "catalogue"
    shutil.copytree(bundled_catalogue_dir(), target)
    return target


def test_a_duplicate_id_across_files_is_refused(tmp_path):
    directory = _copy_catalogue(tmp_path)
    (directory / "zz-dup.yaml").write_text(
        "framework: {id: UK-GDPR, name: dup, version: '1', source: x}\n"
        "controls:\n  - {id: 'UK-GDPR:Art.35', title: again}\n"
    )
    with pytest.raises(CatalogueError, match=r"duplicate control id UK-GDPR:Art\.35"):
        load_catalogue(directory)


@pytest.mark.parametrize(
    ("control", "message"),
    [
        ("{id: 'X:1', title: t, colour: red}", "unknown field 'colour'"),
        ("{id: 'X:1', title: t, applies_from: '2026-13-01'}", "applies_from"),
        ("{id: 'X:1', title: t, binds: [regulator]}", "binds"),
        ("{id: 'Y:1', title: t}", "ids must start with 'X:'"),
        ("{id: 'X:1', title: ''}", "title"),
    ],
)
def test_a_bad_control_is_refused(tmp_path, control, message):
    path = tmp_path / "x.yaml"
    path.write_text(
        f"framework: {{id: X, name: x, version: '1', source: x}}\ncontrols:\n  - {control}\n"
    )
    with pytest.raises(CatalogueError, match=message):
        load_catalogue_file(path)


def test_the_nist_to_iso_crosswalk_is_sourced_and_every_id_exists():
    crosswalks = load_crosswalks()
    crosswalk = crosswalks["nist-ai-rmf_iso42001"]
    assert crosswalk.source.url.startswith("https://airc.nist.gov/")
    assert len(crosswalk.mappings) >= 50
    for mapping in crosswalk.mappings:
        assert CATALOGUE[mapping.source].framework == "NIST-AI-RMF"
        assert all(CATALOGUE[t].framework == "ISO42001" for t in mapping.targets)
    by_source = {m.source: m.targets for m in crosswalk.mappings}
    assert by_source["NIST-AI-RMF:MEASURE-2.11"] == ["ISO42001:A.5.4", "ISO42001:A.5.5"]
    assert by_source["NIST-AI-RMF:GOVERN-6.1"] == ["ISO42001:A.10.2", "ISO42001:A.10.3"]


CROSSWALK = """\
id: nist-ai-rmf_iso42001
from_framework: NIST-AI-RMF
to_framework: ISO42001
source: {{title: t, publisher: p, url: "https://example.org/x"}}
mappings:
  - {{source: "{source}", targets: ["{target}"]}}
"""


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        ("NIST-AI-RMF:MAP-9.9", "ISO42001:A.5.4", "MAP-9.9 is not in the catalogue"),
        ("NIST-AI-RMF:MAP-1.1", "ISO42001:A.99", "A.99 is not in the catalogue"),
        ("NIST-AI-RMF:MAP-1.1", "UK-GDPR:Art.35", "not a ISO42001 control"),
        ("ISO42001:A.5.4", "ISO42001:A.5.4", "not a NIST-AI-RMF control"),
    ],
)
def test_a_crosswalk_naming_an_unknown_or_foreign_id_is_refused(tmp_path, source, target, message):
    path = tmp_path / "x.yaml"
    path.write_text(CROSSWALK.format(source=source, target=target))
    with pytest.raises(CatalogueError, match=message):
        load_crosswalk_file(path, CATALOGUE)


def test_a_crosswalk_without_a_source_is_refused(tmp_path):
    path = tmp_path / "x.yaml"
    text = CROSSWALK.format(source="NIST-AI-RMF:MAP-1.1", target="ISO42001:A.5.4")
    path.write_text("\n".join(line for line in text.splitlines() if "source: {" not in line))
    with pytest.raises(CatalogueError, match="source"):
        load_crosswalk_file(path, CATALOGUE)
