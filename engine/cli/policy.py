"""`ai-assure policy list|build|test|impact`: the governance team's work on the Rego library."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from engine.cli.catalogue import LISTING_FORMAT
from engine.cli.options import as_of_option, format_option, outputs, parse_date, today, write
from engine.core.errors import AssuranceError
from engine.core.vocabulary import FAIL_ON, FailOn

if TYPE_CHECKING:
    from collections.abc import Sequence

    from engine.assessment.run import CheckOptions, SystemInput


@click.group()
def policy() -> None:
    """Work with the Rego policy library."""


@policy.command("list")
@click.option(
    "--policy-dir", type=click.Path(path_type=Path, file_okay=False), help="Default: bundled."
)
@LISTING_FORMAT
def policy_list(policy_dir: Path | None, output_format: str) -> None:
    """List every rule, in natural order of id. Text shows id, severity, title and controls;
    JSON and CSV every field: also remediation, applicability (the conditions of its
    `applicable` rule), package and source file.

    \b
    Examples:
      ai-assure policy list
      ai-assure policy list --format json | jq '.rules[] | select(.severity == "high")'
    """
    from engine.policy.sources import load_policies
    from engine.records.listing import rule_listing
    from engine.records.listing.formats import get_listing_format

    listing = rule_listing(load_policies(policy_dir))
    click.echo(get_listing_format(output_format).render(listing), nl=False)


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
@click.option(
    "--revision",
    type=click.IntRange(min=1),
    metavar="N",
    help="The release's revision number: a whole number that grows with every release, "
    "signed into .manifest (`check --min-revision` refuses older ones). Default: none, "
    "and the revision label is <ai-assure version>+<git commit>.",
)
@click.option(
    "--expires",
    callback=parse_date,
    metavar="YYYY-MM-DD",
    help="The last day the release may be used, signed into .manifest: `check` refuses it "
    "after that date (its --as-of, else today).",
)
@click.option(
    "--opa-binary",
    type=click.Path(path_type=Path, dir_okay=False),
    help="OPA that compiles the policies to WebAssembly. Default: $AI_ASSURE_OPA, else `opa` "
    "on PATH (scripts/install-opa builds the tested version). Not needed for the bundled "
    "library, which ships compiled.",
)
@click.option(
    "--no-wasm",
    is_flag=True,
    help="Leave the compiled policy out: a Rego-only bundle, for OPA servers built without "
    "WebAssembly. The embedded evaluator then needs OPA to compile it at check time.",
)
def policy_build(
    output: Path,
    policy_dir: Path | None,
    signing_key: Path | None,
    key_id: str | None,
    revision: int | None,
    expires: dt.date | None,
    opa_binary: Path | None,
    no_wasm: bool,
) -> None:
    """Build an OPA bundle of the policies (tests left out) with the policy compiled to
    WebAssembly for the embedded evaluator (`/policy.wasm`, plus machine code made from it
    ahead of time), signed with --signing-key. Compiling needs OPA.

    \b
    Example:
      ai-assure policy build -o policy.tar.gz --signing-key governance.pem \\
          --revision 12 --expires 2027-03-31
      opa run --server --bundle policy.tar.gz --verification-key governance.pub.pem
    """
    from engine.core.assets import bundled_policy_dir
    from engine.core.output import OutputError
    from engine.evaluators.wasm_build import compiled_form
    from engine.policy.bundles import Freshness, build_bundle

    if key_id and not signing_key:
        raise click.UsageError("--key-id needs --signing-key")
    source = policy_dir or bundled_policy_dir()
    compiled = None if no_wasm else compiled_form(source, opa_binary)
    try:
        built = build_bundle(
            source,
            output,
            None if revision is None else str(revision),
            signing_key,
            key_id,
            compiled,
            Freshness(revision, expires),
        )
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    signed = f"signed {built.algorithm}" if built.algorithm else "UNSIGNED"
    wasm = "Rego only" if compiled is None else "with policy.wasm"
    until = f", expires {expires}" if expires else ""
    click.echo(
        f"{built.path}: revision {built.revision}{until}, {len(built.files)} files, {wasm}, "
        f"{signed}"
    )
    click.echo(f"digest {built.digest}")


@policy.command("test")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), required=False)
@click.option("-v", "--verbose", is_flag=True, help="List every test, not only failures.")
@click.option(
    "--opa-binary",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The OPA that compiles the tests (default: $AI_ASSURE_OPA or opa on PATH).",
)
def policy_test(directory: Path | None, verbose: bool, opa_binary: Path | None) -> None:
    """Run the Rego unit tests (`test_*` rules in *_test.rego) in DIRECTORY (default: the
    policies shipped with ai-assure) on the embedded evaluator: OPA compiles them with the
    policies to WebAssembly, as `check` runs the policies. Without OPA, rego-cpp runs them
    (enough for a few local rules; say which ran). Exit 0 when all pass, 1 when one fails
    or none was found.

    \b
    Examples:
      ai-assure policy test
      ai-assure policy test policies/ -v
    """
    from engine.core.assets import bundled_policy_dir
    from engine.render.text import inert

    results, engine = _test_results(directory or bundled_policy_dir(), opa_binary)
    failed = [result for result in results if not result.passed]
    for result in results if verbose else failed:
        mark = "PASS" if result.passed else "FAIL"
        detail = f" ({result.detail})" if result.detail else ""
        click.echo(inert(f"{mark} {result.package}.{result.name}{detail}"))
    click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed ({engine})")
    sys.exit(1 if failed or not results else 0)


def _test_results(directory: Path, opa_binary: Path | None) -> tuple[list[Any], str]:
    from engine.evaluators.interface import EvaluationError
    from engine.evaluators.opa_eval import find_opa
    from engine.evaluators.policy_tests import run_compiled_tests
    from engine.policy.testing import run_policy_tests

    try:
        binary = find_opa(opa_binary)
    except EvaluationError:
        return run_policy_tests(directory), "rego-cpp: OPA not found"
    return run_compiled_tests(directory, binary), "embedded evaluator"


@policy.command("impact")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH]...")
@click.option(
    "--baseline",
    required=True,
    type=click.Path(path_type=Path, exists=True),
    metavar="BUNDLE|DIR",
    help="The revision in force: a bundle from `policy build`, or a policy folder.",
)
@click.option(
    "--candidate",
    required=True,
    type=click.Path(path_type=Path, exists=True),
    metavar="BUNDLE|DIR",
    help="The revision to release: a bundle or a policy folder.",
)
@click.option(
    "--discover",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    metavar="DIR",
    help="Compare every system whose ai-manifest.yaml lies below DIR (instead of PATHs).",
)
@click.option(
    "--store",
    "store_url",
    metavar="URL",
    help="Compare the systems of a results store (instead of PATHs): each system's input as "
    "its latest `check --store` run on or before --as-of evaluated it, on the --as-of date. "
    "sqlite:///FILE (or just FILE) or postgresql+psycopg://USER@HOST/DB.",
)
@click.option(
    "--verify-key",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="PEM",
    help="Public key bundles must be signed with. Without it, bundles are read unverified "
    "(the comparison is advice, not a gate on the systems).",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="high",
    show_default=True,
    help="The gate level a system's verdict is decided with, as in `check`.",
)
@click.option(
    "--accept-breaking",
    is_flag=True,
    help="Exit 0 even when the candidate newly fails systems that pass today.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Processes to assess systems in. Default: the machine's cores.",
)
@format_option("text, markdown, json", "text")
@as_of_option("The date both revisions are evaluated on (staged rollout phases, expiries).")
def policy_impact(
    paths: tuple[Path, ...],
    baseline: Path,
    candidate: Path,
    discover: Path | None,
    store_url: str | None,
    verify_key: Path | None,
    fail_on: FailOn,
    accept_breaking: bool,
    workers: int | None,
    formats: tuple[str, ...],
    as_of: dt.date | None,
) -> None:
    """Before releasing a policy revision, show what it changes for the portfolio: per system
    and rule, what newly fails, newly passes or changes severity, with a one-line summary,
    and which systems each staged rule will fail when it reaches its fail_from date.

    Each system's manifest and evidence are read once and assessed under both revisions
    (embedded evaluator). With --store, nothing is read from the systems: the input document
    and manifest a `check --store` run kept are evaluated again; a system whose reports were
    only ingested has none and is listed as not re-evaluable. Exit 0 when no system that
    passes under the baseline fails under the candidate; 1 when one does (unless
    --accept-breaking); 2 when a revision cannot be loaded or a system cannot be assessed
    under the baseline.

    \b
    Examples:
      ai-assure policy impact --baseline policy-41.tar.gz --candidate policy-42.tar.gz \\
          --verify-key governance.pub.pem --discover portfolio/
      ai-assure policy impact --baseline main-policies/ --candidate policies/ \\
          examples/* --format markdown=impact.md
      ai-assure policy impact --baseline policy-41.tar.gz --candidate policy-42.tar.gz \\
          --verify-key governance.pub.pem --store postgresql+psycopg://gov@db/assure
    """
    from engine.assessment.impact import assess_all
    from engine.assessment.run import CheckOptions, policies_for
    from engine.records.impact import FORMATS as IMPACT_FORMATS
    from engine.records.impact import build_impact, render

    if sum((bool(paths), discover is not None, store_url is not None)) != 1:
        raise click.UsageError(
            "give the systems as PATH..., --discover DIR or --store URL (one of them)"
        )
    specs = outputs(formats, IMPACT_FORMATS, "text")
    options = CheckOptions(as_of=today(as_of), fail_on=fail_on)
    revisions = [
        policies_for(_revision(options, source, verify_key), {}) for source in (baseline, candidate)
    ]
    targets, problems, unevaluated = _targets(paths, discover, store_url, options.as_of_date)
    reports = assess_all(targets, revisions, options, workers)
    impact = build_impact([(before, after) for before, after in reports], problems, unevaluated)
    for output in specs:
        write(output, render(impact, output.format))
    if impact.errors:
        sys.exit(2)
    sys.exit(1 if impact.summary.breaking and not accept_breaking else 0)


class ImpactError(AssuranceError):
    """Nothing to compare: no system was found (or none in the store can be evaluated)."""


def _revision(options: CheckOptions, source: Path, verify_key: Path | None) -> CheckOptions:
    """Check options that load `source`: a bundle file (verified with `verify_key` when
    given) or a policy folder."""
    from dataclasses import replace

    if source.is_dir():
        return replace(options, policy_dir=source)
    return replace(
        options, bundle=source, verify_key=verify_key, allow_unverified=verify_key is None
    )


def _targets(
    paths: tuple[Path, ...], discover: Path | None, store_url: str | None, as_of: dt.date
) -> tuple[Sequence[Path | SystemInput], list[str], list[str]]:
    """What to compare (manifests, or inputs kept in the store), the problems met finding
    them, and the store's systems that cannot be evaluated again."""
    if store_url is not None:
        inputs, missing = _stored(store_url, as_of)
        return inputs, [], missing
    manifests, problems = _systems(paths, discover)
    if not manifests:
        raise ImpactError(problems or ["no ai-manifest.yaml found"])
    return manifests, problems, []


def _stored(url: str, as_of: dt.date) -> tuple[list[SystemInput], list[str]]:
    """The inputs to evaluate from the store at `url` (each system's latest run on or before
    `as_of` that kept one), and the systems that have none."""
    from engine.cli.store import read_store

    latest = read_store(url).latest_inputs(as_of.isoformat())
    if not latest.inputs:
        found = f" (not re-evaluable: {', '.join(latest.missing)})" if latest.missing else ""
        raise ImpactError(
            [f"no system in the store has a stored input on or before {as_of}{found}"]
        )
    return [stored.input for stored in latest.inputs], latest.missing


def _systems(paths: tuple[Path, ...], discover: Path | None) -> tuple[list[Path], list[str]]:
    """The manifests to assess: below --discover DIR as `check --discover` finds them
    (.gitignore honoured), else those the PATHs name."""
    if discover is None:
        from engine.records.register.build import find_manifests

        return find_manifests(list(paths))
    from engine.portfolio.discover import discover as discover_manifests

    found = discover_manifests(discover)
    return list(found.manifests), list(found.problems)
