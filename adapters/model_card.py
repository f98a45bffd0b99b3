"""Model cards: Hugging Face README cards, Model Card Toolkit JSON (schema 0.0.1 and 0.0.2),
CycloneDX `modelCard`, and an SPDX 3.0 AI package (`ai_AIPackage`).

One reader per format (exactly one must recognise a file, `adapters._detect`): a Markdown
name (`.md`, `.markdown`) or Markdown content is a Hugging Face card, never JSON, even when
it starts with `[`; JSON with `bomFormat: CycloneDX` is an ML-BOM; JSON with Model Card
Toolkit keys is an MCT card; SPDX 3.0 JSON-LD holding an `ai_AIPackage` is that package's
card.

The card's own front matter is not ours: a malformed part no rule reads (a `model-index`
entry without a dataset or a type, a non-finite number in widget examples) is a warning on
that part, and the rest of the card is read.
"""

from __future__ import annotations

import re
from typing import Any

from adapters import _cyclonedx as cdx
from adapters import _spdx3 as spdx3
from adapters._common import (
    Locator,
    as_list,
    describe,
    dotted,
    mapping_or_error,
    sorted_texts,
    text_or_none,
    to_number,
)
from adapters._detect import FormatAdapter
from adapters.interface import EvidenceFile, Parsed, Reader
from engine.core.markdown_text import Heading, body, has_real_text, headings
from engine.core.parsing import ParseError, split_front_matter

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


_MARKDOWN_NAMES = (".md", ".markdown")
_MCT_KEYS = ("model_details", "quantitative_analysis", "considerations", "model_parameters")
MCT_VERSIONS = ("0.0.1", "0.0.2")


def _json_card(file: EvidenceFile) -> dict[str, Any]:
    """The JSON object of a file that is not named as Markdown (else {})."""
    return {} if file.has_suffix(*_MARKDOWN_NAMES) else file.json_object


class HuggingFaceReader(Reader):
    format = "huggingface"
    title = "a Hugging Face model card (Markdown)"

    def recognises(self, file: EvidenceFile) -> bool:
        if file.text is None or (file.starts_like_json and not file.has_suffix(*_MARKDOWN_NAMES)):
            return False
        start = file.text.lstrip()
        markdown = (
            file.has_suffix(*_MARKDOWN_NAMES)
            or start.startswith("---")
            or bool(headings(file.text.splitlines()[:2000]))
        )
        return markdown and not _impact_assessment(file.text)

    def read(self, file: EvidenceFile) -> Parsed:
        assert file.text is not None  # recognised
        return _parse_huggingface(file.text)


class CycloneDxCardReader(Reader):
    format = "cyclonedx"
    title = "a CycloneDX BOM (JSON)"

    def recognises(self, file: EvidenceFile) -> bool:
        return cdx.is_cyclonedx(_json_card(file))

    def read(self, file: EvidenceFile) -> Parsed:
        return _parse_cyclonedx(file.json_object)


class MctReader(Reader):
    format = "model-card-toolkit"
    title = "a Model Card Toolkit card (JSON)"

    def recognises(self, file: EvidenceFile) -> bool:
        card = _json_card(file)
        return not cdx.is_cyclonedx(card) and any(key in card for key in _MCT_KEYS)

    def read(self, file: EvidenceFile) -> Parsed:
        card = file.json_object
        version = card.get("schema_version")
        if version is not None and version not in MCT_VERSIONS:
            error = (
                f"schema_version: Model Card Toolkit schema {describe(version)} is not one "
                f"ai-assure reads ({', '.join(MCT_VERSIONS)})"
            )
            return Parsed(self.format, empty_facts(), [error])
        facts, warnings = _mct_facts(card)
        return Parsed(self.format, facts, [], warnings)


class Spdx3AiCardReader(Reader):
    format = "spdx-3.0"
    title = "an SPDX 3.0 document with an AI package"

    def recognises(self, file: EvidenceFile) -> bool:
        return any(spdx3.is_ai_package(e) for e in spdx3.elements(_json_card(file)))

    def read(self, file: EvidenceFile) -> Parsed:
        return _spdx3_card(spdx3.elements(file.json_object))


class ModelCardAdapter(FormatAdapter):
    kind = "model_cards"
    what = "a model card"
    readers = (HuggingFaceReader(), CycloneDxCardReader(), MctReader(), Spdx3AiCardReader())

    def empty_facts(self) -> dict[str, Any]:
        return empty_facts()


