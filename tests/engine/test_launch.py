"""The console script and its result cache: a warm `check` (or `validate`) answers as the last
identical run did, and only while nothing that run read has changed; whatever changed, the
answer is byte for byte the one a full run gives."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from engine.core.cache_store import keep
from engine.launch import cacheable

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "document-search"
SYSTEM = "service"
CHECK = ["check", "--as-of", "2026-11-26", SYSTEM]

UNCACHED_WHEN = ("CI", "AI_ASSURE_NO_CACHE", "AI_ASSURE_NO_RESULT_CACHE", "GITHUB_STEP_SUMMARY")

Outcome = tuple[int, bytes, bytes]


def ai_assure(args: list[str], cwd: Path, cache: Path, **extra: str) -> Outcome:
    """The console script run in `cwd`, its cache in `cache`, as on a developer's machine."""
    env = {name: value for name, value in os.environ.items() if name not in UNCACHED_WHEN}
    env.update(AI_ASSURE_CACHE_DIR=str(cache), **extra)
    script = cache.parent / "bin" / "ai-assure"  # as pip writes it: its folder leads sys.path
    if not script.exists():
        script.parent.mkdir(parents=True, exist_ok=True)
        script.write_text("from engine.launch import run\n\nrun()\n")
    command = [sys.executable, str(script), *args]
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


def fresh(args: list[str], cwd: Path, cache: Path, **extra: str) -> Outcome:
    """The same command with the cache switched off: a full run."""
    return ai_assure(args, cwd, cache, AI_ASSURE_NO_CACHE="1", **extra)


def kept_entries(cache: Path) -> list[Path]:
    return sorted((cache / "ai-assure" / "results").glob("*.json"))


def doctor(entry: Path, marker: bytes) -> None:
    """Make a kept answer say `marker`: whoever prints it was answered from the cache."""
    kept = json.loads(entry.read_text())
    kept["output"] = [[1, marker.decode("latin-1")]]
    keep(entry.parent, entry.name, json.dumps(kept).encode())


