"""Governance records: `ai-assure register`, `report atrs|soa|oscal` and `verify-record`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from engine.cli.options import as_of_option, echo_error, format_option, outputs, today, write
from engine.cli.portfolio import store_option
from engine.core.errors import AssuranceError
from engine.render.text import inert


@click.command("verify-record")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--key",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="PEM",
    help="Ed25519 public key the record's signature must verify with.",
)
@click.option(
    "--path",
    "repository",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="Also re-hash every subject (manifest, evidence) under this repository root; "
    "a changed or missing file fails.",
)
@click.option(
    "--allow-unsigned",
    is_flag=True,
    help="Accept a record without a signature (its content is then unauthenticated).",
)
def verify_record(
    file: Path, key: Path | None, repository: Path | None, allow_unsigned: bool
) -> None:
    """Verify an assurance record written by `check --attest`: its signature, its in-toto
    statement and, with --path, the files it names. Exit 0 and one summary line when it
    verifies; exit 2 and the reason on any change or problem.

    \b
    Example:
      ai-assure verify-record record.json --key assurance.pub.pem --path .
    """
    from engine.records.attestation import AttestationError
    from engine.records.attestation import verify_record as verify

    if key is None and not allow_unsigned:
        raise click.UsageError("give --key (the signer's public key), or --allow-unsigned")
    try:
        verified = verify(file, key, allow_unsigned=allow_unsigned, repository=repository)
    except AttestationError as exc:
        raise AttestationError(f"{file}: {exc}") from None
    click.echo(inert(f"{file}: {verified.summary(repository)}"))


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH]...")
@format_option("text, json, csv, markdown, html", "text")
@as_of_option("The date overdue actions are counted on.")
@store_option("Instead of PATHs, read each system's latest report in this store.", required=False)
def register(
    paths: tuple[Path, ...], formats: tuple[str, ...], as_of: dt.date | None, store_url: str | None
) -> None:
    """Write the AI risk register of a portfolio: one row per risk, with its system id,
    sorted by residual score (worst first). Reads manifests only: no evidence, no policies.

    PATH is a manifest, a folder holding ai-manifest.yaml, or a portfolio folder searched
    below for them (.git, node_modules and .venv skipped); default: the current folder. A
    manifest that does not load, or a system id used twice, is an error: the register of
    the rest is still written, and the exit code is 2.

    With --store, the register is read from each system's latest stored report instead
    (docs/portfolio.md).

    \b
    Examples:
      ai-assure register examples/
      ai-assure register portfolio/ --format csv=register.csv --format html=register.html
      ai-assure register --store results.db --format html=register.html
    """
    from contextlib import nullcontext

    from engine.records.register.build import build_register, find_manifests
    from engine.records.register.formats import FORMATS as REGISTER_FORMATS
    from engine.records.register.formats import get_register_format

    specs = outputs(formats, REGISTER_FORMATS, "text")
    if paths and store_url:
        raise click.UsageError("give PATH... or --store, not both")
    if store_url:
        from engine.cli.store import stored_register

        stored = stored_register(store_url, today(as_of))
        for output in specs:
            write(output, get_register_format(output.format).render(stored))
        return
    manifests, problems = find_manifests(paths or (Path("."),))
    progress = (  # on a terminal only: never in a pipe, a file or a CI log
        click.progressbar(manifests, label="Reading manifests", file=sys.stderr)
        if sys.stderr.isatty()
        else nullcontext(manifests)
    )
    with progress as items:
        result = build_register(items, today(as_of), problems)
    for output in specs:
        write(output, get_register_format(output.format).render(result))
    for error in result.errors:
        echo_error(error)
    sys.exit(2 if result.errors else 0)


@click.group()
def report() -> None:
    """Documents made from a system's manifest and evidence (ATRS records, ISO/IEC 42001
    Statements of Applicability, OSCAL for GRC tools)."""


@report.command("atrs")
@click.argument("path", type=click.Path(path_type=Path), default=Path("."))
@format_option("markdown, json", "markdown")
@as_of_option("The date the record is made on (written in it).")
@click.option(
    "--fail-on-unfilled",
    is_flag=True,
    help="Exit 1 when a Tier 1 (summary information) field is unfilled.",
)
def report_atrs(
    path: Path, formats: tuple[str, ...], as_of: dt.date | None, fail_on_unfilled: bool
) -> None:
    """Write the ATRS v4.0 record (Algorithmic Transparency Recording Standard) of the AI
    system at PATH (a folder holding ai-manifest.yaml, or the manifest; default: the current
    folder), to stdout as Markdown unless --format says otherwise, from the manifest,
    the team's own record under evidence.atrs_record and the DPIA and FRIA evidence.

    Every field names its source. Fields with no source are left empty and listed, never
    invented; where the manifest and the record disagree, the manifest's value is kept and
    the conflict listed. Exit 0 when written (the unfilled count goes to stderr), 1 with
    --fail-on-unfilled when Tier 1 is incomplete, 2 when the record cannot be made.

    \b
    Examples:
      ai-assure report atrs examples/probation-risk-assistant
      ai-assure report atrs --format markdown=atrs.md --format json=atrs.json --as-of 2026-11-26
    """
    from engine.records.atrs import FORMATS as ATRS_FORMATS
    from engine.records.atrs import generate, render

    specs = outputs(formats, ATRS_FORMATS, "markdown")
    record = generate(path, today(as_of).isoformat())
    for output in specs:
        write(output, render(record, output.format))
    tier_1 = sum(1 for item in record.unfilled if item.tier == 1)
    total = record.field_count()
    click.echo(
        f"ai-assure: ATRS v{record.standard.version} record for {inert(record.system.id)}:"
        f" {total - len(record.unfilled)} of {total} fields filled, {len(record.unfilled)}"
        f" unfilled ({tier_1} in Tier 1), {len(record.conflicts)} conflicts with the record",
        err=True,
    )
    sys.exit(1 if fail_on_unfilled and tier_1 else 0)


@report.command("soa")
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.option(
    "--report",
    "report_file",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="REPORT.json",
    help="Use this report (from `check --format json=FILE`) instead of assessing PATH.",
)
@format_option("markdown, json, csv", "markdown")
@as_of_option("The date the assessment of PATH uses (not with --report).")
def report_soa(
    path: Path | None, report_file: Path | None, formats: tuple[str, ...], as_of: dt.date | None
) -> None:
    """Write the ISO/IEC 42001 Statement of Applicability of the AI system at PATH (default: .)
    or of a saved --report: every Annex A control, included, excluded or not assessed, its
    status (implemented, not implemented, partially implemented, exception approved) and a
    justification made only from the assessment's results.

    PATH is assessed with the embedded evaluator and the bundled policies. Exit 0 when
    written (counts on stderr), 2 when nothing was assessed or the report is unusable.

    \b
    Examples:
      ai-assure report soa examples/probation-risk-assistant --as-of 2026-11-26
      ai-assure report soa --report report.json --format csv=soa.csv --format markdown=soa.md
    """
    from engine.assessment.run import CheckOptions, run_check
    from engine.policy.catalogue import load_catalogue
    from engine.records.soa import FORMATS as SOA_FORMATS
    from engine.records.soa import build_soa, load_report, render

    if report_file is not None and (path is not None or as_of is not None):
        raise click.UsageError("--report takes a saved assessment: give it without PATH or --as-of")
    specs = outputs(formats, SOA_FORMATS, "markdown")
    if report_file is None:
        assessed = run_check(path or Path("."), CheckOptions(as_of=as_of))
    else:
        assessed = load_report(report_file)
    soa = build_soa(assessed, load_catalogue())
    for output in specs:
        write(output, render(soa, output.format))
    counts = ", ".join(f"{count} {status}" for status, count in soa.summary.items() if count)
    click.echo(
        f"ai-assure: ISO/IEC 42001 Statement of Applicability for {inert(soa.system.id)}:"
        f" {len(soa.controls)} controls: {counts}",
        err=True,
    )


@report.command("oscal")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH]...")
@click.option(
    "--report",
    "report_files",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="REPORT.json",
    help="A report from `check --format json=FILE` to export instead of assessing (repeatable).",
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="The folder to write the OSCAL files into (created if needed).",
)
@as_of_option("The date the assessment of each PATH uses (not with --report).")
def report_oscal(
    paths: tuple[Path, ...], report_files: tuple[Path, ...], output: Path, as_of: dt.date | None
) -> None:
    """Write OSCAL 1.1.3 JSON for auditors and GRC tools: the controls catalogue
    (catalog.json), the rules as the controls they implement (component-definition.json) and,
    per system, its assessment results and its plan of action and milestones (SYSTEM/
    assessment-results.json, SYSTEM/poam.json: failed findings with their remediation,
    waivers and exception requests as deviations, accepted risks).

    Each PATH (a folder holding ai-manifest.yaml, or the manifest) is assessed with the
    embedded evaluator and the bundled policies; or give saved --report files. Exit 0 when
    written (one line per file on stderr), 2 when a system was not assessed (verdict error)
    or a file cannot be written.

    \b
    Examples:
      ai-assure report oscal examples/probation-risk-assistant -o oscal/ --as-of 2026-11-26
      ai-assure report oscal --report a.json --report b.json -o oscal/
    """
    from engine.assessment.run import CheckOptions, run_check
    from engine.core.output import OutputError, write_atomic
    from engine.policy.catalogue import load_catalogue
    from engine.records.soa import load_report

    try:
        from engine.records.oscal import bundled_frameworks, write_oscal
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] != "trestle":
            raise
        raise AssuranceError(
            "report oscal needs compliance-trestle's OSCAL models: pip install 'ai-assure[oscal]'"
        ) from None

    if report_files and (paths or as_of is not None):
        raise click.UsageError("--report takes saved assessments: give it without PATH or --as-of")
    if not report_files and not paths:
        raise click.UsageError("give PATH... to assess, or --report REPORT.json")
    assessed = [load_report(f) for f in report_files] or [
        run_check(path, CheckOptions(as_of=as_of)) for path in paths
    ]
    files = write_oscal(assessed, load_catalogue(), bundled_frameworks())
    for name, text in files.items():
        target = output / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
        click.echo(inert(f"ai-assure: wrote {target} (OSCAL 1.1.3)"), err=True)
