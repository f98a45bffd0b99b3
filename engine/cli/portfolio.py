"""`check PATH...` and `check --discover DIR`: many systems in one run; and `check --store`.

The options live here so `check` gains them with decorators; `check` hands over to
`check_portfolio` when more than one system is named (or --discover is given). One PATH
without --discover stays the single-system check it always was. The store's own commands
are in `engine.cli.store`, imported only when one of them runs.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from engine.cli.options import echo_error, outputs, write

if TYPE_CHECKING:
    from engine.assessment.model import Report
    from engine.assessment.run import CheckOptions, SystemInput
    from engine.core.output import OutputSpec
    from engine.portfolio.model import PortfolioCheck, SystemSummary
    from engine.portfolio.run import Outcome, Target
    from engine.portfolio.spool import Spool
    from engine.store import Store

_Command = TypeVar("_Command", bound=Callable[..., Any])

#: the file name ending of each per-system report format in --reports-dir
REPORT_SUFFIXES = {
    "text": ".txt",
    "json": ".json",
    "junit": ".junit.xml",
    "sarif": ".sarif",
    "sarif-github": ".github.sarif",
    "gitlab": ".gitlab.json",
    "html": ".html",
}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
STORE_ENV = "AI_ASSURE_STORE"


def portfolio_options(command: _Command) -> _Command:
    """The options of a portfolio run, added to `check`."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


_OPTIONS = (
    click.option(
        "--discover",
        "discover_dirs",
        multiple=True,
        type=click.Path(path_type=Path, file_okay=False),
        metavar="DIR",
        help="Check every ai-manifest.yaml below DIR (repeatable), skipping what .gitignore "
        "files exclude; symlinks are never followed. A portfolio run: --format then writes "
        "the portfolio summary (text, json, junit, sarif).",
    ),
    click.option(
        "--jobs",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        metavar="N",
        help="Check N systems at a time in a portfolio run (worker processes).",
    ),
    click.option(
        "--reports-dir",
        type=click.Path(path_type=Path, file_okay=False),
        metavar="DIR",
        help="In a portfolio run, also write each system's own report to DIR/<system id>.<ext> "
        "in every --reports-format.",
    ),
    click.option(
        "--reports-format",
        "report_formats",
        multiple=True,
        type=click.Choice(tuple(REPORT_SUFFIXES)),
        help="Format of the per-system reports in --reports-dir (repeatable). Default: json.",
    ),
)


def store_option(help_text: str, *, required: bool) -> Callable[[_Command], _Command]:
    """`--store URL` (or $AI_ASSURE_STORE)."""
    return click.option(
        "--store",
        "store_url",
        envvar=STORE_ENV if required else None,
        required=required,
        metavar="URL",
        help=help_text
        + " sqlite:///FILE (or just FILE) or postgresql+psycopg://USER@HOST/DB"
        + (f"; default ${STORE_ENV}." if required else "."),
    )


def open_store(url: str) -> Store:
    """The store at `url`, its schema brought up to date (`StoreError` on any problem)."""
    from engine.store import Store

    return Store(url)


def record_check(
    store: Store, target: Path, report: Report, system_input: SystemInput | None
) -> None:
    """Keep one `check` run, with the commit of the system's repository and the input
    document it evaluated (so `policy impact --store` can evaluate it again)."""
    store.add(report, source="check", commit=system_commit(target), system_input=system_input)


def system_commit(target: Path) -> str | None:
    """HEAD's commit in the repository holding the system at `target`, when there is one."""
    from engine.core.files import find_repository_root, git_commit

    folder = target if target.is_dir() else target.parent
    try:
        return git_commit(find_repository_root(folder.resolve()))
    except (OSError, RuntimeError):
        return None


def is_portfolio(paths: tuple[Path, ...], discover_dirs: tuple[Path, ...]) -> bool:
    return len(paths) > 1 or bool(discover_dirs)


def refuse_portfolio_options(jobs: int, reports_dir: Path | None, formats: tuple[str, ...]) -> None:
    """A single-system check takes none of the portfolio run's options."""
    if jobs != 1 or reports_dir is not None or formats:
        raise click.UsageError(
            "--jobs, --reports-dir and --reports-format apply to a portfolio run "
            "(several PATHs or --discover)"
        )


