"""The classification for a terminal: both axes, then the decision path (each conclusion, its
citation and the facts that decided it, with their answers), the facts that triggered
nothing, the open questions, the points for legal review and what binds."""

from __future__ import annotations

from engine.assessment.classify import Answer, Step, SystemClassification
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
from engine.render.text import inert_lines, plural

_SHOWN = {
    "binds": "binds",
    "upcoming": "will bind",
    "advisory": "would bind if the EU AI Act applied (reference framework)",
}


class TextClassification(ClassificationFormat):
    name = "text"

    def render(self, document: SystemClassification) -> str:
        if self.unknowns_only:
            sections = [_header(document), _questions(document, explain=True)]
        else:
            sections = [
                _header(document),
                _axes(document),
                _path(document),
                _untriggered(document),
                _questions(document, explain=False),
                _review(document),
                _binding(document),
            ]
        return "\n\n".join("\n".join(inert_lines(s, None)) for s in sections if s) + "\n"


def _header(document: SystemClassification) -> str:
    policy = document.policy
    return "\n".join([
        f"{document.system.name} ({document.system.id}) · as of {document.as_of}",
        f"policy {policy.revision} from {policy.source} · {document.eu_ai_act.date_schedule_note}",
    ])  # fmt: skip


def _axes(document: SystemClassification) -> str:
    eu, level, uk = document.eu_ai_act, document.assurance_level, document.uk_data_protection
    lines = [
        "EU AI Act (Regulation (EU) 2024/1689)",
        f"  in scope     {scope_text(eu)}",
        f"  roles        {roles_text(eu)}",
        f"  category     {category_text(eu)}",
        f"  GPAI model   {flags_text(eu)}",
        "",
        f"Assurance level: {level.level}",
        *(f"  - {reason_text(reason)}" for reason in level.reasons),
        "",
        "UK data protection",
        f"  regime       {uk.regime}",
        f"  DPIA         {uk.dpia_reason}",
    ]
    lines += [f"  Art. 22B     {breach}" for breach in uk.automated_decision_breaches]
    return "\n".join(lines)


def _path(document: SystemClassification) -> str:
    if not document.path:
        return ""
    lines = ["Decision path (each conclusion, its citation, and the facts that decided it)"]
    axis = ""
    for step in document.path:
        if step.axis != axis:
            axis = step.axis
            lines.append(f"  {AXIS_TITLES[axis]}")
        lines += _step(step)
    return "\n".join(lines)


def _step(step: Step) -> list[str]:
    lines = [f"    {step.citation} ({step.kind}): {step.conclusion}"]
    lines += [f"        {_fact(answer)}" for answer in step.facts]
    return lines


def _fact(answer: Answer) -> str:
    cite = f"  [{answer.cite}]" if answer.cite else ""
    return f"{answer.fact} = {answer_text(answer.answer)}{cite}"


def _untriggered(document: SystemClassification) -> str:
    if not document.untriggered:
        return ""
    lines = ["Answered, and nothing follows from the answer"]
    lines += [f"    {_fact(answer)}" for answer in document.untriggered]
    return "\n".join(lines)


def _questions(document: SystemClassification, explain: bool) -> str:
    questions = document.questions
    if not questions:
        return "Open questions: none. Every fact the classification needs is answered."
    lines = [
        f"Open questions: {plural(len(questions), 'question')} to answer in ai-manifest.yaml"
        " (true or false, a value, or a list; [] for none of these). Until each is answered,"
        " rule CLS-005 fails and the system is not classified lower than it might be.",
    ]
    for number, question in enumerate(questions, start=1):
        lines.append(f"  {number}. {question.question}")
        lines.append(f"     write it at: {question.fact}  [{question.cite}]")
    if not explain:
        lines.append("  (ai-assure classify --explain-unknowns lists only these)")
    return "\n".join(lines)


def _review(document: SystemClassification) -> str:
    if not document.review:
        return ""
    lines = [
        "For legal review (CLS-007): the reading the classification takes on a contested point"
    ]
    lines += [f"  - {point.citation}: {point.text}" for point in document.review]
    return "\n".join(lines)


def _binding(document: SystemClassification) -> str:
    by_status = {
        status: [o for o in document.obligations if o.status == status] for status in _SHOWN
    }
    lines = ["Legal controls (each with why: `ai-assure classify --format json` for all of them)"]
    for status, title in _SHOWN.items():
        items = by_status[status]
        if status == "advisory" and items:
            lines.append(f"  {title}: {', '.join(o.id for o in items)}")
            continue
        lines += [f"  {title}: {o.id}: {o.reason}" for o in items]
    return "\n".join(lines) if len(lines) > 1 else "\n".join([*lines, "  none binds"])
