"""Model cards: Hugging Face README cards, Model Card Toolkit JSON, CycloneDX `modelCard`.

The format is sniffed from the content: JSON with `bomFormat: CycloneDX` is an ML-BOM,
JSON with Model Card Toolkit keys is an MCT card, and anything else must be a Hugging Face
Markdown card (YAML front matter and/or Markdown headings).
"""

from __future__ import annotations

import re
from typing import Any

from adapters import _cyclonedx as cdx
from adapters._common import (
    Locator,
    as_list,
    dotted,
    mapping_or_error,
    read_text,
    sorted_texts,
    text_or_none,
    to_number,
)
from adapters.interface import Adapter, Parsed
from engine.core.markdown_text import has_real_text, headings, sections
from engine.core.parsing import ParseError, load_json, split_front_matter

# Heading patterns (matched against the lower-cased plain heading) per canonical section.
# One heading may name several sections ("Intended uses & limitations").
_SECTION_PATTERNS = {
    "model_details": r"^(model )?(details|description|summary|overview|information)$",
    "intended_use": r"^uses?\b|intended (use|uses|usage|purpose)|direct use|downstream use"
    r"|use cases?",
    "out_of_scope_use": r"out[ -]of[ -]scope|misuse|malicious use|prohibited use"
    r"|not intended",
    "limitations": r"limitation|\bbias|\brisks?\b",
    "training_data": r"^training\b|training (data|details|procedure|set)|^datasets?$|^data$",
    "evaluation": r"evaluation|\bresults?\b|\bperformance\b|\bbenchmarks?\b|\bmetrics\b"
    r"|\bscores\b|testing data",
    "ethical_considerations": r"ethic|fairness|social impact|societal",
    "environmental_impact": r"environment|carbon|\bco2\b|emission|energy",
    "how_to_get_started": r"get(ting)? started|how to use|quick ?start|^usage\b|^examples?\b"
    r"|^load(ing)?\b",
    "technical_specifications": r"technical spec|architecture|infrastructure|\bhardware\b"
    r"|\bsoftware\b",
    "citation": r"citation|\bcite\b|bibtex|publication|references?$",
    "contact": r"\bcontact\b|\bauthors?\b|maintainers?",
}
_SECTION_RES = {name: re.compile(pattern) for name, pattern in _SECTION_PATTERNS.items()}


def empty_facts() -> dict[str, Any]:
    return {
        "name": None,
        "license": None,
        "base_model": None,
        "sections": [],
        "metrics": [],
        "datasets": [],
        "metadata_keys": [],
    }


class ModelCardAdapter(Adapter):
    kind = "model_cards"

    def parse(self, name: str, content: bytes) -> Parsed:
        try:
            text = read_text(content)
        except ParseError as exc:
            return Parsed(None, empty_facts(), [str(exc)])
        if text.lstrip().startswith(("{", "[")) or name.lower().endswith(".json"):
            return _parse_json(text)
        return _parse_huggingface(text)


def canonical_sections(heading: str) -> set[str]:
    """The canonical sections a heading names (empty when it names none)."""
    key = re.sub(r"^[\d.\s]+", "", heading.lower())
    key = " ".join(re.sub(r"[^\w\s&/-]", " ", key).split())
    return {name for name, pattern in _SECTION_RES.items() if pattern.search(key)}


# --- Hugging Face README cards --------------------------------------------------------------


def _parse_huggingface(text: str) -> Parsed:
    facts = empty_facts()
    try:
        document = split_front_matter(text)
    except ParseError as exc:
        return Parsed("huggingface", facts, [f"front matter: {exc}"])
    errors: list[str] = []
    lines = document.body.splitlines()
    if document.front_matter is None and not headings(lines):
        return Parsed(None, facts, ["no YAML front matter and no Markdown headings: not a card"])
    meta: dict[str, Any] = {}
    if document.front_matter is not None and document.front_matter.data is not None:
        try:
            meta = mapping_or_error(document.front_matter.data, "the top of the front matter")
        except ParseError as exc:
            errors.append(f"line 2: front matter: {exc}")
    at = Locator(document.front_matter)
    metrics, model_name, index_errors = _model_index(meta.get("model-index"), at)
    errors += index_errors
    facts.update(
        name=model_name or _first_title(lines),
        license=_hf_license(meta),
        base_model=text_or_none(next(iter(as_list(meta.get("base_model"))), None)),
        sections=_markdown_sections(lines),
        metrics=metrics,
        datasets=sorted_texts(as_list(meta.get("datasets"))),
        metadata_keys=sorted(meta),
    )
    return Parsed("huggingface", facts, errors)


