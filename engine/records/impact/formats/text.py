"""The impact for a terminal: the one-line summary, then each system that changes and each
staged rule that will fail systems. Repository text is made inert (`engine.render.text`)."""

from __future__ import annotations

from engine.records.impact.build import Impact
from engine.records.impact.formats.interface import ImpactFormat, outcome_text, policy_text
from engine.render.text import inert, plural

_SIGN = {"newly_failing": "+", "newly_passing": "-", "severity_changed": "~"}


class TextImpact(ImpactFormat):
    name = "text"

    def render(self, document: Impact) -> str:
        lines = [
            inert(f"Policy impact as of {document.as_of} ({policy_text(document)})"),
            inert(document.summary.line(document.rollout)),
        ]
        for system in document.changed:
            mark = " BREAKING" if system.breaking else ""
            lines.append(inert(f"{system.id}: {system.baseline} -> {system.candidate}{mark}"))
            for change in system.changes:
                lines.append(
                    inert(
                        f"  {_SIGN[change.kind]} {change.rule_id} {change.kind.replace('_', ' ')}"
                        f" {outcome_text(change)}: {change.shown.message}"
                    )
                )
            lines += [inert(f"  error: {error}") for error in system.errors]
        for item in document.rollout:
            systems = ", ".join(item.systems) or "none"
            lines.append(
                inert(
                    f"rollout: {item.rule_id} ({item.phase} now) fails from {item.fail_from}: "
                    f"{plural(len(item.systems), 'system')} would fail: {systems}"
                )
            )
        lines += [
            inert(f"{system}: not re-evaluable: no stored input")
            for system in document.not_reevaluable
        ]
        lines += [inert(f"error: {error}") for error in document.errors]
        return "\n".join(lines) + "\n"
