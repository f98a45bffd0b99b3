"""CycloneDX pieces shared by the SBOM and model-card adapters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from adapters._common import PathKey, as_list, sorted_texts, text_or_none


def is_cyclonedx(data: Any) -> bool:
    return isinstance(data, dict) and data.get("bomFormat") == "CycloneDX"


def walk_components(bom: dict[str, Any]) -> Iterator[tuple[PathKey, Any]]:
    """Every entry of `components`, nested ones included, with its path, in document order.

    Iterative, so a hostile BOM nested a thousand levels deep cannot exhaust the stack.
    """
    stack: list[tuple[PathKey, Any]] = [(("components",), bom.get("components"))]
    while stack:
        path, entries = stack.pop()
        if not isinstance(entries, list):
            continue
        children = []
        for index, component in enumerate(entries):
            yield (*path, index), component
            if isinstance(component, dict):
                children.append(((*path, index, "components"), component.get("components")))
        stack.extend(reversed(children))


def licenses(component: dict[str, Any]) -> list[str]:
    """Licence ids, names and expressions of a component, sorted."""
    found = []
    for choice in as_list(component.get("licenses")):
        if not isinstance(choice, dict):
            continue
        licence = choice.get("license")
        if isinstance(licence, dict):
            found.append(text_or_none(licence.get("id")) or text_or_none(licence.get("name")))
        found.append(choice.get("expression"))
    return sorted_texts(found)
