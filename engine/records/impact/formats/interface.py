"""The contract every policy impact format keeps: a renderer of the `Impact`."""

from __future__ import annotations

from engine.records.impact.build import Change, Impact
from engine.render.interface import Renderer


class ImpactFormat(Renderer[Impact]):
    """Renders the impact in one format."""


def outcome_text(change: Change) -> str:
    """`pass -> fail (high)`: the rule's outcome under each revision."""
    before = change.baseline.status if change.baseline else "absent"
    after = change.candidate.status if change.candidate else "absent"
    return f"{before} -> {after} ({change.shown.severity})"


def policy_text(impact: Impact) -> str:
    """`baseline bundled 0.1.0 -> candidate DIR 0.1.0`."""
    b, c = impact.baseline, impact.candidate
    return f"baseline {b.source} {b.revision} -> candidate {c.source} {c.revision}"
