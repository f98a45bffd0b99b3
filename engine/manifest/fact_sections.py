"""The fact sections of a version 2 manifest written as commented YAML (`ai-assure init`,
`ai-assure migrate`): every fact the law turns on, answered where the answer is known and
null otherwise, each unanswered fact with its question and the provision it answers above it.
Nothing is guessed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

#: the version 2 sections that hold facts, in the order they are written
FACT_SECTIONS = ("organisation", "eu_ai_act", "uk_data_protection")


def fact_sections(document: dict[str, Any], intro: str) -> tuple[str, list[str]]:
    """The sections (`intro`, a comment, first) and the facts left unanswered, in the order
    the policies list them."""
    from engine.manifest.model_v2 import ManifestV2
    from engine.manifest.questions import fact_table

    facts = fact_table()
    unanswered: set[str] = set()
    out = [intro]
    for section in FACT_SECTIONS:
        model = ManifestV2.model_fields[section].annotation
        out.extend(_write(section, model, document.get(section) or {}, 0, facts, unanswered))
    return "".join(out), [fact for fact in facts if fact in unanswered]


def _write(
    path: str,
    model: Any,
    value: Any,
    depth: int,
    facts: dict[str, dict[str, Any]],
    unanswered: set[str],
) -> Iterator[str]:
    """The lines of one field: a section with its fields (left out when it holds neither a
    fact nor an answer), a fact (null with its question when unanswered), or an answer."""
    from pydantic import BaseModel

    key = path.rsplit(".", 1)[-1]
    indent = "  " * depth
    if isinstance(model, type) and issubclass(model, BaseModel):
        lines = [
            line
            for name, field in model.model_fields.items()
            for line in _write(
                f"{path}.{name}",
                field.annotation,
                value.get(name) if isinstance(value, dict) else None,
                depth + 1,
                facts,
                unanswered,
            )
        ]
        if lines:
            yield f"{indent}{key}:\n"
            yield from lines
        return
    if value is not None:
        yield f"{indent}{key}: {_flow(value)}\n"
        return
    fact = facts.get(path)
    if fact:
        unanswered.add(path)
        yield f"{indent}# QUESTION ({fact['cite']}): {fact['question']}\n"
        yield f"{indent}{key}: null\n"


def _flow(value: Any) -> str:
    """A value as one line of YAML (flow style)."""
    import yaml

    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.strip().removesuffix("...").strip()
