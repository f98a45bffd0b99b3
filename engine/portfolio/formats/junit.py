"""JUnit XML for a portfolio: one `<testsuite>` per system, each exactly the suite that
`check --format junit` writes for that system alone, under one `<testsuites>` whose counts
are their sums."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence

from engine.assessment.model import Report
from engine.portfolio.formats.interface import PortfolioFormat
from engine.portfolio.model import PortfolioCheck
from engine.render.text import inert
from engine.reporters import get_reporter

_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_COUNTS = ("tests", "failures", "errors")
_COUNT = re.compile(r' (tests|failures|errors)="(\d+)"')


class JUnitSummary(PortfolioFormat):
    name = "junit"

    def part(self, report: Report) -> str:
        """The system's `<testsuite>`, cut from its own JUnit document, where it is already
        indented as it sits inside `<testsuites>`."""
        lines = get_reporter("junit").render(report).rstrip("\n").split("\n")
        assert lines[1].startswith("<testsuites") and lines[-1] == "</testsuites>"
        return "\n".join(lines[2:-1])

    def render(self, portfolio: PortfolioCheck, parts: Sequence[str]) -> Iterator[str]:
        totals = dict.fromkeys(_COUNTS, 0)
        for part in parts:
            opening = part.split("\n", 1)[0]  # attribute values are escaped: no quote inside
            for name, value in _COUNT.findall(opening):
                totals[name] += int(value)
        extra = 1 if portfolio.errors else 0  # the run's own errors: one more testcase
        opening = (
            f'<testsuites name="ai-assure portfolio" tests="{totals["tests"] + extra}" '
            f'failures="{totals["failures"]}" errors="{totals["errors"] + extra}">'
        )
        yield _DECLARATION + opening + "\n"
        for part in parts:
            yield part + "\n"
        if portfolio.errors:
            yield _run_errors(portfolio) + "\n"
        yield "</testsuites>\n"


def _run_errors(portfolio: PortfolioCheck) -> str:
    """The run's own problems (a folder not searched, a duplicated id) as one failing suite."""
    suite = ET.Element("testsuite", name="ai-assure.portfolio", tests="1", errors="1")
    suite.set("failures", "0")
    case = ET.SubElement(suite, "testcase", classname="ai-assure.portfolio", name="portfolio")
    error = ET.SubElement(case, "error", message="the portfolio run had problems")
    error.text = "\n".join(inert(problem) for problem in portfolio.errors)
    ET.indent(suite, space="  ", level=1)
    return "  " + ET.tostring(suite, encoding="unicode")