def git(*args: str, cwd: Path) -> None:
    identity = ["-c", "user.name=tests", "-c", "user.email=tests@example.invalid"]
    subprocess.run(["git", *identity, *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A team repository holding the document-search system, its SBOM declared by a glob."""
    repository = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repository / SYSTEM)
    manifest = repository / SYSTEM / "ai-manifest.yaml"
    text = manifest.read_text()
    assert "sbom: [sbom/document-search.cdx.json]" in text
    manifest.write_text(text.replace("[sbom/document-search.cdx.json]", '["sbom/*.json"]'))
    git("init", "-q", cwd=repository)
    git("add", "-A", cwd=repository)
    git("commit", "-q", "-m", "the system", cwd=repository)
    return repository


class TestWhichCommandsAreCached:
    @pytest.mark.parametrize(
        "argv",
        [
            ["check"],
            ["check", "systems/a"],
            ["check", "--as-of", "2026-11-26", "--fail-on", "medium", "systems/a"],
            ["check", "--format=json", "--format", "sarif", "--max-file-size", "1M", "a"],
            ["check", "--local-rules", "rules", "--opa-binary", "/opt/opa", "a"],
            ["validate"],
            ["validate", "systems/a"],
        ],
    )
    def test_a_check_or_validate_of_one_system_printing_to_stdout(self, argv: list[str]) -> None:
        assert cacheable(argv, {})

    @pytest.mark.parametrize(
        "argv",
        [
            [],
            ["classify", "a"],
            ["check", "a", "b"],  # a portfolio
            ["check", "--discover", "systems"],
            ["check", "--format", "sarif=out.sarif", "a"],  # writes a file
            ["check", "--format=junit=out.xml", "a"],
            ["check", "--store", "sqlite:///r.db", "a"],
            ["check", "--attest", "record.json", "a"],
            ["check", "--evaluator", "opa", "a"],
            ["check", "--bundle", "policy.tar.gz", "--bundle-digest", "sha256:00", "a"],
            ["check", "--governance-policies", "policies", "a"],
            ["check", "--help"],
            ["check", "-", "a"],
            ["check", "--as-of"],  # a value missing: click says so
            ["validate", "--format", "json"],
        ],
    )
    def test_anything_else_runs_in_full(self, argv: list[str]) -> None:
        assert not cacheable(argv, {})

    @pytest.mark.parametrize("variable", UNCACHED_WHEN)
    def test_never_in_ci_or_when_switched_off(self, variable: str) -> None:
        assert not cacheable(["check", "a"], {variable: "1"})


class TestWarmRuns:
    def test_a_warm_check_replays_the_kept_answer(self, repo: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        first = ai_assure(CHECK, repo, cache)
        assert first[0] == 0 and b"PASS" in first[1]
        [entry] = kept_entries(cache)
        assert ai_assure(CHECK, repo, cache) == first
        doctor(entry, b"answered from the cache\n")
        assert ai_assure(CHECK, repo, cache) == (0, b"answered from the cache\n", b"")

    def test_a_warm_check_loads_neither_click_nor_the_evaluator(
        self, repo: Path, tmp_path: Path
    ) -> None:
        cache = tmp_path / "cache"
        ai_assure(CHECK, repo, cache)
        env = {name: value for name, value in os.environ.items() if name not in UNCACHED_WHEN}
        env.update(AI_ASSURE_CACHE_DIR=str(cache))
        script = cache.parent / "bin" / "ai-assure"
        command = [sys.executable, "-X", "importtime", str(script), *CHECK]
        done = subprocess.run(command, cwd=repo, env=env, capture_output=True, timeout=120)
        imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.decode().splitlines()}
        assert done.returncode == 0 and "engine.launch" in imported
        assert not imported & {"click", "wasmtime", "yaml", "engine.cli", "engine.assessment"}

    def test_a_file_the_check_does_not_read_keeps_the_answer(
        self, repo: Path, tmp_path: Path
    ) -> None:
        cache = tmp_path / "cache"
        ai_assure(CHECK, repo, cache)
        doctor(kept_entries(cache)[0], b"kept\n")
        (repo / "README.md").write_text("an unrelated change\n")
        (repo / SYSTEM / "docs" / "notes.txt").write_text("not evidence\n")
        assert ai_assure(CHECK, repo, cache)[1] == b"kept\n"

    def test_a_warm_validate_replays_too(self, repo: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        first = ai_assure(["validate", SYSTEM], repo, cache)
        assert first[0] == 0
        doctor(kept_entries(cache)[0], b"kept\n")
        assert ai_assure(["validate", SYSTEM], repo, cache)[1] == b"kept\n"

    @pytest.mark.parametrize(
        "different",
        [
            ["check", "--as-of", "2026-11-27", SYSTEM],
            ["check", "--as-of", "2026-11-26", "--format", "json", SYSTEM],
            ["check", "--as-of", "2026-11-26", f"./{SYSTEM}"],
        ],
    )
    def test_another_command_line_is_another_run(
        self, repo: Path, tmp_path: Path, different: list[str]
    ) -> None:
        cache = tmp_path / "cache"
        ai_assure(CHECK, repo, cache)
        doctor(kept_entries(cache)[0], b"kept\n")
        assert ai_assure(different, repo, cache) == fresh(different, repo, cache)

    def test_another_environment_is_another_run(self, repo: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        ai_assure(CHECK, repo, cache)
        doctor(kept_entries(cache)[0], b"kept\n")
        assert ai_assure(CHECK, repo, cache, AI_ASSURE_OPA="/elsewhere/opa")[1] != b"kept\n"

    def test_a_damaged_entry_is_a_miss(self, repo: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        first = ai_assure(CHECK, repo, cache)
        [entry] = kept_entries(cache)
        entry.write_text(entry.read_text().replace("PASS", "FAIL"))  # its digest no longer fits
        assert ai_assure(CHECK, repo, cache) == first

    def test_an_unreadable_cache_folder_is_a_miss(self, repo: Path, tmp_path: Path) -> None:
        blocked = tmp_path / "a-file"
        blocked.write_text("not a folder")
        assert ai_assure(CHECK, repo, blocked) == fresh(CHECK, repo, blocked)


class TestBrokenStreams:
    """A report that cannot be written is exit 2 with one message, cached or not."""

    def _run(self, shell: str, repo: Path, cache: Path, **extra: str) -> Outcome:
        script = cache.parent / "bin" / "ai-assure"
        ai_assure(CHECK, repo, cache)  # writes the script and keeps an answer
        command = f'"$0" "$1" {" ".join(CHECK)} {shell}'
        env = {name: value for name, value in os.environ.items() if name not in UNCACHED_WHEN}
        env.update(AI_ASSURE_CACHE_DIR=str(cache), **extra)
        done = subprocess.run(
            ["bash", "-c", command, sys.executable, str(script)],
            cwd=repo,
            env=env,
            capture_output=True,
            timeout=120,
        )
        return done.returncode, done.stdout, done.stderr

    @pytest.mark.parametrize("cached", [True, False])
    def test_a_closed_stdout(self, repo: Path, tmp_path: Path, cached: bool) -> None:
        extra = {} if cached else {"AI_ASSURE_NO_CACHE": "1"}
        code, _, stderr = self._run(">&-", repo, tmp_path / "cache", **extra)
        assert code == 2
        assert stderr.startswith(b"ai-assure: error: cannot write the report to stdout: ")
        assert stderr.count(b"\n") == 1

    @pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="no /dev/full here")
    @pytest.mark.parametrize("cached", [True, False])
    def test_a_full_stdout(self, repo: Path, tmp_path: Path, cached: bool) -> None:
        extra = {} if cached else {"AI_ASSURE_NO_CACHE": "1"}
        code, _, stderr = self._run(">/dev/full", repo, tmp_path / "cache", **extra)
        assert code == 2
        assert b"cannot write the report to stdout: No space left on device" in stderr
        assert stderr.count(b"\n") == 1

    def test_a_closed_stderr_still_gates(self, repo: Path, tmp_path: Path) -> None:
        code, stdout, _ = self._run("2>&-", repo, tmp_path / "cache")
        assert code == 0 and b"PASS" in stdout


class TestWhatIsNeverKept:
    def test_an_error_is_found_afresh(self, repo: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        (repo / SYSTEM / "ai-manifest.yaml").write_text("apiVersion: [unclosed\n")
        code, _, stderr = ai_assure(CHECK, repo, cache)
        assert code == 2 and b"ai-manifest.yaml" in stderr
        assert kept_entries(cache) == []

    @pytest.mark.parametrize("variable", ["CI", "AI_ASSURE_NO_CACHE", "AI_ASSURE_NO_RESULT_CACHE"])
    def test_nothing_is_kept_in_ci_or_when_switched_off(
        self, repo: Path, tmp_path: Path, variable: str
    ) -> None:
        cache = tmp_path / "cache"
        ai_assure(CHECK, repo, cache, **{variable: "true"})
        assert kept_entries(cache) == []

    def test_a_report_written_to_a_file_is_not_kept(self, repo: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        ai_assure([*CHECK, "--format", "json=report.json"], repo, cache)
        assert (repo / "report.json").is_file()
        assert kept_entries(cache) == []


def _edit(path: Path, outside: Path) -> None:
    path.write_bytes(path.read_bytes() + b"\nedited: yes\n")


def _delete(path: Path, outside: Path) -> None:
    path.unlink()


def _link_outside(path: Path, outside: Path) -> None:
    outside.mkdir(exist_ok=True)
    moved = outside / path.name
    shutil.copy2(path, moved)
    path.unlink()
    path.symlink_to(moved)


def _hard_link(path: Path, outside: Path) -> None:
    os.link(path, path.with_name("second-name-" + path.name))


def _sibling(path: Path, outside: Path) -> None:
    shutil.copy2(path, path.with_name("another-" + path.name))


def _empty(path: Path, outside: Path) -> None:
    path.write_bytes(b"")


MUTATIONS: dict[str, Callable[[Path, Path], None]] = {
    "edited": _edit,
    "deleted": _delete,
    "symlinked outside the repository": _link_outside,
    "given a second hard link": _hard_link,
    "joined by a sibling": _sibling,
    "emptied": _empty,
}
SYSTEM_FILES = sorted(
    path.relative_to(EXAMPLE).as_posix() for path in EXAMPLE.rglob("*") if path.is_file()
)


class TestAnyChangeIsSeen:
    """Differential: after each change to a file of the system, the cached console script
    answers exactly as a full run does (whether or not the cache could answer)."""

    @pytest.mark.parametrize("mutation", sorted(MUTATIONS))
    def test_a_changed_file_gives_the_full_runs_answer(
        self, repo: Path, tmp_path: Path, mutation: str
    ) -> None:
        cache = tmp_path / "cache"
        pristine, primed = tmp_path / "pristine", tmp_path / "primed"
        shutil.copytree(repo, pristine, symlinks=True)
        ai_assure(CHECK, repo, cache)
        shutil.copytree(cache, primed)
        for name in SYSTEM_FILES:
            MUTATIONS[mutation](repo / SYSTEM / name, tmp_path / "outside")
            assert ai_assure(CHECK, repo, cache) == fresh(CHECK, repo, cache), name
            _restore(pristine, repo)
            _restore(primed, cache)

    def test_a_new_commit_gives_the_full_runs_answer(self, repo: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        ai_assure([*CHECK, "--format", "json"], repo, cache)
        doctor(kept_entries(cache)[0], b"kept\n")
        (repo / "CHANGES.md").write_text("a change\n")
        git("add", "-A", cwd=repo)
        git("commit", "-q", "-m", "another commit", cwd=repo)
        args = [*CHECK, "--format", "json"]
        assert ai_assure(args, repo, cache) == fresh(args, repo, cache)

    def test_a_new_file_a_glob_matches_is_seen(self, repo: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        ai_assure(CHECK, repo, cache)
        doctor(kept_entries(cache)[0], b"kept\n")
        (repo / SYSTEM / "sbom" / "broken.json").write_text("{not json")
        outcome = ai_assure(CHECK, repo, cache)
        assert outcome == fresh(CHECK, repo, cache)
        assert outcome[1] != b"kept\n"


LOCAL_RULE = """# METADATA
# title: Every model names its version
# description: The team pins every model to a version.
# custom:
#   id: TEAM-001
#   severity: high
#   controls: ["ISO42001:A.6.2.7"]
#   remediation: Set models[].version.
package ai_assure_local.rules.team.model_versions

import rego.v1

applicable := true

deny contains {"msg": "the team rule fires", "path": ["models"]} if applicable
"""


def _rule_edited(rules: Path) -> None:
    path = rules / "versions.rego"
    path.write_text(path.read_text().replace('"msg": "the team rule fires"', '"msg": "edited"'))


def _rule_switched_off(rules: Path) -> None:
    path = rules / "versions.rego"
    path.write_text(path.read_text().replace("applicable := true", "applicable := false"))


def _rule_added(rules: Path) -> None:
    text = LOCAL_RULE.replace("TEAM-001", "TEAM-002").replace("model_versions", "second")
    (rules / "nested" / "second.rego").parent.mkdir()
    (rules / "nested" / "second.rego").write_text(text)


def _data_added(rules: Path) -> None:
    (rules / "data.json").write_text('{"threshold": 1}')


def _rules_deleted(rules: Path) -> None:
    shutil.rmtree(rules)


LOCAL_RULE_CHANGES: dict[str, Callable[[Path], None]] = {
    "a rule edited": _rule_edited,
    "a rule switched off": _rule_switched_off,
    "a rule added in a subfolder": _rule_added,
    "a data file added (refused)": _data_added,
    "the folder deleted": _rules_deleted,
}


class TestLocalRules:
    """A team's local rules are read like evidence: a change to them is seen as well."""

    def test_a_changed_local_rule_gives_the_full_runs_answer(
        self, repo: Path, tmp_path: Path, opa_binary: str
    ) -> None:
        (repo / "team-rules").mkdir()
        (repo / "team-rules" / "versions.rego").write_text(LOCAL_RULE)
        args = ["check", "--as-of", "2026-11-26", "--local-rules", "team-rules", SYSTEM]
        cache, pristine, primed = tmp_path / "cache", tmp_path / "pristine", tmp_path / "primed"
        first = ai_assure(args, repo, cache, AI_ASSURE_OPA=opa_binary)
        assert first[0] == 1 and b"TEAM-001" in first[1]
        doctor(kept_entries(cache)[0], b"kept\n")
        assert ai_assure(args, repo, cache, AI_ASSURE_OPA=opa_binary)[1] == b"kept\n"
        shutil.copytree(repo, pristine, symlinks=True)
        shutil.copytree(cache, primed)
        for name, change in LOCAL_RULE_CHANGES.items():
            change(repo / "team-rules")
            cached = ai_assure(args, repo, cache, AI_ASSURE_OPA=opa_binary)
            assert cached == fresh(args, repo, cache, AI_ASSURE_OPA=opa_binary), name
            _restore(pristine, repo)
            _restore(primed, cache)


def _restore(snapshot: Path, target: Path) -> None:
    shutil.rmtree(target)
    shutil.copytree(snapshot, target, symlinks=True)
