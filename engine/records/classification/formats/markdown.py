"""The classification as a Markdown page: both axes, the decision path as tables (conclusion,
citation, facts with their answers), the open questions, the points for legal review and what
binds. Every value is escaped, so text from a manifest cannot add formatting or links."""

from __future__ import annotations

from engine.assessment.classify import Answer, SystemClassification
from engine.assessment.describe import (
    AXIS_TITLES,
    answer_text,
    category_text,
    flags_text,
    reason_text,
    roles_text,
    scope_text,
)
from engine.records.classification.formats.interface import ClassificationFormat
from engine.render.markdown import cell, table


class MarkdownClassification(ClassificationFormat):
    name = "markdown"

    def render(self, document: SystemClassification) -> str:
        sections = [_title(document)]
        if not self.unknowns_only:
            sections += [_axes(document), _path(document), _untriggered(document)]
        sections.append(_questions(document))
        if not self.unknowns_only:
            sections += [_review(document), _binding(document)]
        return "\n\n".join(section for section in sections if section) + "\n"


def _title(document: SystemClassification) -> str:
    policy = document.policy
    return (
        f"# Classification: {cell(document.system.name or document.system.id)}\n\n"
        f"System `{cell(document.system.id)}`, as of {cell(document.as_of)}, policy"
        f" {cell(policy.source)} revision {cell(policy.revision)}."
        f" {cell(document.eu_ai_act.date_schedule_note)}."
    )


def _axes(document: SystemClassification) -> str:
    eu, level, uk = document.eu_ai_act, document.assurance_level, document.uk_data_protection
    rows = [
        ["EU AI Act: in scope", cell(scope_text(eu))],
        ["EU AI Act: roles", cell(roles_text(eu))],
        ["EU AI Act: category", f"**{cell(category_text(eu))}**"],
        ["EU AI Act: general-purpose AI", cell(flags_text(eu))],
        ["Assurance level", f"**{cell(level.level)}**"],
        *(["Assurance level: reason", cell(reason_text(reason))] for reason in level.reasons),
        ["UK data protection: regime", cell(uk.regime)],
        ["UK data protection: DPIA", cell(uk.dpia_reason)],
    ]
    return "\n".join(["## The two axes", "", *table(["Axis", "Value"], rows)])


def _facts(answers: list[Answer]) -> str:
    return "<br>".join(f"`{cell(a.fact)}` = {cell(answer_text(a.answer))}" for a in answers) or "-"


def _path(document: SystemClassification) -> str:
    if not document.path:
        return ""
    rows = [
        [
            cell(AXIS_TITLES[step.axis]),
            cell(step.citation),
            cell(step.conclusion),
            _facts(step.facts),
        ]
        for step in document.path
    ]
    return "\n".join([
        "## Decision path", "",
        *table(["Axis", "Citation", "Conclusion", "Facts (answers)"], rows),
    ])  # fmt: skip


def _untriggered(document: SystemClassification) -> str:
    if not document.untriggered:
        return ""
    rows = [
        [f"`{cell(a.fact)}`", cell(answer_text(a.answer)), cell(a.cite)]
        for a in document.untriggered
    ]
    return "\n".join([
        "## Answered, and nothing follows from the answer", "",
        *table(["Fact", "Answer", "Provision"], rows),
    ])  # fmt: skip


def _questions(document: SystemClassification) -> str:
    if not document.questions:
        return "## Open questions\n\nNone: every fact the classification needs is answered."
    rows = [
        [str(n), cell(q.question), f"`{cell(q.fact)}`", cell(q.cite)]
        for n, q in enumerate(document.questions, start=1)
    ]
    return "\n".join([
        "## Open questions", "",
        "Answer each in `ai-manifest.yaml` (true or false, a value, or a list; `[]` for none of"
        " these). Until it is answered, rule CLS-005 fails.", "",
        *table(["#", "Question", "Where to write the answer", "Provision"], rows),
    ])  # fmt: skip


def _review(document: SystemClassification) -> str:
    if not document.review:
        return ""
    rows = [[cell(point.citation), cell(point.text)] for point in document.review]
    return "\n".join(["## For legal review", "", *table(["Citation", "Reading taken"], rows)])


def _binding(document: SystemClassification) -> str:
    binding = document.binding()
    if not binding:
        return "## Legal controls that bind\n\nNone."
    rows = [[f"`{cell(o.id)}`", cell(o.status), cell(o.reason)] for o in binding]
    return "\n".join([
        "## Legal controls that bind, will bind or would bind", "",
        *table(["Control", "Status", "Why"], rows),
    ])  # fmt: skip
