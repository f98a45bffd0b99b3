"""The two axes of a classification in words, the same in every output that shows them (the
check report's text, HTML, SARIF and ATRS outputs, and `ai-assure classify`)."""

from __future__ import annotations

from typing import Any

from engine.assessment.model import AssuranceLevel, EuAiAct

AXIS_TITLES = {"eu_ai_act": "EU AI Act", "uk_data_protection": "UK data protection"}


def scope_text(eu: EuAiAct) -> str:
    """Whether the Act reaches the system, and why."""
    if eu.in_scope is None:
        return f"not decided ({eu.scope})"
    return f"{'yes' if eu.in_scope else 'no'} ({eu.scope})"


def category_text(eu: EuAiAct) -> str:
    """The EU AI Act category; for a system the Act does not reach, what the facts would give."""
    if eu.in_scope is False:
        return f"{eu.category} on its facts; the Act does not apply to this system"
    if eu.in_scope is None:
        return f"{eu.category} on its facts, if the Act applies (scope not decided)"
    return eu.category


def flags_text(eu: EuAiAct) -> str:
    """The general-purpose AI model flags."""
    if not eu.gpai_model:
        return "not a general-purpose AI model provider"
    risk = "with systemic risk" if eu.gpai_systemic_risk else "without systemic risk"
    return f"provider of a general-purpose AI model, {risk}"


def category_short(eu: EuAiAct) -> str:
    """The category in a few words: `high`, `out of scope (high on its facts)`."""
    if eu.in_scope is False:
        return f"out of scope ({eu.category} on its facts)"
    if eu.in_scope is None:
        return f"{eu.category} (scope not decided)"
    return eu.category


def roles_text(eu: EuAiAct) -> str:
    return ", ".join(eu.roles) or "none of the operators the Act names"


def eu_line(eu: EuAiAct) -> str:
    """One line: category, scope, roles."""
    return (
        f"EU AI Act category: {category_text(eu)} · in scope: {scope_text(eu)}"
        f" · roles: {roles_text(eu)}"
    )


def assurance_line(level: AssuranceLevel) -> str:
    return f"assurance level: {level.level}"


def reason_text(reason: Any) -> str:
    """One assurance reason: `high (UK GDPR): special category data is processed ...`."""
    return f"{reason.level} ({reason.source}): {reason.text}"


def ground_text(ground: Any) -> str:
    """One ground: `AnnexIII.4(a): high-risk: ...`."""
    return f"{ground.citation}: {ground.text}"


def answer_text(value: Any) -> str:
    """A fact's answer as the manifest would write it: true, false, [a, b], [], a value, or
    `unanswered`."""
    if value is None:
        return "unanswered"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(answer_text(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {answer_text(v)}" for k, v in sorted(value.items())) + "}"
    return str(value)
