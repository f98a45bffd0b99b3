"""The `ai-assure` command line. Heavy modules are imported inside commands: the pre-commit
hook runs this on every commit, so start-up must stay cheap."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from engine import __version__
from engine.interrupts import exit_on_interrupt
from engine.limits import (
    DEFAULT_MAX_EVIDENCE_FILES,
    DEFAULT_MAX_FILE_BYTES,
    DEFAULT_MAX_MEMORY_BYTES,
    DEFAULT_MAX_YAML_DEPTH,
    DEFAULT_MAX_YAML_NODES,
    DEFAULT_TIMEOUT_S,
    Limits,
    format_size,
    parse_size,
)
from engine.reporters import FORMATS

if TYPE_CHECKING:
    from engine.output import OutputSpec

FAIL_ON = ("critical", "high", "medium", "low", "info", "never")


def _fail(message: str) -> None:
    """One clear message on stderr and exit 2: the system could not be assessed."""
    click.echo(f"ai-assure: error: {message}", err=True)
    sys.exit(2)


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _format_option(formats: str, default: str):  # type: ignore[no-untyped-def]
    """`--format FMT[=FILE]`, repeatable: each output to stdout or to FILE."""
    return click.option(
        "--format",
        "formats",
        multiple=True,
        metavar="FMT[=FILE]",
        help=f"Output format, repeatable, to stdout or FILE. FMT: {formats}. Default: {default}.",
    )


def _as_of_option(what: str):  # type: ignore[no-untyped-def]
    """`--as-of YYYY-MM-DD`; `what` says what the date is used for."""
    return click.option(
        "--as-of",
        callback=_parse_date,
        metavar="YYYY-MM-DD",
        help=f"{what} Default: today (UTC).",
    )


def _today(as_of: dt.date | None) -> dt.date:
    return as_of or dt.datetime.now(dt.timezone.utc).date()


def _outputs(formats: tuple[str, ...], known: tuple[str, ...], default: str) -> list[OutputSpec]:
    """The `--format` specs, checked against the `known` formats."""
    from engine.output import parse_output_spec

    try:
        return [parse_output_spec(spec, known) for spec in formats or (default,)]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from None


def _write(output: OutputSpec, text: str) -> None:
    """`text` to stdout, or all of it to the output's file (exit 2 when it cannot be written)."""
    from engine.output import write_atomic

    try:
        if output.file is None:
            click.echo(text, nl=not text.endswith("\n"))
        else:
            write_atomic(output.file, text)
    except OSError as exc:
        _fail(f"cannot write {output.file}: {exc.strerror or exc}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ai-assure")
def main() -> None:
    """Policy-as-code assurance for AI systems: check an ai-manifest.yaml and its evidence
    against governance rules mapped to ISO/IEC 42001, the NIST AI RMF, the EU AI Act and UK
    requirements.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the system
    could not be assessed (including a run interrupted by SIGINT or SIGTERM).
    """


