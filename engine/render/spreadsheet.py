"""Cells that spreadsheets open as text, never as formulas.

People open our CSV files in Excel, so no cell may start a formula: a cell beginning with
`=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice for CSV
injection), which spreadsheets show as text and never evaluate.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """`=HYPERLINK(...)` -> `'=HYPERLINK(...)`; anything else unchanged."""
    return f"'{cell}" if cell.startswith(FORMULA_TRIGGERS) else cell
