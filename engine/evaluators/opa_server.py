"""`--evaluator opa-server`: a running OPA that serves the governance bundle, queried through
`opa-python-client` (the Data API) with timeouts.

Before trusting an answer the evaluator checks that the server really serves the policies
the engine interprets: some bundle the server has activated must carry the same revision as
the local policy set. Anything unexpected — server down, slow, an HTTP error, a body that
is not the documented shape — is an `EvaluationError`, so the gate fails closed.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from engine.core.limits import DEFAULT_TIMEOUT_S
from engine.evaluators.interface import ENTRYPOINT, EvaluationError, Evaluator
from engine.policy.sources import PolicySet


class OpaServerEvaluator(Evaluator):
    name = "opa-server"

    def __init__(
        self,
        opa_url: str | None = None,
        timeout: float = DEFAULT_TIMEOUT_S,
        token: str | None = None,
    ):
        if not opa_url:
            raise EvaluationError(
                "--evaluator opa-server needs --opa-url (e.g. http://127.0.0.1:8181)"
            )
        self.host, self.port, self.ssl = _split_url(opa_url)
        self.url = opa_url
        self.timeout = timeout
        self.token = token

    def evaluate(self, policies: PolicySet, input_document: dict[str, Any]) -> dict[str, Any]:
        from opa_client import OpaClient

        if policies.has_local:
            raise EvaluationError(
                "repository-local rules (--local-rules) cannot run on an OPA server, which serves "
                "only the governance bundle: use --evaluator embedded or opa"
            )
        client = OpaClient(
            host=self.host,
            port=self.port,
            ssl=self.ssl,
            token=self.token,
            timeout=self.timeout,
            retries=0,
        )
        try:
            self._check_revision(client, policies.revision)
            package, rule = ENTRYPOINT.rsplit("/", 1)
            answer = self._call(
                client.query_rule,
                input_document,
                package,
                rule,
                query_params={"strict-builtin-errors": "true"},
            )
        finally:
            client.close_connection()
        return _result_value(answer)

    def _check_revision(self, client: Any, expected: str) -> None:
        """Some activated bundle must carry the local policy set's revision."""
        answer = self._call(client.get_data, "system")
        system = answer.get("result") if isinstance(answer, dict) else None
        bundles = system.get("bundles") if isinstance(system, dict) else None
        if not isinstance(bundles, dict) or not bundles:
            raise EvaluationError(f"OPA at {self.url} serves no bundle; start it with --bundle")
        revisions = sorted(
            str(info.get("manifest", {}).get("revision", ""))
            for info in bundles.values()
            if isinstance(info, dict)
        )
        if expected not in revisions:
            raise EvaluationError(
                f"OPA at {self.url} serves bundle revision {', '.join(revisions) or '(none)'}, "
                f"not the expected {expected}"
            )

    def _call(self, method: Any, *args: Any, **kwargs: Any) -> Any:
        """Call the client; any failure it reports becomes an `EvaluationError`."""
        try:
            return method(*args, **kwargs)
        except Exception as exc:
            message = self._describe_failure(exc)
            if message is None:
                raise
            raise EvaluationError(message) from None

    def _describe_failure(self, exc: Exception) -> str | None:
        import requests
        from opa_client import errors

        if isinstance(exc, requests.Timeout):
            limit = f"{self.timeout:g} s (the limit is --timeout)"
            return f"OPA at {self.url} did not answer within {limit}"
        if isinstance(exc, requests.ConnectionError):
            return f"cannot reach OPA at {self.url}"
        if isinstance(exc, requests.HTTPError):
            return f"OPA at {self.url} answered {_http_problem(exc)}"
        if isinstance(exc, ValueError):
            return f"OPA at {self.url} answered with something that is not JSON"
        client_errors = (
            errors.PolicyNotFoundError,
            errors.ConnectionsError,
            errors.QueryExecuteError,
        )
        if isinstance(exc, client_errors):
            return f"OPA at {self.url}: {exc.message}"
        return None


def _split_url(url: str) -> tuple[str, int, bool]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EvaluationError(f"--opa-url {url!r} must look like http://HOST:PORT")
    if parts.path not in ("", "/"):
        raise EvaluationError(f"--opa-url {url!r}: give the server's root, without a path")
    ssl = parts.scheme == "https"
    return parts.hostname, parts.port or (443 if ssl else 80), ssl


def _http_problem(exc: Any) -> str:
    response = exc.response
    if response is None:
        return "with an HTTP error"
    try:
        body = response.json()
    except ValueError:
        return f"HTTP {response.status_code}: {response.text[:200]}"
    errors = body.get("errors") if isinstance(body, dict) else None
    if isinstance(errors, list) and errors:
        detail = "; ".join(
            str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in errors
        )
    else:
        detail = body.get("message", body) if isinstance(body, dict) else body
    return f"HTTP {response.status_code}: {detail}"


def _result_value(answer: Any) -> dict[str, Any]:
    if not isinstance(answer, dict):
        raise EvaluationError("OPA's answer is not a JSON object")
    if "result" not in answer:
        raise EvaluationError("data.ai_assure.main.result is undefined on the OPA server")
    value = answer["result"]
    if not isinstance(value, dict):
        raise EvaluationError("OPA's result is not an object")
    return value
