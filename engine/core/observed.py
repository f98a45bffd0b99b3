"""What a run learnt from the filesystem, kept so a later run can tell whether it still holds.

Every function through which a check learns something about the repository (a file's
content, what a glob matches, where a path resolves, whether a path is a file) is
`@observed`. While `recording()` is active, each call's arguments and outcome (what it
returned, or the error it raised) are kept as plain JSON. `still_holds` calls the same
functions with the same arguments again: when every outcome is the same, a run learning
through them would learn exactly what the recorded run did. The result cache
(`engine.core.result_cache`) rests on this.

An outcome is summarised, never stored: a file's content becomes its sha256.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

_Function = TypeVar("_Function", bound=Callable[..., Any])

#: "module.qualname" -> the observed function, for `still_holds`
OBSERVED: dict[str, Callable[..., Any]] = {}

Observation = list[Any]  # [function name, arguments, outcome], all plain JSON


class Recording:
    """The observations of one run, each (function, arguments) once."""

    def __init__(self) -> None:
        self.outcomes: dict[str, Observation] = {}
        self.spoilt: str | None = None  # why the run cannot be replayed, once known

    def add(self, name: str, arguments: list[Any], outcome: list[Any]) -> None:
        observation = [name, arguments, outcome]
        key = _json_key(observation[:2])
        earlier = self.outcomes.setdefault(key, observation)
        if earlier[2] != outcome:
            self.spoil(f"{name} gave two answers in one run (a file changed while read?)")

    def spoil(self, reason: str) -> None:
        """Something the run learnt was not observed here (read in another process, say)."""
        self.spoilt = self.spoilt or reason

    @property
    def observations(self) -> list[Observation]:
        return list(self.outcomes.values())


_ACTIVE: list[Recording] = []


@contextlib.contextmanager
def recording() -> Iterator[Recording]:
    """Keep what observed functions learn until the block ends."""
    record = Recording()
    _ACTIVE.append(record)
    try:
        yield record
    finally:
        _ACTIVE.remove(record)


def spoil(reason: str) -> None:
    """Tell the active recording (if any) that it missed something; it will not be kept."""
    for record in _ACTIVE:
        record.spoil(reason)


def observed(function: _Function) -> _Function:
    """Register `function` (taking plain values and paths) and record its calls."""
    name = f"{function.__module__}.{function.__qualname__}"
    OBSERVED[name] = function

    @functools.wraps(function)
    def recorded(*args: Any, **kwargs: Any) -> Any:
        if not _ACTIVE:
            return function(*args, **kwargs)
        arguments = [_plain(args), {key: _plain(value) for key, value in kwargs.items()}]
        try:
            result = function(*args, **kwargs)
        except Exception as exc:
            _record(name, arguments, _raised(exc))
            raise
        _record(name, arguments, ["returned", _plain(result)])
        return result

    return recorded  # type: ignore[return-value]


def still_holds(observations: list[Observation]) -> bool:
    """Whether every observed function, called again, gives the outcome it gave then (a
    malformed observation never holds)."""
    return all(_holds(observation) for observation in observations)


def _holds(observation: Observation) -> bool:
    try:
        name, (args, kwargs), outcome = observation
        function = OBSERVED[name]
        keywords = {key: _revived(value) for key, value in kwargs.items()}
        arguments = [_revived(value) for value in args]
    except (ValueError, TypeError, KeyError, AttributeError):
        return False
    try:
        now = ["returned", _plain(function(*arguments, **keywords))]
    except Exception as exc:
        now = _raised(exc)
    return bool(now == outcome)


def _record(name: str, arguments: list[Any], outcome: list[Any]) -> None:
    for record in _ACTIVE:
        record.add(name, arguments, outcome)


def _raised(exc: Exception) -> list[Any]:
    return ["raised", type(exc).__name__, str(exc)]


def _plain(value: Any) -> Any:
    """`value` as JSON: a path as {"path": ...}, a read file as its digest."""
    if isinstance(value, Path):
        return {"path": str(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    digest = getattr(value, "sha256", None)
    if isinstance(digest, str):
        return {"sha256": digest}
    raise TypeError(f"an observed function may not take or return {type(value).__name__}")


def _revived(value: Any) -> Any:
    if isinstance(value, dict):
        return Path(value["path"])
    if isinstance(value, list):
        return [_revived(item) for item in value]
    return value


def _json_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)
