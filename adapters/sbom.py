"""SBOMs: CycloneDX JSON, SPDX 2.x JSON and SPDX 3.0 JSON-LD, normalised to one shape.

Component `type` uses CycloneDX's names whatever the source; SPDX purposes with no
CycloneDX equivalent (source, archive, ...) become null. Components are sorted by
(type, name, version, purl) so the facts never depend on the order a tool wrote them in.
"""

from __future__ import annotations

import re
from typing import Any

from adapters import _cyclonedx as cdx
from adapters import _spdx3 as spdx3
from adapters._common import (
    as_list,
    describe,
    dotted,
    hash_entry,
    mapping_or_error,
    read_text,
    sorted_hashes,
    sorted_texts,
    text_or_none,
)
from adapters.interface import Adapter, Parsed
from engine.core.parsing import ParseError, load_json

ML_MODEL = "machine-learning-model"
DATA = "data"

# SPDX 2 primaryPackagePurpose / SPDX 3 software_primaryPurpose -> CycloneDX component type
_PURPOSE_TYPES = {
    "application": "application",
    "framework": "framework",
    "library": "library",
    "container": "container",
    "operatingsystem": "operating-system",
    "operating-system": "operating-system",
    "device": "device",
    "devicedriver": "device-driver",
    "firmware": "firmware",
    "file": "file",
    "platform": "platform",
    "model": ML_MODEL,
    "data": DATA,
}
_SPDX3_PACKAGES = {
    "software_Package": None,
    "ai_AIPackage": ML_MODEL,
    "dataset_DatasetPackage": DATA,
}
_SPDX2_NO_LICENSE = {"NOASSERTION", "NONE"}
# RFC 3339 date-time, as CycloneDX's JSON schema requires for metadata.timestamp
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


def empty_facts() -> dict[str, Any]:
    return {
        "spec_version": None,
        "component_count": 0,
        "components": [],
        "ml_models": [],
        "datasets": [],
    }


class SbomAdapter(Adapter):
    kind = "sbom"

    def parse(self, name: str, content: bytes) -> Parsed:
        try:
            bom = _load(content)
        except ParseError as exc:
            return Parsed(None, empty_facts(), [str(exc)])
        if cdx.is_cyclonedx(bom):
            fmt = "cyclonedx-xml" if bom.get(_FROM_XML) else "cyclonedx"
            return _finish(fmt, bom.get("specVersion"), *_cyclonedx(bom))
        if isinstance(bom.get("spdxVersion"), str) and bom["spdxVersion"].startswith("SPDX-2."):
            return _finish("spdx-2.3", bom["spdxVersion"][5:], *_spdx2(bom))
        if "@graph" in bom or "spdx.org/rdf/3" in str(bom.get("@context", "")):
            graph = bom.get("@graph", [bom])
            return _finish("spdx-3.0", _spdx3_version(graph), *_spdx3(graph))
        return Parsed(None, empty_facts(), [_UNKNOWN])


def _load(content: bytes) -> dict[str, Any]:
    text = read_text(content)
    if _is_cyclonedx_xml(text):
        return cyclonedx_xml(text)
    unsupported = _unsupported(text)
    if unsupported:
        raise ParseError(unsupported)
    return mapping_or_error(load_json(text))


_UNKNOWN = (
    "not a recognised SBOM: expected CycloneDX JSON (bomFormat), SPDX 2.x JSON (spdxVersion) "
    "or SPDX 3.0 JSON-LD (@graph)"
)


def _is_cyclonedx_xml(text: str) -> bool:
    head = text.lstrip()[:2000]
    return head.startswith("<") and "cyclonedx.org/schema/bom/" in head


def _unsupported(text: str) -> str:
    """A message for well-known SBOM encodings we do not read, else ""."""
    head = text.lstrip()[:2000]
    if head.startswith("SPDXVersion:"):
        return "SPDX tag-value is not supported: export the SBOM as SPDX JSON"
    return ""


def _finish(
    fmt: str, spec_version: Any, components: list[dict[str, Any]], errors: list[str]
) -> Parsed:
    components.sort(key=_sort_key)
    facts = {
        "spec_version": text_or_none(spec_version),
        "component_count": len(components),
        "components": components,
        "ml_models": sorted_texts(c["name"] for c in components if c["type"] == ML_MODEL),
        "datasets": sorted_texts(c["name"] for c in components if c["type"] == DATA),
    }
    return Parsed(fmt, facts, errors)


