"""The department view's HTML page (`ai-assure portfolio --format html`) in headless
Chromium, like the assurance report: no console message of any kind, the charts drawn from
inline SVG (no script on the page), and a screenshot that shows them."""

from __future__ import annotations

from tests.cli import ROOT, ai_assure
from tests.integrations.test_html_in_browser import FAIL_RED, HEIGHT, WIDTH, near, open_page

PASS_GREEN = (0x00, 0x70, 0x3C)


def test_the_portfolio_page_renders_in_chromium_with_its_charts(chromium, tmp_path):
    store = tmp_path / "results.db"
    for as_of in ("2026-09-01", "2026-11-26"):
        result = ai_assure("check", "--discover", ROOT / "examples", "--as-of", as_of,
                           "--store", store, "--format", "json")  # fmt: skip
        assert result.returncode == 1, result.stderr
    page = tmp_path / "portfolio.html"
    result = ai_assure(
        "portfolio", "--store", store, "--as-of", "2026-12-01", "--format", f"html={page}"
    )
    assert result.returncode == 0, result.stderr
    html = page.read_text()
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    dom, screenshot = open_page(chromium, page, tmp_path)
    for system in ("probation-risk-assistant", "document-search", "public-llm-assistant"):
        assert system in dom
    assert dom.count("<svg") == 1 + 3 + 1 + 1  # verdicts, a sparkline per system, trend, controls
    assert "Overdue DPIA and FRIA reviews" in dom and "docs/dpia.yaml" in dom
    assert (screenshot.width, screenshot.height) == (WIDTH, HEIGHT)
    colours = screenshot.colours(rows=400)  # the summary and its verdict bar
    assert any(near(colour, FAIL_RED) for colour in colours), "no failing segment in the bar"
    assert any(near(colour, PASS_GREEN) for colour in colours), "no passing segment in the bar"