def canonical_sections(heading: str) -> set[str]:
    """The canonical sections a heading names (empty when it names none)."""
    key = re.sub(r"^[\d.\s]+", "", heading.lower())
    key = " ".join(re.sub(r"[^\w\s&/-]", " ", key).split())
    return {name for name, pattern in _SECTION_RES.items() if pattern.search(key)}


# --- Hugging Face README cards --------------------------------------------------------------


def _impact_assessment(text: str) -> bool:
    """A DPIA or FRIA in Markdown (evidence.dpia and fria read it), not a card: its front
    matter holds a record's fields, or it has no front matter and names itself one."""
    from adapters.assessment import RECORD_SIGNS, is_impact_assessment

    try:
        front = split_front_matter(text, nonfinite_as_null=True).front_matter
    except ParseError:
        return False  # the card reader reports the broken front matter
    if front is None or not front.data:
        return is_impact_assessment(text)
    return isinstance(front.data, dict) and bool(RECORD_SIGNS & set(front.data))


def _parse_huggingface(text: str) -> Parsed:
    facts = empty_facts()
    try:
        document = split_front_matter(text, nonfinite_as_null=True)
    except ParseError as exc:
        return Parsed("huggingface", facts, [f"front matter: {exc}"])
    errors: list[str] = []
    lines = document.body.splitlines()
    found = headings(lines)
    if document.front_matter is None and not found:
        return Parsed(None, facts, ["no YAML front matter and no Markdown headings: not a card"])
    meta: dict[str, Any] = {}
    at = Locator(document.front_matter)
    warnings = []
    if document.front_matter is not None:
        warnings = [
            f"{at(path)}a number that is not finite, read as null"
            for path in document.front_matter.nonfinite
        ]
        if document.front_matter.data is not None:
            try:
                meta = mapping_or_error(document.front_matter.data, "the top of the front matter")
            except ParseError as exc:
                errors.append(f"line 2: front matter: {exc}")
    metrics, model_name, index_warnings = _model_index(meta.get("model-index"), at)
    warnings += index_warnings
    facts.update(
        name=model_name or _first_title(found),
        license=_hf_license(meta),
        base_model=text_or_none(next(iter(as_list(meta.get("base_model"))), None)),
        sections=_markdown_sections(lines, found),
        metrics=metrics,
        datasets=sorted_texts(as_list(meta.get("datasets"))),
        metadata_keys=sorted(meta),
    )
    return Parsed("huggingface", facts, errors, warnings)


def _markdown_sections(lines: list[str], found: list[Heading]) -> list[str]:
    """The canonical sections whose heading has a body that says something; a body is made
    only for a heading that names a section not found yet."""
    named: set[str] = set()
    for position, heading in enumerate(found):
        names = canonical_sections(heading.title) - named
        if names and has_real_text(body(lines, found, position)):
            named |= names
    return sorted(named)


def _first_title(found: list[Heading]) -> str | None:
    return next((h.title for h in found if h.level == 1 and h.title), None)


def _hf_license(meta: dict[str, Any]) -> str | None:
    licence = meta.get("license")
    if licence == "other" and text_or_none(meta.get("license_name")):
        return text_or_none(meta.get("license_name"))
    names = sorted_texts(as_list(licence))
    return " AND ".join(names) if names else None


def _model_index(entries: Any, at: Locator) -> tuple[list[dict[str, Any]], str | None, list[str]]:
    """Metrics, the first model name and problems from a `model-index` block, checked as
    the Hub checks it. No rule reads these metrics, so a problem is a warning on its entry
    (huggingface_hub, too, keeps loading a card whose model-index it cannot use)."""
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
        errors.append(f"{at(path)}dataset with a type and a name is required by the Hub")
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


