"""The impact for a merge request on the policy repository: the summary, a table of every
change, and the staged rules' next failures. Every value is escaped (`engine.render.markdown`)."""

from __future__ import annotations

from engine.records.impact.build import Impact
from engine.records.impact.formats.interface import ImpactFormat, outcome_text, policy_text
from engine.render.markdown import cell, table


class MarkdownImpact(ImpactFormat):
    name = "markdown"

    def render(self, document: Impact) -> str:
        summary = document.summary
        lines = [
            "## Policy impact",
            "",
            f"{cell(policy_text(document))}, as of {cell(document.as_of)}, gate at"
            f" `--fail-on {cell(document.fail_on)}`.",
            "",
            f"**{cell(summary.line(document.rollout))}**",
            "",
        ]
        rows = [
            [
                cell(system.id) + (" **breaking**" if system.breaking else ""),
                f"{system.baseline} → {system.candidate}",
                cell(change.rule_id),
                change.kind.replace("_", " "),
                cell(outcome_text(change)),
                cell(change.shown.message),
            ]
            for system in document.changed
            for change in system.changes
        ]
        if rows:
            lines += table(["System", "Verdict", "Rule", "Change", "Outcome", "Message"], rows)
            lines.append("")
        if document.rollout:
            lines += ["### Staged rules: what their next phase fails", ""]
            lines += table(
                ["Rule", "Phase now", "Fails from", "Systems it will fail"],
                [
                    [
                        cell(item.rule_id),
                        item.phase,
                        cell(item.fail_from),
                        cell(", ".join(item.systems)) or "none",
                    ]
                    for item in document.rollout
                ],
            )
            lines.append("")
        if document.not_reevaluable:
            lines += [
                "### Not re-evaluable: no stored input",
                "",
                *(f"- {cell(system)}" for system in document.not_reevaluable),
                "",
            ]
        if document.errors:
            lines += [
                "### Not compared",
                "",
                *(f"- {cell(error)}" for error in document.errors),
                "",
            ]
        return "\n".join(lines)
