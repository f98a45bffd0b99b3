"""Policy sources: Rego modules, their METADATA, and the digest that identifies them.

regopy cannot read `rego.metadata.*`, so the engine reads each package's `# METADATA`
block itself (OPA's annotation format: YAML in comments, starting at column 1, directly above
the `package` line). A rule is a package under `ai_assure.rules` whose METADATA names a
`custom.id`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from engine import __version__
from engine.core.assets import bundled_policy_dir
from engine.core.errors import AssuranceError
from engine.core.parsing import ParseError, load_json, load_yaml
from engine.core.vocabulary import SEVERITY_ORDER, Severity, is_severity
from engine.policy.compiled import CompiledPolicy, read_compiled
from engine.policy.package_decl import MalformedPackageError, read_package

RULES_PREFIX = "ai_assure.rules."
LOCAL_ROOT = "ai_assure_local"  # repository-local rules live here, outside the bundle's root
LOCAL_RULES_PREFIX = f"{LOCAL_ROOT}.rules."


class PolicyError(AssuranceError):
    """A policy source that cannot be used (unreadable, bad METADATA, duplicate rule id)."""


@dataclass(frozen=True)
class RuleMeta:
    id: str
    package: str
    title: str
    severity: Severity
    controls: tuple[str, ...]
    remediation: str
    description: str = ""
    related_resources: tuple[str, ...] = ()
    source: str = ""
    waivable: bool = True  # METADATA custom.waivable: false keeps governance exceptions off it

    @property
    def is_local(self) -> bool:
        """A repository-local rule (`--local-rules`), not a governance rule."""
        return self.package.startswith(LOCAL_RULES_PREFIX)

    @property
    def result_path(self) -> tuple[str, ...]:
        """Where the package's document sits inside `result.rules` (or `local_rules`)."""
        prefix = LOCAL_RULES_PREFIX if self.is_local else RULES_PREFIX
        return tuple(self.package.removeprefix(prefix).split("."))

    @property
    def domain(self) -> str:
        return self.result_path[0]


@dataclass(frozen=True)
class PolicySet:
    """Everything an evaluator needs, plus the identity that goes into every report.

    `modules` holds every module, governance and repository-local; `compiled` is the
    governance modules alone, compiled, when the source shipped them compiled (the bundled
    library, a bundle built by `policy build`)."""

    modules: tuple[tuple[str, str], ...]
    rules: tuple[RuleMeta, ...]
    source: str
    revision: str
    digest: str
    data: dict[str, Any] = field(default_factory=dict)
    local_digest: str | None = None  # set when repository-local rules are layered on
    compiled: CompiledPolicy | None = None

    @property
    def has_local(self) -> bool:
        return self.local_digest is not None

    def governance_only(self) -> PolicySet:
        """This set without the repository-local modules: what every evaluator runs the
        governance decision on, so no local module can take part in it."""
        if not self.has_local:
            return self
        modules = tuple(m for m in self.modules if not is_local_module(m[0]))
        rules = tuple(rule for rule in self.rules if not rule.is_local)
        return replace(self, modules=modules, rules=rules, local_digest=None)

    def rule(self, rule_id: str) -> RuleMeta | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)


def is_local_module(name: str) -> bool:
    """A module layered on from `--local-rules` (named under `ai_assure_local/`)."""
    return name.startswith(LOCAL_ROOT + "/")


def is_test_module(path: Path) -> bool:
    return path.name.endswith("_test.rego")


def rego_files(directory: Path, *, tests: bool = False) -> list[Path]:
    """Rego files below `directory`, sorted; test modules only when asked."""
    return sorted(path for path in directory.rglob("*.rego") if tests or not is_test_module(path))


def load_policies(directory: Path | None = None) -> PolicySet:
    """Load every non-test module below `directory` (default: the bundled policies)."""
    directory = directory or bundled_policy_dir()
    if not directory.is_dir():
        raise PolicyError(f"{directory}: policy directory not found")
    modules = tuple(read_source(path, directory) for path in rego_files(directory))
    data_files = tuple(read_source(path, directory) for path in data_files_in(directory))
    source = "bundled" if directory == bundled_policy_dir() else str(directory)
    digest = digest_of(modules + data_files)
    compiled = read_compiled(directory, digest)
    if compiled is not None and compiled.index is not None:
        rules, data = rules_from_index(compiled.index), compiled.index["data"]
        return PolicySet(modules, rules, source, __version__, digest, data, compiled=compiled)
    policies = policy_set(modules, data_files, source=source, revision=__version__, digest=digest)
    return replace(policies, compiled=compiled)


def policy_index(policies: PolicySet) -> dict[str, Any]:
    """What `rules_from_index` reads back: the rules' METADATA and the merged data."""
    return {"rules": [asdict(rule) for rule in policies.rules], "data": policies.data}


def rules_from_index(index: dict[str, Any]) -> tuple[RuleMeta, ...]:
    return tuple(_rule_from_index(rule) for rule in index["rules"])


def _rule_from_index(rule: dict[str, Any]) -> RuleMeta:
    fields: dict[str, Any] = dict(rule)
    fields["controls"] = tuple(rule["controls"])
    fields["related_resources"] = tuple(rule["related_resources"])
    return RuleMeta(**fields)


def policy_set(
    modules: tuple[tuple[str, str], ...],
    data_files: tuple[tuple[str, str], ...],
    *,
    source: str,
    revision: str,
    digest: str,
) -> PolicySet:
    """Rules (from METADATA) and data for `(name, text)` sources, from a folder or a bundle."""
    if not modules:
        raise PolicyError(f"{source}: no .rego policies found")
    rules = collect_rules(modules)
    return PolicySet(modules, rules, source, revision, digest, load_data(data_files))


