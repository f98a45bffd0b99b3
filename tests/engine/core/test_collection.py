"""Gathering evidence pauses the cyclic garbage collector and always gives it back."""

from __future__ import annotations

import gc

import pytest

from engine.core.collection import paused_collection


def test_the_collector_is_paused_within_and_running_after() -> None:
    assert gc.isenabled()
    with paused_collection():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_runs_again_after_an_error() -> None:
    with pytest.raises(ValueError), paused_collection():
        raise ValueError("bad evidence")
    assert gc.isenabled()


def test_an_inner_pause_leaves_the_outer_one_paused() -> None:
    with paused_collection():
        with paused_collection():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with paused_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
