"""`from_data`: plain data checked into frozen dataclasses as strictly as a schema would,
without pydantic."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import pytest

from engine.core.shape import Rule, ShapeError, from_data


@dataclass(frozen=True, kw_only=True)
class Place:
    path: str
    line: int = 1


@dataclass(frozen=True, kw_only=True)
class Thing:
    id: Annotated[str, Rule(pattern=r"[A-Z]+-\d+")]
    kind: Literal["a", "b"]
    score: int = field(metadata={"ge": 1, "le": 5})
    done: bool = False
    where: Place | None = None
    tags: Annotated[list[Annotated[str, Rule(min_length=1)]], Rule(min_length=1)] = field(
        default_factory=lambda: ["x"]
    )
    facts: dict[str, Any] = field(default_factory=dict)


GOOD = {"id": "ID-1", "kind": "a", "score": 3}


def test_data_that_fits_becomes_the_dataclass_with_nested_ones_built():
    thing = from_data(Thing, {**GOOD, "where": {"path": "m.yaml"}, "facts": {"k": [1, None]}})
    assert thing == Thing(
        id="ID-1", kind="a", score=3, where=Place(path="m.yaml"), facts={"k": [1, None]}
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "red"}, r"Thing: unknown field 'colour'"),
        ({"score": None}, r"Thing\.score: expected int, got null"),
        ({"score": "3"}, r"Thing\.score: expected int, got str"),  # never coerced
        ({"score": True}, r"Thing\.score: expected int, got bool"),
        ({"score": 6}, r"Thing\.score: 6 is not between 1 and 5"),
        ({"done": 1}, r"Thing\.done: expected bool, got int"),
        ({"kind": "c"}, r"Thing\.kind: expected one of \['a', 'b'\], got 'c'"),
        ({"id": "ID-1\n"}, r"Thing\.id: 'ID-1\\n' does not match"),  # the whole text matches
        ({"where": {"line": 2}}, r"Thing\.where\.path: missing"),
        ({"where": "m.yaml"}, r"Thing\.where: expected Place or null, got str"),
        ({"tags": []}, r"Thing\.tags: shorter than 1"),
        ({"tags": ["ok", ""]}, r"Thing\.tags\[1\]: shorter than 1"),
        ({"facts": {1: "x"}}, r"Thing\.facts: expected dict"),
    ],
)
def test_data_that_does_not_fit_is_refused_saying_where(change, message):
    with pytest.raises(ShapeError, match=message):
        from_data(Thing, {**GOOD, **change})


def test_a_required_field_is_required_and_only_an_object_is_a_dataclass():
    with pytest.raises(ShapeError, match=r"Thing\.kind: missing"):
        from_data(Thing, {"id": "ID-1", "score": 1})
    with pytest.raises(ShapeError, match="Thing: expected an object, got list"):
        from_data(Thing, [GOOD])
