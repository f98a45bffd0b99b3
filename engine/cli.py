"""The `ai-assure` command line. Heavy modules are imported inside commands: the pre-commit
hook runs this on every commit, so start-up must stay cheap."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from engine import __version__
from engine.reporters import FORMATS

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ai-assure")
def main() -> None:
    """Policy-as-code assurance for AI systems: check an ai-manifest.yaml and its evidence
    against governance rules mapped to ISO/IEC 42001, the NIST AI RMF, the EU AI Act and UK
    requirements.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the system
    could not be assessed.
    """


@main.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("."))
@click.option(
    "--format",
    "formats",
    multiple=True,
    metavar="FMT[=FILE]",
    help=f"Output format, repeatable, to stdout or FILE. FMT: {', '.join(FORMATS)}. Default: text.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="high",
    show_default=True,
    help="Exit 1 when a failed finding has this severity or worse.",
)
@click.option(
    "--as-of",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="The date all date rules use (staleness, expiry, overdue). Default: today (UTC).",
)
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
    from engine.output import parse_output_spec

    try:
        outputs = [parse_output_spec(spec, FORMATS) for spec in formats or ("text",)]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from None
    _check_bundle_options(bundle, policy_dir, verify_key, bundle_digest, allow_unverified)
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
    )
    report = run_check(path, options)
    _emit(report, outputs)
    for message in report.errors:
        click.echo(f"ai-assure: error: {message}", err=True)
    for finding in (f for f in report.findings if f.status == "error"):
        click.echo(f"ai-assure: error: {finding.rule_id}: {finding.message}", err=True)
    sys.exit(EXIT_CODES[report.verdict])


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


def _emit(report, outputs) -> None:  # type: ignore[no-untyped-def]
    from engine.output import write_atomic
    from engine.reporters import get_reporter

    for output in outputs:
        options = {"color": _wants_color()} if output.format == "text" and not output.file else {}
        reporter = get_reporter(output.format, **options)
        text = reporter.render(report)
        try:
            if output.file is None:
                click.echo(text, nl=not text.endswith("\n"))
            else:
                write_atomic(output.file, text)
        except OSError as exc:
            _fail(f"cannot write {output.file}: {exc.strerror or exc}")
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
def schema() -> None:
    """Print the JSON Schema of ai-manifest.yaml (for editors' yaml-language-server)."""
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