def _mct_facts(card: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The facts of a Model Card Toolkit card, schema 0.0.1 (`license` text, `citation`
    text, `data` keyed by role: `train`, `eval`) or 0.0.2 (`licenses[]`, `citations[]`,
    `data[]`), whichever shape each field has."""
    details = _dict(card.get("model_details"))
    params = _dict(card.get("model_parameters"))
    analysis = _dict(card.get("quantitative_analysis"))
    considerations = _dict(card.get("considerations"))
    data = _mct_datasets(params.get("data"))
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
        "citation": _present(details.get("citations"), details.get("citation")),
        "contact": _present(
            [o.get("contact") for o in as_list(details.get("owners")) if isinstance(o, dict)]
        ),
    }
    licence, warnings = _mct_licence(details)
    facts = {
        "name": text_or_none(details.get("name")),
        "license": licence,
        "base_model": None,
        "sections": _section_list(present),
        "metrics": _sorted_metrics(metrics),
        "datasets": sorted_texts(d.get("name") for d in data),
        "metadata_keys": sorted(card),
    }
    return facts, warnings


def _mct_datasets(data: Any) -> list[dict[str, Any]]:
    """0.0.2: a list of datasets; 0.0.1: datasets keyed by role (`train`, `eval`)."""
    entries = list(data.values()) if isinstance(data, dict) else as_list(data)
    return [d for d in entries if isinstance(d, dict)]


_SHORT_LICENCE = re.compile(r"[\w.+() -]{1,64}")


def _mct_licence(details: dict[str, Any]) -> tuple[str | None, list[str]]:
    """0.0.1: `license` text; 0.0.2: the first `licenses[]` entry's `identifier`, else its
    `custom_text` when that is a licence's name (`Apache-2.0`), else `custom` (a warning
    says the text itself is not a licence id)."""
    single = text_or_none(details.get("license"))
    if single:
        return single, []
    for entry in as_list(details.get("licenses")):
        if not isinstance(entry, dict):
            continue
        identifier = text_or_none(entry.get("identifier"))
        if identifier:
            return identifier, []
        custom = text_or_none(entry.get("custom_text"))
        if custom and _SHORT_LICENCE.fullmatch(custom):
            return custom, []
        if custom:
            return "custom", [
                f"model_details.licenses: a custom licence text of {len(custom)} characters, "
                "read as licence 'custom': give its SPDX id as identifier"
            ]
    return None, []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


# --- SPDX 3.0 AI package --------------------------------------------------------------------

# ai_ properties (and core ones) per canonical section
_SPDX3_SECTIONS = {
    "model_details": ("summary", "description", "ai_typeOfModel", "ai_domain"),
    "intended_use": ("ai_informationAboutApplication",),
    "limitations": ("ai_limitation",),
    "training_data": ("ai_informationAboutTraining", "ai_modelDataPreprocessing"),
    "evaluation": ("ai_metric", "ai_metricDecisionThreshold"),
    "technical_specifications": ("ai_hyperparameter", "ai_modelExplainability"),
    "ethical_considerations": ("ai_safetyRiskAssessment", "ai_useSensitivePersonalInformation"),
    "environmental_impact": ("ai_energyConsumption",),
}


def _spdx3_card(elements: list[dict[str, Any]]) -> Parsed:
    """The first `ai_AIPackage` of the graph is the card; its datasets are the packages it
    is `trainedOn` or `testedOn`."""
    packages = [e for e in elements if spdx3.is_ai_package(e)]
    package = packages[0]
    by_id = {e["spdxId"]: e for e in elements if isinstance(e.get("spdxId"), str)}
    spdx_id = str(package.get("spdxId", ""))
    datasets = [
        by_id.get(target, {}).get("name") or target
        for target in spdx3.related(elements, spdx_id, "trainedOn", "testedOn")
    ]
    metrics = [
        _metric(entry.get("key"), entry.get("value"), None)
        for entry in as_list(package.get("ai_metric"))
        if isinstance(entry, dict)
    ]
    present = {
        section: _present(*(package.get(key) for key in keys))
        for section, keys in _SPDX3_SECTIONS.items()
    }
    warnings = []
    if len(packages) > 1:
        warnings.append(
            f"the document holds {len(packages)} AI packages; the first "
            f"({text_or_none(package.get('name'))}) is read as the card: declare one per model"
        )
    facts = {
        "name": text_or_none(package.get("name")),
        "license": next(iter(sorted(spdx3.licences(elements).get(spdx_id, ()))), None),
        "base_model": None,
        "sections": _section_list(present),
        "metrics": _sorted_metrics(metrics),
        "datasets": sorted_texts(datasets),
        "metadata_keys": sorted(key for key in package if key.startswith("ai_")),
    }
    return Parsed("spdx-3.0", facts, [], warnings)