def _markdown_sections(lines: list[str]) -> list[str]:
    found: set[str] = set()
    for heading, body in sections(lines):
        names = canonical_sections(heading.title) - found
        if names and has_real_text(body):
            found |= names
    return sorted(found)


def _first_title(lines: list[str]) -> str | None:
    return next((h.title for h in headings(lines) if h.level == 1 and h.title), None)


def _hf_license(meta: dict[str, Any]) -> str | None:
    licence = meta.get("license")
    if licence == "other" and text_or_none(meta.get("license_name")):
        return text_or_none(meta.get("license_name"))
    names = sorted_texts(as_list(licence))
    return " AND ".join(names) if names else None


def _model_index(entries: Any, at: Locator) -> tuple[list[dict[str, Any]], str | None, list[str]]:
    """Metrics, the first model name and errors from a `model-index` block."""
    if entries is None:
        return [], None, []
    if not isinstance(entries, list):
        return [], None, [f"{at(('model-index',))}expected a list of models"]
    metrics: list[dict[str, Any]] = []
    names: list[str | None] = []
    errors: list[str] = []
    for index, entry in enumerate(entries):
        path = ("model-index", index)
        if not isinstance(entry, dict):
            errors.append(f"{at(path)}expected a mapping with name and results")
            continue
        names.append(text_or_none(entry.get("name")))
        if names[-1] is None:
            errors.append(f"{at(path)}name is required")
        for r_index, result in enumerate(as_list(entry.get("results"))):
            found, problems = _index_result(result, (*path, "results", r_index), at)
            metrics += found
            errors += problems
    return _sorted_metrics(metrics), next((n for n in names if n), None), errors


def _index_result(
    result: Any, path: tuple[str | int, ...], at: Locator
) -> tuple[list[dict[str, Any]], list[str]]:
    """Metrics of one `model-index` result; task, dataset and metrics are all required."""
    if not isinstance(result, dict):
        return [], [f"{at(path)}expected a mapping with task, dataset and metrics"]
    errors = []
    task, dataset = result.get("task"), result.get("dataset")
    if not isinstance(task, dict) or text_or_none(task.get("type")) is None:
        errors.append(f"{at(path)}task with a type is required")
    if not isinstance(dataset, dict) or not (dataset.get("type") and dataset.get("name")):
        errors.append(f"{at(path)}dataset with a type and a name is required")
        dataset = dataset if isinstance(dataset, dict) else {}
    dataset_name = text_or_none(dataset.get("name")) or text_or_none(dataset.get("type"))
    metrics = []
    for m_index, metric in enumerate(as_list(result.get("metrics"))):
        m_path = (*path, "metrics", m_index)
        if not isinstance(metric, dict) or metric.get("type") is None or "value" not in metric:
            errors.append(f"{at(m_path)}a metric needs a type and a value")
            continue
        metrics.append(_metric(metric.get("type"), metric.get("value"), dataset_name))
    if not as_list(result.get("metrics")):
        errors.append(f"{at(path)}metrics are required")
    return metrics, errors


def _metric(kind: Any, value: Any, dataset: Any) -> dict[str, Any]:
    return {"type": text_or_none(kind), "value": to_number(value), "dataset": text_or_none(dataset)}


