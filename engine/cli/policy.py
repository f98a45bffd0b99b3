"""`ai-assure policy list|build|test`: the governance team's work on the Rego library."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.group()
def policy() -> None:
    """Work with the Rego policy library."""


@policy.command("list")
@click.option(
    "--policy-dir", type=click.Path(path_type=Path, file_okay=False), help="Default: bundled."
)
def policy_list(policy_dir: Path | None) -> None:
    """List every rule: id, severity, title and controls."""
    from engine.policy.sources import load_policies

    for rule in load_policies(policy_dir).rules:
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
    from engine.core.assets import bundled_policy_dir
    from engine.core.output import OutputError
    from engine.policy.bundles import build_bundle

    if key_id and not signing_key:
        raise click.UsageError("--key-id needs --signing-key")
    try:
        source = policy_dir or bundled_policy_dir()
        built = build_bundle(source, output, revision, signing_key, key_id)
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    signed = f"signed {built.algorithm}" if built.algorithm else "UNSIGNED"
    click.echo(f"{built.path}: revision {built.revision}, {len(built.files)} files, {signed}")
    click.echo(f"digest {built.digest}")


@policy.command("test")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), required=False)
@click.option("-v", "--verbose", is_flag=True, help="List every test, not only failures.")
def policy_test(directory: Path | None, verbose: bool) -> None:
    """Run the Rego unit tests (`test_*` rules in *_test.rego) with the embedded evaluator."""
    from engine.core.assets import bundled_policy_dir
    from engine.policy.testing import run_policy_tests

    results = run_policy_tests(directory or bundled_policy_dir())
    failed = [result for result in results if not result.passed]
    for result in results if verbose else failed:
        mark = "PASS" if result.passed else "FAIL"
        detail = f" ({result.detail})" if result.detail else ""
        click.echo(f"{mark} {result.package}.{result.name}{detail}")
    click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed or not results else 0)
