"""The conformance tests' real OPA server, serving the bundled policies."""

from __future__ import annotations

import json
import shutil

import pytest

from engine.core.assets import bundled_policy_dir
from engine.policy.sources import data_files_in, rego_files
from tests.conformance.harness import POLICIES


@pytest.fixture(scope="session")
def opa_url(run_opa_server, tmp_path_factory):
    """A real OPA server serving the bundled policies as a bundle with their revision."""
    bundle = tmp_path_factory.mktemp("bundle")
    source = bundled_policy_dir()  # Rego only: the server runs OPA's own evaluator
    for path in [*rego_files(source), *data_files_in(source)]:
        target = bundle / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    manifest = {"revision": POLICIES.revision, "roots": ["ai_assure"]}
    (bundle / ".manifest").write_text(json.dumps(manifest))
    with run_opa_server("--bundle", str(bundle)) as url:
        yield url
