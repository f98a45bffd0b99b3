"""The department view as one self-contained HTML page: the assurance report's skeleton,
styles and escaping (engine/render/html.py), with charts drawn as inline SVG, so the page
needs no script and loads nothing. Every chart has a text alternative (its `<title>` and
`aria-label`), and its numbers are in a table beside it: colour is never the only signal.
"""

from __future__ import annotations

from engine import __version__
from engine.portfolio.view.build import FrameworkTrend, PortfolioView, SystemStatus
from engine.portfolio.view.formats.interface import ViewFormat
from engine.render.html import (
    Html,
    badge,
    code,
    element,
    facts,
    identifier,
    join,
    page,
    section,
    table,
)

#: verdict colours (the report's own), and one colour per framework line, in order
_VERDICT_COLOURS = {"pass": "#00703c", "fail": "#d4351c", "error": "#4c2c92"}
_LINE_COLOURS = (
    "#1d70b8",
    "#d4351c",
    "#00703c",
    "#4c2c92",
    "#f47738",
    "#5694ca",
    "#b58840",
    "#505a5f",
)
_CHART_WIDTH, _CHART_HEIGHT = 640, 220


class HtmlView(ViewFormat):
    name = "html"

    def render(self, document: PortfolioView) -> str:
        body = [
            element("h1", "AI portfolio"),
            element("p", f"Every system's latest check, as of {document.as_of}.", class_="lead"),
            _summary(document),
            _systems(document),
            _frameworks(document),
            _exceptions(document),
            _reviews(document),
            _controls(document),
            _rollout(document),
        ]
        return page(
            f"AI portfolio as of {document.as_of}",
            body,
            f"ai-assure {__version__}: from {document.runs} stored runs; ai-assure/portfolio/v1",
        )


def _summary(document: PortfolioView) -> Html:
    totals = document.totals()
    return section(
        "summary",
        "Summary",
        facts(
            [
                ("Systems", str(totals["systems"])),
                ("Pass", str(totals["pass"])),
                ("Fail", str(totals["fail"])),
                ("Error", str(totals["error"])),
                ("Runs in the store", str(document.runs)),
            ]
        ),
        _verdict_bar(totals),
    )


def _verdict_bar(totals: dict[str, int]) -> Html:
    """One bar, a segment per verdict, each long as its share of the systems."""
    total = max(totals["systems"], 1)
    label = ", ".join(f"{totals[v]} {v}" for v in ("pass", "fail", "error"))
    segments, x = [], 0.0
    for verdict in ("pass", "fail", "error"):
        width = _CHART_WIDTH * totals[verdict] / total
        if width:
            segments.append(
                _svg("rect", x=f"{x:.1f}", y="0", width=f"{width:.1f}", height="28",
                     fill=_VERDICT_COLOURS[verdict], class_=f"bar-{verdict}")
            )  # fmt: skip
        x += width
    return _chart(f"Verdicts: {label}", _CHART_WIDTH, 28, segments)


def _systems(document: PortfolioView) -> Html:
    rows = [
        (
            badge(system.verdict),
            identifier(system.id),
            system.name,
            system.tier,
            system.assurance_level or "unknown",
            system.last_checked,
            str(system.days_since),
            str(system.runs),
            system.direction,
            _sparkline(system),
        )
        for system in document.systems
    ]
    headers = ("Verdict", "System", "Name", "EU AI Act", "Assurance", "Last checked",
               "Days since", "Runs", "Trend", "Failed findings")  # fmt: skip
    return section(
        "systems",
        "Systems",
        table("Latest run per system, worst first", headers, rows, numeric=(6, 7)),
    )


def _sparkline(system: SystemStatus) -> Html:
    """Failed findings over the system's last runs (a dot per run, coloured by verdict)."""
    width, height = 120, 24
    counts = [point.failed for point in system.trend]
    top = max(max(counts), 1)
    step = width / max(len(counts) - 1, 1)
    points = [
        (step * index, height - 3 - (height - 6) * count / top)
        for index, count in enumerate(counts)
    ]
    shapes = [
        _svg("polyline", points=" ".join(f"{x:.1f},{y:.1f}" for x, y in points),
             fill="none", stroke="#505a5f", stroke_width="1.5")
    ]  # fmt: skip
    shapes += [
        _svg("circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r="2.5",
             fill=_VERDICT_COLOURS.get(point.verdict, "#505a5f"))
        for (x, y), point in zip(points, system.trend, strict=True)
    ]  # fmt: skip
    label = "failed findings per run: " + ", ".join(
        f"{p.as_of} {p.verdict} {p.failed}" for p in system.trend
    )
    return _chart(label, width, height, shapes, class_="spark")


def _frameworks(document: PortfolioView) -> Html:
    if not document.frameworks:
        return section("frameworks", "Trend per framework", element("p", "No runs yet."))
    rows = [
        (trend.framework, point.as_of, str(point.failing), str(point.assessed),
         f"{_pass_rate(point.failing, point.assessed):.0f}%")
        for trend in document.frameworks
        for point in trend.points
    ]  # fmt: skip
    return section(
        "frameworks",
        "Trend per framework",
        _trend_chart(document.frameworks),
        table(
            "Controls failed per framework on each assessment date (every system's latest run)",
            ("Framework", "Date", "Failed", "Assessed", "Passed or waived"),
            rows,
            numeric=(2, 3, 4),
        ),
    )


def _pass_rate(failing: int, assessed: int) -> float:
    return 100.0 * (assessed - failing) / assessed if assessed else 100.0


