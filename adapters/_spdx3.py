"""SPDX 3.0 JSON-LD pieces shared by the SBOM and model-card adapters."""

from __future__ import annotations

from typing import Any

from adapters._common import as_list, text_or_none

AI_PACKAGE = "ai_AIPackage"
_LICENSE_RELATIONSHIPS = ("hasConcludedLicense", "hasDeclaredLicense")
_LICENSE_PREFIX = "https://spdx.org/licenses/"


def is_document(data: Any) -> bool:
    """An SPDX 3 JSON-LD document: a `@graph`, or an SPDX 3 `@context` on one element."""
    return isinstance(data, dict) and (
        "@graph" in data or "spdx.org/rdf/3" in str(data.get("@context", ""))
    )


def elements(data: Any) -> list[dict[str, Any]]:
    """The graph's elements that are objects (one element without `@graph` is a graph of
    one); [] when `data` is not an SPDX 3 document."""
    if not is_document(data):
        return []
    graph = data.get("@graph", [data])
    return [e for e in graph if isinstance(e, dict)] if isinstance(graph, list) else []


def is_ai_package(element: dict[str, Any]) -> bool:
    return element.get("type") == AI_PACKAGE


def licences(elements: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Licence names per element id, from hasConcluded/DeclaredLicense relationships."""
    by_id = {e["spdxId"]: e for e in elements if isinstance(e.get("spdxId"), str)}
    found: dict[str, set[str]] = {}
    for rel in elements:
        if rel.get("relationshipType") not in _LICENSE_RELATIONSHIPS:
            continue
        names = {_licence_name(target, by_id) for target in as_list(rel.get("to"))}
        if isinstance(rel.get("from"), str):
            found.setdefault(rel["from"], set()).update(n for n in names if n is not None)
    return found


def _licence_name(target: Any, by_id: dict[str, dict[str, Any]]) -> str | None:
    """An expression, a licence name, or the last part of the licence's id."""
    if not isinstance(target, str):
        return None
    element = by_id.get(target, {})
    name = text_or_none(element.get("simplelicensing_licenseExpression")) or text_or_none(
        element.get("name")
    )
    if name:
        return name
    if target.startswith(_LICENSE_PREFIX):
        return target[len(_LICENSE_PREFIX) :]
    return text_or_none(target.rstrip("/").rsplit("/", 1)[-1].split("#")[-1])


def related(elements: list[dict[str, Any]], source: str, *kinds: str) -> list[str]:
    """The ids `source` points at through relationships of the given types."""
    found = []
    for rel in elements:
        if rel.get("relationshipType") in kinds and rel.get("from") == source:
            found += [t for t in as_list(rel.get("to")) if isinstance(t, str)]
    return found