def _sorted_metrics(metrics: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(metrics, key=lambda m: (m["type"] or "", m["dataset"] or "", str(m["value"])))


# --- JSON cards: CycloneDX modelCard, Model Card Toolkit ------------------------------------


def _parse_json(text: str) -> Parsed:
    try:
        data = mapping_or_error(load_json(text))
    except ParseError as exc:
        return Parsed(None, empty_facts(), [str(exc)])
    if cdx.is_cyclonedx(data):
        return _parse_cyclonedx(data)
    if any(key in data for key in ("model_details", "quantitative_analysis", "considerations")):
        return Parsed("model-card-toolkit", _mct_facts(data), [])
    return Parsed(
        None,
        empty_facts(),
        ["JSON is neither a CycloneDX ML-BOM nor a Model Card Toolkit card"],
    )


def _present(*values: Any) -> bool:
    """True when any value holds real content (text beyond template placeholders)."""
    return any(_has_content(value) for value in values)


def _has_content(value: Any) -> bool:
    if isinstance(value, str):
        return has_real_text(value)
    if isinstance(value, dict):
        return any(_has_content(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_content(v) for v in value)
    return value is not None


def _section_list(present: dict[str, bool]) -> list[str]:
    return sorted(name for name, found in present.items() if found)


def _parse_cyclonedx(bom: dict[str, Any]) -> Parsed:
    """The first component (document order) that carries a `modelCard`."""
    by_ref = {
        c["bom-ref"]: c
        for _, c in cdx.walk_components(bom)
        if isinstance(c, dict) and isinstance(c.get("bom-ref"), str)
    }
    for path, component in cdx.walk_components(bom):
        if isinstance(component, dict) and isinstance(component.get("modelCard"), dict):
            return Parsed("cyclonedx", _cdx_facts(component, by_ref), [])
        if isinstance(component, dict) and component.get("modelCard") is not None:
            return Parsed("cyclonedx", empty_facts(), [f"{dotted(path)}.modelCard: not a mapping"])
    return Parsed("cyclonedx", empty_facts(), ["no component in the BOM carries a modelCard"])


def _cdx_facts(component: dict[str, Any], by_ref: dict[str, dict[str, Any]]) -> dict[str, Any]:
    card = component["modelCard"]
    params = _dict(card.get("modelParameters"))
    analysis = _dict(card.get("quantitativeAnalysis"))
    considerations = _dict(card.get("considerations"))
    datasets = [_dataset_name(d, by_ref) for d in as_list(params.get("datasets"))]
    metrics = [
        _metric(m.get("type"), m.get("value"), m.get("slice"))
        for m in as_list(analysis.get("performanceMetrics"))
        if isinstance(m, dict)
    ]
    get = considerations.get
    present = {
        "model_details": _present(
            component.get("description"),
            *(params.get(k) for k in ("approach", "task", "architectureFamily")),
        ),
        "technical_specifications": _present(
            *(params.get(k) for k in ("modelArchitecture", "inputs", "outputs"))
        ),
        "training_data": _present(datasets),
        "evaluation": _present(analysis.get("performanceMetrics")),
        "intended_use": _present(get("users"), get("useCases")),
        "limitations": _present(get("technicalLimitations"), get("performanceTradeoffs")),
        "ethical_considerations": _present(
            get("ethicalConsiderations"), get("fairnessAssessments")
        ),
        "environmental_impact": _present(get("environmentalConsiderations")),
    }
    ancestors = _dict(component.get("pedigree")).get("ancestors")
    base = next((a.get("name") for a in as_list(ancestors) if isinstance(a, dict)), None)
    return {
        "name": text_or_none(component.get("name")),
        "license": next(iter(cdx.licenses(component)), None),
        "base_model": text_or_none(base),
        "sections": _section_list(present),
        "metrics": _sorted_metrics(metrics),
        "datasets": sorted_texts(datasets),
        "metadata_keys": sorted(card),
    }


def _dataset_name(entry: Any, by_ref: dict[str, dict[str, Any]]) -> str | None:
    """An inline dataset's name, or the name of the component a `{ref}` points at."""
    if not isinstance(entry, dict):
        return None
    target = by_ref.get(entry["ref"], {}) if isinstance(entry.get("ref"), str) else entry
    return text_or_none(target.get("name")) or text_or_none(entry.get("ref"))


def _mct_facts(card: dict[str, Any]) -> dict[str, Any]:
    details = _dict(card.get("model_details"))
    params = _dict(card.get("model_parameters"))
    analysis = _dict(card.get("quantitative_analysis"))
    considerations = _dict(card.get("considerations"))
    data = [d for d in as_list(params.get("data")) if isinstance(d, dict)]
    metrics = [
        _metric(m.get("type"), m.get("value"), m.get("slice"))
        for m in as_list(analysis.get("performance_metrics"))
        if isinstance(m, dict)
    ]
    get = considerations.get
    present = {
        "model_details": _present(details.get("overview"), details.get("documentation")),
        "technical_specifications": _present(
            *(params.get(k) for k in ("model_architecture", "input_format", "output_format")),
            *(params.get(k) for k in ("input_format_map", "output_format_map")),
        ),
        "training_data": _present(data),
        "evaluation": _present(analysis.get("performance_metrics")),
        "intended_use": _present(get("users"), get("use_cases")),
        "limitations": _present(get("limitations"), get("tradeoffs")),
        "ethical_considerations": _present(get("ethical_considerations")),
        "citation": _present(details.get("citations")),
        "contact": _present(
            [o.get("contact") for o in as_list(details.get("owners")) if isinstance(o, dict)]
        ),
    }
    licences = [
        lic.get("identifier") or ("custom" if lic.get("custom_text") else None)
        for lic in as_list(details.get("licenses"))
        if isinstance(lic, dict)
    ]
    return {
        "name": text_or_none(details.get("name")),
        "license": next((t for t in map(text_or_none, licences) if t), None),
        "base_model": None,
        "sections": _section_list(present),
        "metrics": _sorted_metrics(metrics),
        "datasets": sorted_texts(d.get("name") for d in data),
        "metadata_keys": sorted(card),
    }


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
