"""Output formats: one module per format, looked up by name and imported on first use.

Importing this package costs nothing beyond the registry below, so the CLI (which a
pre-commit hook runs on every commit) only pays for the formats it actually renders.
Adding a format means adding one module and one line to `REPORTERS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine.render.interface import get_renderer

if TYPE_CHECKING:
    from engine.reporters.interface import Reporter

#: format name -> "module:Class", resolved lazily by `get_reporter`
REPORTERS: dict[str, str] = {
    "text": "engine.reporters.text:TextReporter",
    "json": "engine.reporters.json:JsonReporter",
    "junit": "engine.reporters.junit:JUnitReporter",
    "sarif": "engine.reporters.sarif:SarifReporter",
    "sarif-github": "engine.reporters.sarif:GitHubSarifReporter",
    "gitlab": "engine.reporters.gitlab:GitLabCodeQualityReporter",
    "github": "engine.reporters.github:GitHubAnnotationsReporter",
    "html": "engine.reporters.html:HtmlReporter",
}

FORMATS: tuple[str, ...] = tuple(REPORTERS)


def get_reporter(name: str, **options: Any) -> Reporter:
    """The reporter registered as `name`, with the options its constructor takes (`color=True`
    for text, `github=True` for sarif; others are ignored). `ValueError` names the known
    formats when `name` is not registered."""
    reporter: Reporter = get_renderer(REPORTERS, name, "output format", **options)
    return reporter
