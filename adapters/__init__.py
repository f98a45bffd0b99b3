"""Evidence adapters, one module per kind, found through a lazy registry.

`REGISTRY` maps each evidence kind (in the order of docs/input-document.md) to the
`module:Class` that parses it. Modules are imported only when their kind is asked for, so
importing `adapters` costs nothing on the CLI's start-up path. Adding an adapter means adding
one module and one line here.
"""

from __future__ import annotations

from adapters.interface import Adapter, Parsed
from engine.core.plugins import load_class

REGISTRY: dict[str, str] = {
    "model_cards": "adapters.model_card:ModelCardAdapter",
    "sbom": "adapters.sbom:SbomAdapter",
    "dpia": "adapters.assessment:DpiaAdapter",
    "fria": "adapters.assessment:FriaAdapter",
    "evaluations": "adapters.evaluation:EvaluationAdapter",
    "red_team": "adapters.evaluation:RedTeamAdapter",
    "supplier_assessments": "adapters.supplier:SupplierAssessmentAdapter",
    "atrs_record": "adapters.document:AtrsRecordAdapter",
    "monitoring_plan": "adapters.document:MonitoringPlanAdapter",
    "incident_response": "adapters.document:IncidentResponseAdapter",
    "threat_model": "adapters.document:ThreatModelAdapter",
    "datasheets": "adapters.document:DatasheetAdapter",
}

KINDS: tuple[str, ...] = tuple(REGISTRY)


def adapter_class(kind: str) -> type[Adapter]:
    """The adapter class for `kind`; `KeyError` naming the known kinds otherwise."""
    adapter: type[Adapter] = load_class(REGISTRY, kind, "evidence kind")
    return adapter


def get_adapter(kind: str) -> Adapter:
    """A ready-to-use adapter for `kind`."""
    return adapter_class(kind)()


__all__ = ["KINDS", "REGISTRY", "Adapter", "Parsed", "adapter_class", "get_adapter"]