@main.command()
@exit_on_interrupt
@click.argument("path", type=click.Path(path_type=Path), default=Path("."))
@_format_option(", ".join(FORMATS), "text")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="high",
    show_default=True,
    help="Exit 1 when a failed finding has this severity or worse.",
)
@_as_of_option("The date all date rules use (staleness, expiry, overdue).")
@click.option(
    "--evaluator",
    type=click.Choice(["embedded", "opa", "opa-server"]),
    default="embedded",
    show_default=True,
    help="Policy evaluator: embedded = regopy (rego-cpp) in process, no OPA needed; "
    "opa = the `opa eval` binary; opa-server = a running OPA serving the governance bundle.",
)
@click.option(
    "--opa-binary",
    type=click.Path(path_type=Path, dir_okay=False),
    help="OPA binary for --evaluator opa. Default: $AI_ASSURE_OPA, else `opa` on PATH.",
)
@click.option(
    "--opa-url",
    metavar="URL",
    help="OPA server for --evaluator opa-server, e.g. http://127.0.0.1:8181 "
    "(bearer token from $AI_ASSURE_OPA_TOKEN). It must serve the same bundle revision.",
)
@click.option(
    "--policy-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Evaluate the policies in this folder instead of the bundled library "
    "(for policy authors; recorded in the report).",
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
    "--allow-unverified",
    is_flag=True,
    help="Evaluate a --bundle with neither key nor digest; the report says `(unverified)`.",
)
@click.option(
    "--policies",
    "local_policies",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="Repository-local extra rules (repeatable). They may add checks under "
    "package ai_assure_local.rules.*, never change or switch off a governance rule.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIMEOUT_S,
    show_default=True,
    metavar="SECONDS",
    help="Stop policy evaluation after this long (exit 2), whichever the evaluator. "
    "Limits are set only on the command line, never by the repository: docs/limits.md.",
)
@click.option(
    "--max-memory",
    default=format_size(DEFAULT_MAX_MEMORY_BYTES),
    show_default=True,
    metavar="SIZE",
    help="Address space the embedded evaluator may use (e.g. 1G, 4G); beyond it, exit 2.",
)
@click.option(
    "--max-file-size",
    default=format_size(DEFAULT_MAX_FILE_BYTES),
    show_default=True,
    metavar="SIZE",
    help="Largest evidence file read (e.g. 512K, 20M, 1G); a larger one is an EVID-001 finding.",
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
def check(
    path: Path,
    formats: tuple[str, ...],
    fail_on: str,
    as_of: dt.date | None,
    evaluator: str,
    opa_binary: Path | None,
    opa_url: str | None,
    policy_dir: Path | None,
    bundle: Path | None,
    verify_key: Path | None,
    bundle_digest: str | None,
    allow_unverified: bool,
    local_policies: tuple[Path, ...],
    timeout: float,
    max_memory: str,
    max_file_size: str,
    max_evidence_files: int,
    max_yaml_nodes: int,
    max_yaml_depth: int,
    attest: Path | None,
    attest_key: Path | None,
) -> None:
    """Assess the AI system at PATH (a folder holding ai-manifest.yaml, or the manifest).

    \b
    Examples:
      ai-assure check examples/document-search
      ai-assure check --format text --format sarif=results.sarif --format junit=junit.xml
      ai-assure check --as-of 2026-11-26 --fail-on medium --format json
      ai-assure check --bundle policy.tar.gz --verify-key governance.pub.pem
    """
    from engine.check import EXIT_CODES, CheckOptions, run_check

    outputs = _outputs(formats, FORMATS, "text")
    _check_bundle_options(bundle, policy_dir, verify_key, bundle_digest, allow_unverified)
    attestor = _attestor(path, attest, attest_key)
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
        local_policies=local_policies,
        limits=_limits(
            timeout, max_file_size, max_evidence_files, max_yaml_nodes, max_yaml_depth, max_memory
        ),
    )
    report = run_check(path, options)
    _emit(report, outputs)
    for message in report.errors:
        click.echo(f"ai-assure: error: {message}", err=True)
    for finding in (f for f in report.findings if f.status == "error"):
        click.echo(f"ai-assure: error: {finding.rule_id}: {finding.message}", err=True)
    if attest is not None:
        _write_record(attest, attestor, report)
    sys.exit(EXIT_CODES[report.verdict])


def _limits(
    timeout: float,
    max_file_size: str,
    max_files: int,
    max_nodes: int,
    max_depth: int,
    max_memory: str,
) -> Limits:
    """The limits given on the command line (and only there: see engine.limits)."""
    return Limits(
        _size(max_file_size, "--max-file-size"),
        max_files,
        max_nodes,
        max_depth,
        timeout,
        _size(max_memory, "--max-memory"),
    )


