"""`python -m engine.cli`: the same as the `ai-assure` console script."""

from engine.cli import run

run()
