"""Lazy plug-in lookup shared by the evaluator, reporter and adapter registries.

Each registry maps a name to a "module:Class" string so that only the implementation a run
uses is ever imported (start-up time matters: a pre-commit hook runs us on every commit).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any


def load_class(registry: dict[str, str], name: str, what: str) -> Any:
    """The class registered as `name`; `KeyError` naming the known entries otherwise."""
    try:
        module_name, class_name = registry[name].split(":")
    except KeyError:
        known = ", ".join(registry)
        raise KeyError(f"unknown {what} {name!r} (known: {known})") from None
    return getattr(import_module(module_name), class_name)