DATA_FILE_NAMES = ("data.json", "data.yaml", "data.yml")


def data_files_in(directory: Path) -> list[Path]:
    """OPA's data files: `data.json`/`data.yaml` anywhere below `directory`, sorted."""
    return sorted(p for name in DATA_FILE_NAMES for p in directory.rglob(name))


def load_data(files: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """Merge data files as OPA does: each one's content sits at its folder's path."""
    data: dict[str, Any] = {}
    for name, text in files:
        try:
            content = load_json(text) if name.endswith(".json") else _load_yaml_data(text)
        except ParseError as exc:
            raise PolicyError(f"{name}: {exc}") from None
        if not isinstance(content, dict):
            raise PolicyError(f"{name}: a data file must hold a mapping")
        for part in reversed(Path(name).parent.parts):
            content = {part: content}
        _merge(data, content, name)
    return data


def _merge(into: dict[str, Any], new: dict[str, Any], name: str, at: str = "data") -> None:
    """Merge objects key by key, as OPA merges data documents; any other overlap is a conflict."""
    for key, value in new.items():
        here = f"{at}.{key}"
        if key not in into:
            into[key] = value
        elif isinstance(into[key], dict) and isinstance(value, dict):
            _merge(into[key], value, name, here)
        else:
            raise PolicyError(f"{name}: {here} is defined twice")


def _load_yaml_data(text: str) -> Any:
    return load_yaml(text, max_nodes=100_000).data


def read_source(path: Path, root: Path) -> tuple[str, str]:
    name = path.relative_to(root).as_posix()
    try:
        return name, path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{name}: cannot read policy: {exc}") from None


def digest_of(modules: tuple[tuple[str, str], ...]) -> str:
    hasher = hashlib.sha256()
    for name, source in modules:
        hasher.update(name.encode() + b"\0" + hashlib.sha256(source.encode()).digest())
    return "sha256:" + hasher.hexdigest()


def collect_rules(modules: tuple[tuple[str, str], ...]) -> tuple[RuleMeta, ...]:
    rules: dict[str, RuleMeta] = {}
    for name, source in modules:
        rule = parse_rule_metadata(name, source)
        if rule is None:
            continue
        if rule.id in rules:
            raise PolicyError(f"{name}: rule id {rule.id} is also used by {rules[rule.id].source}")
        rules[rule.id] = rule
    return tuple(sorted(rules.values(), key=lambda rule: rule.id))


def package_of(name: str, source: str) -> str:
    """The package module `name` declares, read as OPA reads it (`package_decl`)."""
    try:
        return read_package(source).name
    except MalformedPackageError as exc:
        raise PolicyError(f"{name}: {exc}") from None


def package_metadata(source: str) -> dict[str, Any] | None:
    """The METADATA block directly above the `package` line, as a mapping."""
    lines = source.split("\n")  # LF only: OPA ends a comment at LF and nowhere else
    try:
        package_line = read_package(source).line
    except MalformedPackageError:
        return None
    start = package_line
    while start > 0 and lines[start - 1].startswith("#"):
        start -= 1
    block = lines[start:package_line]
    if not block or block[0].strip() != "# METADATA":
        return None
    text = "\n".join(line[2:] if line.startswith("# ") else line[1:] for line in block[1:])
    try:
        data = load_yaml(text, max_nodes=10_000).data
    except ParseError as exc:
        raise PolicyError(f"METADATA is not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise PolicyError("METADATA must be a YAML mapping")
    return data


def parse_rule_metadata(name: str, source: str) -> RuleMeta | None:
    """The rule a module declares, or None for helper and classification packages."""
    package = package_of(name, source)
    if not package.startswith((RULES_PREFIX, LOCAL_RULES_PREFIX)):
        return None
    try:
        metadata = package_metadata(source)
    except PolicyError as exc:
        raise PolicyError(f"{name}: {exc}") from None
    if metadata is None:
        raise PolicyError(f"{name}: rule package {package} has no # METADATA block")
    return _rule_from_metadata(name, package, metadata)


def _rule_from_metadata(name: str, package: str, metadata: dict[str, Any]) -> RuleMeta:
    custom = metadata.get("custom")
    if not isinstance(custom, dict):
        raise PolicyError(f"{name}: METADATA needs a `custom:` mapping with id and severity")
    missing = [key for key in ("id", "severity", "controls", "remediation") if not custom.get(key)]
    if missing or not metadata.get("title"):
        needed = ", ".join(
            ["title"] * (not metadata.get("title")) + [f"custom.{k}" for k in missing]
        )
        raise PolicyError(f"{name}: METADATA is missing {needed}")
    severity = custom["severity"]
    if not is_severity(severity):
        raise PolicyError(f"{name}: severity {severity!r} is not one of {SEVERITY_ORDER}")
    controls = custom["controls"]
    if not isinstance(controls, list) or not all(isinstance(c, str) for c in controls):
        raise PolicyError(f"{name}: custom.controls must be a list of control ids")
    waivable = custom.get("waivable", True)
    if not isinstance(waivable, bool):
        raise PolicyError(f"{name}: custom.waivable must be true or false")
    resources = metadata.get("related_resources") or []
    return RuleMeta(
        id=str(custom["id"]),
        package=package,
        title=str(metadata["title"]),
        severity=severity,
        controls=tuple(controls),
        remediation=str(custom["remediation"]).strip(),
        description=str(metadata.get("description") or "").strip(),
        related_resources=tuple(_resource_refs(resources)),
        source=name,
        waivable=waivable,
    )


def _resource_refs(resources: Any) -> list[str]:
    if not isinstance(resources, list):
        return []
    refs = (item.get("ref") if isinstance(item, dict) else item for item in resources)
    return [str(ref) for ref in refs if ref]