def _size(text: str, option: str) -> int:
    try:
        return parse_size(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


def _check_bundle_options(
    bundle: Path | None,
    policy_dir: Path | None,
    verify_key: Path | None,
    bundle_digest: str | None,
    allow_unverified: bool,
) -> None:
    if bundle is not None and policy_dir is not None:
        raise click.UsageError("--bundle and --policy-dir are alternatives; give one")
    if bundle is None and (verify_key or bundle_digest or allow_unverified):
        raise click.UsageError("--verify-key, --bundle-digest and --allow-unverified need --bundle")


def _attestor(path: Path, attest: Path | None, attest_key: Path | None):  # type: ignore[no-untyped-def]
    """The record writer, its key loaded before the check: a bad key costs no assessment."""
    if attest_key is not None and attest is None:
        raise click.UsageError("--attest-key needs --attest")
    if attest is None:
        return None
    from engine.attestation import AttestationError, Attestor

    try:
        return Attestor.prepare(path, attest_key)
    except AttestationError as exc:
        _fail(f"--attest-key: {exc}")


def _write_record(attest: Path, attestor, report) -> None:  # type: ignore[no-untyped-def]
    """Record pass and fail alike; an error verdict assessed nothing, so it gets no record."""
    if report.verdict == "error":
        click.echo(f"ai-assure: no assurance record written to {attest}: not assessed", err=True)
        return
    from engine.attestation import AttestationError
    from engine.output import write_atomic

    try:
        write_atomic(attest, attestor.record(report))
    except AttestationError as exc:
        _fail(f"assurance record: {exc}")
    except OSError as exc:
        _fail(f"cannot write {attest}: {exc.strerror or exc}")


def _emit(report, outputs) -> None:  # type: ignore[no-untyped-def]
    from engine.reporters import get_reporter

    for output in outputs:
        options = {"color": _wants_color()} if output.format == "text" and not output.file else {}
        _write(output, get_reporter(output.format, **options).render(report))
        if output.format == "github":
            _append_job_summary(report)


def _stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def _wants_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _append_job_summary(report) -> None:  # type: ignore[no-untyped-def]
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary_path:
        return
    from engine.reporters.github import job_summary

    try:
        with open(summary_path, "a", encoding="utf-8") as stream:
            stream.write(job_summary(report))
    except OSError as exc:
        _fail(f"cannot append the job summary to {summary_path}: {exc.strerror or exc}")


@main.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."))
@click.option("--non-interactive", is_flag=True, help="Ask nothing: take flags and defaults.")
@click.option("--id", "system_id", help="Manifest id (default: from the folder name).")
@click.option("--name", help="The system's name (default: from the id).")
@click.option("--team", default="", help="Owning team.")
@click.option("--sro", default="", help="Senior responsible owner.")
@click.option("--contact", default="", help="Team contact (an email address).")
@click.option(
    "--deployment",
    type=click.Choice(["internal", "public-facing"]),
    default="internal",
    show_default=True,
)
@click.option(
    "--decision-role",
    type=click.Choice(
        [
            "decision-support",
            "automated-decision",
            "content-generation",
            "information-retrieval",
            "other",
        ]
    ),
    default="decision-support",
    show_default=True,
)
@click.option("--personal-data/--no-personal-data", default=False, show_default=True)
@click.option("--ci", type=click.Choice(["github", "gitlab"]), help="Also add this CI's file.")
@click.option("--pre-commit", "pre_commit", is_flag=True, help="Also add .pre-commit-config.yaml.")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def init(
    folder: Path,
    non_interactive: bool,
    system_id: str | None,
    name: str | None,
    team: str,
    sro: str,
    contact: str,
    deployment: str,
    decision_role: str,
    personal_data: bool,
    ci: str | None,
    pre_commit: bool,
    force: bool,
) -> None:
    """Scaffold a commented ai-manifest.yaml in FOLDER (default: here), with its JSON Schema
    for editors, and optionally CI and pre-commit files. Asks a few questions on a terminal;
    --non-interactive takes flags and sensible defaults. Never overwrites without --force.

    \b
    Example:
      ai-assure init --non-interactive --team "Risk Tools" --ci github --pre-commit
    """
    from engine.scaffold import (
        Answers,
        ScaffoldError,
        integration_files,
        manifest_files,
        slug,
        write_scaffold,
    )

    ask = not non_interactive and _stdin_is_terminal()
    system_id = slug(system_id or folder.resolve().name)
    if ask:
        system_id = slug(click.prompt("System id", default=system_id))
        name = click.prompt("System name", default=name or system_id.replace("-", " ").title())
        team = click.prompt("Owning team", default=team or "", show_default=False)
        contact = click.prompt("Team contact email", default=contact or "", show_default=False)
        deployment = click.prompt(
            "Deployment", type=click.Choice(["internal", "public-facing"]), default=deployment
        )
        personal_data = click.confirm("Does it process personal data?", default=personal_data)
    answers = Answers(
        system_id=system_id,
        system_name=name or system_id.replace("-", " ").title(),
        team=team,
        sro=sro,
        contact=contact,
        deployment=deployment,
        decision_role=decision_role,
        personal_data=personal_data,
    )
    files = {**manifest_files(answers), **integration_files(ci, pre_commit)}
    try:
        written = write_scaffold(folder, files, force)
    except ScaffoldError as exc:
        _fail(str(exc))
    for path in written:
        click.echo(f"wrote {folder / path}")
    click.echo("next: fill in the manifest, then `ai-assure validate` and `ai-assure check`")


@main.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("."))
def validate(path: Path) -> None:
    """Validate the manifest at PATH against the schema (fast; no evidence, no policies).

    Problems are printed as `ai-manifest.yaml:LINE: field.path: what is wrong`.
    """
    from engine.manifest import ManifestError, load_manifest, locate_manifest

    try:
        manifest_path = locate_manifest(path)
        loaded = load_manifest(manifest_path)
    except ManifestError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        sys.exit(2)
    click.echo(f"{loaded.display_path}: valid ({loaded.model.metadata.id})")


