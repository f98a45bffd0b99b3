"""The `ai-assure` command line: the group, its one error handler, and `run`, which the
console script (`engine.launch`) calls whenever the result cache cannot answer.

One module per command group (`check`, `classify`, `scaffold`, `manifest`, `catalogue`,
`policy`, `records`), imported only when one of its commands runs; the options several share
are in `options`. The pre-commit hook runs this on every commit, so start-up must stay cheap.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

import click

from engine import __version__
from engine.cli.options import echo_error
from engine.core.errors import AssuranceError
from engine.core.interrupts import Interrupted, signals_interrupt
from engine.core.plugins import load_class
from engine.core.stdout import replace_closed_streams
from engine.core.vocabulary import FAIL_ON

__all__ = ["FAIL_ON", "main", "run"]

#: command name -> "module:command", imported only when that command runs (or for --help)
COMMANDS: dict[str, str] = {
    "check": "engine.cli.check:check",
    "classify": "engine.cli.classify:classify",
    "migrate": "engine.cli.classify:migrate",
    "init": "engine.cli.scaffold:init",
    "validate": "engine.cli.manifest:validate",
    "schema": "engine.cli.manifest:schema",
    "store": "engine.cli.store:store",
    "explain": "engine.cli.catalogue:explain",
    "controls": "engine.cli.catalogue:controls",
    "policy": "engine.cli.policy:policy",
    "portfolio": "engine.cli.store:portfolio",
    "register": "engine.cli.records:register",
    "report": "engine.cli.records:report",
    "verify-record": "engine.cli.records:verify_record",
    "evidence": "engine.cli.evidence:evidence",
}


def fail(problems: list[str]) -> NoReturn:
    """Each problem on stderr, one line each (made inert: see `echo_error`), then exit 2: the
    system could not be assessed."""
    for problem in problems:
        echo_error(problem)
    sys.exit(2)


@contextlib.contextmanager
def error_handler() -> Iterator[None]:
    """The one place errors become exit codes: a refusal (`AssuranceError`) prints its
    problems and exits 2; SIGINT and SIGTERM end the run with exit 2 naming the signal."""
    try:
        with signals_interrupt():
            yield
    except AssuranceError as exc:
        fail(exc.problems)
    except Interrupted as exc:
        click.echo(
            f"ai-assure: interrupted by {exc.signal_name}: the run did not finish; "
            "no report file was left half-written",
            err=True,
        )
        sys.exit(2)


class _Group(click.Group):
    """The top-level group: commands load on first use, and errors go through
    `error_handler`."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        command: click.Command = load_class(COMMANDS, cmd_name, "command")
        return command

    def invoke(self, ctx: click.Context) -> Any:
        with error_handler():
            return super().invoke(ctx)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ai-assure")
def main() -> None:
    """Policy-as-code assurance for AI systems: check an ai-manifest.yaml and its evidence
    against governance rules mapped to ISO/IEC 42001, the NIST AI RMF, the EU AI Act and UK
    requirements.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the system
    could not be assessed (including a run interrupted by SIGINT or SIGTERM).
    """


def run(before_exit: Callable[[int], None] | None = None) -> NoReturn:
    """The command line, as the console script runs it (`engine.launch`): a bug must still
    end in one clear line and exit 2, never in a traceback and never in 0 (the gate fails
    closed). `before_exit` is told the exit code once every output is flushed.

    Start-up objects are frozen out of the garbage collector, and the process ends with
    `os._exit` once its outputs are flushed: tearing down the interpreter's objects one by
    one would cost more than a whole check's evaluation. Nothing of ours needs `atexit`:
    reports are written (and closed) by the commands, child processes are waited for.
    """
    gc.freeze()
    sys.unraisablehook = _note_unraisable
    replace_closed_streams()
    code = _outcome()
    _flush()
    if before_exit is not None:
        with contextlib.suppress(Exception):  # what follows a run never changes its outcome
            before_exit(code)
    os._exit(code)


def _outcome() -> int:
    """Run the command; its exit code."""
    try:
        main()
    except SystemExit as exc:
        return _exit_code(exc.code)
    except MemoryError:  # even the error report did not fit: say so in one line
        echo_error("the check needed more memory than --max-memory allows")
        return 2
    except Exception as exc:  # click handles its own errors and exits before this
        echo_error(f"{type(exc).__name__}: {exc}", kind="internal error")
        return 2
    return 0


def _note_unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    """An exception Python could not raise (in a finaliser, or a generator closed while
    memory ran out): one line, never a traceback. The run's own outcome is reported apart."""
    if unraisable.exc_type is MemoryError:
        return  # the run already ends in "needed more memory than --max-memory allows"
    name, value = unraisable.exc_type.__name__, unraisable.exc_value
    echo_error(f"ignored {name} during cleanup: {value}", kind="warning")


def _exit_code(code: object) -> int:
    """`sys.exit`'s argument as an exit status, as the interpreter would read it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    echo_error(str(code))
    return 1


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
