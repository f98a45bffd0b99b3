"""Warm latency of the pre-commit hooks, as a developer feels it on `git commit`.

Target (issue 16): a warm run under 0.3 s for `ai-assure` and `ai-assure-validate`,
pre-commit's own overhead included. The script snapshots this checkout (working tree
included) into a throwaway git repository, installs the hooks from it into a fresh
PRE_COMMIT_HOME (the first, slow, one-off install), puts an example system in a team
repository that uses them, runs each hook once to warm the caches, then RUNS times, and
prints the median and worst wall time of:

* `pre-commit run HOOK --all-files` (what `git commit` runs, plus pre-commit's start-up);
* the same with an evidence file edited before each run: the result cache cannot answer, so
  this is a full check (docs/ci.md, "The result cache");
* the bare `ai-assure check` / `ai-assure validate` from the hook's own environment.

    python bench/hook_latency.py [--runs 11] [--example examples/document-search]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import count
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-26"
SYSTEM = "service/ai"  # where the team repository keeps its system


def git_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for git and pre-commit in a throwaway repository: a fixed identity and
    no user or system git configuration (a global core.hooksPath would stop `pre-commit
    install`), with pre-commit's cache under `home`."""
    empty = home / "gitconfig"
    empty.parent.mkdir(parents=True, exist_ok=True)
    empty.touch()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    for who in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{who}_NAME"], env[f"GIT_{who}_EMAIL"] = "ai-assure tests", "tests@example.invalid"
    env.update(
        GIT_CONFIG_GLOBAL=str(empty),
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        **extra,
    )
    return env


def git(*arguments: str, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        ["git", *arguments], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def snapshot_checkout(dest: Path, env: dict[str, str], source: Path = ROOT) -> str:
    """Commit the working tree of `source` (tracked and untracked files, not ignored ones) into
    a new repository at `dest`; return the commit.

    pre-commit installs a hook repository from a commit: `try-repo` commits uncommitted
    changes to tracked files but leaves new files out, so a hook manifest that is not yet
    committed would be missing. The snapshot tests exactly what is on disk.
    """
    listed = git("ls-files", "-z", "-co", "--exclude-standard", cwd=source, env=env)
    dest.mkdir(parents=True)
    for name in filter(None, listed.split("\0")):
        origin = source / name
        if origin.is_file():  # a tracked file deleted in the working tree is left out
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, dest / name)
    git("init", "-q", cwd=dest, env=env)
    git("add", "-A", cwd=dest, env=env)
    git("commit", "-q", "-m", "snapshot of the ai-assure working tree", cwd=dest, env=env)
    return git("rev-parse", "HEAD", cwd=dest, env=env)


def pre_commit_config(repo: Path, rev: str, *args: str) -> str:
    """A team's .pre-commit-config.yaml using both hooks with `args`."""
    arguments = ", ".join(f'"{argument}"' for argument in args)
    return (
        "repos:\n"
        f"  - repo: {repo}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        f"      - {{id: ai-assure-validate, args: [{SYSTEM}]}}\n"
        f"      - {{id: ai-assure, args: [{arguments}]}}\n"
    )


def pre_commit() -> list[str]:
    return [sys.executable, "-m", "pre_commit"]


def timed(
    command: list[str], cwd: Path, env: dict[str, str], before: Callable[[], None] = lambda: None
) -> float:
    before()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return elapsed


def edit_evidence(system: Path) -> Callable[[], None]:
    """A change to one evidence file (a new line in a Markdown document), different each time."""
    document = sorted(system.rglob("*.md"))[0]
    edits = count()
    return lambda: document.write_text(document.read_text() + f"\nEdit {next(edits)}.\n")


def hook_executable(home: Path) -> Path:
    """`ai-assure` inside the virtualenv pre-commit built for the hook repository."""
    found = sorted((home / "pre-commit").glob("repo*/py_env-*/bin/ai-assure"))
    if len(found) != 1:
        sys.exit(f"expected one hook environment under {home}, found {found}")
    return found[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--example", type=Path, default=ROOT / "examples" / "document-search")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ai-assure-hook-bench-") as temporary:
        work = Path(temporary)
        env = git_env(work / "home")
        env.pop("CI", None)  # a developer's machine: the caches are on
        env.pop("AI_ASSURE_NO_CACHE", None)
        env["AI_ASSURE_CACHE_DIR"] = str(work / "cache")
        rev = snapshot_checkout(work / "ai-assure", env)
        team = work / "team"
        shutil.copytree(options.example, team / SYSTEM)
        (team / ".pre-commit-config.yaml").write_text(
            pre_commit_config(work / "ai-assure", rev, "--as-of", AS_OF, SYSTEM)
        )
        git("init", "-q", cwd=team, env=env)
        git("add", "-A", cwd=team, env=env)
        print("installing the hook environment (once)...", flush=True)
        install = timed([*pre_commit(), "install-hooks"], team, env)
        bare = str(hook_executable(work / "home"))
        check_hook = [*pre_commit(), "run", "ai-assure", "--all-files"]
        commands = {
            "pre-commit run ai-assure": check_hook,
            "pre-commit run ai-assure, evidence edited": check_hook,
            "pre-commit run ai-assure-validate": [
                *pre_commit(),
                "run",
                "ai-assure-validate",
                "--all-files",
            ],
            "bare ai-assure check": [bare, "check", "--as-of", AS_OF, SYSTEM],
            "bare ai-assure validate": [bare, "validate", SYSTEM],
        }
        print(f"hook environment installed in {install:.1f} s; runs={options.runs}, warm")
        print(f"{'command':44} {'median s':>9} {'max s':>7}")
        edit = edit_evidence(team / SYSTEM)
        for name, command in commands.items():
            before = edit if name.endswith("edited") else lambda: None
            timed(command, team, env)  # warm: file cache, compiled-policy cache, result cache
            samples = [timed(command, team, env, before) for _ in range(options.runs)]
            print(f"{name:44} {statistics.median(samples):9.3f} {max(samples):7.3f}")
    print("target: pre-commit run ... median < 0.300 s")


if __name__ == "__main__":
    main()
