"""Repository-local extra rules (`--local-rules DIR`), layered on the governance policies.

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

from engine.core.files import (
    PathEscapeError,
    UnreadableFileError,
    expand,
    kind_of,
    read_confined,
    resolved,
)
from engine.policy.sources import (
    DATA_FILE_NAMES,
    LOCAL_ROOT,
    PolicyError,
    PolicySet,
    collect_rules,
    digest_of,
    is_test_module,
    package_of,
)

MAX_LOCAL_MODULES = 500
MAX_LOCAL_MODULE_BYTES = 1 << 20  # far above any real module; the bundled ones are < 50 KB

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
        raise PolicyError("--local-rules: no .rego files in " + ", ".join(map(str, directories)))
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
    """The folder's modules, each read confined to the folder; packages checked."""
    shown = f"--local-rules {directory}"
    if kind_of(directory) != "folder":
        raise PolicyError(f"{shown}: not a folder")
    root = resolved(directory)
    if _files(root, DATA_FILE_NAMES, shown):
        raise PolicyError(
            f"{shown}: local folders may not hold data files "
            "(configuration belongs to the governance bundle)"
        )
    modules = []
    for path in _files(root, ("*.rego",), shown):
        if is_test_module(path):
            continue
        name = path.relative_to(root).as_posix()
        source = _read_module(path, root, f"{shown}/{name}")
        _check_local_package(f"{shown}/{name}", source)
        modules.append((f"{LOCAL_ROOT}/{directory.name}/{name}", source))
    return modules


def _files(root: Path, patterns: tuple[str, ...], shown: str) -> list[Path]:
    """Files matching `patterns` anywhere below `root`, never through a link out of it."""
    try:
        return [
            path
            for pattern in patterns
            for path in expand(f"**/{pattern}", root, root, MAX_LOCAL_MODULES)
        ]
    except PathEscapeError as exc:
        raise PolicyError(f"{shown}: {exc}") from None


def _read_module(path: Path, root: Path, shown: str) -> str:
    """A module's text, read like evidence: a regular file below `root`, of bounded size."""
    try:
        content = read_confined(path, MAX_LOCAL_MODULE_BYTES, root).content
        text = content.decode("utf-8")
    except UnreadableFileError as exc:
        raise PolicyError(f"{shown}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise PolicyError(f"{shown}: not valid UTF-8 (byte {exc.start})") from None
    if "\x00" in text:
        raise PolicyError(f"{shown}: binary content (NUL byte) in a policy module")
    return text


def _check_local_package(shown: str, source: str) -> None:
    """Local modules live under `ai_assure_local`, never in `ai_assure_local.main`."""
    package = package_of(shown, source)
    if package != LOCAL_ROOT and not package.startswith(LOCAL_ROOT + "."):
        raise PolicyError(
            f"{shown}: package {package} is not allowed; local rules must live under "
            f"{LOCAL_ROOT}.rules (the ai_assure namespace belongs to the governance policies)"
        )
    if package == f"{LOCAL_ROOT}.main" or package.startswith(f"{LOCAL_ROOT}.main."):
        raise PolicyError(f"{shown}: {LOCAL_ROOT}.main is reserved")
