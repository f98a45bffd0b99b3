"""The contract every Statement of Applicability format keeps: a renderer of the `Soa`."""

from __future__ import annotations

from engine.records.soa.build import Soa, SoaRow
from engine.render.interface import Renderer


class SoaFormat(Renderer[Soa]):
    """Renders the Statement in one format."""


def rules_text(row: SoaRow, separator: str) -> str:
    """`MC-001 pass, MC-003 not applicable`: each rule with its status, for people."""
    return separator.join(f"{rule.id} {rule.status.replace('_', ' ')}" for rule in row.rules)
