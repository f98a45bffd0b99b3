"""The portfolio summary for a terminal or a CI log: one line per system, worst first, then
the totals and the run's verdict. Every value from a manifest is made inert."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from engine.portfolio.formats.interface import PortfolioFormat
from engine.portfolio.model import PortfolioCheck, SystemSummary
from engine.render.text import inert, plural

_ORDER = {"error": 0, "fail": 1, "pass": 2}


class TextSummary(PortfolioFormat):
    name = "text"

    def render(self, portfolio: PortfolioCheck, parts: Sequence[str]) -> Iterator[str]:
        systems = sorted(portfolio.systems, key=lambda s: (_ORDER[s.verdict], s.path))
        width = max((len(inert(s.id)) for s in systems), default=0)
        lines = [
            f"ai-assure portfolio check: {plural(len(systems), 'system')} as of "
            f"{portfolio.as_of} (fail on {portfolio.fail_on})",
            "",
            *(_line(system, width) for system in systems),
        ]
        lines += [f"error: {inert(problem)}" for problem in portfolio.errors]
        totals = portfolio.totals()
        lines += [
            "",
            f"{totals['pass']} pass, {totals['fail']} fail, {totals['error']} error; "
            f"portfolio verdict: {portfolio.verdict.upper()}",
        ]
        yield "\n".join(lines) + "\n"


def _line(system: SystemSummary, width: int) -> str:
    return (
        f"{system.verdict.upper():<5}  {inert(system.id):<{width}}  {system.tier:<10}  "
        f"{_detail(system)}  ({inert(system.path)})"
    )


def _detail(system: SystemSummary) -> str:
    if system.errors:
        more = f" (+{len(system.errors) - 1} more)" if len(system.errors) > 1 else ""
        return f"not assessed: {inert(system.errors[0], 120)}{more}"
    failed = [f"{count} {severity}" for severity, count in system.failed.items() if count]
    return "failed: " + ", ".join(failed) if failed else "no failed findings"
