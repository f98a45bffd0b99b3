"""The package layering, read from the source with `ast`: imports only point down the layers,
no module imports a private name of another package, and no import cycle exists.

    core  ←  manifest · policy · adapters · render  ←  evaluators  ←  assessment
          ←  reporters · records · store  ←  portfolio  ←  cli  ←  launch

(`portfolio` runs many assessments, renders them with the reporters and reads the store, so
it sits above all three and below the command line.)

Every import counts, including those inside functions and `TYPE_CHECKING` blocks: a lazy
import still ties the two modules together.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("engine", "adapters")

#: layer of each top-level part; a module may import lower layers and its own part only
LAYERS = {
    "engine.core": 0,
    "engine.manifest": 1,
    "engine.policy": 1,
    "engine.render": 1,
    "adapters": 1,
    "engine.evaluators": 2,
    "engine.assessment": 3,
    "engine.reporters": 4,
    "engine.records": 4,
    "engine.store": 4,
    "engine.portfolio": 5,
    "engine.cli": 6,
    "engine.launch": 7,
}
#: what adapters may use of the engine: its foundations only
ADAPTER_ALLOWED = ("engine.core",)
#: modules every layer may import (the version)
SHARED = {"engine"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[module_name(path)] = path
    return found


MODULES = modules()


def imports(path: Path) -> Iterator[tuple[str, str | None]]:
    """(module, name) for each import in the file; name is None for `import module`."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path.parent)
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                yield base, alias.name


def targets(path: Path) -> Iterator[tuple[str, str | None]]:
    """The project modules `path` imports (resolving `from package import submodule`), each
    with the imported name when it is not itself a module."""
    for base, name in imports(path):
        if name is not None and f"{base}.{name}" in MODULES:
            yield f"{base}.{name}", None
        elif base in MODULES:
            yield base, name


def part_of(module: str) -> str | None:
    """The layered part a module belongs to (`engine.core.files` -> `engine.core`)."""
    matches = [part for part in LAYERS if module == part or module.startswith(part + ".")]
    return max(matches, key=len) if matches else None


def test_every_module_belongs_to_a_layer():
    strays = [m for m in MODULES if m not in SHARED and part_of(m) is None]
    assert strays == [], "modules outside every layer: add them to a layer folder"


def layer_violation(module: str, target: str) -> str | None:
    """Why `module` may not import `target`, or None when it may."""
    own, theirs = part_of(module), part_of(target)
    if own is None or theirs is None or target in SHARED or theirs == own:
        return None
    if own == "adapters" and theirs not in ADAPTER_ALLOWED:
        return f"{target} (adapters use engine.core only)"
    if LAYERS[theirs] >= LAYERS[own]:
        return f"{target} (layer {LAYERS[theirs]} >= {LAYERS[own]})"
    return None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_the_layers(module):
    wrong = [layer_violation(module, target) for target, _ in targets(MODULES[module])]
    assert [reason for reason in wrong if reason] == [], f"{module} imports upwards or sideways"


def test_the_layer_rule_refuses_upward_sideways_and_adapter_imports():
    assert layer_violation("engine.core.files", "engine.cli.check")
    assert layer_violation("engine.reporters.text", "engine.records.register.build")
    assert layer_violation("adapters.sbom", "engine.manifest.model")
    assert layer_violation("engine.cli.check", "engine.core.files") is None
    assert layer_violation("engine.records.soa.build", "engine.records.soa.formats") is None


def _package_of(module: str) -> str:
    path = MODULES[module]
    return module if path.name == "__init__.py" else module.rsplit(".", 1)[0]


def _is_private(dotted: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in dotted.split("."))


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_is_imported_from_another_package(module):
    importer = _package_of(module)
    wrong = []
    for target, name in targets(MODULES[module]):
        owner = _package_of(target)
        inside = importer == owner or importer.startswith(owner + ".")
        private_module = _is_private(target.removeprefix(owner))
        if not inside and (private_module or (name is not None and _is_private(name))):
            wrong.append(f"{target}{'.' + name if name else ''}")
    assert wrong == [], f"{module} reaches into another package's private parts"


def test_there_is_no_import_cycle():
    graph = {
        module: {t for t, _ in targets(path) if t != module} for module, path in MODULES.items()
    }
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []
