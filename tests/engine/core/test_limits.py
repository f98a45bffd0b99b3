"""Limits: sizes as people write them, one timeout for every evaluator, defaults as documented."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from engine.assessment.run import CheckOptions
from engine.core.limits import (
    PROCESS_HEADROOM_BYTES,
    Limits,
    format_size,
    parse_size,
    process_memory_cap,
)

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("1048576", 1048576),
        ("512K", 512 * 1024),
        ("20M", 20 * 1024**2),
        ("20mb", 20 * 1024**2),
        ("20MiB", 20 * 1024**2),
        ("1G", 1024**3),
    ],
)
def test_sizes_are_read_in_binary_units(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "-1", "1.5M", "20 megabytes", "M", "20T"])
def test_what_is_not_a_size_is_refused(text):
    with pytest.raises(ValueError, match="is not a size"):
        parse_size(text)


@pytest.mark.parametrize("size", [1, 1000, 1024, 20 * 1024**2, 3 * 1024**3, 1536])
def test_sizes_are_shown_in_a_form_that_reads_back(size):
    assert parse_size(format_size(size)) == size


@pytest.mark.parametrize("evaluator", ["embedded", "opa", "opa-server"])
def test_the_timeout_reaches_every_evaluator(evaluator):
    options = CheckOptions(evaluator=evaluator, limits=Limits(timeout_s=2.5))
    assert options.evaluator_options()["timeout"] == 2.5


def test_the_documented_defaults_are_the_defaults():
    text = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(--[a-z-]+)` \| ([^|]+?) \|", text, re.M))
    defaults = Limits()
    assert rows == {
        "--max-file-size": format_size(defaults.max_file_bytes),
        "--max-evidence-size": format_size(defaults.max_evidence_bytes),
        "--max-evidence-files": str(defaults.max_evidence_files),
        "--max-yaml-nodes": f"{defaults.max_yaml_nodes:,}",
        "--max-yaml-depth": str(defaults.max_yaml_depth),
        "--timeout": f"{defaults.timeout_s:g} s",
        "--max-memory": format_size(defaults.max_memory_bytes),
    }


@pytest.mark.skipif(sys.platform == "win32", reason="no data-segment limit on Windows")
def test_the_process_memory_cap_holds_within_its_block_only():
    import resource

    before = resource.getrlimit(resource.RLIMIT_DATA)
    with process_memory_cap(256 * 1024**2):
        soft, _hard = resource.getrlimit(resource.RLIMIT_DATA)
        assert soft == 256 * 1024**2 + PROCESS_HEADROOM_BYTES
        with pytest.raises(MemoryError):
            bytearray(512 * 1024**2)
    assert resource.getrlimit(resource.RLIMIT_DATA) == before