def _trend_chart(trends: tuple[FrameworkTrend, ...]) -> Html:
    """A line per framework: the share of its assessed controls not failed, on each date."""
    dates = sorted({point.as_of for trend in trends for point in trend.points})
    left, plot_w, plot_h = 40, _CHART_WIDTH - 200, _CHART_HEIGHT - 34
    step = plot_w / max(len(dates) - 1, 1)
    shapes: list[Html] = [
        _svg("line", x1=str(left), y1=str(10), x2=str(left), y2=str(10 + plot_h), stroke="#b1b4b6"),
        _svg("text", "100%", x="2", y="16", font_size="11"),
        _svg("text", "0%", x="12", y=str(10 + plot_h), font_size="11"),
        _svg("text", dates[0], x=str(left), y=str(_CHART_HEIGHT - 4), font_size="11"),
    ]  # fmt: skip
    if len(dates) > 1:
        shapes.append(_svg("text", dates[-1], x=str(left + plot_w - 60), y=str(_CHART_HEIGHT - 4),
                           font_size="11"))  # fmt: skip
    for number, trend in enumerate(trends):
        colour = _LINE_COLOURS[number % len(_LINE_COLOURS)]
        points = [
            (left + step * dates.index(p.as_of),
             10 + plot_h * (1 - _pass_rate(p.failing, p.assessed) / 100))
            for p in trend.points
        ]  # fmt: skip
        shapes.append(
            _svg("polyline", points=" ".join(f"{x:.1f},{y:.1f}" for x, y in points),
                 fill="none", stroke=colour, stroke_width="2", class_="trend-line")
        )  # fmt: skip
        shapes.append(_svg("text", trend.framework, x=str(left + plot_w + 12),
                           y=str(18 + 16 * number), fill=colour, font_size="12"))  # fmt: skip
    label = "Controls passed or waived, per framework, on each date: " + "; ".join(
        f"{t.framework} "
        + ", ".join(f"{p.as_of} {_pass_rate(p.failing, p.assessed):.0f}%" for p in t.points)
        for t in trends
    )
    return _chart(label, _CHART_WIDTH, _CHART_HEIGHT, shapes, class_="trend")


def _exceptions(document: PortfolioView) -> Html:
    rows = [
        (identifier(e.system_id), code(e.rule), e.approved_until, str(e.days_left), e.ticket,
         e.approved_by)
        for e in document.exceptions
    ]  # fmt: skip
    return section(
        "exceptions",
        f"Exceptions expiring within {document.within_days} days",
        table("Approved exceptions, soonest expiry first",
              ("System", "Rule", "Approved until", "Days left", "Ticket", "Approved by"), rows,
              numeric=(3,))
        if rows
        else element("p", "None."),
    )  # fmt: skip


def _reviews(document: PortfolioView) -> Html:
    rows = [
        (identifier(r.system_id), r.kind.upper(), code(r.path), r.review_by, str(r.days_overdue))
        for r in document.reviews
    ]
    return section(
        "reviews",
        "Overdue DPIA and FRIA reviews",
        table("Reviews past their review-by date, most overdue first",
              ("System", "Record", "File", "Review by", "Days overdue"), rows, numeric=(4,))
        if rows
        else element("p", "None."),
    )  # fmt: skip


def _controls(document: PortfolioView) -> Html:
    if not document.controls:
        return section("controls", "Controls failing most", element("p", "None."))
    top = max(len(c.systems) for c in document.controls)
    bar_h, label_w = 22, 190
    shapes: list[Html] = []
    for row, control in enumerate(document.controls):
        width = (_CHART_WIDTH - label_w - 40) * len(control.systems) / top
        y = row * bar_h
        shapes += [
            _svg("text", control.control, x="0", y=str(y + 15), font_size="12"),
            _svg("rect", x=str(label_w), y=str(y + 3), width=f"{width:.1f}", height="16",
                 fill="#d4351c", class_="control-bar"),
            _svg("text", str(len(control.systems)), x=f"{label_w + width + 6:.1f}", y=str(y + 15),
                 font_size="12"),
        ]  # fmt: skip
    label = "Systems failing each control: " + ", ".join(
        f"{c.control} {len(c.systems)}" for c in document.controls
    )
    rows = [(code(c.control), str(len(c.systems)), ", ".join(c.systems)) for c in document.controls]
    return section(
        "controls",
        "Controls failing most",
        _chart(label, _CHART_WIDTH, bar_h * len(document.controls), shapes),
        table("Controls failed by the most systems (latest runs)",
              ("Control", "Systems", "Which"), rows, numeric=(1,)),
    )  # fmt: skip


def _rollout(document: PortfolioView) -> Html:
    rows = [
        (code(rule.rule_id), rule.title, rule.phase, rule.warn_from or "-",
         rule.fail_from or "not set", str(len(rule.systems)), str(len(rule.will_fail)),
         ", ".join(rule.will_fail))
        for rule in document.rollout
    ]  # fmt: skip
    return section(
        "rollout",
        "Staged rollout",
        table("Staged rules and the systems each fails once enforced (latest runs)",
              ("Rule", "Title", "Phase", "Warn from", "Fail from", "Systems", "Will fail",
               "Which"), rows, numeric=(5, 6))
        if rows
        else element("p", "No staged rules."),
    )  # fmt: skip


def _chart(label: str, width: int, height: int, shapes: list[Html], class_: str = "chart") -> Html:
    """An SVG image with its text alternative."""
    content = join([_svg("title", label), *shapes])
    return element(
        "svg",
        content,
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {width} {height}",
        width=str(width),
        height=str(height),
        role="img",
        aria_label=label,
        class_=class_,
    )


def _svg(tag: str, content: object = "", **attributes: str) -> Html:
    """An SVG element (its text escaped like any other)."""
    return element(tag, content, **attributes)
