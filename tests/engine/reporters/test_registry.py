"""The format registry: names map to reporters, imported only when asked for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from engine.reporters import FORMATS, REPORTERS, get_reporter
from engine.reporters.interface import Reporter


def test_every_registered_format_resolves_to_a_reporter_of_that_name():
    for name in FORMATS:
        reporter = get_reporter(name)
        assert isinstance(reporter, Reporter)
        assert reporter.name == name


def test_formats_lists_the_registry_in_order():
    assert tuple(REPORTERS) == FORMATS
    assert set(FORMATS) >= {"text", "json", "junit", "sarif", "gitlab", "github"}


def test_options_reach_the_reporter_constructor():
    assert get_reporter("text", color=True).color is True
    assert get_reporter("sarif", github=True).github is True


def test_options_a_format_does_not_take_are_ignored():
    for name in FORMATS:
        assert get_reporter(name, color=True, github=True).name == name


def test_an_unknown_format_names_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown output format 'xml'.*sarif"):
        get_reporter("xml")


def test_importing_the_package_imports_no_format_module():
    code = (
        "import sys, engine.reporters\n"
        "loaded = [m for m in sys.modules if m.startswith('engine.reporters.')]\n"
        "print(','.join(loaded))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert loaded == ""
