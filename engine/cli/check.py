"""`ai-assure check`: assess one system and gate on the result."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from engine.cli.options import as_of_option, echo_error, format_option, outputs, write
from engine.cli.portfolio import (
    check_portfolio,
    is_portfolio,
    open_store,
    portfolio_options,
    record_check,
    refuse_portfolio_options,
    store_option,
)
from engine.core.limits import (
    DEFAULT_MAX_EVIDENCE_BYTES,
    DEFAULT_MAX_EVIDENCE_FILES,
    DEFAULT_MAX_FILE_BYTES,
    DEFAULT_MAX_MEMORY_BYTES,
    DEFAULT_MAX_YAML_DEPTH,
    DEFAULT_MAX_YAML_NODES,
    DEFAULT_TIMEOUT_S,
    Limits,
    format_size,
    parse_size,
    process_memory_cap,
)
from engine.core.vocabulary import FAIL_ON, FailOn
from engine.reporters import FORMATS

if TYPE_CHECKING:
    from engine.assessment.model import Report
    from engine.core.output import OutputError, OutputSpec
    from engine.records.attestation import Attestor


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH]...")
@format_option(", ".join(FORMATS), "text")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="high",
    show_default=True,
    help="Exit 1 when a failed finding has this severity or worse.",
)
@as_of_option("The date all date rules use (staleness, expiry, overdue).")
@click.option(
    "--evaluator",
    type=click.Choice(["embedded", "opa", "opa-server"]),
    default="embedded",
    show_default=True,
    help="Policy evaluator: embedded = OPA's policy compiled to WebAssembly, run in process "
    "(no OPA needed for the bundled library or a bundle from `policy build`); opa = the "
    "`opa eval` binary; opa-server = a running OPA serving the governance bundle.",
)
@click.option(
    "--opa-binary",
    type=click.Path(path_type=Path, dir_okay=False),
    help="OPA binary for --evaluator opa, and for compiling policies that did not ship "
    "compiled (--governance-policies, --local-rules). Default: $AI_ASSURE_OPA, else `opa` "
    "on PATH.",
)
@click.option(
    "--opa-url",
    metavar="URL",
    help="OPA server for --evaluator opa-server, e.g. http://127.0.0.1:8181 "
    "(bearer token from $AI_ASSURE_OPA_TOKEN). It must serve the same bundle revision.",
)
@click.option(
    "--governance-policies",
    "policy_dir",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="Governance policies: evaluate the policy library in DIR instead of the bundled "
    "one (policy authors trying a change; recorded in the report). The embedded evaluator "
    "compiles them with OPA (see --opa-binary). Default: the bundled library.",
)
@click.option(
    "--policy-dir",
    "old_policy_dir",
    type=click.Path(path_type=Path, file_okay=False),
    hidden=True,
)
@click.option(
    "--bundle",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Evaluate this governance policy bundle (tar.gz from `policy build`). "
    "It must verify: give --verify-key and/or --bundle-digest.",
)
@click.option(
    "--verify-key",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="PEM",
    help="Public key the bundle's signature and every file hash must verify with.",
)
@click.option(
    "--bundle-digest",
    metavar="SHA256",
    help="Pin the bundle: its file's sha256 (as `policy build` prints) must equal this.",
)
@click.option(
    "--min-revision",
    type=click.IntRange(min=1),
    metavar="N",
    help="Refuse (exit 2) a bundle whose revision number (`policy build --revision`) is "
    "below N, or that has none: an older, validly signed release cannot be replayed.",
)
@click.option(
    "--allow-unverified",
    is_flag=True,
    help="Evaluate a --bundle with neither key nor digest; the report says `(unverified)`.",
)
@click.option(
    "--local-rules",
    "local_policies",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="The team's own extra rules, added on top of the governance policies (repeatable). "
    "They may add checks under package ai_assure_local.rules.*, never change or switch off "
    "a governance rule.",
)
@click.option(
    "--policies",
    "old_local_policies",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    hidden=True,
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIMEOUT_S,
    show_default=True,
    metavar="SECONDS",
    help="Stop the whole check after this long (exit 2), whichever the evaluator. "
    "Limits are set only on the command line, never by the repository: docs/limits.md.",
)
@click.option(
    "--max-memory",
    default=format_size(DEFAULT_MAX_MEMORY_BYTES),
    show_default=True,
    metavar="SIZE",
    help="Memory the check may use (e.g. 1G, 4G), the evaluator included; beyond it, exit 2.",
)
@click.option(
    "--max-file-size",
    default=format_size(DEFAULT_MAX_FILE_BYTES),
    show_default=True,
    metavar="SIZE",
    help="Largest evidence file read (e.g. 512K, 20M, 1G); a larger one is an EVID-001 finding.",
)
@click.option(
    "--max-evidence-size",
    default=format_size(DEFAULT_MAX_EVIDENCE_BYTES),
    show_default=True,
    metavar="SIZE",
    help="Most evidence read in all, every file together (e.g. 256M); beyond it, exit 2.",
)
@click.option(
    "--max-evidence-files",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_EVIDENCE_FILES,
    show_default=True,
    metavar="N",
    help="Most evidence files one check reads, all declarations and globs together (exit 2).",
)
@click.option(
    "--max-yaml-nodes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_YAML_NODES,
    show_default=True,
    metavar="N",
    help="Most nodes in one YAML document, aliases expanded (alias bombs).",
)
@click.option(
    "--max-yaml-depth",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_YAML_DEPTH,
    show_default=True,
    metavar="N",
    help="Deepest nesting of one YAML document (manifest, evidence, front matter).",
)
@click.option(
    "--attest",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help="Also write an assurance record to FILE: an in-toto statement of the manifest and "
    "evidence digests and the results, in a DSSE envelope. Not written when the verdict is "
    "error. See docs/assurance-record.md.",
)
@click.option(
    "--attest-key",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="PEM",
    help="Ed25519 private key that signs the --attest record (an encrypted key's password "
    "from $AI_ASSURE_ATTEST_KEY_PASSWORD). Without it the record is unsigned.",
)
@portfolio_options
@store_option("Also keep every run in this results store (docs/portfolio.md).", required=False)
def check(
    paths: tuple[Path, ...],
    formats: tuple[str, ...],
    fail_on: FailOn,
    as_of: dt.date | None,
    evaluator: str,
    opa_binary: Path | None,
    opa_url: str | None,
    policy_dir: Path | None,
    old_policy_dir: Path | None,
    bundle: Path | None,
    verify_key: Path | None,
    bundle_digest: str | None,
    min_revision: int | None,
    allow_unverified: bool,
    local_policies: tuple[Path, ...],
    old_local_policies: tuple[Path, ...],
    timeout: float,
    max_memory: str,
    max_file_size: str,
    max_evidence_size: str,
    max_evidence_files: int,
    max_yaml_nodes: int,
    max_yaml_depth: int,
    attest: Path | None,
    attest_key: Path | None,
    discover_dirs: tuple[Path, ...],
    jobs: int,
    reports_dir: Path | None,
    report_formats: tuple[str, ...],
    store_url: str | None,
) -> None:
    """Assess the AI system at PATH (a folder holding ai-manifest.yaml, or the manifest).

    Several PATHs, or --discover DIR, check a portfolio in one run: the policies are loaded
    once, --format writes the portfolio summary and the exit code is the worst verdict.

    Outside CI, a check run again with nothing it reads changed is answered from the result
    cache (docs/ci.md); AI_ASSURE_NO_RESULT_CACHE=1 turns that off.

    \b
    Examples:
      ai-assure check examples/document-search
      ai-assure check --format text --format sarif=results.sarif --format junit=junit.xml
      ai-assure check --as-of 2026-11-26 --fail-on medium --format json
      ai-assure check --bundle policy.tar.gz --verify-key governance.pub.pem \\
          --bundle-digest sha256:... --min-revision 12
      ai-assure check --discover systems/ --jobs 2 --format junit=portfolio.xml
    """
    from engine.assessment.run import EXIT_CODES, CheckOptions, assess_system

    portfolio = is_portfolio(paths, discover_dirs)
    if portfolio and (attest or attest_key):
        raise click.UsageError("--attest records one system: give one PATH")
    if not portfolio:
        refuse_portfolio_options(jobs, reports_dir, report_formats)
    path = paths[0] if paths else Path(".")
    specs = [] if portfolio else outputs(formats, FORMATS, "text")
    policy_dir, local_policies = _old_names(
        policy_dir, old_policy_dir, local_policies, old_local_policies
    )
    _check_bundle_options(
        bundle, policy_dir, verify_key, bundle_digest, allow_unverified, min_revision
    )
    attestor = _attestor(path, attest, attest_key)
    store = open_store(store_url) if store_url else None
    options = CheckOptions(
        as_of=as_of,
        fail_on=fail_on,
        evaluator=evaluator,
        policy_dir=policy_dir,
        opa_binary=opa_binary,
        opa_url=opa_url,
        bundle=bundle,
        verify_key=verify_key,
        bundle_digest=bundle_digest,
        allow_unverified=allow_unverified,
        min_revision=min_revision,
        local_policies=local_policies,
        limits=Limits(
            max_file_bytes=_size(max_file_size, "--max-file-size"),
            max_evidence_files=max_evidence_files,
            max_yaml_nodes=max_yaml_nodes,
            max_yaml_depth=max_yaml_depth,
            timeout_s=timeout,
            max_memory_bytes=_size(max_memory, "--max-memory"),
            max_evidence_bytes=_size(max_evidence_size, "--max-evidence-size"),
        ),
    )
    if portfolio:
        with process_memory_cap(options.limits.max_memory_bytes):
            check_portfolio(
                paths,
                discover_dirs,
                formats,
                options,
                jobs=jobs,
                reports_dir=reports_dir,
                report_formats=report_formats,
                store=store,
            )
    with process_memory_cap(options.limits.max_memory_bytes):
        assessed = assess_system(path, options)
    report = assessed.report
    unwritten = _emit(report, specs)
    if not _errors_already_shown(specs):
        for message in report.errors:
            echo_error(message)
        for finding in (f for f in report.findings if f.status == "error"):
            echo_error(f"{finding.rule_id}: {finding.message}")
    if store is not None:
        record_check(store, path, report, assessed.input)
    if attest is not None and attestor is not None:
        _write_record(attest, attestor, report)
    if unwritten:
        _refuse_unwritten(unwritten, report, EXIT_CODES[report.verdict])
    sys.exit(EXIT_CODES[report.verdict])


def _size(text: str, option: str) -> int:
    try:
        return parse_size(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


def _old_names(
    policy_dir: Path | None,
    old_policy_dir: Path | None,
    local: tuple[Path, ...],
    old_local: tuple[Path, ...],
) -> tuple[Path | None, tuple[Path, ...]]:
    """--policy-dir and --policies, the old names of --governance-policies and --local-rules,
    still work (with a warning), so existing CI runs on."""
    if old_policy_dir is not None:
        if policy_dir is not None:
            raise click.UsageError("--policy-dir is the old name of --governance-policies")
        echo_error("--policy-dir is deprecated: use --governance-policies", kind="warning")
    if old_local:
        echo_error("--policies is deprecated: use --local-rules", kind="warning")
    return policy_dir or old_policy_dir, local + old_local


def _check_bundle_options(
    bundle: Path | None,
    policy_dir: Path | None,
    verify_key: Path | None,
    bundle_digest: str | None,
    allow_unverified: bool,
    min_revision: int | None,
) -> None:
    if bundle is not None and policy_dir is not None:
        raise click.UsageError("--bundle and --governance-policies are alternatives; give one")
    if bundle is None and (verify_key or bundle_digest or allow_unverified or min_revision):
        raise click.UsageError(
            "--verify-key, --bundle-digest, --min-revision and --allow-unverified need --bundle"
        )


def _attestor(path: Path, attest: Path | None, attest_key: Path | None) -> Attestor | None:
    """The record writer, its key loaded before the check: a bad key costs no assessment."""
    if attest_key is not None and attest is None:
        raise click.UsageError("--attest-key needs --attest")
    if attest is None:
        return None
    from engine.records.attestation import AttestationError, Attestor

    try:
        return Attestor.prepare(path, attest_key)
    except AttestationError as exc:
        raise AttestationError(f"--attest-key: {exc}") from None


def _write_record(attest: Path, attestor: Attestor, report: Report) -> None:
    """Record pass and fail alike; an error verdict assessed nothing, so it gets no record."""
    if report.verdict == "error":
        click.echo(f"ai-assure: no assurance record written to {attest}: not assessed", err=True)
        return
    from engine.core.output import OutputError, write_atomic
    from engine.records.attestation import AttestationError

    try:
        write_atomic(attest, attestor.record(report))
    except AttestationError as exc:
        raise AttestationError(f"assurance record: {exc}") from None
    except OSError as exc:
        raise OutputError(f"cannot write {attest}: {exc.strerror or exc}") from None


def _emit(report: Report, specs: list[OutputSpec]) -> list[OutputError]:
    """Every output that can be written is, even after one fails: the failures, in order."""
    from engine.core.output import OutputError
    from engine.reporters import get_reporter

    unwritten: list[OutputError] = []
    for output in specs:
        options = {"color": _wants_color()} if output.format == "text" and not output.file else {}
        try:
            write(output, get_reporter(output.format, **options).render(report))
            if output.format == "github":
                _append_job_summary(report)
        except OutputError as exc:
            unwritten.append(exc)
    return unwritten


def _refuse_unwritten(unwritten: list[OutputError], report: Report, exit_code: int) -> NoReturn:
    """Exit 2 about the outputs, one line each, saying what the assessment itself found: it
    is not lost, and the outputs that could be written were."""
    from engine.core.output import OutputError

    outcome = (
        f"; the assessment itself finished: {report.verdict.upper()} (exit {exit_code} had every "
        "output been written), and every other output was written"
    )
    raise OutputError(*(problem + outcome for error in unwritten for problem in error.problems))


def _errors_already_shown(specs: list[OutputSpec]) -> bool:
    """Whether a report that lists the errors went to stdout and stderr is the same place
    (a terminal, or `2>&1`): then repeating them on stderr would show each one twice."""
    if not any(spec.file is None and spec.format in ("text", "github") for spec in specs):
        return False
    try:
        out, err = os.fstat(sys.stdout.fileno()), os.fstat(sys.stderr.fileno())
    except (OSError, ValueError):
        return False
    return (out.st_dev, out.st_ino) == (err.st_dev, err.st_ino)


def _wants_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _append_job_summary(report: Report) -> None:
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary_path:
        return
    from engine.core.output import OutputError
    from engine.reporters.github import job_summary

    try:
        with open(summary_path, "a", encoding="utf-8") as stream:
            stream.write(job_summary(report))
    except OSError as exc:
        raise OutputError(
            f"cannot append the job summary to {summary_path}: {exc.strerror or exc}"
        ) from None
