"""The register for a terminal: a one-line summary, then an aligned table, worst risk first.

Titles come last so a long one never pushes the other columns out of line; every cell is
shown through `engine.render.text.inert`, so register content can neither drive the terminal
nor start a CI workflow command.
"""

from __future__ import annotations

from engine.records.register.build import Register, RegisterRow
from engine.records.register.formats._common import (
    inherent_text,
    residual_text,
    summary,
    unscored,
    without_risks,
)
from engine.records.register.formats.interface import RegisterFormat
from engine.render.text import inert

_HEADERS = (
    "RESIDUAL",
    "INHERENT",
    "SYSTEM",
    "RISK",
    "CATEGORY",
    "TREATMENT",
    "OWNER",
    "OPEN",
    "OVERDUE",
    "NEXT DUE",
    "TITLE",
)


class TextRegister(RegisterFormat):
    name = "text"

    def render(self, register: Register) -> str:
        blocks = [f"AI risk register: {summary(register)}"]
        if register.rows:
            blocks.append(_table([_HEADERS, *(_cells(row) for row in register.rows)]))
        else:
            blocks.append("No risks recorded.")
        if unscored(register):
            blocks.append("'not re-scored': no residual score recorded; the inherent one stands.")
        if without_risks(register):
            blocks.append(f"Systems with no risks recorded: {', '.join(without_risks(register))}")
        if register.errors:
            problems = "\n".join(f"  ! {inert(error)}" for error in register.errors)
            blocks.append(f"Not included (the register is incomplete):\n{problems}")
        return "\n\n".join(blocks) + "\n"


def _cells(row: RegisterRow) -> tuple[str, ...]:
    values = (
        residual_text(row),
        inherent_text(row),
        row.system_id,
        row.risk_id,
        row.category,
        row.treatment or "-",
        row.owner or "-",
        str(row.open_actions),
        str(row.overdue_actions),
        row.next_due or "-",
        row.title,
    )
    return tuple(inert(value) for value in values)


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )
