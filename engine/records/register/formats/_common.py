"""What several register formats say the same way: scores, the one-line summary, cells."""

from __future__ import annotations

from engine.records.register.build import COLUMNS, Register, RegisterRow
from engine.render.text import plural

#: the columns of the per-system totals table (html and markdown)
SYSTEM_HEADERS = ("System", "Name", "Team", "Risks", "Highest residual", "Open", "Overdue")


def score_text(score: int, likelihood: int, impact: int) -> str:
    """`12 (3x4)`: the score and the likelihood x impact it comes from."""
    return f"{score} ({likelihood}x{impact})"


def residual_text(row: RegisterRow) -> str:
    """The residual score, marked when the risk has none and the inherent score stands."""
    text = score_text(row.residual_score, row.residual_likelihood, row.residual_impact)
    return text if row.residual_basis == "assessed" else f"{text} not re-scored"


def inherent_text(row: RegisterRow) -> str:
    return score_text(row.inherent_score, row.likelihood, row.impact)


def summary(register: Register) -> str:
    """`11 risks in 3 systems, 9 open actions, 0 overdue as of 2026-11-26`."""
    open_actions = sum(row.open_actions for row in register.rows)
    return (
        f"{plural(len(register.rows), 'risk')} in {plural(len(register.systems), 'system')}, "
        f"{plural(open_actions, 'open action')}, {register.overdue_actions} overdue "
        f"as of {register.as_of.isoformat()}"
    )


def cells(row: RegisterRow) -> list[str]:
    """The row's values as strings, in `COLUMNS` order (controls joined by `; `)."""
    values = (getattr(row, column) for column in COLUMNS)
    return ["; ".join(value) if isinstance(value, tuple) else str(value) for value in values]


def unscored(register: Register) -> list[RegisterRow]:
    """Rows whose residual score falls back to the inherent one."""
    return [row for row in register.rows if row.residual_basis == "inherent"]


def without_risks(register: Register) -> list[str]:
    """Ids of the systems that record no risk at all (a gap in the register itself)."""
    return [system.system_id for system in register.systems if not system.risks]
