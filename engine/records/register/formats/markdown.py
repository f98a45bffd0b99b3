"""The register as Markdown (GitHub-flavoured tables), for a wiki page or a pull request.

Cell text is escaped with `engine.render.markdown.cell`, so it stays in its cell and renders as
text: Markdown syntax is backslash-escaped, `<`, `>` and `&` become entities, and line breaks
become `<br>`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from engine.records.register.build import Register
from engine.records.register.formats._common import (
    SYSTEM_HEADERS,
    inherent_text,
    residual_text,
    summary,
    unscored,
    without_risks,
)
from engine.records.register.formats.interface import RegisterFormat
from engine.render.markdown import cell, table

_RISK_HEADERS = (
    "Residual",
    "Inherent",
    "System",
    "Risk",
    "Title",
    "Category",
    "Treatment",
    "Owner",
    "Open actions",
    "Overdue",
    "Next due",
    "Controls",
)


class MarkdownRegister(RegisterFormat):
    name = "markdown"

    def render(self, register: Register) -> str:
        blocks = ["# AI risk register", f"{summary(register)}."]
        risk_rows = [
            [
                residual_text(row),
                inherent_text(row),
                row.system_id,
                row.risk_id,
                row.title,
                row.category,
                row.treatment,
                row.owner,
                row.open_actions,
                row.overdue_actions,
                row.next_due,
                ", ".join(row.controls),
            ]
            for row in register.rows
        ]
        blocks.append(_table(_RISK_HEADERS, risk_rows) if risk_rows else "No risks recorded.")
        if unscored(register):
            blocks.append("_not re-scored_: no residual score recorded; the inherent one stands.")
        blocks += ["## Systems", _table(SYSTEM_HEADERS, _system_rows(register))]
        if without_risks(register):
            blocks.append(f"Systems with no risks recorded: {', '.join(without_risks(register))}.")
        if register.errors:
            blocks.append("## Not included (the register is incomplete)")
            blocks.append("\n".join(f"- {cell(error)}" for error in register.errors))
        return "\n\n".join(blocks) + "\n"


def _system_rows(register: Register) -> list[list[object]]:
    return [
        [
            system.system_id,
            system.system_name,
            system.team,
            system.risks,
            system.highest_residual,
            system.open_actions,
            system.overdue_actions,
        ]
        for system in register.systems
    ]


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    return "\n".join(table(headers, ([cell(value) or "" for value in row] for row in rows)))