def _sort_key(component: dict[str, Any]) -> tuple[Any, ...]:
    """(type, name, version, purl), then the rest, so ties never depend on input order."""
    return (
        component["type"] or "",
        component["name"] or "",
        component["version"] or "",
        component["purl"] or "",
        component["licenses"],
        [(h["alg"], h["value"]) for h in component["hashes"]],
        component["has_model_card"],
    )


def _component(
    name: Any, version: Any, kind: Any, licenses: list[str], hashes: list[Any], purl: Any
) -> dict[str, Any]:
    return {
        "name": text_or_none(name),
        "version": text_or_none(version),
        "type": text_or_none(kind),
        "licenses": licenses,
        "hashes": sorted_hashes(hashes),
        "purl": text_or_none(purl),
        "has_model_card": False,
    }


# --- CycloneDX ----------------------------------------------------------------------------


def _cyclonedx(bom: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    errors = []
    if text_or_none(bom.get("specVersion")) is None:
        errors.append("specVersion is missing")
    if bom.get("components") is not None and not isinstance(bom.get("components"), list):
        errors.append("components: expected a list")
    metadata = bom.get("metadata")
    if not isinstance(metadata, dict):
        metadata = {}
    stamp = metadata.get("timestamp")
    if stamp is not None and not (isinstance(stamp, str) and _DATE_TIME.fullmatch(stamp)):
        errors.append(f"metadata.timestamp: expected a date-time, found {describe(stamp)}")
    components = []
    for path, entry in cdx.walk_components(bom):
        if not isinstance(entry, dict):
            errors.append(f"{dotted(path)}: expected a mapping")
            continue
        if text_or_none(entry.get("name")) is None:
            errors.append(f"{dotted(path)}: name is missing")
        hashes = [
            hash_entry(h.get("alg"), h.get("content"))
            for h in as_list(entry.get("hashes"))
            if isinstance(h, dict)
        ]
        component = _component(
            entry.get("name"),
            entry.get("version"),
            entry.get("type"),
            cdx.licenses(entry),
            hashes,
            entry.get("purl"),
        )
        component["has_model_card"] = isinstance(entry.get("modelCard"), dict)
        components.append(component)
    return components, errors


# --- SPDX 2.x -----------------------------------------------------------------------------


def _spdx2(doc: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    errors = []
    components = []
    for index, package in enumerate(as_list(doc.get("packages"))):
        if not isinstance(package, dict):
            errors.append(f"packages[{index}]: expected a mapping")
            continue
        licences = [package.get("licenseConcluded"), package.get("licenseDeclared")]
        hashes = [
            hash_entry(c.get("algorithm"), c.get("checksumValue"))
            for c in as_list(package.get("checksums"))
            if isinstance(c, dict)
        ]
        purl = next(
            (
                ref.get("referenceLocator")
                for ref in as_list(package.get("externalRefs"))
                if isinstance(ref, dict) and ref.get("referenceType") == "purl"
            ),
            None,
        )
        components.append(
            _component(
                package.get("name"),
                package.get("versionInfo"),
                _purpose_type(package.get("primaryPackagePurpose")),
                [lic for lic in sorted_texts(licences) if lic not in _SPDX2_NO_LICENSE],
                hashes,
                purl,
            )
        )
    return components, errors


def _purpose_type(purpose: Any) -> str | None:
    return _PURPOSE_TYPES.get(purpose.lower()) if isinstance(purpose, str) else None


# --- SPDX 3.0 JSON-LD ---------------------------------------------------------------------


def _spdx3_version(graph: Any) -> str | None:
    """The first `specVersion` among the graph's CreationInfo objects (inline or not)."""
    for element in as_list(graph):
        if not isinstance(element, dict):
            continue
        info = element.get("creationInfo")
        for candidate in (element, info):
            if isinstance(candidate, dict) and candidate.get("type") == "CreationInfo":
                version = text_or_none(candidate.get("specVersion"))
                if version:
                    return version
    return None


def _spdx3(graph: Any) -> tuple[list[dict[str, Any]], list[str]]:
    if not isinstance(graph, list):
        return [], ["@graph: expected a list of elements"]
    elements = [e for e in graph if isinstance(e, dict)]
    licences = spdx3.licences(elements)
    components = []
    for element in elements:
        kind, spdx_id = element.get("type"), element.get("spdxId")
        if not isinstance(kind, str) or kind not in _SPDX3_PACKAGES:
            continue
        component = _component(
            element.get("name"),
            element.get("software_packageVersion"),
            _SPDX3_PACKAGES[kind] or _purpose_type(element.get("software_primaryPurpose")),
            sorted(licences.get(spdx_id, ()) if isinstance(spdx_id, str) else ()),
            [
                hash_entry(h.get("algorithm"), h.get("hashValue"))
                for h in as_list(element.get("verifiedUsing"))
                if isinstance(h, dict)
            ],
            element.get("software_packageUrl") or _spdx3_purl(element),
        )
        component["has_model_card"] = kind == "ai_AIPackage" and any(
            key.startswith("ai_") for key in element
        )
        components.append(component)
    return components, []


def _spdx3_purl(element: dict[str, Any]) -> Any:
    for ref in as_list(element.get("externalIdentifier")):
        if isinstance(ref, dict) and ref.get("externalIdentifierType") == "packageUrl":
            return ref.get("identifier")
    return None


# --- CycloneDX XML ------------------------------------------------------------------------

_FROM_XML = " from XML"  # a key no JSON BOM has a reason to hold: marks what XML gave
_CDX_NS = re.compile(r"^\{http://cyclonedx\.org/schema/bom/(\d+\.\d+)\}")


def cyclonedx_xml(text: str) -> dict[str, Any]:
    """A CycloneDX XML BOM as the JSON form's fields the facts need (`specVersion`,
    `metadata.timestamp`, nested `components` with name, version, type, licences, hashes,
    purl and whether a `modelCard` is there). Parsed with defusedxml: a DTD, an entity or
    an external reference is refused, never resolved."""
    from xml.etree.ElementTree import ParseError as XmlError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(text.encode("utf-8"), forbid_dtd=True)
    except (XmlError, DefusedXmlException, ValueError) as exc:
        raise ParseError(f"CycloneDX XML: not well-formed or unsafe XML ({exc})") from None
    match = _CDX_NS.match(root.tag)
    if not match or not root.tag.endswith("}bom"):
        raise ParseError("CycloneDX XML: the root element is not a CycloneDX <bom>")
    ns = match.group(0)
    bom: dict[str, Any] = {"bomFormat": "CycloneDX", "specVersion": match.group(1), _FROM_XML: True}
    stamp = root.findtext(f"{ns}metadata/{ns}timestamp")
    if stamp is not None:
        bom["metadata"] = {"timestamp": stamp.strip()}
    components = root.find(f"{ns}components")
    if components is not None:
        bom["components"] = _xml_components(components, ns)
    return bom


def _xml_components(parent: Any, ns: str) -> list[dict[str, Any]]:
    """The `<component>` children of `parent`, nested ones kept nested (walked without
    recursion, so depth is bounded only by what the XML parser accepted)."""
    top: list[dict[str, Any]] = []
    stack = [(parent, top)]
    while stack:
        element, into = stack.pop()
        for node in element.findall(f"{ns}component"):
            entry = _xml_component(node, ns)
            into.append(entry)
            nested = node.find(f"{ns}components")
            if nested is not None:
                entry["components"] = []
                stack.append((nested, entry["components"]))
    return top


def _xml_component(node: Any, ns: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"type": node.get("type")}
    for key in ("name", "version", "purl"):
        value = node.findtext(f"{ns}{key}")
        if value is not None:
            entry[key] = value.strip()
    entry["hashes"] = [
        {"alg": h.get("alg"), "content": (h.text or "").strip()}
        for h in node.findall(f"{ns}hashes/{ns}hash")
    ]
    licences: list[dict[str, Any]] = []
    for choice in node.findall(f"{ns}licenses/*"):
        if choice.tag == f"{ns}license":
            licence = {k: choice.findtext(f"{ns}{k}") for k in ("id", "name")}
            licences.append({"license": {k: v.strip() for k, v in licence.items() if v}})
        elif choice.tag == f"{ns}expression":
            licences.append({"expression": (choice.text or "").strip()})
    entry["licenses"] = licences
    if node.find(f"{ns}modelCard") is not None:
        entry["modelCard"] = {}
    return entry
