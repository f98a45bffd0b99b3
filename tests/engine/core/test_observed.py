"""Observations: what a run learns through an observed function is recorded once, and
`still_holds` says whether the same calls would learn the same today."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.core.files import expand, kind_of, read_confined
from engine.core.observed import recording, spoil, still_holds


def test_each_call_is_recorded_once_with_its_outcome(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    with recording() as record:
        read_confined(tmp_path / "a.txt", 100, tmp_path)
        read_confined(tmp_path / "a.txt", 100, tmp_path)
        assert kind_of(tmp_path / "missing") == "missing"
    names = [name.rsplit(".", 1)[1] for name, _, _ in record.observations]
    assert names == ["read_confined", "kind_of"]
    outcome = record.observations[0][2]
    assert outcome[0] == "returned" and set(outcome[1]) == {"sha256"}  # no content kept


def test_nothing_is_recorded_outside_a_recording(tmp_path: Path) -> None:
    with recording() as record:
        pass
    kind_of(tmp_path)
    assert record.observations == []


def test_an_error_is_an_outcome_too(tmp_path: Path) -> None:
    with recording() as record, pytest.raises(OSError):
        read_confined(tmp_path / "absent", 10, tmp_path)
    assert record.observations[0][2][0] == "raised"
    assert still_holds(record.observations)
    (tmp_path / "absent").write_text("now here")
    assert not still_holds(record.observations)


def test_a_changed_content_or_match_no_longer_holds(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}")
    with recording() as record:
        read_confined(tmp_path / "a.json", 100, tmp_path)
        expand("*.json", tmp_path, tmp_path, 10)
    assert still_holds(record.observations)
    (tmp_path / "b.json").write_text("{}")
    assert not still_holds(record.observations)
    (tmp_path / "b.json").unlink()
    assert still_holds(record.observations)
    (tmp_path / "a.json").write_text("[]")
    assert not still_holds(record.observations)


def test_a_file_that_changes_while_read_spoils_the_recording(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("before")
    with recording() as record:
        read_confined(path, 100, tmp_path)
        path.write_text("after")
        read_confined(path, 100, tmp_path)
    assert record.spoilt is not None


def test_what_was_not_observed_spoils_the_recording() -> None:
    with recording() as record:
        spoil("read in another process")
    assert record.spoilt == "read in another process"


@pytest.mark.parametrize(
    "observation",
    [
        ["engine.nowhere.gone", [[], {}], ["returned", None]],  # an unknown function
        ["engine.core.files.kind_of", [], ["returned", "file"]],  # malformed
        ["engine.core.files.kind_of", [[{"not": "a path"}], {}], ["returned", "file"]],
    ],
)
def test_an_unknown_or_malformed_observation_never_holds(observation: list) -> None:
    assert not still_holds([observation])


def test_arguments_given_by_name_are_replayed_by_name(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# a")
    with recording() as record:
        expand("*.md", tmp_path, tmp_path, max_matches=5)
    assert still_holds(record.observations)
    (tmp_path / "b.md").write_text("# b")
    assert not still_holds(record.observations)
