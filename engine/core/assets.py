"""Where the bundled policies, controls catalogue and schemas are: inside the installed wheel
(`engine/_assets/`) or, in a source checkout, at the repository's top level."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]


def asset_dir(name: str) -> Path:
    """The bundled folder `name` (`policies`, `controls_catalogue`, `schemas`)."""
    installed = _PACKAGE_DIR / "_assets" / name
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / name


def bundled_policy_dir() -> Path:
    """The policies shipped with ai-assure."""
    return asset_dir("policies")


def bundled_catalogue_dir() -> Path:
    """The controls catalogue shipped with ai-assure."""
    return asset_dir("controls_catalogue")