@main.command()
@click.option("--report", "of_report", is_flag=True, help="The JSON report's schema instead.")
def schema(of_report: bool) -> None:
    """Print the JSON Schema of ai-manifest.yaml (for editors' yaml-language-server), or with
    --report that of the JSON report (`check --format json`)."""
    if of_report:
        from engine.report import report_schema_json

        click.echo(report_schema_json(), nl=False)
        return
    from engine.manifest.schema import manifest_schema_json

    click.echo(manifest_schema_json(), nl=False)


@main.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Explain a rule: what it checks, why, the controls it maps to and how to fix it."""
    from engine.catalogue import load_catalogue
    from engine.policies import load_policies

    rule = load_policies().rule(rule_id.upper())
    if rule is None:
        _fail(f"no rule {rule_id!r}; `ai-assure policy list` shows them all")
    catalogue = load_catalogue()
    click.echo(f"{rule.id}: {rule.title}\nseverity: {rule.severity}\npackage: {rule.package}\n")
    if rule.description:
        click.echo(rule.description + "\n")
    click.echo("controls:")
    for control_id in rule.controls:
        control = catalogue.get(control_id)
        click.echo(f"  {control_id}  {control.title if control else '(not in the catalogue)'}")
    click.echo(f"\nfix: {rule.remediation}")
    for ref in rule.related_resources:
        click.echo(f"see: {ref}")


@main.command()
@click.option("--framework", help="Only this framework (e.g. ISO42001, NIST-AI-RMF, EU-AI-ACT).")
def controls(framework: str | None) -> None:
    """List the controls catalogue and the rules that assess each control."""
    from engine.catalogue import load_catalogue
    from engine.policies import load_policies

    covering: dict[str, list[str]] = {}
    for rule in load_policies().rules:
        for control_id in rule.controls:
            covering.setdefault(control_id, []).append(rule.id)
    for control in load_catalogue().values():
        if framework and control.framework != framework:
            continue
        rules = ", ".join(covering.get(control.id, [])) or "-"
        click.echo(f"{control.id}\t{control.title}\t{rules}")


@main.group()
def policy() -> None:
    """Work with the Rego policy library."""


@policy.command("list")
@click.option(
    "--policy-dir", type=click.Path(path_type=Path, file_okay=False), help="Default: bundled."
)
def policy_list(policy_dir: Path | None) -> None:
    """List every rule: id, severity, title and controls."""
    from engine.policies import PolicyError, load_policies

    try:
        policies = load_policies(policy_dir)
    except PolicyError as exc:
        _fail(str(exc))
    for rule in policies.rules:
        click.echo(f"{rule.id}\t{rule.severity}\t{rule.title}\t{' '.join(rule.controls)}")


@policy.command("build")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The bundle to write (tar.gz).",
)
@click.option(
    "--policy-dir", type=click.Path(path_type=Path, file_okay=False), help="Default: bundled."
)
@click.option(
    "--signing-key",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="PEM",
    help="Unencrypted RSA (RS256) or EC P-256 (ES256) private key to sign the bundle with.",
)
@click.option("--key-id", help="Key id recorded in the signature (the JWT `kid` header).")
@click.option("--revision", help="Bundle revision. Default: <ai-assure version>+<git commit>.")
@exit_on_interrupt
def policy_build(
    output: Path,
    policy_dir: Path | None,
    signing_key: Path | None,
    key_id: str | None,
    revision: str | None,
) -> None:
    """Build an OPA bundle of the policies (tests left out), signed with --signing-key.

    \b
    Example:
      ai-assure policy build -o policy.tar.gz --signing-key governance.pem
      opa run --server --bundle policy.tar.gz --verification-key governance.pub.pem
    """
    from engine.bundles import build_bundle
    from engine.policies import PolicyError, bundled_policy_dir

    if key_id and not signing_key:
        raise click.UsageError("--key-id needs --signing-key")
    try:
        source = policy_dir or bundled_policy_dir()
        built = build_bundle(source, output, revision, signing_key, key_id)
    except PolicyError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    signed = f"signed {built.algorithm}" if built.algorithm else "UNSIGNED"
    click.echo(f"{built.path}: revision {built.revision}, {len(built.files)} files, {signed}")
    click.echo(f"digest {built.digest}")


@policy.command("test")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), required=False)
@click.option("-v", "--verbose", is_flag=True, help="List every test, not only failures.")
def policy_test(directory: Path | None, verbose: bool) -> None:
    """Run the Rego unit tests (`test_*` rules in *_test.rego) with the embedded evaluator."""
    from engine.policies import PolicyError, bundled_policy_dir
    from engine.policy_tests import run_policy_tests

    try:
        results = run_policy_tests(directory or bundled_policy_dir())
    except PolicyError as exc:
        _fail(str(exc))
    failed = [result for result in results if not result.passed]
    for result in results if verbose else failed:
        mark = "PASS" if result.passed else "FAIL"
        detail = f" ({result.detail})" if result.detail else ""
        click.echo(f"{mark} {result.package}.{result.name}{detail}")
    click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed or not results else 0)


@main.command("verify-record")
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
    from engine.attestation import AttestationError
    from engine.attestation import verify_record as verify

    if key is None and not allow_unsigned:
        raise click.UsageError("give --key (the signer's public key), or --allow-unsigned")
    try:
        verified = verify(file, key, allow_unsigned=allow_unsigned, repository=repository)
    except AttestationError as exc:
        _fail(f"{file}: {exc}")
    click.echo(f"{file}: {verified.summary(repository)}")


@main.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="PATH..."
)
@_format_option("text, json, csv, markdown, html", "text")
@_as_of_option("The date overdue actions are counted on.")
@exit_on_interrupt
def register(paths: tuple[Path, ...], formats: tuple[str, ...], as_of: dt.date | None) -> None:
    """Write the AI risk register of a portfolio: one row per risk, with its system id,
    sorted by residual score (worst first). Reads manifests only: no evidence, no policies.

    PATH is a manifest, a folder holding ai-manifest.yaml, or a portfolio folder searched
    below for them (.git, node_modules and .venv skipped). A manifest that does not load, or
    a system id used twice, is an error: the register of the rest is still written, and the
    exit code is 2.

    \b
    Examples:
      ai-assure register examples/
      ai-assure register portfolio/ --format csv=register.csv --format html=register.html
    """
    from contextlib import nullcontext

    from engine.register import build_register, find_manifests
    from engine.register_formats import FORMATS as REGISTER_FORMATS
    from engine.register_formats import get_register_format

    outputs = _outputs(formats, REGISTER_FORMATS, "text")
    manifests, problems = find_manifests(paths)
    progress = (  # on a terminal only: never in a pipe, a file or a CI log
        click.progressbar(manifests, label="Reading manifests", file=sys.stderr)
        if sys.stderr.isatty()
        else nullcontext(manifests)
    )
    with progress as items:
        result = build_register(items, _today(as_of), problems)
    for output in outputs:
        _write(output, get_register_format(output.format).render(result))
    for error in result.errors:
        click.echo(f"ai-assure: error: {error}", err=True)
    sys.exit(2 if result.errors else 0)


@main.group()
def report() -> None:
    """Documents made from a system's manifest and evidence (ATRS records, ISO/IEC 42001
    Statements of Applicability)."""


@report.command("atrs")
@click.argument("path", type=click.Path(path_type=Path), default=Path("."))
@_format_option("markdown, json", "markdown")
@_as_of_option("The date the record is made on (written in it).")
@click.option(
    "--fail-on-unfilled",
    is_flag=True,
    help="Exit 1 when a Tier 1 (summary information) field is unfilled.",
)
@exit_on_interrupt
def report_atrs(
    path: Path, formats: tuple[str, ...], as_of: dt.date | None, fail_on_unfilled: bool
) -> None:
    """Write the ATRS v4.0 record (Algorithmic Transparency Recording Standard) of the AI
    system at PATH (a folder holding ai-manifest.yaml, or the manifest), from the manifest,
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
    from engine.atrs import FORMATS as ATRS_FORMATS
    from engine.atrs import AtrsError, generate, render
    from engine.manifest import ManifestError

    outputs = _outputs(formats, ATRS_FORMATS, "markdown")
    try:
        record = generate(path, _today(as_of).isoformat())
    except ManifestError as exc:
        _fail("; ".join(exc.problems))
    except AtrsError as exc:
        _fail(str(exc))
    for output in outputs:
        _write(output, render(record, output.format))
    tier_1 = sum(1 for item in record.unfilled if item.tier == 1)
    total = record.field_count()
    click.echo(
        f"ai-assure: ATRS v{record.standard.version} record for {record.system.id}:"
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
@_format_option("markdown, json, csv", "markdown")
@_as_of_option("The date the assessment of PATH uses (not with --report).")
@exit_on_interrupt
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
    from engine.catalogue import CatalogueError, load_catalogue
    from engine.check import CheckOptions, run_check
    from engine.soa import FORMATS as SOA_FORMATS
    from engine.soa import SoaError, build_soa, load_report, render

    if report_file is not None and (path is not None or as_of is not None):
        raise click.UsageError("--report takes a saved assessment: give it without PATH or --as-of")
    outputs = _outputs(formats, SOA_FORMATS, "markdown")
    try:
        if report_file is None:
            assessed = run_check(path or Path("."), CheckOptions(as_of=as_of))
        else:
            assessed = load_report(report_file)
        soa = build_soa(assessed, load_catalogue())
    except (SoaError, CatalogueError) as exc:
        _fail(str(exc))
    for output in outputs:
        _write(output, render(soa, output.format))
    counts = ", ".join(f"{count} {status}" for status, count in soa.summary.items() if count)
    click.echo(
        f"ai-assure: ISO/IEC 42001 Statement of Applicability for {soa.system.id}:"
        f" {len(soa.controls)} controls: {counts}",
        err=True,
    )


def run() -> None:
    """The console script: a bug must still end in one clear line and exit 2, never in a
    traceback and never in 0 (the gate fails closed)."""
    try:
        main()
    except Exception as exc:  # click handles its own errors and exits before this
        click.echo(f"ai-assure: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    run()
