"""`pip install .` (and so `pip install git+…`) works outside the checkout: the wheel carries
the policies and their compiled form, the controls catalogue and the manifest schema, and a
check needs no OPA."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if build.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{build.stderr}")
    [built] = out.glob("ai_assure-*.whl")
    return built


def test_the_wheel_carries_policies_catalogue_and_schema(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "engine/_assets/policies/main.rego" in names
    assert "engine/_assets/policies/compiled/policy.wasm" in names
    assert "engine/_assets/policies/compiled/build.json" in names
    assert any(n.startswith("engine/_assets/controls_catalogue/") for n in names)
    assert "engine/_assets/schemas/ai-manifest.schema.json" in names
    assert any(n.startswith("adapters/") for n in names)
    assert any(n.endswith(".dist-info/entry_points.txt") for n in names)


def test_the_installed_wheel_checks_an_example_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # no OPA anywhere, and no cache: the shipped compiled policy is all a check needs
    no_opa = {"AI_ASSURE_OPA": str(tmp_path / "no-opa"), "PATH": "/usr/bin:/bin", "CI": "true"}
    env = {**os.environ, "PYTHONPATH": str(target), "NO_COLOR": "1", **no_opa}
    probe = "import engine.policy.sources as p; print(p.__file__); print(p.bundled_policy_dir())"
    where = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        check=True,
    ).stdout.splitlines()
    assert all(line.startswith(str(target)) for line in where), where
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from engine.cli import run; run()",
            "check",
            str(ROOT / "examples" / "document-search"),
            "--as-of",
            "2026-11-26",
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASS" in result.stdout.upper()


def test_the_installed_wheel_migrates_a_store_with_its_own_migrations(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
         str(wheel)],
        check=True,
        timeout=300,
    )  # fmt: skip
    shipped = zipfile.ZipFile(wheel).namelist()
    versions = sorted(
        Path(name).name[:4] for name in shipped
        if name.startswith("engine/store/migrations/versions/0") and name.endswith(".py")
    )  # fmt: skip
    assert versions[:1] == ["0001"], shipped  # the first revision, and every one after it
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = "import engine.store as s; print(s.MIGRATIONS)"
    migrations = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=elsewhere, env=env,
        check=True,
    ).stdout.strip()  # fmt: skip
    assert migrations.startswith(str(target))
    result = subprocess.run(
        [sys.executable, "-c", "from engine.cli import run; run()", "store", "upgrade",
         "--store", str(tmp_path / "results.db")],
        capture_output=True, text=True, cwd=elsewhere, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(f"schema at revision {versions[-1]}\n")
