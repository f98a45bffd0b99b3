"""The `ai-assure` console script: a warm `check` answered from the result cache, else the
command line.

The pre-commit hooks run `check` and `validate` on every commit; when nothing they read has
changed since the last identical run, the kept answer is replayed (`engine.core.result_cache`)
without loading click, the policies or the evaluator. Only a command of one system whose
options change what is computed or printed, and nothing else, is answered so: anything writing
files, keeping records, reaching a server or loading governance policies from elsewhere (a
bundle, a policy folder) runs in full, every time. A team's `--local-rules` are read like
evidence, so their runs are kept too.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from engine.core.result_cache import Entry

#: options of `check` that only choose what is computed and printed, or name what it reads
#: through observed functions (each takes a value)
_CHECK_OPTIONS = frozenset(
    {
        "--format",
        "--fail-on",
        "--as-of",
        "--timeout",
        "--max-memory",
        "--max-file-size",
        "--max-evidence-size",
        "--max-evidence-files",
        "--max-yaml-nodes",
        "--max-yaml-depth",
        "--local-rules",
        "--opa-binary",
    }
)
#: the commands a kept answer may serve, each with the options it may be given
CACHEABLE = {"check": _CHECK_OPTIONS, "validate": frozenset[str]()}
#: set, these make every run a full one: CI, every cache switched off, this one switched off
#: (the compiled-policy cache kept), a GitHub job summary to append to
_UNCACHED_WHEN = ("CI", "AI_ASSURE_NO_CACHE", "AI_ASSURE_NO_RESULT_CACHE", "GITHUB_STEP_SUMMARY")


def run() -> NoReturn:
    """The console script."""
    from engine.core.stdout import replace_closed_streams

    replace_closed_streams()
    argv = sys.argv[1:]
    folder = _results_folder(argv, os.environ)
    if folder is None:
        _run_command_line()
    from engine.core import result_cache

    try:
        key = result_cache.run_key(argv, os.environ)
        kept = result_cache.lookup(folder, key)
    except KeyboardInterrupt:
        _interrupted()
    except Exception:  # a cache that cannot be read is a cache miss, never a failure
        _run_command_line()
    if kept is not None:
        _replay(kept)
    _run_recorded(folder, key)


def cacheable(argv: list[str], environ: Mapping[str, str]) -> bool:
    """Whether this command line may be answered from (and kept in) the result cache: a
    command in `CACHEABLE` with at most one PATH and only its options there, reports to
    stdout alone."""
    allowed = CACHEABLE.get(argv[0]) if argv else None
    if allowed is None or any(environ.get(name) for name in _UNCACHED_WHEN):
        return False
    tokens = iter(argv[1:])
    paths = 0
    for token in tokens:
        if not token.startswith("-"):
            paths += 1
            continue
        name, inline, value = token.partition("=")
        if name not in allowed:
            return False
        if not inline:
            following = next(tokens, None)
            if following is None:
                return False
            value = following
        if name == "--format" and "=" in value:  # a report written to a file
            return False
    return paths <= 1


def _results_folder(argv: list[str], environ: Mapping[str, str]) -> Path | None:
    if not cacheable(argv, environ):
        return None
    from engine.core.cache_store import cache_folder

    return cache_folder("results", environ)


def _run_command_line() -> NoReturn:
    from engine.cli import run as run_command_line

    run_command_line()


def _run_recorded(folder: Path, key: str) -> NoReturn:
    """The full run, recording what it learns and writes; kept when it finished."""
    from engine.cli import run as run_command_line
    from engine.core import result_cache
    from engine.core.observed import recording

    try:
        output = result_cache.capture_output()
    except (OSError, ValueError):  # a stream on no descriptor: nothing to record
        _run_command_line()
    with recording() as observations:
        run_command_line(
            before_exit=lambda code: result_cache.save(
                folder, key, observations, result_cache.Entry(output, code)
            )
        )


def _replay(kept: Entry) -> NoReturn:
    from engine.core import result_cache

    try:
        code = result_cache.replay(kept)
    except KeyboardInterrupt:
        _interrupted()
    except OSError:  # stdout full or gone: the full run meets it too, and says what it meant
        _run_command_line()
    os._exit(code)


def _interrupted() -> NoReturn:
    _say("ai-assure: interrupted by SIGINT: the run did not finish")
    os._exit(2)


def _say(line: str) -> None:
    with contextlib.suppress(OSError):
        os.write(2, (line + "\n").encode())
