"""Repository-local extra rules (`--policies DIR`), layered on the governance policies.

A delivery team may add checks of its own, never weaken the governance team's. That is
enforced by namespace, the same way OPA enforces bundle roots: local modules may only
declare packages under `ai_assure_local` (outside the governance bundle's `ai_assure`
root), so they cannot define, override, default or shadow any governance rule or the
classification — Rego only lets a module define rules in its own package. Local folders may
not carry data files (no overriding configuration either), and local rule ids may not reuse
governance ids. Local rules can read the classification (`data.ai_assure.classification`)
to decide their own applicability.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from engine.policy.sources import (
    LOCAL_ROOT,
    PolicyError,
    PolicySet,
    collect_rules,
    data_files_in,
    digest_of,
    package_of,
    read_source,
    rego_files,
)

# The local counterpart of policies/main.rego, owned by the engine (not by the repository):
# {domain: {name: {applicable, deny, warn}}} for every package under ai_assure_local.rules.
LOCAL_MAIN = f"""package {LOCAL_ROOT}.main

import rego.v1

result := {{domain: packages |
\tsome domain, group in data.{LOCAL_ROOT}.rules
\tpackages := {{name: outcome |
\t\tsome name, pkg in group
\t\toutcome := {{
\t\t\t"applicable": object.get(pkg, "applicable", null),
\t\t\t"deny": object.get(pkg, "deny", set()),
\t\t\t"warn": object.get(pkg, "warn", set()),
\t\t}}
\t}}
}}
"""


def with_local_rules(governance: PolicySet, directories: list[Path]) -> PolicySet:
    """`governance` plus the rules in `directories`; refuses anything that could weaken it."""
    if not directories:
        return governance
    local = tuple(module for directory in directories for module in _local_modules(directory))
    if not local:
        raise PolicyError("--policies: no .rego files in " + ", ".join(map(str, directories)))
    local_rules = collect_rules(local)
    clashes = sorted({r.id for r in local_rules} & {r.id for r in governance.rules})
    if clashes:
        raise PolicyError(f"local rules reuse governance rule ids: {', '.join(clashes)}")
    entry = (f"{LOCAL_ROOT}/main.rego", LOCAL_MAIN)
    return replace(
        governance,
        modules=(*governance.modules, *local, entry),
        rules=tuple(sorted((*governance.rules, *local_rules), key=lambda rule: rule.id)),
        source=f"{governance.source} + local " + ", ".join(str(d) for d in directories),
        local_digest=digest_of(local),
    )


def _local_modules(directory: Path) -> list[tuple[str, str]]:
    if not directory.is_dir():
        raise PolicyError(f"--policies {directory}: not a folder")
    if data_files_in(directory):
        raise PolicyError(
            f"--policies {directory}: local folders may not hold data files "
            "(configuration belongs to the governance bundle)"
        )
    modules = []
    for path in rego_files(directory):
        name, source = read_source(path, directory)
        package = package_of(source) or ""
        if package != LOCAL_ROOT and not package.startswith(LOCAL_ROOT + "."):
            raise PolicyError(
                f"--policies {directory}/{name}: package {package or '(none)'} is not allowed; "
                f"local rules must live under {LOCAL_ROOT}.rules (the ai_assure namespace "
                "belongs to the governance policies)"
            )
        if package == f"{LOCAL_ROOT}.main":
            raise PolicyError(f"--policies {directory}/{name}: {LOCAL_ROOT}.main is reserved")
        modules.append((f"{LOCAL_ROOT}/{directory.name}/{name}", source))
    return modules
