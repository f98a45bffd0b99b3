"""The facts a version 2 manifest records, with their questions and citations, as the policies
list them (data.ai_assure.legal.facts in policies/ai_assure/legal/data.yaml): one list that the
policies, `ai-assure migrate` and `ai-assure classify` all read."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from engine.core.assets import bundled_policy_dir
from engine.core.errors import AssuranceError
from engine.core.parsing import ParseError, load_yaml

LEGAL_DATA = Path("ai_assure") / "legal" / "data.yaml"


class LegalDataError(AssuranceError):
    """The policies' legal reference data cannot be read."""


@lru_cache(maxsize=1)
def fact_table() -> dict[str, dict[str, Any]]:
    """Every fact by id (its manifest path, dotted), in the order the policies list them."""
    path = bundled_policy_dir() / LEGAL_DATA
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), max_nodes=100_000).data
    except (OSError, ParseError) as exc:
        raise LegalDataError(f"{LEGAL_DATA}: {exc}") from None
    facts = data.get("facts") if isinstance(data, dict) else None
    if not isinstance(facts, list):
        raise LegalDataError(f"{LEGAL_DATA}: no list of facts")
    return {fact["id"]: fact for fact in facts if isinstance(fact, dict) and "id" in fact}
