"""`--evaluator opa-server`: a real `opa run --server` on 127.0.0.1, driven through
opa-python-client. Down, slow, wrong revision or odd answers all fail closed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.evaluators import EvaluationError, get_evaluator
from engine.policy.sources import PolicySet

MAIN = 'package ai_assure.main\n\nimport rego.v1\n\nresult := {"tier": "minimal", "n": input.n}\n'


def bundle_dir(root: Path, source: str, revision: str = "r1") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "main.rego").write_text(source)
    (root / ".manifest").write_text(json.dumps({"revision": revision, "roots": ["ai_assure"]}))
    return root


def policy_set(revision: str = "r1") -> PolicySet:
    return PolicySet((("main.rego", MAIN),), (), "test", revision, "sha256:0")


def evaluate(url: str, document: dict, revision: str = "r1", **options):
    return get_evaluator("opa-server", opa_url=url, **options).evaluate(
        policy_set(revision), document
    )


def test_answers_from_the_served_bundle(run_opa_server, tmp_path):
    with run_opa_server("--bundle", str(bundle_dir(tmp_path / "b", MAIN))) as url:
        assert evaluate(url, {"n": 4}) == {"tier": "minimal", "n": 4}


def test_a_different_bundle_revision_is_refused(run_opa_server, tmp_path):
    with (
        run_opa_server("--bundle", str(bundle_dir(tmp_path / "b", MAIN, "r2"))) as url,
        pytest.raises(EvaluationError, match="serves bundle revision r2, not the expected r1"),
    ):
        evaluate(url, {"n": 1})


def test_a_server_without_a_bundle_is_refused(run_opa_server):
    with run_opa_server() as url, pytest.raises(EvaluationError, match="serves no bundle"):
        evaluate(url, {"n": 1})


def test_an_undefined_result_is_an_error(run_opa_server, tmp_path):
    source = MAIN.replace("result :=", "other :=")
    with (
        run_opa_server("--bundle", str(bundle_dir(tmp_path / "b", source))) as url,
        pytest.raises(EvaluationError, match="undefined on the OPA server"),
    ):
        evaluate(url, {"n": 1})


def test_a_result_of_the_wrong_shape_is_an_error(run_opa_server, tmp_path):
    source = MAIN.replace('{"tier": "minimal", "n": input.n}', '"garbage"')
    with (
        run_opa_server("--bundle", str(bundle_dir(tmp_path / "b", source))) as url,
        pytest.raises(EvaluationError, match="not an object"),
    ):
        evaluate(url, {"n": 1})


def test_builtin_errors_are_strict(run_opa_server, tmp_path):
    source = MAIN.replace("input.n}", "1 / input.n}")
    with (
        run_opa_server("--bundle", str(bundle_dir(tmp_path / "b", source))) as url,
        pytest.raises(EvaluationError, match="divide by zero"),
    ):
        evaluate(url, {"n": 0})


def test_a_slow_server_times_out(run_opa_server, tmp_path):
    slow = MAIN.replace("input.n", "count([x | some x in numbers.range(1, 50000000)])")
    with (
        run_opa_server("--bundle", str(bundle_dir(tmp_path / "b", slow))) as url,
        pytest.raises(EvaluationError, match=r"did not answer within 0\.5 s"),
    ):
        evaluate(url, {}, timeout=0.5)


def test_a_server_that_is_down_is_an_error(opa_binary):
    from socket import socket

    with socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(EvaluationError, match="cannot reach OPA"):
        evaluate(f"http://127.0.0.1:{port}", {})


@pytest.mark.parametrize("url", [None, "", "ftp://host:1", "http://127.0.0.1:8181/v1/data"])
def test_a_missing_or_odd_url_is_refused(url):
    with pytest.raises(EvaluationError, match="opa-url"):
        get_evaluator("opa-server", opa_url=url)