def check_portfolio(
    paths: tuple[Path, ...],
    discover_dirs: tuple[Path, ...],
    formats: tuple[str, ...],
    options: CheckOptions,
    *,
    jobs: int,
    reports_dir: Path | None,
    report_formats: tuple[str, ...],
    store: Store | None = None,
) -> NoReturn:
    """Check every system, write the summary in each --format, exit with the worst verdict."""
    from engine.assessment.run import EXIT_CODES
    from engine.portfolio.formats import SUMMARY_FORMATS, get_portfolio_format
    from engine.portfolio.run import Plan, assess, fixed_date

    specs = outputs(formats, SUMMARY_FORMATS, "text")
    if reports_dir is None and report_formats:
        raise click.UsageError("--reports-format needs --reports-dir")
    targets, problems = _targets(paths, discover_dirs)
    options = fixed_date(options)
    writer = _ReportWriter(reports_dir, report_formats or ("json",))
    summary_names = tuple(dict.fromkeys(spec.format for spec in specs))
    kept = ("json",) if store is not None else ()
    plan = Plan(
        reports=tuple(dict.fromkeys((*writer.formats, *kept))),
        parts=summary_names,
        inputs=store is not None,
    )
    systems: list[SystemSummary] = []
    with contextlib.ExitStack() as cleanup:
        parts = {name: _spool(cleanup) for name in summary_names}
        with _progress(len(targets)) as advance:
            for outcome in assess(targets, options, plan, jobs):
                systems.append(replace(outcome.summary, report_name=writer.write(outcome)))
                if store is not None:
                    _keep_run(store, outcome)
                for name, part in outcome.parts.items():
                    parts[name].append(part)
                advance()
        portfolio = _portfolio(options, systems, problems)
        for spec in specs:
            _write_chunks(
                spec, get_portfolio_format(spec.format).render(portfolio, parts[spec.format])
            )
    _echo_errors(portfolio)
    sys.exit(EXIT_CODES[portfolio.verdict])


def _targets(
    paths: tuple[Path, ...], discover_dirs: tuple[Path, ...]
) -> tuple[list[Target], list[str]]:
    """The systems to check, each once (by manifest), sorted by the path shown."""
    from engine.portfolio.discover import discover
    from engine.portfolio.run import Target

    found = [Target(path.as_posix(), path) for path in paths]
    problems: list[str] = []
    for directory in discover_dirs:
        discovery = discover(directory)
        problems.extend(discovery.problems)
        if not discovery.manifests:
            problems.append(f"{directory}: no ai-manifest.yaml found below it")
        found += [Target(m.parent.as_posix(), m) for m in discovery.manifests]
    unique: dict[Path, Target] = {}
    for target in found:
        unique.setdefault(_identity(target.path), target)
    return sorted(unique.values(), key=lambda t: (t.shown, str(t.path))), problems


def _identity(path: Path) -> Path:
    """The manifest a PATH names, resolved, so one system named twice is checked once."""
    from engine.manifest import MANIFEST_NAME

    candidate = path / MANIFEST_NAME if path.is_dir() else path
    try:
        return candidate.resolve()
    except (OSError, RuntimeError):  # a symlink loop: the check will say so
        return candidate


def _spool(cleanup: contextlib.ExitStack) -> Spool:
    from engine.portfolio.spool import Spool

    spool = Spool()
    cleanup.callback(spool.close)
    return spool


def _write_chunks(output: OutputSpec, chunks: Iterator[str]) -> None:
    """`write` for a summary made of chunks: never held whole in memory."""
    from engine.core.output import OutputError, write_atomic_chunks

    try:
        if output.file is None:
            for chunk in chunks:
                click.echo(chunk, nl=False)
        else:
            write_atomic_chunks(output.file, chunks)
    except OSError as exc:
        raise OutputError(f"cannot write {output.file}: {exc.strerror or exc}") from None


def _keep_run(store: Store, outcome: Outcome) -> None:
    from engine.assessment.model import parse_report_json

    report = parse_report_json(outcome.reports["json"])
    record_check(store, outcome.target.path, report, outcome.input)


class _ReportWriter:
    """Each system's reports in --reports-dir, named by system id (made safe, and unique)."""

    def __init__(self, directory: Path | None, formats: tuple[str, ...]) -> None:
        self.directory = directory
        self.formats = formats if directory is not None else ()
        self.taken: set[str] = set()
        if directory is not None:
            try:
                directory.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                from engine.core.output import OutputError

                raise OutputError(f"--reports-dir {directory}: {exc.strerror or exc}") from None

    def write(self, outcome: Outcome) -> str:
        """The system's reports written; the file stem they share ("" when none)."""
        if self.directory is None:
            return ""
        from engine.core.output import OutputSpec

        name = self._name(outcome.summary.id)
        for format_name in self.formats:
            path = self.directory / (name + REPORT_SUFFIXES[format_name])
            write(OutputSpec(format_name, path), outcome.reports[format_name])
        return name

    def _name(self, system_id: str) -> str:
        stem = _UNSAFE.sub("_", system_id).lstrip(".") or "system"
        name, number = stem, 1
        while name in self.taken:
            number += 1
            name = f"{stem}-{number}"
        self.taken.add(name)
        return name


def _portfolio(
    options: CheckOptions, systems: list[SystemSummary], problems: list[str]
) -> PortfolioCheck:
    from engine.portfolio.model import PortfolioCheck, duplicate_ids

    frozen = tuple(systems)
    errors = (*problems, *duplicate_ids(frozen))
    return PortfolioCheck(options.as_of_date.isoformat(), options.fail_on, frozen, errors)


def _echo_errors(portfolio: PortfolioCheck) -> None:
    for problem in portfolio.errors:
        echo_error(problem)
    for system in portfolio.systems:
        for message in system.errors:
            echo_error(f"{system.path}: {message}")


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal; nothing otherwise (CI logs)."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    with click.progressbar(length=total, label="checking", file=sys.stderr) as bar:
        yield lambda: bar.update(1)
