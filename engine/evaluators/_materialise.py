"""Write a policy set to a private folder, so OPA evaluates exactly what the engine loaded
(and, for a verified bundle, exactly what was verified: nothing is re-read from the source)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from engine.policy.sources import PolicySet


@contextmanager
def materialised(policies: PolicySet) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="ai-assure-policies-") as folder:
        root = Path(folder)
        for name, source in policies.modules:
            path = (root / name).resolve()
            if root.resolve() not in path.parents:
                raise ValueError(f"policy module name {name!r} leaves the policy folder")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(source, encoding="utf-8")
        if policies.data:
            (root / "data.json").write_text(json.dumps(policies.data), encoding="utf-8")
        yield root
