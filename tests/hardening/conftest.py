"""Helpers for the hostile-input corpus: a throw-away repository and the real CLI.

Every case copies `examples/document-search` into a temporary folder that is its own
repository (it has a `.git`), mutates it, then runs `ai-assure check` as a subprocess and
measures it: wall time (perf_counter), peak RSS of the command (os.wait4 rusage, taken in a
small launcher, `measured_run.py`, so pytest's own size does not leak into it) and a hard
30 s timeout so a hang fails clearly.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "document-search"
COMMAND = [sys.executable, "-c", "from engine.cli import run; run()"]
LAUNCHER = Path(__file__).with_name("measured_run.py")
TIMEOUT_S = 30.0
MAX_SECONDS = 5.0
MAX_RSS_MB = 300


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float

    def report(self) -> dict[str, Any]:
        return json.loads(self.stdout)

    def findings(self, rule_id: str) -> list[dict[str, Any]]:
        return [f for f in self.report()["findings"] if f["rule_id"] == rule_id]

    def __str__(self) -> str:  # shown when an assertion fails
        return (
            f"exit {self.code} in {self.seconds:.2f} s, {self.peak_rss_mb:.0f} MB\n"
            f"--- stderr ---\n{self.stderr[-3000:]}\n--- stdout ---\n{self.stdout[-3000:]}"
        )


def run_cli(target: Path, *extra: str) -> Result:
    """Run `ai-assure check TARGET --as-of 2026-11-26 --format json` and measure it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [*COMMAND, "check", str(target), "--as-of", "2026-11-26", "--format", "json"]
    with (
        tempfile.TemporaryDirectory() as scratch,
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
    ):
        peak = Path(scratch) / "peak-rss-kib"
        launcher = [sys.executable, str(LAUNCHER), str(peak), "--"]
        start = time.perf_counter()
        process = subprocess.Popen(
            [*launcher, *command, *extra],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
            cwd=target if target.is_dir() else target.parent,
            start_new_session=True,
        )
        try:
            process.wait(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            pytest.fail(f"ai-assure check hung: killed after {TIMEOUT_S:.0f} s")
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return Result(
            code=process.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            seconds=seconds,
            peak_rss_mb=int(peak.read_text()) / 1024,
        )


class System:
    """A copy of the document-search example, its own repository, with a secret beside it."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.repo = base / "repo"
        shutil.copytree(EXAMPLE, self.repo)
        (self.repo / ".git").mkdir()
        self.outside = base / "outside"
        self.outside.mkdir()
        self.secret = f"SENTINEL-{uuid.uuid4().hex}"
        self.secret_file = self.outside / "secret.json"
        self.secret_file.write_text(json.dumps({"secret": self.secret}) + "\n")
        (self.outside / "secret.md").write_text(
            f"---\nsecret: {self.secret}\n---\n# {self.secret}\n"
        )
        (self.outside / "secret.yaml").write_text(f"secret: {self.secret}\n")

    @property
    def manifest(self) -> Path:
        return self.repo / "ai-manifest.yaml"

    def manifest_text(self) -> str:
        return self.manifest.read_text(encoding="utf-8")

    def write_manifest(self, content: str | bytes) -> None:
        if isinstance(content, str):
            content = content.encode("utf-8")
        self.manifest.write_bytes(content)

    def replace(self, old: str, new: str) -> None:
        """Replace `old` (which must occur exactly once) in the manifest."""
        text = self.manifest_text()
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in the manifest"
        self.write_manifest(text.replace(old, new))

    def declare(self, kind: str, *paths: str) -> None:
        """Declare `paths` as evidence of `kind`, replacing what the example declares."""
        listed = "[" + ", ".join(json.dumps(p) for p in paths) + "]"
        text = self.manifest_text()
        lines = text.splitlines(keepends=True)
        start = lines.index("evidence:\n")
        end = start + 1
        while lines[end].startswith("  "):
            end += 1
        entries = {line.split(":", 1)[0].strip(): line for line in lines[start + 1 : end]}
        entries[kind] = f"  {kind}: {listed}\n"
        lines[start + 1 : end] = list(entries.values())
        self.write_manifest("".join(lines))

    def write(self, relative: str, content: str | bytes) -> Path:
        path = self.repo / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    def check(self, *extra: str) -> Result:
        result = run_cli(self.repo, *extra)
        assert_sane(result, self)
        return result

    @staticmethod
    def assert_refused(result: Result, name: str) -> None:
        assert_refused(result, name)

    @staticmethod
    def assert_evidence_rejected(result: Result, name: str, rule_id: str = "EVID-001") -> None:
        assert_evidence_rejected(result, name, rule_id)


def assert_sane(result: Result, system: System | None = None) -> None:
    """What every run must satisfy, whatever the input."""
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream, result
        assert "internal error" not in stream, result
        if system is not None:
            assert system.secret not in stream, f"read outside the repository!\n{result}"
    assert result.code in (0, 1, 2), result
    assert result.seconds < MAX_SECONDS, f"took {result.seconds:.2f} s\n{result}"
    assert result.peak_rss_mb < MAX_RSS_MB, f"peak RSS {result.peak_rss_mb:.0f} MB\n{result}"
    if result.code in (0, 1):
        report = result.report()  # a complete JSON report on stdout
        assert report["verdict"] == ("pass" if result.code == 0 else "fail"), result


def assert_refused(result: Result, name: str) -> None:
    """Exit 2 with a clear `ai-assure: error:` message on stderr naming `name`."""
    assert result.code == 2, result
    errors = [line for line in result.stderr.splitlines() if line.startswith("ai-assure: error:")]
    assert errors, result
    assert any(name in line for line in errors), f"no error names {name!r}\n{result}"


def assert_evidence_rejected(result: Result, name: str, rule_id: str = "EVID-001") -> None:
    """Exit 1 with a failed `rule_id` finding whose message names `name`."""
    assert result.code == 1, result
    failed = [f for f in result.findings(rule_id) if f["status"] == "fail"]
    assert any(name in f["message"] for f in failed), (
        f"no failed {rule_id} names {name!r}\n{result}"
    )


@pytest.fixture
def system(tmp_path: Path) -> System:
    return System(tmp_path)
